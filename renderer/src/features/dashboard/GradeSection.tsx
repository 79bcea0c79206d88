import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/results';
import { gradeItem, summarize } from '../../../../shared/results-summary';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, NoChart, ResultTable, Section } from './ChartParts';
import { formatCount, formatNumber, NO_VALUE, pick } from './format';
import { useTranslate } from './hooks';
import { meanCell, rangeTicks, waveLabelOf, type CellTexts } from './model';
import { seriesStyle } from './palette';
import { detailIds, differenceText, verdictWord } from './summary-text';

/**
 * The *rapportcijfer* per wave: number of grades, mean (one decimal, as the summary says it) and
 * median, withheld below the minimum group size; under it the change over everyone since the
 * baseline in words. Nothing when the instrument has no grade question.
 */
export function GradeSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const s = summarize(d);
  const g = s.grade;
  if (!g) return null;
  const item = d.items.find((it) => it.itemId === g.itemId)!;
  const name = pick(g.label, locale);
  const change = g.change;
  return (
    <Section id="dash-grade" title={name} intro={<p>{t('gradeSection.intro', { min: d.minGroupSize })}</p>} testId="section-grade">
      <ResultTable
        caption={t('gradeSection.caption', { name })}
        testId="grade-table"
        columns={[t('dashboard.wave'), numeric(t('dashboard.n')), numeric(t('dashboard.mean')), numeric(t('gradeSection.median'))]}
      >
        <tbody>
          {d.waves.map((w) => {
            const stats = item.perWave.find((p) => p.waveId === w.waveId)?.stats;
            const shown = !!stats && !stats.suppressed && stats.mean !== null;
            return (
              <tr key={w.waveId} id={detailIds.grade(w.waveId)} data-testid={`grade-${w.waveId}`}>
                <th scope="row">{w.label}</th>
                <td className="numeric">{formatCount(stats?.n ?? 0, locale)}</td>
                <td className={shown ? 'numeric' : 'withheld'}>{shown ? formatNumber(stats.mean, locale, 1) : meanCell(stats, locale, texts)}</td>
                <td className="numeric">{shown ? formatNumber(stats.median, locale, 1) : NO_VALUE}</td>
              </tr>
            );
          })}
        </tbody>
      </ResultTable>
      {change && (
        <p data-testid="grade-change">
          {change.verdict === 'tooFew'
            ? t('gradeSection.changeTooFew', { baseline: waveLabelOf(d.waves, change.baselineWaveId), followUp: waveLabelOf(d.waves, change.followUpWaveId) })
            : t('gradeSection.change', {
                baseline: waveLabelOf(d.waves, change.baselineWaveId),
                followUp: waveLabelOf(d.waves, change.followUpWaveId),
                difference: differenceText(change, translate, locale),
                verdict: verdictWord(change.verdict, translate),
              })}
        </p>
      )}
    </Section>
  );
}

/**
 * The *rapportcijfer*'s mean per wave as bars on its 1–10 scale, waves below the minimum group size
 * left empty; nothing when the instrument has no grade question. Drawn for reports (the screen
 * shows the grade as the table of GradeSection).
 */
export function GradeFigure({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const item = gradeItem(d);
  if (!item?.range) return null;
  const rows = d.waves.map((w) => {
    const stats = item.perWave.find((p) => p.waveId === w.waveId)?.stats;
    return { label: w.label, mean: stats && !stats.suppressed && stats.mean !== null ? stats.mean : null };
  });
  if (rows.every((r) => r.mean === null)) return <NoChart text={t('dashboard.noValues')} testId="no-chart-grade" />;
  const domain: [number, number] = [item.range.min, item.range.max];
  const values = rows.map((r) => `${r.label} ${r.mean === null ? NO_VALUE : formatNumber(r.mean, locale, 1)}`).join(', ');
  return (
    <ChartFigure label={t('gradeChart.label', { name: pick(item.label, locale), values })} testId="chart-grade">
      <BarChart width={720} height={260} data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d5dbe3" />
        <XAxis dataKey="label" tick={{ fill: '#33404f', fontSize: 13 }} />
        <YAxis domain={domain} ticks={rangeTicks(domain)} interval={0} tick={{ fill: '#33404f', fontSize: 13 }} width={40} allowDataOverflow />
        <Bar dataKey="mean" fill={seriesStyle(0).colour} isAnimationActive={false} maxBarSize={64}>
          <LabelList dataKey="mean" position="top" fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, locale, 1) : '')} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
