import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WAVE_KINDS, type InstrumentSummary, type WaveKind } from '../../../../shared/domain';
// The zod-free module only: the instrument schema stays out of the renderer bundle.
import { DEFAULT_WAVE_INSTRUMENTS } from '../../../../shared/instruments/defaults';
import { OCCASION_INSTRUMENT_ID } from '../../../../shared/occasions';
import { api } from '../../api';
import { CheckboxGroup, Field, Options } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale, localized } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';

const instrumentKey = (i: { instrumentId: string; version: number }) => `${i.instrumentId}@${i.version}`;

/** The measurement to suggest next: the first of T0, T1, T2 the network does not have yet. */
export function nextWaveKind(existing: readonly WaveKind[]): WaveKind {
  return (['T0', 'T1', 'T2'] as const).find((k) => !existing.includes(k)) ?? 'custom';
}

export function WaveForm({ networkId, existingKinds, onCreated }: { networkId: string; existingKinds: readonly WaveKind[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const [instruments] = useApiData('instruments', () => api.listInstruments({}));
  const id = useId();
  return (
    <div className="subform" data-testid="wave-form">
      <h3 id={`${id}-title`}>{t('waves.newTitle')}</h3>
      <WhenLoaded loaded={instruments}>
        {(list) => <WaveFormFields networkId={networkId} initialKind={nextWaveKind(existingKinds)} instruments={offeredInstruments(list)} titleId={`${id}-title`} onCreated={onCreated} />}
      </WhenLoaded>
    </div>
  );
}

/**
 * The instruments a new wave can use: every imported version, but of a built-in only its newest
 * version (older built-in versions stay for the waves that already use them). The MDO evaluation
 * is not offered: it is asked in each MDO's own before and after wave (*MDO-evaluaties*), where
 * the moment is filled in from the wave; in a measurement wave it would have no moment to pair on.
 */
export function offeredInstruments(instruments: readonly InstrumentSummary[]): InstrumentSummary[] {
  const newestBuiltIn = new Map<string, number>();
  for (const i of instruments) if (i.builtIn) newestBuiltIn.set(i.instrumentId, Math.max(newestBuiltIn.get(i.instrumentId) ?? 0, i.version));
  return instruments.filter((i) => (!i.builtIn || newestBuiltIn.get(i.instrumentId) === i.version) && i.instrumentId !== OCCASION_INSTRUMENT_ID);
}

function defaultSelection(instruments: InstrumentSummary[]): Set<string> {
  // A new wave uses the default built-in instruments (their latest versions) unless the person
  // unticks them; the other built-ins and imported instruments are ticked on purpose.
  const latest = new Map<string, InstrumentSummary>();
  for (const i of instruments) {
    if (i.builtIn && DEFAULT_WAVE_INSTRUMENTS.includes(i.instrumentId) && (latest.get(i.instrumentId)?.version ?? 0) < i.version) latest.set(i.instrumentId, i);
  }
  return new Set([...latest.values()].map(instrumentKey));
}

function WaveFormFields({
  networkId,
  initialKind,
  instruments,
  titleId,
  onCreated,
}: {
  networkId: string;
  initialKind: WaveKind;
  instruments: InstrumentSummary[];
  titleId: string;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [label, setLabel] = useState<string>(initialKind === 'custom' ? '' : initialKind);
  const [kind, setKind] = useState<WaveKind>(initialKind);
  const [plannedDate, setPlannedDate] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => defaultSelection(instruments));
  const action = useAction();

  function chooseKind(next: WaveKind) {
    // Fill in the obvious label (T0, T1, T2) unless the person has typed their own.
    if (label === '' || (WAVE_KINDS as readonly string[]).includes(label)) setLabel(next === 'custom' ? '' : next);
    setKind(next);
  }

  const create = action.submit(async () => {
    const wave = await api.createWave({
      networkId,
      label,
      kind,
      plannedDate: plannedDate === '' ? null : plannedDate,
      instruments: instruments.filter((i) => selected.has(instrumentKey(i))).map((i) => ({ instrumentId: i.instrumentId, version: i.version })),
    });
    // Suggest the next measurement: after T0 comes T1, after T1 comes T2.
    const following: WaveKind = wave.kind === 'T0' ? 'T1' : wave.kind === 'T1' ? 'T2' : 'custom';
    setKind(following);
    setLabel(following === 'custom' ? '' : following);
    setPlannedDate('');
    setSelected(defaultSelection(instruments));
    onCreated();
    return t('waves.created', { label: wave.label });
  });

  return (
    <form onSubmit={create} noValidate aria-labelledby={titleId}>
      <div className="field-row">
        <Field id={`${id}-kind`} label={t('waves.kind')}>
          <select id={`${id}-kind`} value={kind} onChange={(e) => chooseKind(e.target.value as WaveKind)}>
            <Options options={WAVE_KINDS.map((k) => ({ value: k, label: t(`waveKind.${k}`) }))} />
          </select>
        </Field>
        <Field id={`${id}-label`} label={t('waves.label')} hint={t('waves.labelHint')} hintId={`${id}-label-hint`}>
          <input
            id={`${id}-label`}
            type="text"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={40}
            autoComplete="off"
            aria-required="true"
            aria-describedby={`${id}-label-hint`}
          />
        </Field>
        <Field id={`${id}-date`} label={t('waves.plannedDate')} optional>
          <input id={`${id}-date`} type="date" value={plannedDate} onChange={(e) => setPlannedDate(e.target.value)} />
        </Field>
      </div>
      <CheckboxGroup
        legend={t('waves.instruments')}
        options={instruments.map((i) => ({
          value: instrumentKey(i),
          label: (
            <span>
              {localized(i.name, locale)} <span className="muted">{t('waves.instrumentVersion', { version: i.version })}</span>
              {!i.languages.includes('en') && <span className="muted"> · {t('dutchOnly.marker')}</span>}
            </span>
          ),
        }))}
        chosen={selected}
        onChange={setSelected}
      />
      <SubmitRow action={action} label={t('waves.create')} />
    </form>
  );
}
