import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail } from '../../../../shared/domain';
import type { Dashboard } from '../../../../shared/results';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { currentLocale } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { ChangeSection, StatsSection } from './ChangeSections';
import { BreakdownSection, SpreadSection } from './GroupSections';
import { useCellTexts, useTranslate } from './hooks';
import { ConversationSection, DistributionSection } from './ItemSections';
import { labelMap } from './model';
import { noticeTexts, type NoticeContext } from './notices';
import { AlphaSection, RadarSection, ResponseSection, TrendSection } from './ScoreSections';

/** The instrument the results open with when a wave has it. */
export const DEFAULT_RESULTS_INSTRUMENT = 'kansrijke-samenwerking';

type Breakdown = 'none' | 'role' | 'discipline';

/**
 * *Resultaten* of one network: filters (waves, instrument, breakdown) and the sections of the
 * dashboard. Every chart has a table with the same numbers; what is suppressed is said, not drawn.
 */
export function DashboardScreen({ networkId, onBack, onLinking }: { networkId: string; onBack: () => void; onLinking?: () => void }) {
  const { t } = useTranslation();
  const [setup] = useApiData(`results-setup/${networkId}`, async () => {
    const [detail, instruments] = await Promise.all([api.getNetwork({ networkId }), api.listInstruments({})]);
    return { detail, instruments };
  });
  const title = setup.status === 'ready' ? t('dashboard.title', { network: setup.data.detail.network.name }) : t('dashboard.titlePlain');
  return (
    <div className="dashboard-screen">
      <BackButton label={t('nav.backToNetwork')} onClick={onBack} />
      <ScreenTitle title={title}>
        <span className="title-kicker">{t('dashboard.kicker')}</span> {setup.status === 'ready' ? setup.data.detail.network.name : t('dashboard.titlePlain')}
      </ScreenTitle>
      {setup.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={setup.status === 'error' ? setup.message : null} />
      {setup.status === 'ready' && <DashboardFilters detail={setup.data.detail} instruments={setup.data.instruments} onLinking={onLinking} />}
    </div>
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
  const [waveIds, setWaveIds] = useState<string[]>(() => detail.waves.map((w) => w.id));
  const [instrumentId, setInstrumentId] = useState(() => (choices.some((c) => c.id === DEFAULT_RESULTS_INSTRUMENT) ? DEFAULT_RESULTS_INSTRUMENT : (choices[0]?.id ?? '')));
  const [breakdown, setBreakdown] = useState<Breakdown>('none');

  if (detail.waves.length === 0) return <p className="empty">{t('dashboard.noWaves')}</p>;

  const selected = detail.waves.filter((w) => waveIds.includes(w.id)).map((w) => w.id);
  const toggle = (waveId: string, on: boolean) => setWaveIds((ids) => (on ? [...ids, waveId] : ids.filter((x) => x !== waveId)));

  return (
    <>
      <form className="panel dashboard-filters" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-title`} data-testid="dashboard-filters">
        <h2 id={`${id}-title`}>{t('dashboard.filters.title')}</h2>
        <div className="filter-row">
          <fieldset className="checkbox-group">
            <legend>{t('dashboard.filters.waves')}</legend>
            {detail.waves.map((w) => (
              <label key={w.id} className="checkbox">
                <input type="checkbox" checked={waveIds.includes(w.id)} onChange={(e) => toggle(w.id, e.target.checked)} />
                {w.label}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-instrument`}>{t('dashboard.filters.instrument')}</label>
            <select id={`${id}-instrument`} value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name[locale] || c.name.nl}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-breakdown`}>{t('dashboard.filters.breakdown')}</label>
            <select id={`${id}-breakdown`} value={breakdown} onChange={(e) => setBreakdown(e.target.value as Breakdown)}>
              <option value="none">{t('dashboard.filters.breakdownNone')}</option>
              <option value="role">{t('dashboard.filters.breakdownRole')}</option>
              <option value="discipline">{t('dashboard.filters.breakdownDiscipline')}</option>
            </select>
          </div>
        </div>
      </form>
      {selected.length === 0 || instrumentId === '' ? (
        <p className="message message-info" data-testid="dashboard-choose">
          {selected.length === 0 ? t('dashboard.filters.chooseWave') : t('dashboard.filters.noInstrument')}
        </p>
      ) : (
        <DashboardResults networkId={detail.network.id} waveIds={selected} instrumentId={instrumentId} breakdown={breakdown} onLinking={onLinking} />
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
}: {
  networkId: string;
  waveIds: string[];
  instrumentId: string;
  breakdown: Breakdown;
  onLinking?: () => void;
}) {
  const { t } = useTranslation();
  const key = JSON.stringify([networkId, waveIds, instrumentId, breakdown]);
  const [loaded] = useApiData(key, () => api.getDashboard({ networkId, waveIds, instrumentId, breakdown }));
  return (
    <div aria-live="polite" aria-busy={loaded.status === 'loading'}>
      {loaded.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={loaded.status === 'error' ? loaded.message : null} testId="dashboard-error" />
      {loaded.status === 'ready' && <DashboardView d={loaded.data} onLinking={onLinking} />}
    </div>
  );
}

/** All sections for one Dashboard. Exported for rendering with hand-made data. `onLinking` leads to the proposals awaiting a decision. */
export function DashboardView({ d, onLinking }: { d: Dashboard; onLinking?: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const translate = useTranslate();
  const texts = useCellTexts(d.minGroupSize);
  const noticeContext: NoticeContext = { locale, minGroupSize: d.minGroupSize, waves: d.waves, labels: labelMap(d) };
  const notices = noticeTexts(d.notices, translate, noticeContext);
  return (
    <div className="dashboard" data-testid="dashboard">
      <p className="lead">{t('dashboard.intro', { min: d.minGroupSize })}</p>
      {notices.length > 0 && (
        <div className="message message-info notices" data-testid="dashboard-notices">
          <h2 className="notices-title">{t('dashboard.noticesTitle')}</h2>
          <ul>
            {notices.map((text) => (
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
      <nav aria-label={t('dashboard.contents')} className="dashboard-toc">
        <ul>
          <li>
            <a href="#dash-responses">{t('dashboard.responses.title')}</a>
          </li>
          <li>
            <a href="#dash-radar">{t('dashboard.radar.title')}</a>
          </li>
          <li>
            <a href="#dash-trend">{t('dashboard.trend.title')}</a>
          </li>
          <li>
            <a href="#dash-change">{t('dashboard.change.title')}</a>
          </li>
          <li>
            <a href="#dash-spread">{t('dashboard.spread.title')}</a>
          </li>
          {d.breakdown && (
            <li>
              <a href="#dash-breakdown">{t('dashboard.breakdown.short')}</a>
            </li>
          )}
          <li>
            <a href="#dash-distribution">{t('dashboard.distribution.title')}</a>
          </li>
          <li>
            <a href="#dash-stats">{t('dashboard.stats.title')}</a>
          </li>
          <li>
            <a href="#dash-conversation">{t('dashboard.conversation.title')}</a>
          </li>
        </ul>
      </nav>
      <ResponseSection d={d} locale={locale} />
      <RadarSection d={d} locale={locale} texts={texts} />
      <TrendSection d={d} locale={locale} texts={texts} />
      <AlphaSection d={d} locale={locale} />
      <ChangeSection d={d} locale={locale} texts={texts} />
      <SpreadSection d={d} locale={locale} texts={texts} />
      {d.breakdown && <BreakdownSection d={d} breakdown={d.breakdown} locale={locale} texts={texts} />}
      <DistributionSection d={d} locale={locale} texts={texts} />
      <StatsSection d={d} locale={locale} noticeContext={noticeContext} />
      <ConversationSection d={d} locale={locale} />
    </div>
  );
}
