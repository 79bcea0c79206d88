import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession, KioskState } from '../../../../shared/domain';
import { api } from '../../api';
import { useApiData } from '../../lib/useApiData';
import { PinDialog } from './Dialogs';
import { RespondentFlow, type StoppedResponse } from './RespondentFlow';

/**
 * Kiosk mode (afnamemodus): full screen, no app header or navigation, one respondent after
 * another. Each respondent gets a fresh RespondentFlow (`key={round}`); moving on to the next
 * person tells the main process (kioskReset) so the previous response can no longer be reached.
 */
export function KioskApp({ initial, onExited }: { initial: KioskSession; onExited: () => void }) {
  const { t } = useTranslation();
  const [session, setSession] = useState(initial);
  const [round, setRound] = useState(0);
  const [pinOpen, setPinOpen] = useState(false);
  // The last reset on its way to the main process; a new respondent's kioskBegin waits for it.
  const pendingReset = useRef<Promise<unknown>>(Promise.resolve());
  const [definitions] = useApiData(`kiosk/${session.waveId}`, () => Promise.all(session.instruments.map((ref) => api.getInstrument(ref))));

  /** The main process's answer to moving on: the session as it now is, or kiosk mode ended. */
  const afterwards = (request: Promise<KioskState>) => {
    pendingReset.current = request.then(
      (state) => (state.session ? setSession(state.session) : onExited()),
      // Refused (kiosk mode ended elsewhere?): ask what the state is; the screen is blank already.
      () =>
        api.getKioskState({}).then(
          (state) => (state.session ? setSession(state.session) : onExited()),
          () => undefined,
        ),
    );
  };
  const reset = () => afterwards(api.kioskReset({}));

  // After a reload or a restart the main process may still hold the response that was on screen.
  // It is not resumed here: the welcome screen is blank and the response stays unfinished, for
  // the researcher to resume.
  const resetOnLoad = useEffectEvent(() => {
    if (initial.currentResponseId) reset();
  });
  useEffect(() => {
    resetOnLoad();
  }, []);

  useEffect(() => {
    document.title = `${t('kiosk.documentTitle')} – ${t('app.name')}`;
  }, [t]);

  /**
   * A blank welcome screen at once; the main process hears of it after. A respondent who chose
   * *Stoppen* has their response stopped once the answers still on their way are saved (if that
   * is refused, the response is left unfinished like after a timeout).
   */
  const nextRespondent = (stopped?: StoppedResponse) => {
    setPinOpen(false);
    setRound((r) => r + 1);
    if (!stopped) {
      reset();
      return;
    }
    afterwards(
      stopped
        .settle()
        .then(() => api.stopKioskResponse({ responseId: stopped.responseId }))
        .catch(() => api.kioskReset({})),
    );
  };

  return (
    <>
      <RespondentFlow
        key={round}
        session={session}
        definitions={definitions}
        beforeBegin={() => pendingReset.current}
        onDone={nextRespondent}
        onResearcher={() => setPinOpen(true)}
      />
      {pinOpen && <PinDialog onCancel={() => setPinOpen(false)} onExited={onExited} />}
    </>
  );
}
