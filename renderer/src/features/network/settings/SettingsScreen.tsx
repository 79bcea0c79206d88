import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_POLICIES, KIOSK_STOP_CHOICES, type CodePolicy, type KioskStop, type Network } from '../../../../../shared/domain';
import { api } from '../../../api';
import { Field } from '../../../components/Field';
import { NumberField } from '../../../components/NumberField';
import { SubmitRow } from '../../../components/SubmitRow';
import { useAction } from '../../../lib/useAction';
import { useApiData } from '../../../lib/useApiData';
import { NetworkPage } from '../NetworkPage';

/** *Instellingen* of one network: consent texts, code policy, the kiosk's idle time and what *Stoppen* keeps, the minimum group size. */
export function SettingsScreen({ networkId, onBack }: { networkId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [detail] = useApiData(`settings/${networkId}`, () => api.getNetwork({ networkId }));
  return (
    <NetworkPage loaded={detail} onBack={onBack} heading={({ network }) => ({ title: t('settings.title'), network: network.name })}>
      {({ network }) => <SettingsForm network={network} />}
    </NetworkPage>
  );
}

/** A whole number as typed, or NaN so the main process names the problem in its own words. */
const wholeNumber = (typed: string) => (/^\s*-?\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);

function SettingsForm({ network }: { network: Network }) {
  const { t } = useTranslation();
  const id = useId();
  const [consentNl, setConsentNl] = useState(network.consentNl ?? '');
  const [consentEn, setConsentEn] = useState(network.consentEn ?? '');
  const [codePolicy, setCodePolicy] = useState<CodePolicy>(network.codePolicy);
  const [idleSeconds, setIdleSeconds] = useState(String(network.idleSeconds));
  const [minGroupSize, setMinGroupSize] = useState(String(network.minGroupSize));
  const [kioskStop, setKioskStop] = useState<KioskStop>(network.kioskStop);
  const action = useAction();

  const save = action.submit(async () => {
    const saved = await api.updateNetworkSettings({
      networkId: network.id,
      consentNl: consentNl.trim() === '' ? null : consentNl,
      consentEn: consentEn.trim() === '' ? null : consentEn,
      codePolicy,
      idleSeconds: wholeNumber(idleSeconds),
      minGroupSize: wholeNumber(minGroupSize),
      kioskStop,
    });
    setConsentNl(saved.consentNl ?? '');
    setConsentEn(saved.consentEn ?? '');
    setIdleSeconds(String(saved.idleSeconds));
    setMinGroupSize(String(saved.minGroupSize));
    setKioskStop(saved.kioskStop);
    return t('settings.saved');
  });

  return (
    <form onSubmit={save} noValidate data-testid="settings-form">
      <section className="panel" aria-labelledby={`${id}-consent`}>
        <h2 id={`${id}-consent`}>{t('settings.consentTitle')}</h2>
        <p className="hint section-hint">{t('settings.consentIntro')}</p>
        <Field id={`${id}-consent-nl`} label={t('settings.consentNl')}>
          <textarea id={`${id}-consent-nl`} value={consentNl} onChange={(e) => setConsentNl(e.target.value)} rows={5} maxLength={8000} />
        </Field>
        <Field id={`${id}-consent-en`} label={t('settings.consentEn')}>
          <textarea id={`${id}-consent-en`} value={consentEn} onChange={(e) => setConsentEn(e.target.value)} rows={5} maxLength={8000} lang="en" />
        </Field>
      </section>

      <section className="panel" aria-labelledby={`${id}-codes`}>
        <h2 id={`${id}-codes`}>{t('settings.codesTitle')}</h2>
        <DescribedChoices
          id={`${id}-policy`}
          legend={t('settings.codePolicy')}
          choices={CODE_POLICIES}
          value={codePolicy}
          onChange={setCodePolicy}
          label={(policy) => t(`settings.policy.${policy}`)}
          help={(policy) => t(`settings.policyHelp.${policy}`)}
        />
      </section>

      <section className="panel" aria-labelledby={`${id}-other`}>
        <h2 id={`${id}-other`}>{t('settings.otherTitle')}</h2>
        <div className="field-row">
          <NumberField
            id={`${id}-idle`}
            hintId={`${id}-idle-hint`}
            label={t('settings.idleSeconds')}
            hint={t('settings.idleHint')}
            value={idleSeconds}
            onChange={setIdleSeconds}
          />
          <NumberField
            id={`${id}-min`}
            hintId={`${id}-min-hint`}
            label={t('settings.minGroupSize')}
            hint={t('settings.minGroupHint')}
            value={minGroupSize}
            onChange={setMinGroupSize}
          />
        </div>
        <DescribedChoices
          id={`${id}-stop`}
          legend={t('settings.kioskStop.legend')}
          choices={KIOSK_STOP_CHOICES}
          value={kioskStop}
          onChange={setKioskStop}
          label={(choice) => t(`settings.kioskStop.${choice}`)}
          help={(choice) => t(`settings.kioskStop.${choice}Help`)}
          testId="settings-kiosk-stop"
        />
      </section>

      <SubmitRow action={action} label={t('settings.save')} large errorTestId="settings-error" statusTestId="settings-status" />
    </form>
  );
}

/** A radio group whose every option has a line of explanation under its name. */
function DescribedChoices<C extends string>({
  id,
  legend,
  choices,
  value,
  onChange,
  label,
  help,
  testId,
}: {
  id: string;
  legend: string;
  choices: readonly C[];
  value: C;
  onChange: (choice: C) => void;
  label: (choice: C) => string;
  help: (choice: C) => string;
  testId?: string;
}) {
  return (
    <fieldset className="policy-group" data-testid={testId}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div key={choice} className="policy-option">
          <input
            id={`${id}-${choice}`}
            type="radio"
            name={id}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
            aria-describedby={`${id}-${choice}-help`}
          />
          <div>
            <label htmlFor={`${id}-${choice}`} className="policy-name">
              {label(choice)}
            </label>
            <p className="hint" id={`${id}-${choice}-help`}>
              {help(choice)}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
