import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveColumn } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { TableHead, type Column } from '../../components/DataTable';
import { Field, Options } from '../../components/Field';
import { ChartImageButtons } from '../export/ChartImageButtons';
import { formatCount, tableToTsv } from './format';
import { seriesStyle, type FillPattern, type MarkerShape } from './palette';
import { useInPrint } from './printLayout';

/**
 * Pieces every results chart shares. A chart is a picture (`role="img"` with a short
 * description); the table next to it carries the same numbers and is what assistive technology
 * and the clipboard use.
 */

export function ChartFigure({ label, caption, children, testId, legend }: { label: string; caption?: string; children: ReactNode; testId?: string; legend?: ReactNode }) {
  const figureRef = useRef<HTMLElement>(null);
  return (
    <figure className="chart dashboard-chart" data-testid={testId} ref={figureRef}>
      <div role="img" aria-label={label} className="chart-canvas">
        {children}
      </div>
      {legend}
      {caption && <figcaption>{caption}</figcaption>}
      {/* Save as PNG (print resolution) or SVG for reports; hidden in the print view. */}
      <ChartImageButtons figure={() => figureRef.current} title={label.split(/:\s|\.\s/)[0] ?? label} />
    </figure>
  );
}

export function Section({ id, title, intro, children, testId }: { id: string; title: string; intro?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="panel dashboard-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {intro && <div className="section-intro">{intro}</div>}
      {children}
    </section>
  );
}

/**
 * A table with a visible caption, a header row from `columns` and a button that copies it as
 * tab-separated text. `children` are its `tbody` elements.
 */
export function ResultTable({
  caption,
  columns,
  children,
  testId,
  className,
}: {
  caption: string;
  columns: readonly (Column | string)[];
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLTableElement>(null);
  return (
    <div className="result-table">
      {/* Focusable so a wide table can be scrolled with the keyboard; named after its caption. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table ref={ref} className={`data-table ${className ?? ''}`.trim()} data-testid={testId}>
          <caption>{caption}</caption>
          <TableHead columns={columns} />
          {children}
        </table>
      </div>
      <CopyTableButton tableRef={ref} caption={caption} />
    </div>
  );
}

/** A mean in a result table: right-aligned, with its n under it when given; else the sentence why it is not shown. */
export function MeanCell({ shown, text, n, locale, testId }: { shown: boolean; text: string; n?: number; locale: Locale; testId?: string }) {
  const { t } = useTranslation();
  return (
    <td className={shown ? 'numeric' : 'withheld'} data-testid={testId}>
      {text}
      {shown && n !== undefined && <span className="cell-n">{t('dashboard.nEquals', { n: formatCount(n, locale) })}</span>}
    </td>
  );
}

/** A short note under a row's name ("na omkeren", "1 tot 7"), after a space so that copied text keeps the words apart. */
export function RowNote({ children }: { children: ReactNode }) {
  return (
    <>
      {' '}
      <span className="row-note">{children}</span>
    </>
  );
}

/** Every row of a table as text cells (colspans repeated as empty cells, so columns line up). */
export function tableCells(table: HTMLTableElement): string[][] {
  return Array.from(table.rows).map((row) =>
    Array.from(row.cells).flatMap((cell) => {
      const text = (cell.textContent ?? '').trim();
      return [text, ...Array.from({ length: Math.max(0, cell.colSpan - 1) }, () => '')];
    }),
  );
}

function copyThroughSelection(text: string, returnFocus: HTMLElement): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.style.position = 'fixed';
  field.style.left = '-10000px';
  document.body.appendChild(field);
  field.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  returnFocus.focus();
  return ok;
}

function CopyTableButton({ tableRef, caption }: { tableRef: RefObject<HTMLTableElement | null>; caption: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (button: HTMLButtonElement) => {
    const table = tableRef.current;
    if (!table) return;
    const text = tableToTsv(tableCells(table));
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // The main process refuses every permission request, which may include clipboard writes:
      // then copy the classic way, through a selected text field, within the same click.
      setStatus(copyThroughSelection(text, button) ? 'copied' : 'failed');
    }
  };
  return (
    <div className="copy-table">
      <button type="button" className="link-button" onClick={(e) => void copy(e.currentTarget)} aria-label={t('dashboard.copyTableNamed', { table: caption })}>
        {t('dashboard.copyTable')}
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' ? t('dashboard.copied') : status === 'failed' ? t('dashboard.copyFailed') : ''}
      </span>
    </div>
  );
}

// --- Markers, dashes and patterns --------------------------------------------------------------------

export function MarkerShapeSvg({ shape, x, y, size, colour }: { shape: MarkerShape; x: number; y: number; size: number; colour: string }) {
  const s = size;
  const common = { fill: colour, stroke: '#ffffff', strokeWidth: 1 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={s * 0.55} {...common} />;
    case 'square':
      return <rect x={x - s * 0.5} y={y - s * 0.5} width={s} height={s} {...common} />;
    case 'triangle':
      return <polygon points={`${x},${y - s * 0.65} ${x + s * 0.6},${y + s * 0.45} ${x - s * 0.6},${y + s * 0.45}`} {...common} />;
    case 'triangle-down':
      return <polygon points={`${x},${y + s * 0.65} ${x + s * 0.6},${y - s * 0.45} ${x - s * 0.6},${y - s * 0.45}`} {...common} />;
    case 'diamond':
      return <polygon points={`${x},${y - s * 0.7} ${x + s * 0.6},${y} ${x},${y + s * 0.7} ${x - s * 0.6},${y}`} {...common} />;
    case 'cross':
      return (
        <g stroke={colour} strokeWidth={2.5}>
          <line x1={x - s * 0.5} y1={y - s * 0.5} x2={x + s * 0.5} y2={y + s * 0.5} />
          <line x1={x - s * 0.5} y1={y + s * 0.5} x2={x + s * 0.5} y2={y - s * 0.5} />
        </g>
      );
    case 'plus':
      return (
        <g stroke={colour} strokeWidth={2.5}>
          <line x1={x - s * 0.55} y1={y} x2={x + s * 0.55} y2={y} />
          <line x1={x} y1={y - s * 0.55} x2={x} y2={y + s * 0.55} />
        </g>
      );
    case 'star': {
      const pts = Array.from({ length: 10 }, (_, k) => {
        const r = k % 2 === 0 ? s * 0.7 : s * 0.3;
        const a = (Math.PI / 5) * k - Math.PI / 2;
        return `${x + r * Math.cos(a)},${y + r * Math.sin(a)}`;
      }).join(' ');
      return <polygon points={pts} {...common} />;
    }
  }
}

interface DotProps {
  cx?: number;
  cy?: number;
  value?: unknown;
  payload?: unknown;
  index?: number;
}

const usable = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/**
 * A recharts `dot` that draws the series' marker, and nothing for a missing value. `offsetY`
 * shifts it a little, so that equal values of several series stay visible side by side.
 */
export function markerDot(shape: MarkerShape, colour: string, size = 10, offsetY = 0) {
  function Dot(props: DotProps) {
    const value = Array.isArray(props.value) ? props.value.at(-1) : props.value;
    if (!usable(props.cx) || !usable(props.cy) || !usable(value)) return <g key={`m-${props.index ?? 0}`} />;
    return (
      <g key={`m-${props.index ?? 0}`}>
        <MarkerShapeSvg shape={shape} x={props.cx!} y={props.cy! + offsetY} size={size} colour={colour} />
      </g>
    );
  }
  return Dot;
}

/** SVG patterns, one per series, for bars: `url(#<prefix>-<i>)`. */
export function PatternDefs({ prefix, count, colours }: { prefix: string; count: number; colours?: string[] }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const style = seriesStyle(i);
        return <FillPatternDef key={i} id={`${prefix}-${i}`} pattern={style.pattern} colour={colours?.[i] ?? style.colour} />;
      })}
    </defs>
  );
}

export function FillPatternDef({ id, pattern, colour }: { id: string; pattern: FillPattern; colour: string }) {
  const size = 8;
  const line = { stroke: colour, strokeWidth: 2.5 };
  let marks: ReactNode = null;
  switch (pattern) {
    case 'solid':
      marks = <rect width={size} height={size} fill={colour} />;
      break;
    case 'diagonal':
      marks = <path d={`M-2,2 l4,-4 M0,${size} l${size},-${size} M${size - 2},${size + 2} l4,-4`} {...line} />;
      break;
    case 'back-diagonal':
      marks = <path d={`M-2,${size - 2} l4,4 M0,0 l${size},${size} M${size - 2},-2 l4,4`} {...line} />;
      break;
    case 'dots':
      marks = <circle cx={size / 2} cy={size / 2} r={2} fill={colour} />;
      break;
    case 'cross':
      marks = <path d={`M0,0 l${size},${size} M${size},0 l-${size},${size}`} {...line} strokeWidth={1.5} />;
      break;
    case 'horizontal':
      marks = <path d={`M0,${size / 2} h${size}`} {...line} />;
      break;
    case 'vertical':
      marks = <path d={`M${size / 2},0 v${size}`} {...line} />;
      break;
    case 'grid':
      marks = <path d={`M0,${size / 2} h${size} M${size / 2},0 v${size}`} {...line} strokeWidth={1.5} />;
      break;
  }
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse">
      <rect width={size} height={size} fill="#ffffff" />
      {marks}
    </pattern>
  );
}

export interface LegendItem {
  key: string;
  label: string;
  colour: string;
  dash?: string;
  marker?: MarkerShape;
  pattern?: FillPattern;
  /** Only the marker (a dot chart), no line. */
  markerOnly?: boolean;
}

/** An HTML legend whose swatches repeat the series' line, marker or fill pattern. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  const prefix = useId().replace(/:/g, '');
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend">
      {items.map((item, i) => (
        <li key={item.key}>
          <svg width="36" height="18" aria-hidden="true" focusable="false">
            {item.pattern && (
              <>
                <defs>
                  <FillPatternDef id={`${prefix}-${i}`} pattern={item.pattern} colour={item.colour} />
                </defs>
                <rect x="4" y="2" width="28" height="14" fill={`url(#${prefix}-${i})`} stroke={item.colour} strokeWidth="1.5" />
              </>
            )}
            {!item.pattern && !item.markerOnly && <line x1="2" y1="9" x2="34" y2="9" stroke={item.colour} strokeWidth="2.5" strokeDasharray={item.dash || undefined} />}
            {item.marker && <MarkerShapeSvg shape={item.marker} x={18} y={9} size={9} colour={item.colour} />}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** A choice of what a section shows, on one line with its label. */
export function InlineSelect({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <Field id={id} label={label} inline>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <Options options={options} />
      </select>
    </Field>
  );
}

/** Which wave a per-wave section shows; the last wave by default. */
export function WaveSelect({ waves, value, onChange, label }: { waves: readonly WaveColumn[]; value: string; onChange: (waveId: string) => void; label: string }) {
  if (waves.length <= 1) return null;
  return <InlineSelect label={label} value={value} onChange={onChange} options={waves.map((w) => ({ value: w.waveId, label: w.label }))} />;
}

/**
 * A part folded away on screen (`<details>`, opened by its summary); in the print view it is drawn
 * open, without the summary that would open it, since paper cannot be clicked.
 */
export function Folded({ summary, children, testId }: { summary: string; children: ReactNode; testId?: string }) {
  const inPrint = useInPrint();
  if (inPrint) {
    return (
      <div className="item-details" data-testid={testId}>
        {children}
      </div>
    );
  }
  return (
    <details className="item-details" data-testid={testId}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** The sentence for a chart that has nothing to draw. */
export function NoChart({ text, testId }: { text: string; testId?: string }) {
  return (
    <p className="empty no-chart" data-testid={testId}>
      {text}
    </p>
  );
}
