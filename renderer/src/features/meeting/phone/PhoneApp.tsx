import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord } from '../../../../../shared/domain';
import type { PhoneMeeting } from '../../../../../shared/meeting';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/Messages';
import { RespondentFlow, type StoppedResponse } from '../../kiosk/RespondentFlow';
import { useKioskT } from '../../kiosk/kioskLocale';
import { connection, forgetPhoneSession, loadMeeting, phoneCall, storedSession } from './phoneBridge';

/** *Verbinding weg*: in the respondent's language, in a live region that exists before it is needed. */
function ConnectionNotice() {
  const { t } = useKioskT();
  const offline = useSyncExternalStore(connection.subscribe, connection.isOffline);
  return (
    <div className="phone-connection" role="status" data-testid="phone-connection">
      {offline && (
        <p className="phone-offline" data-testid="phone-offline">
          <strong>{t('meetingPhone.offlineTitle')}</strong> {t('meetingPhone.offlineText')}
        </p>
      )}
    </div>
  );
}

type Start = { status: 'loading' } | { status: 'refused'; message: string } | { status: 'ready'; meeting: PhoneMeeting; resumed: ResponseRecord | null };

/** What the page starts with: the meeting, and the questionnaire this tab had begun before a reload (if it is still open). */
async function start(): Promise<Start> {
  const meeting = await loadMeeting();
  if (!meeting.ok) return { status: 'refused', message: meeting.error.message };
  const session = storedSession();
  if (!session) return { status: 'ready', meeting: meeting.value, resumed: null };
  const response = await phoneCall<ResponseRecord>('getResponse', { responseId: session.responseId });
  if (response.ok && response.value.status === 'in_progress') return { status: 'ready', meeting: meeting.value, resumed: response.value };
  forgetPhoneSession();
  return { status: 'ready', meeting: meeting.value, resumed: null };
}

/**
 * The phone page of meeting mode: the kiosk's respondent flow, on the respondent's own phone.
 * Each next person on the same phone (after thanks, or *Stoppen*) starts with a fresh flow and a
 * fresh token.
 */
export function PhoneApp() {
  const { t } = useTranslation();
  const [state, setState] = useState<Start>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    void start().then(setState);
  }, []);
  useEffect(() => {
    document.title = `${t('meetingPhone.documentTitle')} – ${t('app.name')}`;
  }, [t]);

  if (state.status === 'loading') {
    return (
      <main className="phone-message" data-testid="phone-loading">
        <p>{t('common.loading')}</p>
        <ConnectionNotice />
      </main>
    );
  }
  if (state.status === 'refused') {
    return (
      <main className="phone-message" data-testid="phone-refused">
        <h1>{t('meetingPhone.refusedTitle')}</h1>
        <ErrorAlert message={state.message} />
      </main>
    );
  }

  const next = (stopped?: StoppedResponse) => {
    setRound((r) => r + 1);
    setState({ ...state, resumed: null });
    if (!stopped) {
      forgetPhoneSession();
      return;
    }
    // The answers still on their way first, then the stop; the session is forgotten either way.
    void stopped
      .settle()
      .then(() => api.stopKioskResponse({ responseId: stopped.responseId }))
      .catch(() => undefined)
      .finally(forgetPhoneSession);
  };

  return (
    <RespondentFlow
      key={round}
      session={state.meeting.session}
      definitions={{ status: 'ready', data: state.meeting.definitions }}
      beforeBegin={() => Promise.resolve()}
      onDone={next}
      phone
      resumed={state.resumed}
      notice={<ConnectionNotice />}
    />
  );
}
