import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, ResponseRecord, ResponseSummary, Wave } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { DataTable, numeric } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { CorrectionForm } from '../questionnaire/CorrectionForm';
import { loadWaveContext } from '../questionnaire/QuestionnaireScreen';
import { formatDateTime } from './formatDateTime';

interface ResponsesData {
  networkName: string;
  wave: Wave;
  definitions: InstrumentDefinition[];
  organisations: Organisation[];
  responses: ResponseSummary[];
}

/**
 * *Ingevulde vragenlijsten* of one wave: who started, who handed in, on paper, in the form or in
 * kiosk mode. An unfinished questionnaire can be continued by the researcher ("Hervatten").
 */
export function ResponsesScreen({
  networkId,
  waveId,
  onBack,
  onResume,
}: {
  networkId: string;
  waveId: string;
  onBack: () => void;
  onResume: (response: ResponseRecord) => void;
}) {
  const { t } = useTranslation();
  const [data, reload] = useApiData<ResponsesData>(`responses/${networkId}/${waveId}`, async () => {
    const [context, responses] = await Promise.all([loadWaveContext(networkId, waveId), api.listResponses({ waveId })]);
    return { networkName: context.detail.network.name, wave: context.wave, definitions: context.definitions, organisations: context.detail.organisations, responses };
  });

  return (
    <NetworkPage loaded={data} onBack={onBack} heading={({ wave, networkName }) => ({ title: t('responses.title', { wave: wave.label }), network: networkName })}>
      {({ wave, definitions, organisations, responses }) => (
        <ResponseTable wave={wave} definitions={definitions} organisations={organisations} responses={responses} onResume={onResume} onChanged={reload} />
      )}
    </NetworkPage>
  );
}

function ResponseTable({
  wave,
  definitions,
  organisations,
  responses,
  onResume,
  onChanged,
}: {
  wave: Wave;
  definitions: InstrumentDefinition[];
  organisations: Organisation[];
  responses: ResponseSummary[];
  onResume: (response: ResponseRecord) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { busy, error, run } = useAction();
  const complete = responses.filter((r) => r.status === 'complete').length;

  // Throwing away asks once more, in place: the row shows "Ja, weggooien" / "Annuleren".
  const [confirming, setConfirming] = useState<string | null>(null);
  // A submitted questionnaire being corrected replaces the list until it is sent or cancelled.
  const [correcting, setCorrecting] = useState<ResponseRecord | null>(null);
  const [corrected, setCorrected] = useState<string | null>(null);
  const correct = (responseId: string) =>
    run(async () => {
      setCorrected(null);
      setCorrecting(await api.getResponse({ responseId }));
    });

  if (correcting) {
    return (
      <CorrectionForm
        key={correcting.id}
        response={correcting}
        definitions={definitions}
        organisations={organisations}
        onCancel={() => setCorrecting(null)}
        onCorrected={(done) => {
          setCorrecting(null);
          setCorrected(t('correction.done', { code: done.respondentCode }));
          onChanged();
        }}
      />
    );
  }

  const resume = (responseId: string) =>
    run(async () => {
      onResume(await api.resumeResponse({ responseId }));
    });
  const discard = (responseId: string) =>
    run(async () => {
      await api.discardResponse({ responseId });
      setConfirming(null);
      onChanged();
    });

  return (
    <section className="panel" aria-labelledby="responses-list-title">
      <h2 id="responses-list-title">{t('responses.listTitle')}</h2>
      <p data-testid="responses-counts">{t('responses.counts', { total: responses.length, complete, open: responses.length - complete })}</p>
      <StatusMessage message={corrected} testId="correction-status" />
      <ErrorAlert message={error} testId="responses-error" />
      {responses.length === 0 ? (
        <p className="empty">{t('responses.empty')}</p>
      ) : (
        <DataTable
          scroll
          testId="responses-table"
          caption={t('responses.caption', { wave: wave.label })}
          columns={[
            t('responses.colCode'),
            t('responses.colStatus'),
            t('responses.colMode'),
            numeric(t('responses.colAnswered')),
            t('responses.colUpdated'),
            { label: <span className="visually-hidden">{t('responses.colActions')}</span> },
          ]}
        >
          {responses.map((r) => (
            <tr key={r.id} data-testid={`response-row-${r.respondentCode}`}>
              <th scope="row" className="respondent-code">
                {r.respondentCode}
              </th>
              <td>
                <span className={`status-badge status-${r.status}`}>{t(`responses.status.${r.status}`)}</span>
              </td>
              <td>{t(`responses.mode.${r.mode}`)}</td>
              <td className="numeric">{r.answered}</td>
              <td>{formatDateTime(r.updatedAt, locale)}</td>
              <td>
                {r.status === 'complete' && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void correct(r.id)}
                    disabled={busy}
                    aria-label={t('correction.openFor', { code: r.respondentCode })}
                  >
                    {t('correction.open')}
                  </button>
                )}
                {r.status === 'in_progress' && confirming !== r.id && (
                  <>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void resume(r.id)}
                      disabled={busy}
                      aria-label={t('responses.resumeFor', { code: r.respondentCode })}
                    >
                      {t('responses.resume')}
                    </button>{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setConfirming(r.id)}
                      disabled={busy}
                      aria-label={t('responses.discardFor', { code: r.respondentCode })}
                    >
                      {t('responses.discard')}
                    </button>
                  </>
                )}
                {r.status === 'in_progress' && confirming === r.id && (
                  <span role="group" aria-label={t('responses.discardConfirmFor', { code: r.respondentCode })}>
                    <span>{t('responses.discardQuestion', { count: r.answered })}</span>{' '}
                    <button type="button" className="button" onClick={() => void discard(r.id)} disabled={busy}>
                      {t('responses.discardYes')}
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => setConfirming(null)} disabled={busy}>
                      {t('common.cancel')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
