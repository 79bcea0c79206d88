import { wrapLabel } from './wrap';

/**
 * The name of a radar's axis, outside the outermost ring: recharts puts the tick `RADAR_LABEL_GAP`
 * pixels beyond the ring (`tickSize`), clear of the largest marker on it, and this draws the name
 * there, wrapped over at most three lines and set away from the chart: to the right of a point on
 * the right, to the left on the left, above a point at the top and below one at the bottom.
 */

export const RADAR_LABEL_GAP = 16;
const FONT = 13;
const LINE = 15;
/** Characters per line: the chart's side margin holds about this many at 13 px. */
export const RADAR_LABEL_CHARS = 18;

interface TickProps {
  x?: number | string;
  y?: number | string;
  cx?: number | string;
  cy?: number | string;
  payload?: { value?: unknown };
}

export function RadarTick(props: TickProps) {
  const [x, y, cx, cy] = [props.x, props.y, props.cx, props.cy].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const { payload } = props;
  const lines = wrapLabel(String(payload?.value ?? ''), RADAR_LABEL_CHARS, 3);
  const dx = x - cx;
  const dy = y - cy;
  const length = Math.hypot(dx, dy) || 1;
  const cos = dx / length;
  const sin = dy / length;
  const anchor = cos > 0.1 ? 'start' : cos < -0.1 ? 'end' : 'middle';
  // Top: the last line sits just above the point; bottom: the first line just below it; sides: centred.
  const block = (lines.length - 1) * LINE;
  const firstBaseline = sin < -0.5 ? y - block - 2 : sin > 0.5 ? y + FONT : y - block / 2 + FONT * 0.35;
  return (
    <text x={x} y={firstBaseline} textAnchor={anchor} fontSize={FONT} fill="#1d2733" className="radar-axis-label">
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={firstBaseline + i * LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
