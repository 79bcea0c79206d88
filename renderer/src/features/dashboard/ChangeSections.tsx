import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Comparison, ComparisonRow, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { ChartFigure, ChartLegend, NoChart, ResultTable, Section } from './ChartParts';
import { formatCount, formatNumber, formatSigned, pick } from './format';
import { useTranslate } from './hooks';
import { noticeText, type NoticeContext } from './notices';
import { changeDomain, changeRows, independentCells, orderedRows, pairedCells, waveLabelOf, type CellTexts, type ChangeRow } from './model';

const AXIS = { fill: '#33404f', fontSize: 13 };
const UP = '#1f5f8b';
const DOWN = '#b8430b';

// --- 4. Change per indicator versus baseline -------------------------------------------------------

export function ChangeSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const baseline = d.waves[0];
  const followUps = d.waves.slice(1);
  return (
    <Section
      id="dash-change"
      title={t('dashboard.change.title')}
      intro={<p>{baseline ? t('dashboard.change.intro', { baseline: baseline.label }) : null}</p>}
      testId="section-change"
    >
      {followUps.length === 0 || !baseline ? (
        <NoChart text={t('dashboard.change.needTwo')} testId="no-chart-change" />
      ) : (
        followUps.map((w) => <ChangeForWave key={w.waveId} d={d} followUpWaveId={w.waveId} locale={locale} texts={texts} />)
      )}
    </Section>
  );
}

function ChangeForWave({ d, followUpWaveId, locale, texts }: { d: Dashboard; followUpWaveId: string; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const baseline = d.waves[0]!.label;
  const followUp = waveLabelOf(d.waves, followUpWaveId);
  const rows = changeRows(d, followUpWaveId, locale);
  const bars = rows.filter((r) => r.diff !== null);
  const domain = changeDomain(rows);
  const statusText = (r: ChangeRow) =>
    r.status === 'absent' ? t('dashboard.change.absent') : r.status === 'suppressed' ? texts.suppressed : t('dashboard.change.empty');
  const barLabel = (r: ChangeRow) => `${formatSigned(r.diff, locale)} · ${t('dashboard.change.nPair', { baseline: formatCount(r.nBaseline, locale), followUp: formatCount(r.nFollowUp, locale) })}`;
  const labels = new Map(bars.map((r) => [r.itemId, barLabel(r)]));
  const up = bars.filter((r) => (r.diff ?? 0) > 0).length;
  const down = bars.filter((r) => (r.diff ?? 0) < 0).length;
  return (
    <div className="per-wave" data-testid={`change-${followUpWaveId}`}>
      <h3>{t('dashboard.change.subtitle', { baseline, followUp })}</h3>
      {bars.length > 0 ? (
        <ChartFigure
          label={t('dashboard.change.chartLabel', { baseline, followUp, up, down, count: bars.length })}
          testId={`chart-change-${followUpWaveId}`}
          legend={
            <ChartLegend
              items={[
                { key: 'up', label: t('dashboard.change.up'), colour: UP, pattern: 'solid' },
                { key: 'down', label: t('dashboard.change.down'), colour: DOWN, pattern: 'diagonal' },
              ]}
            />
          }
        >
          <BarChart
            width={800}
            height={bars.length * 30 + 60}
            data={bars}
            layout="vertical"
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
            accessibilityLayer={false}
          >
            <defs>
              <pattern id={`down-${followUpWaveId}`} width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" fill="#ffffff" />
                <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={DOWN} strokeWidth="2.5" />
              </pattern>
            </defs>
            <CartesianGrid yAxisId="items" horizontal={false} stroke="#e1e6ec" />
            <XAxis type="number" dataKey="diff" domain={domain} tick={AXIS} tickFormatter={(v: number) => formatSigned(v, locale, 1)} />
            <YAxis yAxisId="items" type="category" dataKey="label" width={250} tick={{ fill: '#1d2733', fontSize: 12 }} interval={0} />
            {/* The difference and both n of each bar, as a column on the right (also for a bar of length 0). */}
            <YAxis
              yAxisId="values"
              orientation="right"
              type="category"
              dataKey="itemId"
              width={190}
              axisLine={false}
              tickLine={false}
              interval={0}
              tick={{ fill: '#1d2733', fontSize: 12 }}
              tickFormatter={(id: string) => labels.get(id) ?? ''}
            />
            <ReferenceLine yAxisId="items" x={0} stroke="#1d2733" strokeWidth={1.5} />
            <Bar yAxisId="items" dataKey="diff" barSize={18} isAnimationActive={false}>
              {bars.map((r) => (
                <Cell key={r.itemId} fill={(r.diff ?? 0) >= 0 ? UP : `url(#down-${followUpWaveId})`} stroke={(r.diff ?? 0) >= 0 ? UP : DOWN} strokeWidth={1.5} />
              ))}
            </Bar>
          </BarChart>
        </ChartFigure>
      ) : (
        <NoChart text={t('dashboard.noValues')} testId={`no-chart-change-${followUpWaveId}`} />
      )}
      <ResultTable caption={t('dashboard.change.caption', { baseline, followUp })} testId={`change-table-${followUpWaveId}`}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.item')}</th>
            <th scope="col">{t('dashboard.scale')}</th>
            <th scope="col" className="numeric">
              {t('dashboard.change.meanIn', { wave: baseline })}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.change.nIn', { wave: baseline })}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.change.meanIn', { wave: followUp })}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.change.nIn', { wave: followUp })}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.change.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId} data-testid={`change-row-${followUpWaveId}-${r.itemId}`}>
              <th scope="row">{r.label}</th>
              <td>{r.scaleLabel}</td>
              {r.status === 'ok' ? (
                <>
                  <td className="numeric">{formatNumber(r.baselineMean, locale)}</td>
                  <td className="numeric">{formatCount(r.nBaseline, locale)}</td>
                  <td className="numeric">{formatNumber(r.followUpMean, locale)}</td>
                  <td className="numeric">{formatCount(r.nFollowUp, locale)}</td>
                  <td className="numeric" data-testid={`change-diff-${followUpWaveId}-${r.itemId}`}>
                    {formatSigned(r.diff, locale)}
                  </td>
                </>
              ) : (
                <td colSpan={5} className="withheld withheld-span" data-testid={`change-diff-${followUpWaveId}-${r.itemId}`}>
                  {statusText(r)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ResultTable>
    </div>
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

      <StatsTables rows={scaleRows} baseline={baseline} followUp={followUp} locale={locale} noticeContext={noticeContext} testId={`stats-scales-${c.followUpWaveId}`} kind="scale" />
      {itemRows.length > 0 && (
        <details className="item-details">
          <summary>{t('dashboard.stats.perItem')}</summary>
          <StatsTables rows={itemRows} baseline={baseline} followUp={followUp} locale={locale} noticeContext={noticeContext} testId={`stats-items-${c.followUpWaveId}`} kind="item" />
        </details>
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
}: {
  rows: ComparisonRow[];
  baseline: string;
  followUp: string;
  locale: Locale;
  noticeContext: NoticeContext;
  testId: string;
  kind: 'scale' | 'item';
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
        {notes.map((note) => (
          <span key={note} className="row-note">
            {note}
          </span>
        ))}
      </th>
    );
  };
  const firstHead = kind === 'scale' ? t('dashboard.scale') : t('dashboard.item');
  return (
    <>
      <ResultTable caption={t('dashboard.stats.pairedCaption', { baseline, followUp })} testId={`${testId}-paired`} className="stats-table">
        <thead>
          <tr>
            <th scope="col">{firstHead}</th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.nMatched')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.meanDiff')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.ci')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.tTest')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.wilcoxon')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.dz')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.rankBiserial')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const cells = pairedCells(r.paired, locale, tooSmall);
            const m = method(r.paired.wilcoxonMethod);
            return (
              <tr key={r.id} data-testid={`paired-${r.id}`}>
                {rowHead(r)}
                {cells.map((cell, i) => (
                  <td key={i} className={r.paired.tooSmall && i === 1 ? 'withheld withheld-span' : 'numeric'} colSpan={r.paired.tooSmall && i === 1 ? 6 : undefined}>
                    {cell}
                    {i === 4 && m && !r.paired.tooSmall && r.paired.wilcoxonV !== null ? ` (${m})` : ''}
                  </td>
                )).filter((_, i) => !(r.paired.tooSmall && i > 1))}
              </tr>
            );
          })}
        </tbody>
      </ResultTable>
      <ResultTable caption={t('dashboard.stats.independentCaption', { baseline, followUp })} testId={`${testId}-independent`} className="stats-table">
        <thead>
          <tr>
            <th scope="col">{firstHead}</th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.nUnmatched', { baseline, followUp })}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.meanDiff')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.welch')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.mannWhitney')}
            </th>
            <th scope="col" className="numeric">
              {t('dashboard.stats.rankBiserial')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const cells = independentCells(r.independent, locale, tooSmall);
            const m = method(r.independent.mannWhitneyMethod);
            return (
              <tr key={r.id} data-testid={`independent-${r.id}`}>
                {rowHead(r)}
                {cells
                  .map((cell, i) => (
                    <td key={i} className={r.independent.tooSmall && i === 1 ? 'withheld withheld-span' : 'numeric'} colSpan={r.independent.tooSmall && i === 1 ? 4 : undefined}>
                      {cell}
                      {i === 3 && m && !r.independent.tooSmall && r.independent.mannWhitneyW !== null ? ` (${m})` : ''}
                    </td>
                  ))
                  .filter((_, i) => !(r.independent.tooSmall && i > 1))}
              </tr>
            );
          })}
        </tbody>
      </ResultTable>
    </>
  );
}
