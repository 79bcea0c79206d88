import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail } from '../../../../shared/domain';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { currentLocale, localized } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { DashboardView, DEFAULT_RESULTS_INSTRUMENT, preloadDetails } from '../dashboard/DashboardScreen';
import { ChartDownloads, findCharts } from './ChartImageButtons';
import { PdfActions } from './PdfActions';

/**
 * The print view of a network's results: a title page, then every chart with its table and the
 * conversation points (the dashboard's own sections), laid out for A4 by the print styles. In the
 * Electron app "Opslaan als PDF" prints this window to a PDF file (`saveResultsPdf`); in a browser
 * the browser's print dialog does the same. Above it (not printed): each chart as PNG or SVG.
 */
export function ResultsPrintScreen({ networkId, onBack }: { networkId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [setup] = useApiData(`results-print/${networkId}`, async () => {
    const [detail, instruments, info] = await Promise.all([api.getNetwork({ networkId }), api.listInstruments({}), api.getAppInfo({})]);
    return { detail, instruments, version: info.version };
  });
  const name = setup.status === 'ready' ? setup.data.detail.network.name : '';
  return (
    <div className="results-print-screen">
      <div className="print-hide">
        <BackButton label={t('nav.backToNetwork')} onClick={onBack} />
        <ScreenTitle title={t('export.print.titleFor', { network: name })}>
          {t('export.print.title')}
          {name && <span className="title-sub">{name}</span>}
        </ScreenTitle>
      </div>
      {setup.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={setup.status === 'error' ? setup.message : null} />
      {setup.status === 'ready' && <PrintSetup detail={setup.data.detail} instruments={setup.data.instruments} version={setup.data.version} />}
    </div>
  );
}

function PrintSetup({ detail, instruments, version }: { detail: NetworkDetail; instruments: InstrumentSummary[]; version: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const ids: string[] = [];
  for (const w of detail.waves) for (const ref of w.instruments) if (!ids.includes(ref.instrumentId)) ids.push(ref.instrumentId);
  const nameOf = (iid: string) => {
    const latest = instruments.filter((i) => i.instrumentId === iid).sort((a, b) => b.version - a.version)[0];
    return latest ? localized(latest.name, locale) : iid;
  };
  const [instrumentId, setInstrumentId] = useState(() => (ids.includes(DEFAULT_RESULTS_INSTRUMENT) ? DEFAULT_RESULTS_INSTRUMENT : (ids[0] ?? '')));

  if (detail.waves.length === 0 || instrumentId === '') return <p className="empty">{t('export.print.noWaves')}</p>;

  return (
    <>
      <section className="panel print-hide" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('export.print.setupTitle')}</h2>
        <p>{t('export.print.intro')}</p>
        {ids.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-instrument`}>{t('export.print.instrument')}</label>
            <select id={`${id}-instrument`} value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
              {ids.map((iid) => (
                <option key={iid} value={iid}>
                  {nameOf(iid)}
                </option>
              ))}
            </select>
          </div>
        )}
        <PdfActions save={() => api.saveResultsPdf({ networkId: detail.network.id })} />
      </section>
      <PrintResults key={instrumentId} detail={detail} instrumentId={instrumentId} instrumentName={nameOf(instrumentId)} version={version} />
    </>
  );
}

function PrintResults({ detail, instrumentId, instrumentName, version }: { detail: NetworkDetail; instrumentId: string; instrumentName: string; version: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const networkId = detail.network.id;
  // The chart code with the data: every section is drawn at once, so the downloads list finds every chart.
  const [loaded] = useApiData(`print/${networkId}/${instrumentId}`, async () => {
    const [dashboard] = await Promise.all([api.getDashboard({ networkId, waveIds: [], instrumentId, breakdown: 'none' }), preloadDetails()]);
    return dashboard;
  });
  // The article's element, once mounted, to find the charts it holds (it remounts per dashboard).
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const today = todayIso();
  return (
    <>
      {loaded.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={loaded.status === 'error' ? loaded.message : null} />
      {loaded.status === 'ready' && (
        <>
          {root && <ChartDownloads charts={findCharts(root)} />}
          <article className="print-view" ref={setRoot} data-testid="print-view">
            <section className="print-title-page">
              <p className="print-kicker">{t('app.name')}</p>
              <h2 className="print-title">{t('export.print.heading', { network: detail.network.name })}</h2>
              <p className="print-subtitle">{instrumentName}</p>
              <dl className="print-facts">
                <div>
                  <dt>{t('export.print.waves')}</dt>
                  <dd>
                    {loaded.data.waves
                      .map((w) => (w.plannedDate ? `${w.label} (${formatDate(w.plannedDate, locale)})` : w.label))
                      .join(', ')}
                  </dd>
                </div>
                <div>
                  <dt>{t('export.print.madeOn')}</dt>
                  <dd>{formatDate(today, locale)}</dd>
                </div>
                <div>
                  <dt>{t('export.print.minGroup')}</dt>
                  <dd>{t('export.print.minGroupText', { min: loaded.data.minGroupSize })}</dd>
                </div>
                <div>
                  <dt>{t('export.print.made')}</dt>
                  <dd>{t('export.print.madeWith', { version })}</dd>
                </div>
              </dl>
              <p className="print-privacy">{t('export.print.privacy')}</p>
            </section>
            <DashboardView d={loaded.data} />
          </article>
        </>
      )}
    </>
  );
}
