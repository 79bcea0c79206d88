import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail, NetworkSummary } from '../../../../shared/domain';
import type { Input, Output } from '../../../../shared/contract';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { RadioGroup } from '../../components/Field';
import { ScreenTitle } from '../../components/ScreenTitle';
import { currentLocale, localized } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { usePolledProgress } from '../../lib/usePolledProgress';
import { useApiData } from '../../lib/useApiData';

type Progress = Output<'getExportProgress'>;
type Format = Input<'exportStudy'>['format'];
type Values = Input<'exportStudy'>['values'];
type Separator = Input<'exportStudy'>['separator'];

/** How often the screen asks how far a running export is. */

/**
 * *Exporteren* for advisors and researchers: the chosen networks, waves and instruments as one
 * Excel workbook, or as CSV with SPSS syntax and an R script beside it. The main process asks
 * where to save; while it works this screen polls `getExportProgress` and shows how far it is.
 * Opened from one wave (*Exporteren naar Excel* on the wave), only that wave is ticked at first;
 * every other choice is the same, open answers included only when ticked.
 */
export function ExportScreen({ networkId, waveIds, onBack }: { networkId: string; waveIds?: readonly string[]; onBack: () => void }) {
  const { t } = useTranslation();
  const [setup] = useApiData(`export-setup/${networkId}`, async () => {
    const [networks, instruments, detail] = await Promise.all([api.listNetworks({}), api.listInstruments({}), api.getNetwork({ networkId })]);
    return { networks, instruments, detail };
  });
  const name = setup.status === 'ready' ? setup.data.detail.network.name : '';
  return (
    <>
      <BackButton label={t('nav.backToNetwork')} onClick={onBack} />
      <ScreenTitle title={t('export.study.titleFor', { network: name })}>
        {t('export.study.title')}
        {name && <span className="title-sub">{name}</span>}
      </ScreenTitle>
      {setup.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={setup.status === 'error' ? setup.message : null} />
      {setup.status === 'ready' && (
        <ExportForm networkId={networkId} waveIds={waveIds} networks={setup.data.networks} instruments={setup.data.instruments} first={setup.data.detail} />
      )}
    </>
  );
}

function ExportForm({
  networkId,
  waveIds,
  networks,
  instruments,
  first,
}: {
  networkId: string;
  waveIds: readonly string[] | undefined;
  networks: NetworkSummary[];
  instruments: InstrumentSummary[];
  first: NetworkDetail;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [chosenNetworks, setChosenNetworks] = useState<string[]>([networkId]);
  const [details, setDetails] = useState<Record<string, NetworkDetail>>({ [networkId]: first });
  const [offWaves, setOffWaves] = useState<Set<string>>(() => new Set(waveIds ? first.waves.filter((w) => !waveIds.includes(w.id)).map((w) => w.id) : []));
  const [offInstruments, setOffInstruments] = useState<Set<string>>(() => new Set());
  const [format, setFormat] = useState<Format>('xlsx');
  const [values, setValues] = useState<Values>('codes');
  const [separator, setSeparator] = useState<Separator>(';');
  const [includeOpen, setIncludeOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const progress = usePolledProgress<Progress>(busy, () => api.getExportProgress({}), { running: true, phase: 'preparing', done: 0, total: 1 });
  const loading = useAction();


  function toggleNetwork(id: string, on: boolean) {
    setChosenNetworks((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
    if (on && !details[id]) {
      void loading.run(async () => {
        const detail = await api.getNetwork({ networkId: id });
        setDetails((d) => ({ ...d, [id]: detail }));
      });
    }
  }

  const toggleIn = (set: (f: (prev: Set<string>) => Set<string>) => void) => (key: string, on: boolean) =>
    set((prev) => {
      const next = new Set(prev);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });
  const toggleWave = toggleIn(setOffWaves);
  const toggleInstrument = toggleIn(setOffInstruments);

  const chosenDetails = networks.filter((n) => chosenNetworks.includes(n.id)).map((n) => details[n.id]).filter((d): d is NetworkDetail => !!d);
  const waves = chosenDetails.flatMap((d) => d.waves.filter((w) => !offWaves.has(w.id)));
  const instrumentIds: string[] = [];
  for (const w of chosenDetails.flatMap((d) => d.waves)) for (const ref of w.instruments) if (!instrumentIds.includes(ref.instrumentId)) instrumentIds.push(ref.instrumentId);
  const instrumentName = (iid: string) => {
    const latest = instruments.filter((i) => i.instrumentId === iid).sort((a, b) => b.version - a.version)[0];
    return latest ? localized(latest.name, locale) : iid;
  };
  const chosenInstruments = instrumentIds.filter((iid) => !offInstruments.has(iid));
  const nothing = waves.length === 0 || chosenInstruments.length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    return run(async () => {
      const result = await api.exportStudy({
        networkIds: chosenDetails.map((d) => d.network.id),
        waveIds: waves.map((w) => w.id),
        instrumentIds: chosenInstruments,
        format,
        values,
        includeOpenAnswers: includeOpen,
        separator,
        language: locale,
      });
      if (!result.cancelled) {
        setSaved(t(format === 'csv' ? 'export.study.savedCsv' : 'export.study.saved', { filePath: result.filePath, count: result.rows }));
      }
    });
  }

  return (
    <form className="panel export-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="export-form">
      <h2 id={`${id}-title`}>{t('export.study.formTitle')}</h2>
      <p>{t('export.study.intro')}</p>

      {networks.length > 1 && (
        <fieldset className="checkbox-group">
          <legend>{t('export.study.networks')}</legend>
          {networks.map((n) => (
            <label key={n.id} className="checkbox">
              <input type="checkbox" checked={chosenNetworks.includes(n.id)} onChange={(e) => toggleNetwork(n.id, e.target.checked)} disabled={busy} />
              <span>{n.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorAlert message={loading.error} />

      {chosenDetails.map((d) => (
        <fieldset key={d.network.id} className="checkbox-group" data-testid={`export-waves-${d.network.id}`}>
          <legend>{chosenDetails.length > 1 ? t('export.study.wavesOf', { network: d.network.name }) : t('export.study.waves')}</legend>
          {d.waves.length === 0 && <p className="muted">{t('export.study.noWaves')}</p>}
          {d.waves.map((w) => (
            <label key={w.id} className="checkbox">
              <input type="checkbox" checked={!offWaves.has(w.id)} onChange={(e) => toggleWave(w.id, e.target.checked)} disabled={busy} />
              <span>
                {w.label} <span className="muted">{t(`waveKind.${w.kind}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}

      {instrumentIds.length > 0 && (
        <fieldset className="checkbox-group">
          <legend>{t('export.study.instruments')}</legend>
          {instrumentIds.map((iid) => (
            <label key={iid} className="checkbox">
              <input type="checkbox" checked={!offInstruments.has(iid)} onChange={(e) => toggleInstrument(iid, e.target.checked)} disabled={busy} />
              <span>{instrumentName(iid)}</span>
            </label>
          ))}
        </fieldset>
      )}

      <RadioGroup
        legend={t('export.study.format')}
        name={`${id}-format`}
        value={format}
        onChange={setFormat}
        disabled={busy}
        options={[
          { value: 'xlsx', label: t('export.study.formatXlsx') },
          { value: 'csv', label: t('export.study.formatCsv') },
        ]}
      />

      {format === 'csv' && (
        <RadioGroup
          legend={t('export.study.separator')}
          name={`${id}-separator`}
          value={separator}
          onChange={setSeparator}
          disabled={busy}
          options={[
            { value: ';', label: t('export.study.separatorSemicolon') },
            { value: ',', label: t('export.study.separatorComma') },
          ]}
        />
      )}

      <RadioGroup
        legend={t('export.study.values')}
        name={`${id}-values`}
        value={values}
        onChange={setValues}
        disabled={busy}
        options={[
          { value: 'codes', label: t('export.study.valuesCodes') },
          { value: 'labels', label: t('export.study.valuesLabels') },
        ]}
      />

      <fieldset className="checkbox-group">
        <legend>{t('export.study.openAnswersTitle')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={includeOpen} onChange={(e) => setIncludeOpen(e.target.checked)} aria-describedby={`${id}-open-hint`} disabled={busy} />
          <span>{t('export.study.openAnswers')}</span>
        </label>
        <p id={`${id}-open-hint`} className="hint">
          {t('export.study.openAnswersHint')}
        </p>
      </fieldset>

      {nothing && <p className="hint">{t('export.study.nothingChosen')}</p>}
      <ExportProgress progress={progress} />
      <ErrorAlert message={error} />
      <StatusMessage message={saved} testId="export-study-status" />
      <button type="submit" className="button" disabled={busy || nothing} data-testid="export-study-start">
        {busy ? t('export.study.busy') : t('export.study.start')}
      </button>
    </form>
  );
}

function ExportProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  if (!progress.running) return null;
  const text = t(`export.study.phase.${progress.phase}`, { done: progress.done, total: progress.total });
  return (
    <div className="export-progress" data-testid="export-progress">
      <label>
        <span>{text}</span>
        <progress max={Math.max(1, progress.total)} value={progress.done} />
      </label>
    </div>
  );
}
