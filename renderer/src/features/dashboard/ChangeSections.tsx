import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Comparison, ComparisonRow, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, ChartLegend, Folded, NoChart, ResultTable, RowNote, Section } from './ChartParts';
import { formatCount, formatSigned, formatSignedInterval, pick } from './format';
import { useTranslate } from './hooks';
import { noticeText, type NoticeContext } from './notices';
import { detailIds, VERDICT_MARK, verdictWord } from './summary-text';
import {
  changeDomain,
  changeTicks,
  differenceCells,
  differenceCharts,
  differenceRows,
  independentCells,
  orderedRows,
  pairedCells,
  reverseKeyed,
  waveLabelOf,
  type CellTexts,
  type DifferenceRow,
} from './model';

const AXIS = { fill: '#33404f', fontSize: 13 };
const UP = '#1f5f8b';
const DOWN = '#b8430b';

// --- 4. Change: the comparison over everyone ---------------------------------------------------------

export function ChangeSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const baseline = d.waves[0];
  return (
    <Section
      id="dash-change"
      title={t('dashboard.change.title')}
      intro={<p>{baseline ? t('dashboard.change.intro', { baseline: baseline.label }) : null}</p>}
      testId="section-change"
    >
      {d.comparisons.length === 0 ? (
        <NoChart text={t('dashboard.change.needTwo')} testId="no-chart-change" />
      ) : (
        d.comparisons.map((c) => <ChangeForWave key={c.followUpWaveId} d={d} c={c} locale={locale} texts={texts} />)
      )}
    </Section>
  );
}

/**
 * One follow-up wave against the baseline: per scale the all-respondents difference with its 95%
 * interval and what it means (chart and table). Per statement: `IndicatorChangeSection`; the test
 * statistics: the researchers' tab.
 */
function ChangeForWave({ d, c, locale, texts }: { d: Dashboard; c: Comparison; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const baseline = waveLabelOf(d.waves, c.baselineWaveId);
  const followUp = waveLabelOf(d.waves, c.followUpWaveId);
  const wave = c.followUpWaveId;
  const scaleRows = differenceRows(d, c, 'scale', locale);
  return (
    <div className="per-wave" data-testid={`change-${wave}`}>
      <h3>{t('dashboard.change.subtitle', { baseline, followUp })}</h3>
      <ConditionChangeCharts d={d} c={c} locale={locale} />
      <DifferenceTable
        rows={scaleRows}
        caption={t('dashboard.change.caption', { baseline, followUp })}
        baseline={baseline}
        followUp={followUp}
        testId={`headline-${wave}`}
        locale={locale}
        texts={texts}
        last="verdict"
        rowId={(r) => detailIds.conditionChange(wave, r.id)}
      />
    </div>
  );
}

/** The change of each scale from the baseline to one follow-up wave as diverging bars: the charts of ChangeSection, also drawn for reports. */
export function ConditionChangeCharts({ d, c, locale }: { d: Dashboard; c: Comparison; locale: Locale }) {
  const baseline = waveLabelOf(d.waves, c.baselineWaveId);
  const followUp = waveLabelOf(d.waves, c.followUpWaveId);
  return <DifferenceCharts rows={differenceRows(d, c, 'scale', locale)} baseline={baseline} followUp={followUp} id={`${c.followUpWaveId}-scales`} locale={locale} />;
}

/** The verdict on a difference: a symbol (not only colour) and the words. */
export function VerdictCell({ verdict, testId }: { verdict: DifferenceRow['verdict']; testId?: string }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  return (
    <td className={`verdict verdict-${verdict}`} data-testid={testId}>
      <span className="summary-mark" aria-hidden="true">
        {VERDICT_MARK[verdict]}
      </span>{' '}
      {verdict === 'tooFew' ? t('summary.verdict.tooFew') : verdictWord(verdict, translate)}
    </td>
  );
}

/**
 * Diverging bars of the all-respondents difference with their 95% interval, one chart per score
 * range, in the order of the rows. The value beside each bar carries ▲ or ▼ when its interval
 * excludes zero.
 */
export function DifferenceCharts({ rows, baseline, followUp, id, locale }: { rows: DifferenceRow[]; baseline: string; followUp: string; id: string; locale: Locale }) {
  const { t } = useTranslation();
  const charts = differenceCharts(rows);
  if (charts.length === 0) return <NoChart text={t('dashboard.noValues')} testId={`no-chart-change-${id}`} />;
  return (
    <>
      {charts.map(({ key, range, rows: bars }) => {
        const domain = changeDomain(bars);
        const mark = (r: DifferenceRow) => (r.verdict === 'higher' || r.verdict === 'lower' ? `${VERDICT_MARK[r.verdict]} ` : '');
        const labels = new Map(bars.map((r) => [r.id, `${mark(r)}${formatSigned(r.diff, locale)} ${formatSignedInterval(r.ciLow, r.ciHigh, locale, 2, '')}`.trim()]));
        const up = bars.filter((r) => (r.diff ?? 0) > 0).length;
        const down = bars.filter((r) => (r.diff ?? 0) < 0).length;
        const patternId = `down-${id}-${key}`;
        return (
          <ChartFigure
            key={key}
            label={t('dashboard.change.chartLabel', { baseline, followUp, up, down, count: bars.length, ...range })}
            testId={`chart-change-${id}-${key}`}
            legend={
              <ChartLegend
                items={[
                  { key: 'up', label: t('dashboard.change.up'), colour: UP, pattern: 'solid' },
                  { key: 'down', label: t('dashboard.change.down'), colour: DOWN, pattern: 'diagonal' },
                  { key: 'ci', label: t('dashboard.change.interval'), colour: '#1d2733' },
                ]}
              />
            }
          >
            <BarChart width={800} height={bars.length * 30 + 60} data={bars} layout="vertical" margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <defs>
                <pattern id={patternId} width="8" height="8" patternUnits="userSpaceOnUse">
                  <rect width="8" height="8" fill="#ffffff" />
                  <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={DOWN} strokeWidth="2.5" />
                </pattern>
              </defs>
              <CartesianGrid yAxisId="rows" horizontal={false} stroke="#e1e6ec" />
              <XAxis type="number" dataKey="diff" domain={domain} ticks={changeTicks(domain)} interval={0} tick={AXIS} tickFormatter={(v: number) => formatSigned(v, locale, 1)} />
              <YAxis yAxisId="rows" type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 12 }} interval={0} />
              {/* The difference and its interval as a column on the right (also for a bar of length 0). */}
              <YAxis
                yAxisId="values"
                orientation="right"
                type="category"
                dataKey="id"
                width={210}
                axisLine={false}
                tickLine={false}
                interval={0}
                tick={{ fill: '#1d2733', fontSize: 12 }}
                tickFormatter={(rowId: string) => labels.get(rowId) ?? ''}
              />
              <ReferenceLine yAxisId="rows" x={0} stroke="#1d2733" strokeWidth={1.5} />
              <Bar yAxisId="rows" dataKey="diff" barSize={18} isAnimationActive={false}>
                {bars.map((r) => (
                  <Cell key={r.id} fill={(r.diff ?? 0) >= 0 ? UP : `url(#${patternId})`} stroke={(r.diff ?? 0) >= 0 ? UP : DOWN} strokeWidth={1.5} />
                ))}
                <ErrorBar dataKey="ci" width={6} stroke="#1d2733" strokeWidth={1.5} direction="x" />
              </Bar>
            </BarChart>
          </ChartFigure>
        );
      })}
    </>
  );
}

/**
 * The headline table: n per wave, of which pairs, the difference with its interval, and last what
 * it means in words (`verdict`, for coordinators) or the test (`test`, for researchers).
 */
export function DifferenceTable({
  rows,
  caption,
  baseline,
  followUp,
  testId,
  locale,
  texts,
  last,
  rowId,
}: {
  rows: DifferenceRow[];
  caption: string;
  baseline: string;
  followUp: string;
  testId: string;
  locale: Locale;
  texts: CellTexts;
  last: 'verdict' | 'test';
  /** The id of a row, for a link from the summary. */
  rowId?: (r: DifferenceRow) => string;
}) {
  const { t } = useTranslation();
  const items = rows.some((r) => r.kind === 'item');
  return (
    <ResultTable
      caption={caption}
      testId={testId}
      className="stats-table"
      columns={[
        items ? t('dashboard.item') : t('dashboard.scale'),
        ...(items ? [t('dashboard.scale')] : []),
        numeric(t('dashboard.change.nIn', { wave: baseline })),
        numeric(t('dashboard.change.nIn', { wave: followUp })),
        numeric(t('dashboard.change.nPairs')),
        numeric(t('dashboard.change.difference')),
        numeric(t('dashboard.ci')),
        last === 'verdict' ? t('indicatorChange.verdict') : numeric(t('dashboard.change.test')),
      ]}
    >
      <tbody>
        {rows.map((r) => {
          const cells = differenceCells(r, locale);
          return (
            <tr key={r.id} id={rowId?.(r)} data-testid={`${testId}-${r.id}`} className={r.verdict === 'higher' || r.verdict === 'lower' ? 'clear-change' : undefined}>
              <th scope="row">
                {r.label}
                {r.reverse && <RowNote>{t('dashboard.reverse.afterReversal')}</RowNote>}
              </th>
              {items && <td>{r.scaleLabel}</td>}
              {r.status === 'absent' ? (
                <td colSpan={6} className="withheld withheld-span">
                  {t('dashboard.change.absent')}
                </td>
              ) : (
                <>
                  {cells.slice(0, 3).map((cell, i) => (
                    <td key={i} className="numeric">
                      {cell}
                    </td>
                  ))}
                  {r.status === 'tooSmall' ? (
                    <td colSpan={3} className="withheld withheld-span">
                      {texts.suppressed}
                    </td>
                  ) : (
                    <>
                      {cells.slice(3, 5).map((cell, i) => (
                        <td key={i} className="numeric" data-testid={i === 0 ? `${testId}-${r.id}-diff` : undefined}>
                          {cell}
                        </td>
                      ))}
                      {last === 'verdict' ? <VerdictCell verdict={r.verdict} testId={`${testId}-${r.id}-verdict`} /> : <td className="numeric">{cells[5]}</td>}
                    </>
                  )}
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </ResultTable>
  );
}

// --- 8. Statistics: baseline versus follow-up --------------------------------------------------------

export function StatsSection({ d, locale, noticeContext }: { d: Dashboard; locale: Locale; noticeContext: NoticeContext }) {
  const { t } = useTranslation();
  return (
    <Section
      id="dash-stats"
      title={t('dashboard.stats.title')}
      intro={
        <p className="exploratory-note">
          <strong>{t('dashboard.stats.exploratory')}</strong> {t('dashboard.stats.intro')}
        </p>
      }
      testId="section-stats"
    >
      {d.comparisons.length === 0 ? (
        <NoChart text={t('dashboard.change.needTwo')} testId="no-stats" />
      ) : (
        d.comparisons.map((c) => <ComparisonBlock key={c.followUpWaveId} d={d} c={c} locale={locale} noticeContext={noticeContext} />)
      )}
    </Section>
  );
}

function ComparisonBlock({ d, c, locale, noticeContext }: { d: Dashboard; c: Comparison; locale: Locale; noticeContext: NoticeContext }) {
  const { t } = useTranslation();
  const baseline = waveLabelOf(d.waves, c.baselineWaveId);
  const followUp = waveLabelOf(d.waves, c.followUpWaveId);
  const rows = orderedRows(c);
  const scaleRows = rows.filter((r) => r.kind === 'scale');
  const itemRows = rows.filter((r) => r.kind === 'item');
  const reversed = new Set(reverseKeyed(d, locale).map((r) => r.itemId));
  const l = c.linking;
  const linkCounts: [key: string, label: string, count: number][] = [
    ['matched', t('dashboard.stats.matched'), l.matched],
    ['tolerant', t('dashboard.stats.tolerant'), l.tolerant],
    ['proposals', t('dashboard.stats.proposals'), l.proposals],
    ['rejected', t('dashboard.stats.rejected'), l.rejected],
    ['unmatched-baseline', t('dashboard.stats.unmatchedIn', { wave: baseline }), l.unmatchedBaseline],
    ['unmatched-followup', t('dashboard.stats.unmatchedIn', { wave: followUp }), l.unmatchedFollowUp],
  ];
  return (
    <div className="per-wave" data-testid={`stats-${c.followUpWaveId}`}>
      <h3>{t('dashboard.stats.subtitle', { baseline, followUp })}</h3>
      <dl className="counts counts-small" data-testid={`linking-${c.followUpWaveId}`}>
        {linkCounts.map(([key, label, count]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`linking-${key}-${c.followUpWaveId}`}>{formatCount(count, locale)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t('dashboard.stats.tolerantHint')} {t('dashboard.stats.methodHint')}
      </p>

      <StatsTables rows={scaleRows} baseline={baseline} followUp={followUp} locale={locale} noticeContext={noticeContext} testId={`stats-scales-${c.followUpWaveId}`} kind="scale" reversed={reversed} />
      {itemRows.length > 0 && (
        <Folded summary={t('dashboard.stats.perItem')}>
          <StatsTables rows={itemRows} baseline={baseline} followUp={followUp} locale={locale} noticeContext={noticeContext} testId={`stats-items-${c.followUpWaveId}`} kind="item" reversed={reversed} />
        </Folded>
      )}
    </div>
  );
}

function StatsTables({
  rows,
  baseline,
  followUp,
  locale,
  noticeContext,
  testId,
  kind,
  reversed,
}: {
  rows: ComparisonRow[];
  baseline: string;
  followUp: string;
  locale: Locale;
  noticeContext: NoticeContext;
  testId: string;
  kind: 'scale' | 'item';
  /** Reverse-keyed items: their differences are after reversal. */
  reversed: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const tooSmall = t('dashboard.stats.tooSmall');
  const method = (m: 'exact' | 'normal' | null) => (m === 'exact' ? t('dashboard.stats.exact') : m === 'normal' ? t('dashboard.stats.normal') : '');
  const rowHead = (r: ComparisonRow) => {
    // The row already names its scale or item: no subject in front of the note.
    const notes = r.notices.map((n) => noticeText(n, translate, { ...noticeContext, labels: new Map() }));
    return (
      <th scope="row">
        {pick(r.label, locale)}
        {reversed.has(r.id) && <RowNote>{t('dashboard.reverse.afterReversal')}</RowNote>}
        {notes.map((note) => (
          <span key={note} className="row-note">
            {note}
          </span>
        ))}
      </th>
    );
  };
  const firstHead = kind === 'scale' ? t('dashboard.scale') : t('dashboard.item');
  const tables = [
    {
      name: 'paired',
      caption: t('dashboard.stats.pairedCaption', { baseline, followUp }),
      columns: [t('dashboard.stats.nMatched'), t('dashboard.stats.meanDiff'), t('dashboard.ci'), t('dashboard.stats.tTest'), t('dashboard.stats.wilcoxon'), t('dashboard.stats.dz'), t('dashboard.stats.rankBiserial')],
      methodAt: 4,
      row: (r: ComparisonRow) => ({ cells: pairedCells(r.paired, locale, tooSmall), tooSmall: r.paired.tooSmall, method: r.paired.wilcoxonV !== null ? method(r.paired.wilcoxonMethod) : '' }),
    },
    {
      name: 'independent',
      caption: t('dashboard.stats.independentCaption', { baseline, followUp }),
      columns: [t('dashboard.stats.nUnmatched', { baseline, followUp }), t('dashboard.stats.meanDiff'), t('dashboard.stats.welch'), t('dashboard.stats.mannWhitney'), t('dashboard.stats.rankBiserial')],
      methodAt: 3,
      row: (r: ComparisonRow) => ({
        cells: independentCells(r.independent, locale, tooSmall),
        tooSmall: r.independent.tooSmall,
        method: r.independent.mannWhitneyW !== null ? method(r.independent.mannWhitneyMethod) : '',
      }),
    },
  ];
  return (
    <>
      {tables.map((table) => (
        <ResultTable key={table.name} caption={table.caption} testId={`${testId}-${table.name}`} className="stats-table" columns={[firstHead, ...table.columns.map((label) => numeric(label))]}>
          <tbody>
            {rows.map((r) => (
              <StatsRow key={r.id} testId={`${table.name}-${r.id}`} head={rowHead(r)} methodAt={table.methodAt} {...table.row(r)} />
            ))}
          </tbody>
        </ResultTable>
      ))}
    </>
  );
}

/**
 * One row of a statistics table: its name, then a cell per statistic, the rank test's cell with
 * its method (exact or normal) after it. When too few are matched, the n stays and one sentence
 * spans the other columns.
 */
function StatsRow({ testId, head, cells, tooSmall, method, methodAt }: { testId: string; head: ReactNode; cells: string[]; tooSmall: boolean; method: string; methodAt: number }) {
  return (
    <tr data-testid={testId}>
      {head}
      {(tooSmall ? cells.slice(0, 2) : cells).map((cell, i) => (
        <td key={i} className={tooSmall && i === 1 ? 'withheld withheld-span' : 'numeric'} colSpan={tooSmall && i === 1 ? cells.length - 1 : undefined}>
          {cell}
          {i === methodAt && method && !tooSmall ? ` (${method})` : ''}
        </td>
      ))}
    </tr>
  );
}
