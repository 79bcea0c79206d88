import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession, ResponseRecord } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { WhenLoaded } from '../../components/WhenLoaded';
import { isSelfCodeTaken } from '../../lib/errors';
import type { Loaded } from '../../lib/useApiData';
import { useAction } from '../../lib/useAction';
import { useBirthMonthQuestion } from '../../lib/useBirthMonthQuestion';
import { IdleDialog } from './Dialogs';
import { KioskLanguageSwitch } from './KioskParts';
import { KioskLocale, useKioskT } from './kioskLocale';
import { ResponseFlow } from './ResponseFlow';
import { useIdleTimer } from './useIdleTimer';
import { CodeStep, ConsentStep, ThanksStep, WelcomeStep } from './WelcomeSteps';

type Stage = 'welcome' | 'consent' | 'code' | 'questions' | 'thanks';

/**
 * Everything of one respondent: their language, consent, code, response and answers. It is all
 * React state of this component, and KioskApp mounts a fresh one (a new `key`) for every next
 * person, so nothing of the previous respondent survives in memory, in the page or in an input.
 */
export function RespondentFlow({
  session,
  definitions,
  beforeBegin,
  onDone,
  onResearcher,
}: {
  session: KioskSession;
  definitions: Loaded<InstrumentDefinition[]>;
  /** Resolves once an earlier reset has reached the main process (a new response must come after it). */
  beforeBegin: () => Promise<unknown>;
  /** Back to a blank welcome screen for the next person. */
  onDone: () => void;
  onResearcher: () => void;
}) {
  // For the one sentence said here ("Laden…"), asked for in the respondent's language.
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>('nl');
  const [stage, setStage] = useState<Stage>('welcome');
  const [response, setResponse] = useState<ResponseRecord | null>(null);
  const [idle, setIdle] = useState(false);
  const { busy, error, run } = useAction();
  const finished = useRef(false);

  /** Once per respondent, whichever comes first: thanks timer, button, decline or timeout. */
  const finish = () => {
    if (finished.current) return;
    finished.current = true;
    onDone();
  };

  // Quiet for too long: "Bent u er nog?". Not on a blank welcome screen (nothing to clear) nor on
  // the thanks screen (it clears itself).
  const watching = stage !== 'thanks' && (stage !== 'welcome' || locale !== 'nl') && !idle;
  useIdleTimer(session.idleSeconds * 1000, watching, () => setIdle(true));

  // Someone else already made the same self-made code: the code step asks the birth month too.
  const question = useBirthMonthQuestion();

  const begin = (respondentCode: string, birthMonth?: number) =>
    run(async () => {
      await beforeBegin();
      try {
        const started = await api.kioskBegin({ respondentCode, consent: true, language: locale, birthMonth });
        setResponse(started);
        setStage('questions');
      } catch (err) {
        if (!isSelfCodeTaken(err)) throw err;
        question.ask();
      }
    });

  return (
    <KioskLocale.Provider value={locale}>
      <div className="kiosk" lang={locale} data-testid="kiosk">
        <KioskHeader networkName={session.networkName} onLanguage={setLocale} />
        <main id="main" className="kiosk-main">
          {stage === 'welcome' && <WelcomeStep session={session} onStart={() => setStage('consent')} onResearcher={onResearcher} />}
          {stage === 'consent' && <ConsentStep session={session} onAccept={() => setStage('code')} onDecline={finish} />}
          {stage === 'code' && (
            <CodeStep
              policy={session.codePolicy}
              busy={busy}
              error={error}
              birthMonth={question}
              onSubmit={(code, birthMonth) => void begin(code, birthMonth)}
              onBack={() => {
                question.withdraw();
                setStage('consent');
              }}
            />
          )}
          {stage === 'questions' && response && (
            <WhenLoaded loaded={definitions} loadingText={t('common.loading', { lng: locale })}>
              {(loadedDefinitions) => <ResponseFlow session={session} response={response} definitions={loadedDefinitions} onSubmitted={() => setStage('thanks')} />}
            </WhenLoaded>
          )}
          {stage === 'thanks' && <ThanksStep onDone={finish} />}
        </main>
        {idle && <IdleDialog onContinue={() => setIdle(false)} onTimeout={finish} />}
      </div>
    </KioskLocale.Provider>
  );
}

function KioskHeader({ networkName, onLanguage }: { networkName: string; onLanguage: (locale: Locale) => void }) {
  const { t } = useKioskT();
  return (
    <header className="kiosk-header">
      <span className="kiosk-brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('kiosk.header', { network: networkName })}
      </span>
      <KioskLanguageSwitch onChange={onLanguage} />
    </header>
  );
}
