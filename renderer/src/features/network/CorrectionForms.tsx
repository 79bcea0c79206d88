import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Network, type Organisation, type Sector, type SizeClass, type Wave } from '../../../../shared/domain';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { SubmitRow } from '../../components/SubmitRow';
import { useAction } from '../../lib/useAction';
import { OrganisationFields, UNKNOWN_SIZE } from './OrganisationForm';

/**
 * Correcting a network, an organisation or a wave on the network screen: *Wijzigen* opens a small
 * form with what is there now; the main process checks it (a name taken, leaving before joining)
 * and its Dutch sentence appears in the form. Also a wave's *Sluiten* / *Heropenen* and an
 * organisation's *Archiveren* (with responses) or *Verwijderen* (without).
 */


/** The *Wijzigen* button and, once pressed, the form it opens (closed again after saving). */
function EditToggle({ label, testId, children }: { label: string; testId: string; children: (close: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Open, the button is named by what it shows (*Niet wijzigen*), so the name a screen reader says contains the words on screen.
  return (
    <>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-label={open ? undefined : label} onClick={() => setOpen(!open)} data-testid={testId}>
        {open ? t('corrections.cancel') : t('corrections.edit')}
      </button>
      {open && children(() => setOpen(false))}
    </>
  );
}

export function NetworkEdit({ network, onSaved }: { network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <EditToggle label={t('corrections.editNetworkFor', { network: network.name })} testId="edit-network">
      {(close) => <NetworkEditForm network={network} onSaved={() => (close(), onSaved())} />}
    </EditToggle>
  );
}

function NetworkEditForm({ network, onSaved }: { network: Network; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(network.name);
  const [description, setDescription] = useState(network.description ?? '');
  const action = useAction();
  const save = action.submit(async () => {
    await api.updateNetwork({ networkId: network.id, name, description: description === '' ? null : description });
    onSaved();
  });
  return (
    <form onSubmit={save} noValidate className="subform" aria-label={t('corrections.networkTitle')} data-testid="network-edit-form">
      <Field id={`${id}-name`} label={t('corrections.networkName')}>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoComplete="off" aria-required="true" />
      </Field>
      <Field id={`${id}-description`} label={t('corrections.description')} optional>
        <textarea id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} rows={3} />
      </Field>
      <SubmitRow action={action} label={t('corrections.save')} />
    </form>
  );
}

export function WaveCorrections({ wave, onChanged }: { wave: Wave; onChanged: () => void }) {
  const { t } = useTranslation();
  const status = useAction();
  const closed = wave.status === 'closed';
  const toggle = () =>
    void status.run(async () => {
      await api.setWaveStatus({ waveId: wave.id, status: closed ? 'open' : 'closed' });
      onChanged();
    });
  return (
    <>
      <EditToggle label={t('corrections.editWaveFor', { wave: wave.label })} testId={`edit-wave-${wave.id}`}>
        {(close) => <WaveEditForm wave={wave} onSaved={() => (close(), onChanged())} />}
      </EditToggle>
      <button
        type="button"
        className="button button-secondary"
        onClick={toggle}
        disabled={status.busy}
        aria-label={t(closed ? 'corrections.reopenWaveFor' : 'corrections.closeWaveFor', { wave: wave.label })}
        data-testid={`${closed ? 'reopen' : 'close'}-wave-${wave.id}`}
      >
        {closed ? t('corrections.reopenWave') : t('corrections.closeWave')}
      </button>
      <ErrorAlert message={status.error} />
    </>
  );
}

function WaveEditForm({ wave, onSaved }: { wave: Wave; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState(wave.label);
  const [plannedDate, setPlannedDate] = useState(wave.plannedDate ?? '');
  const action = useAction();
  const save = action.submit(async () => {
    await api.updateWave({ waveId: wave.id, label, plannedDate: plannedDate === '' ? null : plannedDate });
    onSaved();
  });
  return (
    <form onSubmit={save} noValidate className="subform" aria-label={t('corrections.waveTitle', { wave: wave.label })} data-testid={`wave-edit-form-${wave.id}`}>
      <div className="field-row">
        <Field id={`${id}-label`} label={t('waves.label')}>
          <input id={`${id}-label`} type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={40} autoComplete="off" aria-required="true" />
        </Field>
        <Field id={`${id}-date`} label={t('waves.plannedDate')} optional>
          <input id={`${id}-date`} type="date" value={plannedDate} onChange={(e) => setPlannedDate(e.target.value)} />
        </Field>
      </div>
      <SubmitRow action={action} label={t('corrections.save')} />
    </form>
  );
}

export function OrganisationCorrections({ organisation, onChanged }: { organisation: Organisation; onChanged: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const o = organisation;
  const archiveOrRemove = () =>
    void action.run(async () => {
      if (o.inUse || o.archived) await api.archiveOrganisation({ organisationId: o.id, archived: !o.archived });
      else await api.removeOrganisation({ organisationId: o.id });
      onChanged();
    });
  const which = o.archived ? 'restore' : o.inUse ? 'archive' : 'remove';
  return (
    <div className="actions">
      <EditToggle label={t('corrections.editOrganisationFor', { organisation: o.name })} testId={`edit-organisation-${o.id}`}>
        {(close) => <OrganisationEditForm organisation={o} onSaved={() => (close(), onChanged())} />}
      </EditToggle>
      <button
        type="button"
        className="button button-secondary"
        onClick={archiveOrRemove}
        disabled={action.busy}
        aria-label={t(`corrections.${which}OrganisationFor`, { organisation: o.name })}
        data-testid={`${which}-organisation-${o.id}`}
      >
        {t(`corrections.${which}Organisation`)}
      </button>
      <ErrorAlert message={action.error} />
      <StatusMessage message={action.status} />
    </div>
  );
}

function OrganisationEditForm({ organisation, onSaved }: { organisation: Organisation; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(organisation.name);
  const [sector, setSector] = useState<Sector | ''>(organisation.sector);
  const [sizeClass, setSizeClass] = useState<SizeClass | typeof UNKNOWN_SIZE>(organisation.sizeClass ?? UNKNOWN_SIZE);
  const [joinedOn, setJoinedOn] = useState(organisation.joinedOn ?? '');
  const [leftOn, setLeftOn] = useState(organisation.leftOn ?? '');
  const [expected, setExpected] = useState(organisation.expectedParticipants === null ? '' : String(organisation.expectedParticipants));
  const action = useAction();
  const save = action.submit(async () => {
    await api.updateOrganisation({
      organisationId: organisation.id,
      name,
      // An emptied choice goes as is, so the person gets the main process's message.
      sector: sector as Sector,
      sizeClass: sizeClass === UNKNOWN_SIZE ? null : sizeClass,
      joinedOn: joinedOn === '' ? null : joinedOn,
      leftOn: leftOn === '' ? null : leftOn,
      // What was typed goes as a number (or NaN), so the main process gives its message.
      expectedParticipants: expected.trim() === '' ? null : Number(expected),
    });
    onSaved();
  });
  return (
    <form onSubmit={save} noValidate className="subform" aria-label={t('corrections.organisationTitle', { organisation: organisation.name })} data-testid={`organisation-edit-form-${organisation.id}`}>
      <OrganisationFields id={id} name={name} setName={setName} sector={sector} setSector={setSector} sizeClass={sizeClass} setSizeClass={setSizeClass} />
      <div className="field-row">
        <Field id={`${id}-joined`} label={t('corrections.joinedOn')} optional>
          <input id={`${id}-joined`} type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} />
        </Field>
        <Field id={`${id}-left`} label={t('corrections.leftOn')} optional>
          <input id={`${id}-left`} type="date" value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />
        </Field>
        <Field id={`${id}-expected`} label={t('corrections.expectedParticipants')} optional hint={t('corrections.expectedHint')} hintId={`${id}-expected-hint`}>
          <input id={`${id}-expected`} type="text" inputMode="numeric" value={expected} onChange={(e) => setExpected(e.target.value)} autoComplete="off" aria-describedby={`${id}-expected-hint`} />
        </Field>
      </div>
      <SubmitRow action={action} label={t('corrections.save')} />
    </form>
  );
}
