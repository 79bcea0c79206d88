import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Dashboard, OrganisationResponse } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { ResultTable, Section } from './ChartParts';
import { formatCount, formatPercent } from './format';

/** The test id part for the row of responses without an organisation. */
const NO_ORGANISATION = 'none';

/** The organisation's name, with "gearchiveerd" and the day it left when so. */
function organisationLabel(r: OrganisationResponse, t: TFunction, locale: Locale): string {
  const notes = [r.archived ? t('forWhom.responsesExpected.archived') : null, r.leftOn ? t('forWhom.responsesExpected.leftOn', { date: formatDate(r.leftOn, locale) }) : null].filter((n) => n !== null);
  const name = r.name ?? t('forWhom.responses.noOrganisation');
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

/** Submitted questionnaires, set against the expected number when the network gave one ("4 van 6 (67%)"). */
function completeText(p: OrganisationResponse['perWave'][number], expected: number | null, t: TFunction, locale: Locale): string {
  if (expected === null) return formatCount(p.complete, locale);
  return t('forWhom.responsesExpected.ofExpected', { complete: formatCount(p.complete, locale), expected: formatCount(expected, locale), share: formatPercent(p.ofExpected, locale) });
}

/**
 * Response per partner organisation and wave: who has taken part, and who has not. Counts, not
 * answers, so they are shown below the minimum group size too (docs/decisions/2026-12-01-breakdowns.md).
 */
export function OrganisationResponseSection({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const rows = d.responseByOrganisation;
  const organisations = rows.filter((r) => r.organisationId !== null);
  const latest = d.waves.at(-1);
  // An archived organisation is not expected to take part any more, so it is not named as missing.
  const missing = latest ? organisations.filter((r) => !r.archived).filter((r) => (r.perWave.find((p) => p.waveId === latest.waveId)?.complete ?? 0) === 0) : [];
  return (
    <Section
      id="dash-organisation-responses"
      title={t('forWhom.responses.title')}
      intro={
        <>
          <p>{t('forWhom.responses.intro', { min: d.minGroupSize })}</p>
          {rows.some((r) => r.expected !== null || r.archived) && <p data-testid="organisation-expected-intro">{t('forWhom.responsesExpected.intro')}</p>}
        </>
      }
      testId="section-organisation-responses"
    >
      {organisations.length === 0 && <p className="empty">{t('forWhom.responses.none')}</p>}
      {latest && organisations.length > 0 && (
        <p className="hint" data-testid="organisations-missing">
          {missing.length > 0
            ? t('forWhom.responses.missing', { wave: latest.label, names: missing.map((r) => r.name).join(', ') })
            : t('forWhom.responses.allTookPart', { wave: latest.label })}
        </p>
      )}
      {rows.length > 0 && (
        <ResultTable
          caption={t('forWhom.responses.caption')}
          testId="organisation-response-table"
          columns={[
            t('forWhom.responses.organisation'),
            ...d.waves.flatMap((w) => [
              numeric(t('forWhom.responses.started', { wave: w.label }), { key: `${w.waveId}-started` }),
              numeric(t('forWhom.responses.complete', { wave: w.label }), { key: `${w.waveId}-complete` }),
            ]),
          ]}
        >
          <tbody>
            {rows.map((r) => {
              const rowId = r.organisationId ?? NO_ORGANISATION;
              return (
                <tr key={rowId} data-testid={`organisation-response-${rowId}`}>
                  <th scope="row">{organisationLabel(r, t, locale)}</th>
                  {r.perWave.flatMap((p) => [
                    <td key={`${p.waveId}-started`} className="numeric" data-testid={`organisation-started-${rowId}-${p.waveId}`}>
                      {formatCount(p.started, locale)}
                    </td>,
                    <td key={`${p.waveId}-complete`} className="numeric" data-testid={`organisation-complete-${rowId}-${p.waveId}`}>
                      {completeText(p, r.expected, t, locale)}
                    </td>,
                  ])}
                </tr>
              );
            })}
          </tbody>
        </ResultTable>
      )}
    </Section>
  );
}
