import { useRef } from 'react';
import type { ScoreRange } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { formatDate } from '../../lib/format';
import { ChartImageButtons } from '../export/ChartImageButtons';
import { PatternDefs } from './ChartParts';
import type { SmallMultiplePanel } from './comparison';
import { formatNumber } from './format';
import { rangeTicks } from './model';
import { seriesStyle } from './palette';
import { wrapLabel } from './wrap';

/**
 * Small multiples of the comparison: one small bar chart per network, every one with the same
 * scales in the same order and the same axis, side by side in a grid, so that fifty networks are
 * fifty pictures to scan instead of one chart with a legend of fifty entries. Plain SVG (no
 * recharts): fifty of them draw in a few milliseconds. The pictures are hidden from assistive
 * technology; the sortable table above them carries the same numbers, and the grid follows its order.
 */

const WIDTH = 300;
const LABEL_WIDTH = 104;
const PLOT_LEFT = LABEL_WIDTH + 8;
const PLOT_RIGHT = WIDTH - 34;
const FONT = 11;
const LINE = 13;
const BAR = 10;
const BAR_GAP = 2;
const ROW_PAD = 10;
const AXIS_HEIGHT = 20;
const INK = '#1d2733';
const SOFT = '#4a5665';

/** Characters of a line at a font size: about 0.55 em per character. */
const charsFor = (width: number, size: number) => Math.floor(width / (size * 0.55));

interface PanelTexts {
  /** After a wave without a planned date. */
  noDate: string;
  /** Where a mean is not shown (suppressed, no answers, not measured). */
  missing: string;
}

export function NetworkMultiples({ panels, range, label, texts, locale, testId }: { panels: SmallMultiplePanel[]; range: ScoreRange; label: string; texts: PanelTexts; locale: Locale; testId: string }) {
  const figureRef = useRef<HTMLElement>(null);
  return (
    <figure className="chart compare-multiples" data-testid={testId} ref={figureRef}>
      <div role="img" aria-label={label} className="small-multiples compare-multiples-grid">
        {panels.map((p, i) => (
          <NetworkPanel key={p.networkId} panel={p} range={range} texts={texts} locale={locale} patternPrefix={`${testId}-${i}`} />
        ))}
      </div>
      {/* All panels as one picture for a report, as they are laid out on screen. */}
      <ChartImageButtons figure={() => figureRef.current} title={label.split(/\.\s/)[0] ?? label} />
    </figure>
  );
}

function NetworkPanel({ panel, range, texts, locale, patternPrefix }: { panel: SmallMultiplePanel; range: ScoreRange; texts: PanelTexts; locale: Locale; patternPrefix: string }) {
  const waves = panel.waves.length;
  const x = (v: number) => PLOT_LEFT + ((v - range.min) / (range.max - range.min)) * (PLOT_RIGHT - PLOT_LEFT);
  const ticks = rangeTicks([range.min, range.max]);
  const titleLines = wrapLabel(panel.network, charsFor(WIDTH - 4, 13), 2);
  // Latest wave only: its label and date under the name. Every wave: a legend of the network's own waves.
  const waveText = (w: SmallMultiplePanel['waves'][number]) => `${w.label} · ${w.plannedDate ? formatDate(w.plannedDate, locale) : texts.noDate}`;
  const headHeight = titleLines.length * 16 + (waves === 1 ? LINE + 6 : waves * LINE + 6);
  // The same row height in every panel: room for the longest label (at most two lines) or the bars.
  const labels = panel.rows.map((row) => wrapLabel(row.label, charsFor(LABEL_WIDTH, FONT), 2));
  const rowHeight = Math.max(Math.max(1, ...labels.map((l) => l.length)) * LINE, waves * (BAR + BAR_GAP)) + ROW_PAD;
  const plotTop = headHeight + 4;
  const plotHeight = panel.rows.length * rowHeight;
  const height = plotTop + plotHeight + AXIS_HEIGHT;
  return (
    <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} className="small-multiple" aria-hidden="true" focusable="false" data-network={panel.network}>
      {waves > 1 && <PatternDefs prefix={patternPrefix} count={waves} />}
      {titleLines.map((line, i) => (
        <text key={i} x={2} y={14 + i * 16} fontSize={13} fontWeight={600} fill={INK}>
          {line}
        </text>
      ))}
      {panel.waves.map((w, i) => {
        const y = titleLines.length * 16 + 2 + i * LINE;
        return (
          <g key={w.waveId}>
            {waves > 1 && <rect x={2} y={y + 2} width={16} height={BAR} fill={`url(#${patternPrefix}-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1} />}
            <text x={waves > 1 ? 22 : 2} y={y + 11} fontSize={FONT} fill={SOFT}>
              {waveText(w)}
            </text>
          </g>
        );
      })}
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={plotTop} y2={plotTop + plotHeight} stroke="#e1e6ec" />
          <text x={x(t)} y={plotTop + plotHeight + 14} fontSize={FONT} fill={SOFT} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {panel.rows.map((row, r) => {
        const top = plotTop + r * rowHeight + ROW_PAD / 2;
        const lines = labels[r]!;
        const middle = top + (rowHeight - ROW_PAD) / 2;
        const barsTop = middle - (waves * (BAR + BAR_GAP) - BAR_GAP) / 2;
        return (
          <g key={row.scaleId}>
            {lines.map((line, i) => (
              <text key={i} x={LABEL_WIDTH} y={middle + (i - (lines.length - 1) / 2) * LINE + 4} fontSize={FONT} fill={INK} textAnchor="end">
                {line}
              </text>
            ))}
            {row.values.map((v, i) =>
              v === null ? (
                <text key={i} x={PLOT_LEFT + 4} y={barsTop + i * (BAR + BAR_GAP) + BAR - 1} fontSize={10} fill={SOFT} fontStyle="italic">
                  {texts.missing}
                </text>
              ) : (
                <g key={i}>
                  <rect
                    x={PLOT_LEFT}
                    y={barsTop + i * (BAR + BAR_GAP)}
                    width={Math.max(1, x(v) - PLOT_LEFT)}
                    height={BAR}
                    fill={waves > 1 ? `url(#${patternPrefix}-${i})` : seriesStyle(0).colour}
                    stroke={seriesStyle(i).colour}
                    strokeWidth={1}
                  />
                  <text x={x(v) + 3} y={barsTop + i * (BAR + BAR_GAP) + BAR - 1} fontSize={10} fill={INK}>
                    {formatNumber(v, locale)}
                  </text>
                </g>
              ),
            )}
          </g>
        );
      })}
      <line x1={PLOT_LEFT} x2={PLOT_LEFT} y1={plotTop} y2={plotTop + plotHeight} stroke={SOFT} />
    </svg>
  );
}
