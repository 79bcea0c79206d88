import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord, Wave } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { DataTable, numeric } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { CorrectionForm } from '../questionnaire/CorrectionForm';
import { formatDateTime } from '../responses/formatDateTime';

/**
 * Below the paper grid: the wave's submitted paper questionnaires (rows completed now and in earlier
 * sessions), each of which can be corrected with a reason, through the same correction as the list
 * of questionnaires. `completedRows` changes when a row of the grid is completed, so the list follows.
 */
export function PaperCorrections({ wave, definitions, completedRows }: { wave: Wave; definitions: InstrumentDefinition[]; completedRows: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [loaded, reload] = useApiData(`paper-corrections/${wave.id}/${completedRows}`, async () =>
    (await api.listResponses({ waveId: wave.id })).filter((r) => r.mode === 'paper' && r.status === 'complete'),
  );
  const [correcting, setCorrecting] = useState<ResponseRecord | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const open = (responseId: string) =>
    run(async () => {
      setDone(null);
      setCorrecting(await api.getResponse({ responseId }));
    });

  return (
    <section className="panel paper-corrections" aria-labelledby="paper-corrections-title" data-testid="paper-corrections">
      <h2 id="paper-corrections-title">{t('correction.paperTitle')}</h2>
      <p>{t('correction.paperIntro')}</p>
      <StatusMessage message={done} testId="paper-correction-status" />
      <ErrorAlert message={error ?? (loaded.status === 'error' ? loaded.message : null)} testId="paper-corrections-error" />
      {correcting ? (
        <CorrectionForm
          key={correcting.id}
          response={correcting}
          definitions={definitions}
          onCancel={() => setCorrecting(null)}
          onCorrected={(corrected) => {
            setCorrecting(null);
            setDone(t('correction.done', { code: corrected.respondentCode }));
            reload();
          }}
        />
      ) : loaded.status === 'ready' && loaded.data.length === 0 ? (
        <p className="empty">{t('correction.paperEmpty')}</p>
      ) : loaded.status === 'ready' ? (
        <DataTable
          testId="paper-corrections-table"
          caption={t('correction.paperCaption', { wave: wave.label })}
          columns={[t('responses.colCode'), numeric(t('responses.colAnswered')), t('responses.colUpdated'), { label: <span className="visually-hidden">{t('responses.colActions')}</span> }]}
        >
          {loaded.data.map((r) => (
            <tr key={r.id} data-testid={`paper-correction-row-${r.respondentCode}`}>
              <th scope="row" className="respondent-code">
                {r.respondentCode}
              </th>
              <td className="numeric">{r.answered}</td>
              <td>{formatDateTime(r.updatedAt, locale)}</td>
              <td>
                <button type="button" className="button button-secondary" onClick={() => void open(r.id)} disabled={busy} aria-label={t('correction.openFor', { code: r.respondentCode })}>
                  {t('correction.open')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
