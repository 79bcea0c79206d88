/**
 * How series are told apart: a colour (each at least 4.5:1 on white), and also a dash pattern,
 * a marker shape and a fill pattern, so that nobody depends on colour alone.
 */
export const SERIES_COLOURS = ['#1f5f8b', '#b8430b', '#0f6e4f', '#6d2fa8', '#8a5a00', '#a3195b', '#37474f', '#00627a'] as const;

/** stroke-dasharray per series: solid, dashed, dotted, dash-dot, … */
export const SERIES_DASHES = ['', '8 4', '2 4', '10 4 2 4', '4 2', '12 3 3 3 3 3', '1 2', '16 4'] as const;

export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down', 'star', 'plus'] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** Fill patterns for bars: solid, diagonal hatching, dots, cross-hatching, … */
export const FILL_PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'back-diagonal', 'grid'] as const;
export type FillPattern = (typeof FILL_PATTERNS)[number];

const at = <T>(list: readonly T[], i: number): T => list[((i % list.length) + list.length) % list.length]!;

export function seriesStyle(index: number) {
  return {
    colour: at(SERIES_COLOURS, index),
    dash: at(SERIES_DASHES, index),
    marker: at(MARKERS, index),
    pattern: at(FILL_PATTERNS, index),
  };
}

/** Agreement options from "helemaal oneens" (red-brown) to "helemaal eens" (blue); not-scored options grey. */
const AGREEMENT_5 = ['#8c2d04', '#d9825b', '#c9ced6', '#6aa3cc', '#1f5f8b'];

export function optionColour(position: number, scoredCount: number, scored: boolean): string {
  if (!scored) return '#7a8491';
  if (scoredCount === 5) return AGREEMENT_5[position] ?? '#1f5f8b';
  if (scoredCount <= 1) return '#1f5f8b';
  // Other scales: a ramp from light to dark blue.
  const t = position / (scoredCount - 1);
  const light = [0xc6, 0xdb, 0xef];
  const dark = [0x17, 0x4a, 0x6c];
  const mix = light.map((l, k) => Math.round(l + (dark[k]! - l) * t));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Text on top of a segment: dark on light fills, white on dark ones. */
export function textOn(fill: string): string {
  const hex = fill.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.3 ? '#1d2733' : '#ffffff';
}
