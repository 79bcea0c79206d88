import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskState, Network, Wave } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { waveOf } from '../questionnaire/QuestionnaireScreen';
import { useEnterKiosk } from './KioskGate';
import { PinInput, usePinEntry } from './PinEntry';

/**
 * The researcher's way into kiosk mode for one wave: what will happen, the PIN (set on first
 * use: PIN and repeat), then the PIN again to start.
 */
export function KioskSetupScreen({ networkId, waveId, onBack }: { networkId: string; waveId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [pinJustSet, setPinJustSet] = useState(false);
  const [loaded, reload] = useApiData(`kiosk-setup/${networkId}/${waveId}`, async () => {
    const [detail, kiosk] = await Promise.all([api.getNetwork({ networkId }), api.getKioskState({})]);
    return { network: detail.network, wave: waveOf(detail, waveId), kiosk };
  });

  return (
    <NetworkPage loaded={loaded} onBack={onBack} heading={({ network, wave }) => ({ title: t('kiosk.setup.title', { wave: wave.label }), network: network.name })}>
      {({ network, wave, kiosk }) => (
        <KioskSetup
          network={network}
          wave={wave}
          kiosk={kiosk}
          pinJustSet={pinJustSet}
          onPinSet={() => {
            setPinJustSet(true);
            reload();
          }}
        />
      )}
    </NetworkPage>
  );
}

function KioskSetup({ network, wave, kiosk, pinJustSet, onPinSet }: { network: Network; wave: Wave; kiosk: KioskState; pinJustSet: boolean; onPinSet: () => void }) {
  const { t } = useTranslation();
  const minutes = Math.floor(network.idleSeconds / 60);
  const seconds = network.idleSeconds % 60;
  const idle =
    minutes === 0
      ? t('kiosk.setup.seconds', { count: seconds })
      : seconds === 0
        ? t('kiosk.setup.minutes', { count: minutes })
        : `${t('kiosk.setup.minutes', { count: minutes })} ${t('kiosk.setup.and')} ${t('kiosk.setup.seconds', { count: seconds })}`;

  return (
    <>
      <section className="panel" aria-labelledby="kiosk-how-title">
        <h2 id="kiosk-how-title">{t('kiosk.setup.howTitle')}</h2>
        <ul className="kiosk-explain">
          <li>{t('kiosk.setup.howScreen')}</li>
          <li>{t('kiosk.setup.howRespondent', { policy: t(`kiosk.setup.policy.${network.codePolicy}`) })}</li>
          <li>{t('kiosk.setup.howPrivacy')}</li>
          <li data-testid="kiosk-setup-stop">{t(network.kioskStop === 'keep' ? 'kiosk.stop.setupKeep' : 'kiosk.stop.setupDiscard')}</li>
          <li>{t('kiosk.setup.howIdle', { idle })}</li>
          <li>{t('kiosk.setup.howResume')}</li>
          <li>{t('kiosk.setup.howExit')}</li>
        </ul>
        <p className="hint">{network.consentNl ? t('kiosk.setup.consentOwn') : t('kiosk.setup.consentStandard')}</p>
      </section>
      <StatusMessage message={pinJustSet ? t('kiosk.setup.pinSaved') : null} testId="kiosk-pin-saved" />
      {kiosk.pinSet ? <StartForm waveId={wave.id} waveLabel={wave.label} /> : <PinForm onSet={onPinSet} />}
    </>
  );
}

/** First use: choose the PIN (4 to 8 digits), twice. */
function PinForm({ onSet }: { onSet: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, submit } = useAction();
  const save = submit(async () => {
    if (pin !== repeat) throw new ApiError('VALIDATION', t('kiosk.setup.pinMismatch'));
    await api.setResearcherPin({ pin, currentPin: null });
    onSet();
  });

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="kiosk-pin-form">
      <h2 id={`${id}-title`}>{t('kiosk.setup.pinTitle')}</h2>
      <p id={`${id}-hint`}>{t('kiosk.setup.pinIntro')}</p>
      <form onSubmit={save} noValidate autoComplete="off">
        <div className="field-row">
          <PinInput id={`${id}-pin`} label={t('kiosk.setup.newPin')} value={pin} onChange={setPin} describedBy={`${id}-hint`} />
          <PinInput id={`${id}-repeat`} label={t('kiosk.setup.repeatPin')} value={repeat} onChange={setRepeat} />
        </div>
        <ErrorAlert message={error} testId="kiosk-pin-form-error" />
        <button type="submit" className="button" disabled={busy}>
          {t('kiosk.setup.savePin')}
        </button>
      </form>
    </section>
  );
}

function StartForm({ waveId, waveLabel }: { waveId: string; waveLabel: string }) {
  const { t } = useTranslation();
  const id = useId();
  const enterKiosk = useEnterKiosk();
  const { pin, setPin, busy, error, submit } = usePinEntry(async (typed) => enterKiosk(await api.startKiosk({ waveId, pin: typed })));

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="kiosk-start-form">
      <h2 id={`${id}-title`}>{t('kiosk.setup.startTitle')}</h2>
      <p>{t('kiosk.setup.startIntro')}</p>
      <form onSubmit={submit} noValidate autoComplete="off">
        <PinInput id={`${id}-pin`} label={t('kiosk.pin.label')} value={pin} onChange={setPin} />
        <ErrorAlert message={error} testId="kiosk-start-error" />
        <button type="submit" className="button button-large" disabled={busy} aria-label={t('kiosk.setup.startFor', { wave: waveLabel })}>
          {t('kiosk.setup.start')}
        </button>
      </form>
    </section>
  );
}
