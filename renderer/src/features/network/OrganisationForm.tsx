import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS, SIZE_CLASSES, type Sector, type SizeClass } from '../../../../shared/domain';
import { api } from '../../api';
import { Field, Options } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { useAction } from '../../lib/useAction';

export const UNKNOWN_SIZE = 'unknown';

export function OrganisationForm({ networkId, onAdded }: { networkId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector | ''>('');
  const [sizeClass, setSizeClass] = useState<SizeClass | typeof UNKNOWN_SIZE>(UNKNOWN_SIZE);
  const action = useAction();

  const add = action.submit(async () => {
    const org = await api.addOrganisation({
      networkId,
      name,
      // An empty choice goes to the main process as is, so the person gets its message.
      sector: sector as Sector,
      sizeClass: sizeClass === UNKNOWN_SIZE ? null : sizeClass,
    });
    setName('');
    setSector('');
    setSizeClass(UNKNOWN_SIZE);
    onAdded();
    return t('organisations.added', { name: org.name });
  });

  return (
    <form onSubmit={add} noValidate className="subform" aria-labelledby={`${id}-title`} data-testid="organisation-form">
      <h3 id={`${id}-title`}>{t('organisations.addTitle')}</h3>
      <OrganisationFields id={id} name={name} setName={setName} sector={sector} setSector={setSector} sizeClass={sizeClass} setSizeClass={setSizeClass} />
      <SubmitRow action={action} label={t('organisations.add')} />
    </form>
  );
}

/** An organisation's name, sector and size: the same fields when adding one and when correcting it. */
export function OrganisationFields({
  id,
  name,
  setName,
  sector,
  setSector,
  sizeClass,
  setSizeClass,
}: {
  id: string;
  name: string;
  setName: (name: string) => void;
  sector: Sector | '';
  setSector: (sector: Sector | '') => void;
  sizeClass: SizeClass | typeof UNKNOWN_SIZE;
  setSizeClass: (size: SizeClass | typeof UNKNOWN_SIZE) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
        <Field id={`${id}-name`} label={t('organisations.name')}>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoComplete="off" aria-required="true" />
        </Field>
        <Field id={`${id}-sector`} label={t('organisations.sector')}>
          <select id={`${id}-sector`} value={sector} onChange={(e) => setSector(e.target.value as Sector | '')} aria-required="true">
            <option value="">{t('common.choose')}</option>
            <Options options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} />
          </select>
        </Field>
        <Field id={`${id}-size`} label={t('organisations.size')}>
          <select id={`${id}-size`} value={sizeClass} onChange={(e) => setSizeClass(e.target.value as SizeClass | typeof UNKNOWN_SIZE)}>
            <Options options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizeClass.${s}`) }))} />
            <option value={UNKNOWN_SIZE}>{t('sizeClass.unknown')}</option>
          </select>
        </Field>
    </div>
  );
}
