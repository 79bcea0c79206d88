import { useEffect, useEffectEvent, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskStop } from '../../../../shared/domain';
import { api } from '../../api';
import { ErrorAlert } from '../../components/Messages';
import { useKioskT } from './kioskLocale';
import { PinInput, usePinEntry } from './PinEntry';

/**
 * A modal dialog (the native <dialog> with showModal): the rest of the page is inert, focus stays
 * inside, Escape means `onCancel`.
 */
function ModalDialog({
  titleId,
  descriptionId,
  onCancel,
  testId,
  children,
}: {
  titleId: string;
  descriptionId?: string;
  onCancel: () => void;
  testId: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="kiosk-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}

/** How long "Bent u er nog?" waits for an answer before the screen goes back to the start. */
export const IDLE_COUNTDOWN_SECONDS = 30;

/**
 * "Bent u er nog?" with a countdown. Without an answer `onTimeout` runs once; the deadline is
 * measured on the clock, so a laptop that slept through the countdown still ends it.
 */
export function IdleDialog({ onContinue, onTimeout }: { onContinue: () => void; onTimeout: () => void }) {
  const { t } = useKioskT();
  const id = useId();
  const [secondsLeft, setSecondsLeft] = useState(IDLE_COUNTDOWN_SECONDS);
  const timeout = useEffectEvent(onTimeout);
  useEffect(() => {
    const deadline = Date.now() + IDLE_COUNTDOWN_SECONDS * 1000;
    let done = false;
    const check = () => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left > 0) {
        setSecondsLeft(left);
      } else if (!done) {
        done = true;
        timeout();
      }
    };
    const interval = window.setInterval(check, 1000);
    const end = window.setTimeout(check, IDLE_COUNTDOWN_SECONDS * 1000);
    return () => {
      window.clearInterval(interval);
      window.clearTimeout(end);
    };
  }, []);

  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-text`} onCancel={onContinue} testId="kiosk-idle">
      <h2 id={`${id}-title`}>{t('kiosk.idle.title')}</h2>
      <p id={`${id}-text`}>
        <span data-testid="kiosk-idle-countdown">{t('kiosk.idle.countdown', { count: secondsLeft })}</span> {t('kiosk.idle.kept')}
      </p>
      <div className="actions">
        <button type="button" className="button button-large" onClick={onContinue} autoFocus>
          {t('kiosk.idle.continue')}
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * *Stoppen*: the respondent confirms before the screen goes back to the start. The text says what
 * happens to what they filled in (nothing yet, kept, or thrown away, as the network is set up).
 * "Nee, verder invullen" has focus and is what Escape means, so a slip of the hand stops nothing.
 */
/** `phone`: on a respondent's own phone (meeting mode) the text speaks of this phone, not of a laptop and a next person. */
export function StopDialog({ answered, kioskStop, onStop, onCancel, phone = false }: { answered: boolean; kioskStop: KioskStop; onStop: () => void; onCancel: () => void; phone?: boolean }) {
  const { t } = useKioskT();
  const id = useId();
  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-text`} onCancel={onCancel} testId="kiosk-stop-dialog">
      <h2 id={`${id}-title`}>{t('kiosk.stop.title')}</h2>
      <p id={`${id}-text`}>{answered ? t(phone && kioskStop === 'keep' ? 'meetingPhone.stopKeep' : `kiosk.stop.${kioskStop}`) : t(phone ? 'meetingPhone.stopNothingYet' : 'kiosk.stop.nothingYet')}</p>
      <div className="actions">
        <button type="button" className="button button-large" onClick={onCancel} autoFocus>
          {t('kiosk.stop.cancel')}
        </button>
        <button type="button" className="button button-large button-secondary" onClick={onStop} data-testid="kiosk-stop-confirm">
          {t('kiosk.stop.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * The researcher ends kiosk mode with the PIN. In the app's (the researcher's) language; a wrong
 * PIN shows the main process's Dutch message and leaves kiosk mode on.
 */
export function PinDialog({ onCancel, onExited }: { onCancel: () => void; onExited: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { pin, setPin, busy, error, submit } = usePinEntry(async (typed) => {
    const state = await api.exitKiosk({ pin: typed });
    if (!state.session) onExited();
  });

  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-text`} onCancel={onCancel} testId="kiosk-pin-dialog">
      <div lang={i18n.language}>
        <h2 id={`${id}-title`}>{t('kiosk.exit.title')}</h2>
        <p id={`${id}-text`}>{t('kiosk.exit.text')}</p>
        <form onSubmit={submit} noValidate>
          <PinInput
            id={`${id}-pin`}
            label={t('kiosk.pin.label')}
            value={pin}
            onChange={setPin}
            invalid={!!error}
            describedBy={error ? `${id}-error` : undefined}
            autoFocus
          />
          <ErrorAlert message={error} testId="kiosk-pin-error" id={`${id}-error`} />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('kiosk.exit.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('kiosk.exit.cancel')}
            </button>
          </div>
        </form>
      </div>
    </ModalDialog>
  );
}
