import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ResultTable, Section } from './ChartParts';
import { formatCount } from './format';
import { waveLabelOf } from './model';
import { detailIds } from './summary-text';

/**
 * Who took part in both waves, in a coordinator's words: per follow-up wave, how many people were
 * linked to the baseline by their code (accepted near matches included), how many took part in one
 * wave only, and how many possible links await a researcher's decision. The statistics tab has the
 * same counts in the researchers' terms.
 */
export function LinkingSection({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  if (d.comparisons.length === 0) return null;
  const baseline = d.waves[0]?.label ?? '';
  return (
    <Section id={detailIds.linking} title={t('linkingSummary.title')} intro={<p>{t('linkingSummary.intro', { baseline })}</p>} testId="section-linking">
      {d.comparisons.map((c) => {
        const followUp = waveLabelOf(d.waves, c.followUpWaveId);
        const l = c.linking;
        const rows: [string, string, number][] = [
          ['both', t('linkingSummary.both'), l.matched + l.tolerant],
          ['only-baseline', t('linkingSummary.only', { wave: baseline }), l.unmatchedBaseline],
          ['only-followup', t('linkingSummary.only', { wave: followUp }), l.unmatchedFollowUp],
          ...(l.proposals > 0 ? [['waiting', t('linkingSummary.waiting'), l.proposals] as [string, string, number]] : []),
        ];
        return (
          <ResultTable key={c.followUpWaveId} caption={t('linkingSummary.caption', { baseline, followUp })} testId={`linking-summary-${c.followUpWaveId}`} columns={[t('linkingSummary.group'), numeric(t('linkingSummary.count'))]}>
            <tbody>
              {rows.map(([key, label, count]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td className="numeric" data-testid={`linking-summary-${key}-${c.followUpWaveId}`}>
                    {formatCount(count, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultTable>
        );
      })}
    </Section>
  );
}
