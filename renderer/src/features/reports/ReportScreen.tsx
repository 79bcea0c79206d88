import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail } from '../../../../shared/domain';
import type { BreakdownChoice } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { CheckboxGroup, RadioGroup } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { currentLocale, localized } from '../../i18n';
import { messageOf } from '../../lib/errors';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { makeReport, REPORT_KINDS, type ReportKind, type ReportOutcome, type ReportProgress } from './makeReport';

type Breakdown = Exclude<BreakdownChoice, 'none'>;
const BREAKDOWNS: readonly Breakdown[] = ['role', 'discipline', 'governanceBody', 'sector', 'sizeClass'];

/**
 * *Rapport maken*: a network's results as a Word report for the stuurgroep, a Word report per
 * partner organisation (one folder) or a PowerPoint for the feedback meeting. The person picks the
 * waves, instruments, breakdowns, whether open answers go in, and the report's language; then one
 * of the three. While a report runs its progress is said in words with a bar, Stop ends it, and
 * the other buttons wait (one report at a time, also across windows: the main process refuses a
 * second with a Dutch sentence, shown here).
 */
export function ReportScreen({ networkId, onBack, backLabel }: { networkId: string; onBack: () => void; backLabel?: string }) {
  const { t } = useTranslation();
  const [setup] = useApiData(`reports/${networkId}`, async () => {
    const [detail, instruments] = await Promise.all([api.getNetwork({ networkId }), api.listInstruments({})]);
    // Which waves have results: the default choice. Counts only, from the wave overview.
    const overviews = await Promise.all(detail.waves.map((w) => api.getWaveOverview({ waveId: w.id })));
    const withResults = overviews.filter((o) => o.complete > 0).map((o) => o.waveId);
    return { detail, instruments, withResults };
  });
  return (
    <NetworkPage
      loaded={setup}
      onBack={onBack}
      backLabel={backLabel}
      pending={{ title: t('reportScreen.titlePlain'), kicker: t('reportScreen.kicker') }}
      heading={({ detail }) => ({ title: t('reportScreen.title', { network: detail.network.name }), text: detail.network.name, kicker: t('reportScreen.kicker') })}
      className="report-screen"
    >
      {({ detail, instruments, withResults }) =>
        detail.waves.length === 0 ? <p className="empty">{t('reportScreen.noWaves')}</p> : <ReportForm detail={detail} instruments={instruments} withResults={withResults} />
      }
    </NetworkPage>
  );
}

/** The instruments the chosen waves use, in the order the waves name them, each with its newest version's name. */
function instrumentsOf(detail: NetworkDetail, waveIds: ReadonlySet<string>, instruments: InstrumentSummary[], locale: Locale) {
  const ids: string[] = [];
  for (const w of detail.waves) if (waveIds.has(w.id)) for (const ref of w.instruments) if (!ids.includes(ref.instrumentId)) ids.push(ref.instrumentId);
  return ids.map((id) => {
    const newest = instruments.filter((i) => i.instrumentId === id).sort((a, b) => b.version - a.version)[0];
    return { value: id, label: newest ? localized(newest.name, locale) : id };
  });
}

type Run = { kind: ReportKind; progress: ReportProgress | null };

function ReportForm({ detail, instruments, withResults }: { detail: NetworkDetail; instruments: InstrumentSummary[]; withResults: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const uiLocale = currentLocale();
  const [waveIds, setWaveIds] = useState<Set<string>>(() => new Set(withResults.length > 0 ? withResults : detail.waves.map((w) => w.id)));
  // Instruments are chosen by leaving some out, so one a newly ticked wave brings is in by default.
  const [leftOut, setLeftOut] = useState<Set<string>>(() => new Set());
  const [breakdowns, setBreakdowns] = useState<Set<string>>(() => new Set(['role']));
  const [withOpenAnswers, setWithOpenAnswers] = useState(false);
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [running, setRunning] = useState<Run | null>(null);
  const [outcome, setOutcome] = useState<{ kind: ReportKind; result: Extract<ReportOutcome, { cancelled: false }> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);

  const instrumentOptions = instrumentsOf(detail, waveIds, instruments, uiLocale);
  const chosenInstruments = instrumentOptions.map((o) => o.value).filter((v) => !leftOut.has(v));
  const chosenWaves = detail.waves.filter((w) => waveIds.has(w.id)).map((w) => w.id);
  const missing = chosenWaves.length === 0 ? t('reportScreen.chooseWave') : chosenInstruments.length === 0 ? t('reportScreen.chooseInstrument') : null;

  const start = async (kind: ReportKind) => {
    const controller = new AbortController();
    stop.current = controller;
    setRunning({ kind, progress: null });
    setOutcome(null);
    setError(null);
    try {
      const result = await makeReport(
        kind,
        {
          networkId: detail.network.id,
          waveIds: chosenWaves,
          instrumentIds: chosenInstruments,
          breakdowns: BREAKDOWNS.filter((b) => breakdowns.has(b)),
          withOpenAnswers,
          locale,
        },
        {
          signal: controller.signal,
          suggestedName: t(`reportScreen.fileName.${kind}`, { network: detail.network.name, lng: locale }),
          onProgress: (progress) => setRunning({ kind, progress }),
        },
      );
      if (!result.cancelled) setOutcome({ kind, result });
    } catch (err) {
      setError(messageOf(err, t('errors.unexpected')));
    } finally {
      stop.current = null;
      setRunning(null);
    }
  };

  return (
    <>
      <section className="panel report-choices" aria-labelledby={`${id}-choices`}>
        <h2 id={`${id}-choices`}>{t('reportScreen.choicesTitle')}</h2>
        <p>{t('reportScreen.intro')}</p>
        <div className="report-choice-grid">
          <CheckboxGroup
            legend={t('reportScreen.waves')}
            options={detail.waves.map((w) => ({ value: w.id, label: withResults.includes(w.id) ? w.label : t('reportScreen.waveWithout', { wave: w.label }) }))}
            chosen={waveIds}
            onChange={setWaveIds}
          />
          {instrumentOptions.length > 0 && (
            <CheckboxGroup
              legend={t('reportScreen.instruments')}
              options={instrumentOptions}
              chosen={new Set(chosenInstruments)}
              onChange={(chosen) => setLeftOut(new Set(instrumentOptions.map((o) => o.value).filter((v) => !chosen.has(v))))}
            />
          )}
          <CheckboxGroup legend={t('reportScreen.breakdowns')} options={BREAKDOWNS.map((b) => ({ value: b, label: t(`reportScreen.breakdown.${b}`) }))} chosen={breakdowns} onChange={setBreakdowns} />
          <RadioGroup
            legend={t('reportScreen.language')}
            name={`${id}-language`}
            options={[
              { value: 'nl', label: t('reportScreen.languageNl') },
              { value: 'en', label: t('reportScreen.languageEn') },
            ]}
            value={locale}
            onChange={setLocale}
          />
        </div>
        <fieldset className="checkbox-group report-open-answers">
          <legend>{t('reportScreen.openAnswersLegend')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={withOpenAnswers} onChange={(e) => setWithOpenAnswers(e.target.checked)} aria-describedby={`${id}-open-hint`} />
            {t('reportScreen.openAnswers')}
          </label>
          <p className="hint" id={`${id}-open-hint`}>
            {t('reportScreen.openAnswersHint')}
          </p>
        </fieldset>
      </section>

      <section className="panel report-make" aria-labelledby={`${id}-make`}>
        <h2 id={`${id}-make`}>{t('reportScreen.makeTitle')}</h2>
        {missing && <p className="message message-info">{missing}</p>}
        <ul className="report-kinds">
          {REPORT_KINDS.map((kind) => (
            <li key={kind}>
              <button
                type="button"
                className={kind === 'network' ? 'button' : 'button button-secondary'}
                disabled={running !== null || missing !== null}
                onClick={() => void start(kind)}
                aria-describedby={`${id}-${kind}`}
                data-testid={`make-report-${kind}`}
              >
                {t(`reportScreen.kind.${kind}`)}
              </button>
              <p className="hint" id={`${id}-${kind}`}>
                {t(`reportScreen.kindHint.${kind}`)}
              </p>
            </li>
          ))}
        </ul>
        <div aria-live="polite" className="report-status" data-testid="report-status">
          {running && <ReportProgressLine run={running} onStop={() => stop.current?.abort()} />}
          {outcome && <ReportResult kind={outcome.kind} result={outcome.result} />}
        </div>
        <ErrorAlert message={error} testId="report-error" />
      </section>
    </>
  );
}

function ReportProgressLine({ run, onStop }: { run: Run; onStop: () => void }) {
  const { t } = useTranslation();
  const p = run.progress;
  const text = !p
    ? t('reportScreen.progress.choosing')
    : p.step === 'gathering'
      ? t('reportScreen.progress.gathering')
      : p.step === 'drawing'
        ? t('reportScreen.progress.drawing', { done: p.done, total: p.total })
        : p.step === 'partner'
          ? t('reportScreen.progress.partner', { name: p.name, index: p.index, total: p.total })
          : t('reportScreen.progress.writing');
  const bar = p?.step === 'drawing' ? { value: p.done, max: Math.max(1, p.total) } : p?.step === 'partner' ? { value: p.index - 1, max: p.total } : null;
  return (
    <div className="report-progress" data-testid="report-progress">
      <label>
        <span>{text}</span>
        {bar ? <progress max={bar.max} value={bar.value} /> : <progress />}
      </label>
      <button type="button" className="button button-secondary" onClick={onStop} data-testid="report-stop">
        {t('reportScreen.stop')}
      </button>
    </div>
  );
}

function ReportResult({ kind, result }: { kind: ReportKind; result: Extract<ReportOutcome, { cancelled: false }> }) {
  const { t } = useTranslation();
  const { files, location, stopped } = result;
  return (
    <div className={stopped ? 'message message-info' : 'message message-ok'} data-testid="report-result">
      <p>
        {stopped
          ? files.length === 0
            ? t('reportScreen.result.stoppedNothing')
            : t('reportScreen.result.stopped', { count: files.length })
          : kind === 'partners'
            ? t('reportScreen.result.folder', { count: files.length, location })
            : t('reportScreen.result.file', { location })}
      </p>
      {(stopped || kind === 'partners') && files.length > 0 && (
        <ul className="report-files" data-testid="report-files">
          {files.map((f) => (
            <li key={f}>{f.split(/[\\/]/).pop()}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
