import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/results';
import { summarize } from '../../../../shared/results-summary';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ResultTable, Section } from './ChartParts';
import { formatCount, formatNumber, NO_VALUE, pick } from './format';
import { useTranslate } from './hooks';
import { meanCell, waveLabelOf, type CellTexts } from './model';
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
