import { Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail } from '../../../../shared/domain';
import type { BreakdownChoice, Dashboard } from '../../../../shared/results';
import { api } from '../../api';
import { CheckboxGroup, Field, Options } from '../../components/Field';
import { lazyScreen } from '../../components/RouteLoader';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { CHART_SUBJECT_ATTRIBUTE, dashboardChartSubject } from '../export/chartSubject';
import { NetworkPage } from '../network/NetworkPage';
import { ConversationSection } from './ConversationSection';
import { PARTNER_NETWORK_INSTRUMENT } from '../../../../shared/partner-network';
import { PartnerNetworkSection } from '../partner-network/PartnerNetworkSection';
import { useCellTexts, useTranslate } from './hooks';
import { labelMap } from './model';
import { noticeTexts, RESEARCH_NOTICES, type NoticeContext } from './notices';
import { PrintLayout } from './printLayout';
import { ResultTabs, useResultsNavigation, type ResultsNavigation } from './ResultTabs';
import { RESULTS_TABS, type ResultsTab } from './summary-text';
import { SummarySection } from './SummarySection';

/**
 * The detail tabs (every chart, and recharts with them) in a chunk of their own: the summary the
 * screen opens on is drawn without them, and they are fetched right after it (`preloadDetails`).
 * The print view waits for them with its data, so it draws everything at once.
 */
const DetailPanel = lazyScreen(() => import('./DetailPanels').then((m) => m.DetailPanel));
export const preloadDetails = DetailPanel.preload;

/** The instrument the results open with when a wave has it. */
export const DEFAULT_RESULTS_INSTRUMENT = 'kansrijke-samenwerking';

type Breakdown = BreakdownChoice;

/**
 * *Resultaten* of one network: a compact bar of filters (waves, instrument, breakdown), then the
 * summary and the details in tabs. Every chart has a table with the same numbers; what is
 * suppressed is said, not drawn.
 */
export function DashboardScreen({ networkId, onBack, onLinking, onReports }: { networkId: string; onBack: () => void; onLinking?: () => void; onReports?: () => void }) {
  const { t } = useTranslation();
  const [setup] = useApiData(`results-setup/${networkId}`, async () => {
    const [detail, instruments] = await Promise.all([api.getNetwork({ networkId }), api.listInstruments({})]);
    return { detail, instruments };
  });
  return (
    <NetworkPage
      loaded={setup}
      onBack={onBack}
      pending={{ title: t('dashboard.titlePlain'), kicker: t('dashboard.kicker') }}
      heading={({ detail }) => ({ title: t('dashboard.title', { network: detail.network.name }), text: detail.network.name, kicker: t('dashboard.kicker') })}
      className="dashboard-screen"
    >
      {({ detail, instruments }) => (
        <>
          {onReports && detail.waves.length > 0 && (
            <div className="actions results-actions">
              <button type="button" className="button button-secondary" onClick={onReports} aria-label={t('reportScreen.openFor', { network: detail.network.name })} data-testid="open-reports">
                {t('reportScreen.open')}
              </button>
            </div>
          )}
          <DashboardFilters detail={detail} instruments={instruments} onLinking={onLinking} />
        </>
      )}
    </NetworkPage>
  );
}

function instrumentChoices(detail: NetworkDetail, instruments: InstrumentSummary[]) {
  const ids: string[] = [];
  for (const w of detail.waves) for (const ref of w.instruments) if (!ids.includes(ref.instrumentId)) ids.push(ref.instrumentId);
  return ids.map((id) => {
    const versions = instruments.filter((i) => i.instrumentId === id).sort((a, b) => b.version - a.version);
    return { id, name: versions[0]?.name ?? { nl: id, en: id } };
  });
}

function DashboardFilters({ detail, instruments, onLinking }: { detail: NetworkDetail; instruments: InstrumentSummary[]; onLinking?: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const choices = instrumentChoices(detail, instruments);
  const [waveIds, setWaveIds] = useState<Set<string>>(() => new Set(detail.waves.map((w) => w.id)));
  const [instrumentId, setInstrumentId] = useState(() => (choices.some((c) => c.id === DEFAULT_RESULTS_INSTRUMENT) ? DEFAULT_RESULTS_INSTRUMENT : (choices[0]?.id ?? '')));
  const [breakdown, setBreakdown] = useState<Breakdown>('none');
  const nav = useResultsNavigation();

  if (detail.waves.length === 0) return <p className="empty">{t('dashboard.noWaves')}</p>;

  const selected = detail.waves.filter((w) => waveIds.has(w.id)).map((w) => w.id);

  return (
    <>
      <form className="dashboard-filters filter-bar" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-title`} data-testid="dashboard-filters">
        <h2 id={`${id}-title`} className="visually-hidden">
          {t('dashboard.filters.title')}
        </h2>
        <div className="filter-row">
          <CheckboxGroup legend={t('dashboard.filters.waves')} options={detail.waves.map((w) => ({ value: w.id, label: w.label }))} chosen={waveIds} onChange={setWaveIds} />
          <Field id={`${id}-instrument`} label={t('dashboard.filters.instrument')}>
            <select id={`${id}-instrument`} value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
              <Options options={choices.map((c) => ({ value: c.id, label: c.name[locale] || c.name.nl }))} />
            </select>
          </Field>
          <Field id={`${id}-breakdown`} label={t('dashboard.filters.breakdown')}>
            <select id={`${id}-breakdown`} value={breakdown} onChange={(e) => setBreakdown(e.target.value as Breakdown)}>
              <option value="none">{t('dashboard.filters.breakdownNone')}</option>
              <option value="role">{t('dashboard.filters.breakdownRole')}</option>
              <option value="discipline">{t('dashboard.filters.breakdownDiscipline')}</option>
              <option value="governanceBody">{t('forWhom.filters.governanceBody')}</option>
              <option value="sector">{t('forWhom.filters.sector')}</option>
              <option value="sizeClass">{t('forWhom.filters.sizeClass')}</option>
            </select>
          </Field>
        </div>
      </form>
      {instrumentId === PARTNER_NETWORK_INSTRUMENT ? (
        <PartnerNetworkSection networkId={detail.network.id} instrumentId={instrumentId} />
      ) : selected.length === 0 || instrumentId === '' ? (
        <p className="message message-info" data-testid="dashboard-choose">
          {selected.length === 0 ? t('dashboard.filters.chooseWave') : t('dashboard.filters.noInstrument')}
        </p>
      ) : (
        <DashboardResults networkId={detail.network.id} waveIds={selected} instrumentId={instrumentId} breakdown={breakdown} onLinking={onLinking} nav={nav} />
      )}
    </>
  );
}

function DashboardResults({
  networkId,
  waveIds,
  instrumentId,
  breakdown,
  onLinking,
  nav,
}: {
  networkId: string;
  waveIds: string[];
  instrumentId: string;
  breakdown: Breakdown;
  onLinking?: () => void;
  nav: ResultsNavigation;
}) {
  const key = JSON.stringify([networkId, waveIds, instrumentId, breakdown]);
  const [loaded] = useApiData(key, () => api.getDashboard({ networkId, waveIds, instrumentId, breakdown }));
  return (
    <div aria-live="polite" aria-busy={loaded.status === 'loading'}>
      <WhenLoaded loaded={loaded} errorTestId="dashboard-error">
        {(d) => <DashboardView d={d} onLinking={onLinking} nav={nav} />}
      </WhenLoaded>
    </div>
  );
}

/**
 * One Dashboard: the notices for everyone, then the summary and the details in tabs (`nav`), or,
 * without `nav` (the print view), the summary and every tab's sections one after the other.
 * Exported for rendering with hand-made data.
 */
export function DashboardView({ d, onLinking, nav }: { d: Dashboard; onLinking?: () => void; nav?: ResultsNavigation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const translate = useTranslate();
  const texts = useCellTexts(d.minGroupSize);
  const noticeContext: NoticeContext = { locale, minGroupSize: d.minGroupSize, waves: d.waves, labels: labelMap(d) };
  // The notices about the statistics stand on the researchers' tab.
  const general = noticeTexts(d.notices.filter((n) => !RESEARCH_NOTICES.has(n.code)), translate, noticeContext);
  const research = noticeTexts(d.notices.filter((n) => RESEARCH_NOTICES.has(n.code)), translate, noticeContext);
  // The chart code is fetched once the summary stands (a failed fetch is tried again when a tab needs it).
  useEffect(() => {
    void preloadDetails();
  }, []);
  const panel = (tab: ResultsTab) =>
    tab === 'summary' ? (
      <>
        <SummarySection d={d} locale={locale} goTo={nav?.goTo} />
        <ConversationSection d={d} locale={locale} goTo={nav?.goTo} />
      </>
    ) : (
      <Suspense
        fallback={
          <p role="status" className="muted" data-testid="details-loading">
            {t('resultDetails.loading')}
          </p>
        }
      >
        <DetailPanel tab={tab} d={d} locale={locale} texts={texts} noticeContext={noticeContext} research={research} withHints={nav !== undefined} />
      </Suspense>
    );
  return (
    <div className="dashboard" data-testid="dashboard" data-instrument={d.instrumentId} {...{ [CHART_SUBJECT_ATTRIBUTE]: dashboardChartSubject(d, locale) }}>
      {general.length > 0 && (
        <div className="message message-info notices" data-testid="dashboard-notices">
          <h2 className="notices-title">{t('dashboard.noticesTitle')}</h2>
          <ul>
            {general.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          {onLinking && d.notices.some((n) => n.code === 'link-proposals') && (
            <button type="button" className="button button-secondary" onClick={onLinking} data-testid="dashboard-open-linking">
              {t('dashboard.linkingOpen')}
            </button>
          )}
        </div>
      )}
      {nav ? (
        <ResultTabs nav={nav}>{panel}</ResultTabs>
      ) : (
        <PrintLayout value>
          {RESULTS_TABS.map((tab) => (
            <div key={tab} className="print-part">
              {panel(tab)}
            </div>
          ))}
        </PrintLayout>
      )}
    </div>
  );
}
