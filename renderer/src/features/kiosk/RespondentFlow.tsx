import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession, ResponseRecord } from '../../../../shared/domain';
import { allAvailableIn } from '../../../../shared/instruments/languages';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { WhenLoaded } from '../../components/WhenLoaded';
import { isSelfCodeTaken } from '../../lib/errors';
import type { Loaded } from '../../lib/useApiData';
import { useAction } from '../../lib/useAction';
import { useBirthMonthQuestion } from '../../lib/useBirthMonthQuestion';
import { IdleDialog, StopDialog } from './Dialogs';
import { KioskLanguageSwitch } from './KioskParts';
import { KioskLocale, useKioskT } from './kioskLocale';
import { ResponseFlow } from './ResponseFlow';
import { useIdleTimer } from './useIdleTimer';
import { CodeStep, ConsentStep, ThanksStep, WelcomeStep } from './WelcomeSteps';

type Stage = 'welcome' | 'consent' | 'code' | 'questions' | 'thanks';

/** A respondent who chose *Stoppen* after their response began: its id, and a wait for answers still on their way. */
export interface StoppedResponse {
  responseId: string;
  settle: () => Promise<unknown>;
}

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
  phone = false,
  resumed = null,
  notice = null,
}: {
  session: KioskSession;
  definitions: Loaded<InstrumentDefinition[]>;
  /** Resolves once an earlier reset has reached the main process (a new response must come after it). */
  beforeBegin: () => Promise<unknown>;
  /** Back to a blank welcome screen for the next person; with the response when its respondent chose *Stoppen*. */
  onDone: (stopped?: StoppedResponse) => void;
  /** The researcher's way out on the welcome screen; absent on a phone in meeting mode. */
  onResearcher?: () => void;
  /**
   * On the respondent's own phone (meeting mode): no researcher button, no idle time-out (nobody
   * else sees the screen), and thanks that do not call the next person.
   */
  phone?: boolean;
  /** A response this phone began before the page was reloaded: straight back to its questions. */
  resumed?: ResponseRecord | null;
  /** Shown under the header in the respondent's language (the phone's connection state). */
  notice?: ReactNode;
}) {
  // For the one sentence said here ("Laden…"), asked for in the respondent's language.
  const { t } = useTranslation();
  const [chosenLocale, setLocale] = useState<Locale>(resumed?.language ?? 'nl');
  // English is offered only when every instrument of the wave is in English; otherwise the
  // respondent sees no language switch and the kiosk speaks Dutch.
  const english = definitions.status === 'ready' && allAvailableIn(definitions.data, 'en');
  const locale = definitions.status === 'ready' && !english ? 'nl' : chosenLocale;
  const [stage, setStage] = useState<Stage>(resumed ? 'questions' : 'welcome');
  const [response, setResponse] = useState<ResponseRecord | null>(resumed);
  const [idle, setIdle] = useState(false);
  const [stopAsked, setStopAsked] = useState(false);
  const { busy, error, run } = useAction();
  const finished = useRef(false);
  // Waits for the answers still being saved; ResponseFlow hands it over once the questions show.
  const settle = useRef<() => Promise<unknown>>(() => Promise.resolve());

  /** Once per respondent, whichever comes first: thanks timer, button, decline, Stoppen or timeout. */
  const finish = (stopped?: StoppedResponse) => {
    if (finished.current) return;
    finished.current = true;
    onDone(stopped);
  };

  /** *Stoppen*, confirmed: before a response began there is nothing to keep or throw away. */
  const stop = () => (response ? finish({ responseId: response.id, settle: () => settle.current() }) : finish());

  // Quiet for too long: "Bent u er nog?". Not on a blank welcome screen (nothing to clear) nor on
  // the thanks screen (it clears itself). It replaces an unanswered "Stoppen?" question.
  const watching = !phone && stage !== 'thanks' && (stage !== 'welcome' || locale !== 'nl') && !idle;
  useIdleTimer(session.idleSeconds * 1000, watching, () => {
    setStopAsked(false);
    setIdle(true);
  });

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
        <KioskHeader networkName={session.networkName} onLanguage={english ? setLocale : null} onStop={stage === 'welcome' || stage === 'thanks' ? null : () => setStopAsked(true)} />
        {notice}
        <main id="main" className="kiosk-main">
          {stage === 'welcome' && <WelcomeStep session={session} onStart={() => setStage('consent')} onResearcher={onResearcher} />}
          {stage === 'consent' && <ConsentStep session={session} phone={phone} onAccept={() => setStage('code')} onDecline={() => finish()} />}
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
              {(loadedDefinitions) => (
                <ResponseFlow
                  session={session}
                  response={response}
                  definitions={loadedDefinitions}
                  onSubmitted={() => setStage('thanks')}
                  resumed={resumed !== null && resumed.id === response.id}
                  onSettle={(wait) => {
                    settle.current = wait;
                  }}
                />
              )}
            </WhenLoaded>
          )}
          {stage === 'thanks' && <ThanksStep phone={phone} onDone={() => finish()} />}
        </main>
        {stopAsked && <StopDialog answered={response !== null} kioskStop={session.kioskStop} phone={phone} onStop={stop} onCancel={() => setStopAsked(false)} />}
        {idle && <IdleDialog onContinue={() => setIdle(false)} onTimeout={() => finish()} />}
      </div>
    </KioskLocale.Provider>
  );
}

/** The network's name, *Stoppen* on every page between the welcome and the thanks, and the language (when there is a choice). */
function KioskHeader({ networkName, onLanguage, onStop }: { networkName: string; onLanguage: ((locale: Locale) => void) | null; onStop: (() => void) | null }) {
  const { t } = useKioskT();
  return (
    <header className="kiosk-header">
      <span className="kiosk-brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('kiosk.header', { network: networkName })}
      </span>
      <span className="kiosk-header-actions">
        {onStop && (
          <button type="button" className="button button-secondary kiosk-stop" onClick={onStop} data-testid="kiosk-stop">
            {t('kiosk.stop.button')}
          </button>
        )}
        {onLanguage && <KioskLanguageSwitch onChange={onLanguage} />}
      </span>
    </header>
  );
}
