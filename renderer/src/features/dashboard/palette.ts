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

/**
 * Scored options from the lowest ("helemaal oneens", "nee": red-brown) through the middle (grey) to
 * the highest ("helemaal eens", "ja": blue), for a scale of any length: the five stops of the 1–5
 * agreement scale, interpolated for 3, 4, 7, 10 … options. Not-scored options are grey.
 */
const DIVERGING = ['#8c2d04', '#d9825b', '#c9ced6', '#6aa3cc', '#1f5f8b'];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hexOf = (channels: number[]) => `#${channels.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export function optionColour(position: number, scoredCount: number, scored: boolean): string {
  if (!scored) return '#7a8491';
  if (scoredCount <= 1) return DIVERGING.at(-1)!;
  const at = (Math.min(Math.max(position, 0), scoredCount - 1) / (scoredCount - 1)) * (DIVERGING.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, DIVERGING.length - 1);
  if (at === below) return DIVERGING[below]!;
  const [a, b] = [rgb(DIVERGING[below]!), rgb(DIVERGING[above]!)];
  return hexOf(a.map((v, k) => v + (b[k]! - v) * (at - below)));
}

/** Text on top of a segment: dark on light fills, white on dark ones. */
export function textOn(fill: string): string {
  const hex = fill.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.3 ? '#1d2733' : '#ffffff';
}
