import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail, Wave } from '../../../../shared/domain';
import type { Occasion, OccasionComparisons, OccasionGroupComparison, OccasionResult, OccasionWaveSummary } from '../../../../shared/occasions';
import { api } from '../../api';
import { DataTable, numeric } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { formatCount, formatNumber, formatP, formatSigned, formatSignedInterval, pick } from '../dashboard/format';
import { NetworkPage } from '../network/NetworkPage';
import { waveOf } from '../questionnaire/QuestionnaireScreen';

/**
 * *MDO-evaluaties* of one measurement wave: each multidisciplinary meeting (MDO) with its before
 * and after wave (fill in, kiosk, meeting mode), a form for a new one, and the before/after
 * comparison of the same people per MDO and over all MDOs, by the main process's rules (paired,
 * nothing below the network's minimum group size).
 */

interface Loaded {
  detail: NetworkDetail;
  wave: Wave;
  occasions: Occasion[];
  comparisons: OccasionComparisons;
}

export interface OccasionLinks {
  onFill: (waveId: string) => void;
  onKiosk: (waveId: string) => void;
  onMeeting: (waveId: string) => void;
  onPaper: (waveId: string) => void;
  onResponses: (waveId: string) => void;
}

export function OccasionsScreen({ networkId, waveId, onBack, links }: { networkId: string; waveId: string; onBack: () => void; links: OccasionLinks }) {
  const { t } = useTranslation();
  const [loaded, reload] = useApiData(`occasions/${waveId}`, async (): Promise<Loaded> => {
    const [detail, occasions, comparisons] = await Promise.all([api.getNetwork({ networkId }), api.listOccasions({ waveId }), api.getOccasionComparisons({ waveId })]);
    return { detail, wave: waveOf(detail, waveId), occasions, comparisons };
  });
  return (
    <NetworkPage loaded={loaded} onBack={onBack} heading={({ detail, wave }) => ({ title: t('occasions.title', { wave: wave.label }), network: detail.network.name })}>
      {(data) => (
        <>
          <p className="lead">{t('occasions.intro')}</p>
          <OccasionForm waveId={waveId} onCreated={reload} />
          <OccasionList occasions={data.occasions} links={links} onChanged={reload} />
          <ComparisonSection comparisons={data.comparisons} />
        </>
      )}
    </NetworkPage>
  );
}

function OccasionForm({ waveId, onCreated }: { waveId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const action = useAction();
  const create = action.submit(async () => {
    const occasion = await api.createOccasion({ waveId, label, heldOn: heldOn === '' ? null : heldOn });
    setLabel('');
    setHeldOn('');
    onCreated();
    return t('occasions.created', { label: occasion.label });
  });
  return (
    <section className="panel subform" aria-labelledby={`${id}-title`} data-testid="occasion-form">
      <h2 id={`${id}-title`}>{t('occasions.newTitle')}</h2>
      <form onSubmit={create} noValidate aria-labelledby={`${id}-title`}>
        <OccasionFields label={label} heldOn={heldOn} onLabel={setLabel} onHeldOn={setHeldOn} withHint />
        <SubmitRow action={action} label={t('occasions.create')} errorTestId="occasion-form-error" statusTestId="occasion-form-status" />
      </form>
    </section>
  );
}

function OccasionList({ occasions, links, onChanged }: { occasions: Occasion[]; links: OccasionLinks; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('occasions.listTitle')}</h2>
      {occasions.length === 0 ? (
        <p className="empty">{t('occasions.none')}</p>
      ) : (
        <ul className="card-list" data-testid="occasion-list">
          {occasions.map((o) => (
            <OccasionCard key={o.id} occasion={o} links={links} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OccasionCard({ occasion, links, onChanged }: { occasion: Occasion; links: OccasionLinks; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  return (
    <li className="card" data-testid={`occasion-${occasion.label}`}>
      <div className="card-body">
        <h3 className="card-title">{occasion.label}</h3>
        <p className="card-meta">{occasion.heldOn ? t('occasions.heldOnDate', { date: formatDate(occasion.heldOn, locale) }) : t('occasions.noDate')}</p>
        {editing && <OccasionEdit occasion={occasion} onDone={() => (setEditing(false), onChanged())} />}
      </div>
      <div className="occasion-moments">
        <MomentActions moment="before" wave={occasion.before} links={links} />
        <MomentActions moment="after" wave={occasion.after} links={links} />
        {!editing && (
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)} aria-label={t('occasions.editFor', { label: occasion.label })}>
            {t('occasions.edit')}
          </button>
        )}
      </div>
    </li>
  );
}

function MomentActions({ moment, wave, links }: { moment: 'before' | 'after'; wave: OccasionWaveSummary; links: OccasionLinks }) {
  const { t } = useTranslation();
  const open = wave.status === 'open';
  return (
    <div className="occasion-moment" data-testid={`moment-${wave.label}`}>
      <p>
        <strong>{t(`occasions.moment.${moment}`)}</strong> {t('occasions.counts', { started: wave.started, complete: wave.complete })}
      </p>
      {!open && <p className="card-note">{t('corrections.closedNote')}</p>}
      <div className="card-actions">
        {/* A closed wave takes no new questionnaires: its ways in are not offered (the main process refuses them too). */}
        {open && (
          <>
            <button type="button" className="button" onClick={() => links.onFill(wave.waveId)} aria-label={t('waves.fillFor', { wave: wave.label })}>
              {t('waves.fill')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => links.onKiosk(wave.waveId)} aria-label={t('kiosk.startWaveFor', { wave: wave.label })}>
              {t('kiosk.startWave')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => links.onMeeting(wave.waveId)} aria-label={t('meeting.openFor', { wave: wave.label })}>
              {t('meeting.open')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => links.onPaper(wave.waveId)} aria-label={t('paper.openFor', { wave: wave.label })}>
              {t('paper.open')}
            </button>
          </>
        )}
        <button type="button" className="button button-secondary" onClick={() => links.onResponses(wave.waveId)} aria-label={t('responses.openFor', { wave: wave.label })}>
          {t('responses.open')}
        </button>
      </div>
    </div>
  );
}

/** An occasion's name and date, as a new one is added and an existing one edited. */
function OccasionFields({ label, heldOn, onLabel, onHeldOn, withHint = false }: { label: string; heldOn: string; onLabel: (v: string) => void; onHeldOn: (v: string) => void; withHint?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = withHint ? `${id}-label-hint` : undefined;
  return (
    <div className="field-row">
      <Field id={`${id}-label`} label={t('occasions.label')} hint={withHint ? t('occasions.labelHint') : undefined} hintId={hintId}>
        <input id={`${id}-label`} type="text" value={label} onChange={(e) => onLabel(e.target.value)} maxLength={30} autoComplete="off" aria-required="true" aria-describedby={hintId} />
      </Field>
      <Field id={`${id}-date`} label={t('occasions.heldOn')} optional>
        <input id={`${id}-date`} type="date" value={heldOn} onChange={(e) => onHeldOn(e.target.value)} />
      </Field>
    </div>
  );
}

function OccasionEdit({ occasion, onDone }: { occasion: Occasion; onDone: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(occasion.label);
  const [heldOn, setHeldOn] = useState(occasion.heldOn ?? '');
  const action = useAction();
  const save = action.submit(async () => {
    await api.updateOccasion({ occasionId: occasion.id, label, heldOn: heldOn === '' ? null : heldOn });
    onDone();
  });
  return (
    <form onSubmit={save} noValidate className="subform" aria-label={t('occasions.editFor', { label: occasion.label })}>
      <OccasionFields label={label} heldOn={heldOn} onLabel={setLabel} onHeldOn={setHeldOn} />
      <SubmitRow action={action} label={t('occasions.save')} />
    </form>
  );
}

function ComparisonSection({ comparisons }: { comparisons: OccasionComparisons }) {
  const { t } = useTranslation();
  const id = useId();
  const k = comparisons.minGroupSize;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="occasion-comparison">
      <h2 id={`${id}-title`}>{t('occasions.comparisonTitle')}</h2>
      <ResultBlock result={comparisons.pooled} title={t('occasions.pooledTitle')} k={k} testId="occasion-pooled" />
      {comparisons.occasions.map((r) => (
        <ResultBlock key={r.occasionId} result={r} title={r.label ?? ''} k={k} testId={`occasion-result-${r.label}`} />
      ))}
      <h3>{t('occasions.methodsTitle')}</h3>
      <p className="hint" data-testid="occasion-methods">
        {t('occasions.methods', { min: k })}
      </p>
    </section>
  );
}

function ResultBlock({ result, title, k, testId }: { result: OccasionResult; title: string; k: number; testId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="occasion-result" data-testid={testId}>
      <h3>{title}</h3>
      <p>
        {t('occasions.resultCounts', { before: result.nBefore, after: result.nAfter, pairs: result.nPairs })}{' '}
        {result.rating.mean !== null
          ? t('occasions.rating', { n: result.rating.n, mean: formatNumber(result.rating.mean, locale, 1) })
          : result.rating.suppressed
            ? t('occasions.ratingHidden', { min: k })
            : null}
      </p>
      {result.groups.map((g) => (
        <GroupTable key={g.group} group={g} title={`${title}: ${t(`occasions.group.${g.group}`)}`} k={k} />
      ))}
      {result.groups.length === 1 && result.nPairs >= k && <p className="hint">{t('occasions.rolesHidden', { min: k })}</p>}
    </div>
  );
}

function GroupTable({ group, title, k }: { group: OccasionGroupComparison; title: string; k: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (group.suppressed) {
    return <p data-testid={`group-${group.group}-suppressed`}>{t('occasions.tooFew', { pairs: group.nPairs, min: k })}</p>;
  }
  const columns = [
    t('occasions.col.statement'),
    numeric(t('occasions.col.pairs')),
    numeric(t('occasions.col.before')),
    numeric(t('occasions.col.after')),
    numeric(t('occasions.col.difference')),
    numeric(t('occasions.col.interval')),
    numeric(t('occasions.col.p')),
  ];
  return (
    <>
      {group.group !== 'all' && <h4>{t(`occasions.group.${group.group}`)}</h4>}
      <DataTable columns={columns} caption={title} testId={`group-${group.group}`}>
        {group.rows.map((r) => (
          <tr key={r.id} className={r.kind === 'scale' ? 'row-scale' : undefined}>
            <th scope="row">{r.kind === 'scale' ? <strong>{pick(r.label, locale)}</strong> : pick(r.label, locale)}</th>
            <td className="numeric">{formatCount(r.paired.n, locale)}</td>
            <td className="numeric">{formatNumber(r.meanBefore, locale)}</td>
            <td className="numeric">{formatNumber(r.meanAfter, locale)}</td>
            <td className="numeric">{formatSigned(r.paired.meanDiff, locale)}</td>
            <td className="numeric">{formatSignedInterval(r.paired.ciLow, r.paired.ciHigh, locale)}</td>
            <td className="numeric">{formatP(r.paired.pT, locale)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
