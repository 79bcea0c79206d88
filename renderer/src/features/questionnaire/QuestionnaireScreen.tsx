import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail, ResponseRecord, Wave } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import i18n from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { RelationAnswersProvider } from './RelationItemField';
import { ResponseForm } from './ResponseForm';
import { StartForm } from './StartForm';

export interface WaveContext {
  detail: NetworkDetail;
  wave: Wave;
  definitions: InstrumentDefinition[];
}

/** The wave of a network (a measurement wave or an MDO's before or after wave), or the refusal the screen shows when it is not (or no longer) there. */
export function waveOf(detail: NetworkDetail, waveId: string): Wave {
  const wave = detail.waves.find((w) => w.id === waveId) ?? detail.occasionWaves.find((w) => w.id === waveId);
  if (!wave) throw new ApiError('NOT_FOUND', i18n.t('errors.waveNotFound'));
  return wave;
}

/** The network, the wave and the wave's instrument definitions, in the order the wave lists them. */
export async function loadWaveContext(networkId: string, waveId: string): Promise<WaveContext> {
  const detail = await api.getNetwork({ networkId });
  const wave = waveOf(detail, waveId);
  const definitions = await Promise.all(wave.instruments.map((ref) => api.getInstrument(ref)));
  return { detail, wave, definitions };
}

type Phase = { name: 'start' } | { name: 'filling'; response: ResponseRecord } | { name: 'done'; respondentCode: string };

/** `resume`: an interrupted response the researcher continues (from the list of questionnaires). */
export function QuestionnaireScreen({
  networkId,
  waveId,
  resume,
  onBack,
}: {
  networkId: string;
  waveId: string;
  resume?: ResponseRecord;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [context] = useApiData(`${networkId}/${waveId}`, () => loadWaveContext(networkId, waveId));
  const [phase, setPhase] = useState<Phase>(resume ? { name: 'filling', response: resume } : { name: 'start' });

  return (
    <NetworkPage
      loaded={context}
      onBack={onBack}
      heading={({ wave, detail }) => ({ title: t('questionnaire.title', { wave: wave.label }), network: detail.network.name })}
      titleKey={phase.name}
    >
      {({ wave, detail, definitions }) => (
        <>
          {phase.name === 'start' && (
            <StartForm
              wave={wave}
              organisations={detail.organisations}
              onStarted={(response) => setPhase({ name: 'filling', response })}
            />
          )}
          {phase.name === 'filling' && (
            <RelationAnswersProvider
              key={phase.response.id}
              responseId={phase.response.id}
              organisations={detail.organisations.filter((o) => !o.archived)}
              ownOrganisationId={phase.response.organisationId}
              initial={phase.response.relationAnswers}
            >
              <ResponseForm
                response={phase.response}
                definitions={definitions}
                onCompleted={(done) => setPhase({ name: 'done', respondentCode: done.respondentCode })}
              />
            </RelationAnswersProvider>
          )}
          {phase.name === 'done' && (
            <section className="panel thanks" data-testid="thank-you">
              <h2>{t('questionnaire.thanksTitle')}</h2>
              <p>{t('questionnaire.thanksText', { code: phase.respondentCode })}</p>
              <div className="actions">
                <button type="button" className="button" onClick={() => setPhase({ name: 'start' })}>
                  {t('questionnaire.nextRespondent')}
                </button>
                <button type="button" className="button button-secondary" onClick={onBack}>
                  {t('nav.backToNetwork')}
                </button>
              </div>
            </section>
          )}
        </>
      )}
    </NetworkPage>
  );
}
