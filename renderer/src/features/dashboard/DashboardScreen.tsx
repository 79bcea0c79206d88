import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary, NetworkDetail } from '../../../../shared/domain';
import type { Dashboard } from '../../../../shared/results';
import { api } from '../../api';
import { CheckboxGroup, Field, Options } from '../../components/Field';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { CHART_SUBJECT_ATTRIBUTE, dashboardChartSubject } from '../export/chartSubject';
import { NetworkPage } from '../network/NetworkPage';
import { ChangeSection, StatsSection } from './ChangeSections';
import { BreakdownSection, SpreadSection } from './GroupSections';
import { useCellTexts, useTranslate } from './hooks';
import { ConversationSection, DistributionSection } from './ItemSections';
import { labelMap, rangeTexts, reverseKeyed } from './model';
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
  return (
    <NetworkPage
      loaded={setup}
      onBack={onBack}
      pending={{ title: t('dashboard.titlePlain'), kicker: t('dashboard.kicker') }}
      heading={({ detail }) => ({ title: t('dashboard.title', { network: detail.network.name }), text: detail.network.name, kicker: t('dashboard.kicker') })}
      className="dashboard-screen"
    >
      {({ detail, instruments }) => <DashboardFilters detail={detail} instruments={instruments} onLinking={onLinking} />}
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

  if (detail.waves.length === 0) return <p className="empty">{t('dashboard.noWaves')}</p>;

  const selected = detail.waves.filter((w) => waveIds.has(w.id)).map((w) => w.id);

  return (
    <>
      <form className="panel dashboard-filters" onSubmit={(e) => e.preventDefault()} aria-labelledby={`${id}-title`} data-testid="dashboard-filters">
        <h2 id={`${id}-title`}>{t('dashboard.filters.title')}</h2>
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
            </select>
          </Field>
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
  const key = JSON.stringify([networkId, waveIds, instrumentId, breakdown]);
  const [loaded] = useApiData(key, () => api.getDashboard({ networkId, waveIds, instrumentId, breakdown }));
  return (
    <div aria-live="polite" aria-busy={loaded.status === 'loading'}>
      <WhenLoaded loaded={loaded} errorTestId="dashboard-error">
        {(d) => <DashboardView d={d} onLinking={onLinking} />}
      </WhenLoaded>
    </div>
  );
}

/** All sections for one Dashboard. Exported for rendering with hand-made data. */
export function DashboardView({ d, onLinking }: { d: Dashboard; onLinking?: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const translate = useTranslate();
  const texts = useCellTexts(d.minGroupSize);
  const noticeContext: NoticeContext = { locale, minGroupSize: d.minGroupSize, waves: d.waves, labels: labelMap(d) };
  const notices = noticeTexts(d.notices, translate, noticeContext);
  const ranges = rangeTexts(d.scales, locale)
    .map((r) => (r.minLabel !== null && r.maxLabel !== null ? t('dashboard.rangeLabelled', { ...r, minLabel: r.minLabel.toLowerCase(), maxLabel: r.maxLabel.toLowerCase() }) : t('dashboard.rangePlain', { min: r.min, max: r.max })))
    .join('; ');
  const reversed = reverseKeyed(d, locale);
  // The sections below, in order: their anchor and title.
  const contents: [string, string][] = [
    ['dash-responses', t('dashboard.responses.title')],
    ['dash-radar', t('dashboard.radar.title')],
    ['dash-trend', t('dashboard.trend.title')],
    ['dash-change', t('dashboard.change.title')],
    ['dash-spread', t('dashboard.spread.title')],
    ...(d.breakdown ? [['dash-breakdown', t('dashboard.breakdown.short')] as [string, string]] : []),
    ['dash-distribution', t('dashboard.distribution.title')],
    ['dash-stats', t('dashboard.stats.title')],
    ['dash-conversation', t('dashboard.conversation.title')],
  ];
  return (
    <div className="dashboard" data-testid="dashboard" data-instrument={d.instrumentId} {...{ [CHART_SUBJECT_ATTRIBUTE]: dashboardChartSubject(d, locale) }}>
      <p className="lead">{t('dashboard.intro', { min: d.minGroupSize, ranges })}</p>
      {reversed.length > 0 && (
        <p className="hint" data-testid="dashboard-reverse">
          {t('dashboard.reverse.intro', { items: reversed.map((r) => r.label).join(', ') })}
        </p>
      )}
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
          {contents.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{title}</a>
            </li>
          ))}
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
