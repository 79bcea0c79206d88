import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingState, RunningMeeting } from '../../../../shared/meeting';
import { api } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { waveOf } from '../questionnaire/QuestionnaireScreen';
import { QrCode } from './QrCode';
import './meeting.css';

/** How often the researcher's screen asks for the live counts while a meeting runs. */
const COUNTS_EVERY_MS = 2000;

/**
 * Meeting mode (*bijeenkomstmodus*) for one wave, the researcher's side: what it is, the connection
 * to listen on, then the QR code and short address, the check on one's own phone, live counts per
 * organisation (never answers), help when phones cannot connect, and the end.
 */
export function MeetingScreen({ networkId, waveId, onBack }: { networkId: string; waveId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [loaded, reload] = useApiData(`meeting/${networkId}/${waveId}`, async () => {
    const [detail, meeting] = await Promise.all([api.getNetwork({ networkId }), api.getMeetingState({})]);
    return { network: detail.network, wave: waveOf(detail, waveId), meeting };
  });
  return (
    <NetworkPage loaded={loaded} onBack={onBack} heading={({ network, wave }) => ({ title: t('meeting.title', { wave: wave.label }), network: network.name })}>
      {({ wave, meeting }) => <Meeting waveId={wave.id} initial={meeting} onChanged={reload} />}
    </NetworkPage>
  );
}

function Meeting({ waveId, initial, onChanged }: { waveId: string; initial: MeetingState; onChanged: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState(initial);
  const [ended, setEnded] = useState(false);
  const running = state.meeting;

  // Live counts while a meeting runs.
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      api.getMeetingState({}).then(setState, () => undefined);
    }, COUNTS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [running]);

  if (running && running.waveId !== waveId) {
    return (
      <section className="panel">
        <p data-testid="meeting-other-wave">{t('meeting.otherWave', { wave: running.waveLabel, network: running.networkName })}</p>
        <EndMeeting onEnded={(next) => (setState(next), setEnded(true))} />
      </section>
    );
  }
  if (running) return <RunningMeetingView meeting={running} onEnded={(next) => (setState(next), setEnded(true))} />;
  return (
    <>
      {ended && <StatusMessage message={t('meeting.ended')} testId="meeting-ended" persist />}
      <HowItWorks />
      <StartMeeting
        waveId={waveId}
        state={state}
        onRefresh={() => api.getMeetingState({}).then(setState, onChanged)}
        onStarted={(next) => {
          setEnded(false);
          setState(next);
        }}
      />
      <ConnectionHelp />
    </>
  );
}

function HowItWorks() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="meeting-how-title">
      <h2 id="meeting-how-title">{t('meeting.howTitle')}</h2>
      <ul className="meeting-list">
        <li>{t('meeting.howPhones')}</li>
        <li>{t('meeting.howLocal')}</li>
        <li>{t('meeting.howPrivacy')}</li>
        <li>{t('meeting.howKiosk')}</li>
      </ul>
    </section>
  );
}

function StartMeeting({ waveId, state, onRefresh, onStarted }: { waveId: string; state: MeetingState; onRefresh: () => void; onStarted: (state: MeetingState) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction();
  const [address, setAddress] = useState(state.interfaces[0]?.address ?? '');
  const chosen = state.interfaces.some((i) => i.address === address) ? address : (state.interfaces[0]?.address ?? '');

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meeting.interfaceTitle')}</h2>
      {state.interfaces.length === 0 ? (
        <p data-testid="meeting-no-interfaces">{t('meeting.noInterfaces')}</p>
      ) : (
        <fieldset className="meeting-interfaces">
          <legend className="hint">{t('meeting.interfaceHint')}</legend>
          {state.interfaces.map((i) => (
            <label key={i.address} className="meeting-interface">
              <input type="radio" name={`${id}-interface`} checked={chosen === i.address} onChange={() => setAddress(i.address)} />
              <span>
                {i.name} ({i.address}){i.likelyHotspot && <> · {t('meeting.interfaceHotspot')}</>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorAlert message={error} testId="meeting-start-error" />
      <div className="meeting-actions">
        <button
          type="button"
          className="button"
          disabled={busy || chosen === ''}
          onClick={() => void run(async () => onStarted(await api.startMeeting({ waveId, address: chosen })))}
          data-testid="meeting-start"
        >
          {busy ? t('meeting.starting') : t('meeting.start')}
        </button>
        <button type="button" className="button button-secondary" onClick={onRefresh}>
          {t('meeting.refresh')}
        </button>
      </div>
    </section>
  );
}

function RunningMeetingView({ meeting, onEnded }: { meeting: RunningMeeting; onEnded: (state: MeetingState) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="panel meeting-address" aria-labelledby="meeting-scan-title" data-testid="meeting-running">
        <div>
          <h2 id="meeting-scan-title">{t('meeting.scanTitle')}</h2>
          <QrCode text={meeting.url} label={t('meeting.qrLabel', { address: meeting.shortAddress })} />
        </div>
        <div className="meeting-address-text">
          <p>{t('meeting.orType')}</p>
          <p className="meeting-short" data-testid="meeting-address">
            {meeting.shortAddress}
          </p>
          <p className="hint">{t('meeting.via', { name: meeting.interfaceName, address: meeting.address })}</p>
          {meeting.problem && <ErrorAlert message={t('meeting.problem', { problem: meeting.problem })} testId="meeting-problem" />}
          <h3>{t('meeting.checkTitle')}</h3>
          <p data-testid="meeting-check">{t('meeting.checkText')}</p>
          <p role="status" className="meeting-opened" data-testid="meeting-opened">
            {t('meeting.opened', { count: meeting.pagesServed })}
          </p>
        </div>
      </section>
      <MeetingCounts meeting={meeting} />
      <ConnectionHelp />
      <section className="panel">
        <EndMeeting onEnded={onEnded} />
      </section>
    </>
  );
}

function MeetingCounts({ meeting }: { meeting: RunningMeeting }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="meeting-counts-title">
      <h2 id="meeting-counts-title">{t('meeting.countsTitle')}</h2>
      {/* A polite live region: a screen reader hears the totals change, not every cell. */}
      <p role="status" className="meeting-live" data-testid="meeting-live">
        {t('meeting.live', { started: meeting.started, submitted: meeting.submitted })}
      </p>
      {meeting.counts.length === 0 ? (
        <p>{t('meeting.none')}</p>
      ) : (
        <DataTable
          caption={t('meeting.countsCaption')}
          testId="meeting-counts"
          columns={[t('meeting.colOrganisation'), { label: t('meeting.colStarted'), className: 'numeric' }, { label: t('meeting.colSubmitted'), className: 'numeric' }]}
        >
          {meeting.counts.map((c) => (
            <tr key={c.organisationId ?? 'none'}>
              <td>{c.organisationName ?? t('meeting.noOrganisation')}</td>
              <td className="numeric">{c.started}</td>
              <td className="numeric">{c.submitted}</td>
            </tr>
          ))}
          <tr className="meeting-total">
            <th scope="row">{t('meeting.total')}</th>
            <td className="numeric">{meeting.started}</td>
            <td className="numeric">{meeting.submitted}</td>
          </tr>
        </DataTable>
      )}
    </section>
  );
}

function EndMeeting({ onEnded }: { onEnded: (state: MeetingState) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  if (!asking) {
    return (
      <button type="button" className="button meeting-danger" onClick={() => setAsking(true)} data-testid="meeting-end">
        {t('meeting.end')}
      </button>
    );
  }
  return (
    <div className="meeting-end-question" data-testid="meeting-end-question">
      <p>{t('meeting.endQuestion')}</p>
      <ErrorAlert message={error} />
      <div className="meeting-actions">
        <button type="button" className="button meeting-danger" disabled={busy} onClick={() => void run(async () => onEnded(await api.endMeeting({})))} data-testid="meeting-end-confirm">
          {t('meeting.endConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)} autoFocus>
          {t('meeting.endCancel')}
        </button>
      </div>
    </div>
  );
}

function ConnectionHelp() {
  const { t } = useTranslation();
  return (
    <details className="panel meeting-help" data-testid="meeting-help">
      <summary>{t('meeting.helpTitle')}</summary>
      <ul className="meeting-list">
        <li>{t('meeting.helpSameNetwork')}</li>
        <li>{t('meeting.helpIsolation')}</li>
        <li>{t('meeting.helpHotspot')}</li>
        <li>{t('meeting.helpRouter')}</li>
        <li>{t('meeting.helpFirewall')}</li>
        <li>{t('meeting.helpWarning')}</li>
      </ul>
    </details>
  );
}
