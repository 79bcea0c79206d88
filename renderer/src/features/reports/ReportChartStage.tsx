import { useTranslation } from 'react-i18next';
import type { PartnerNetwork } from '../../../../shared/partner-network';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { ConditionChangeCharts } from '../dashboard/ChangeSections';
import { pick } from '../dashboard/format';
import { GradeFigure } from '../dashboard/GradeSection';
import { BreakdownCharts, SpreadCharts } from '../dashboard/GroupSections';
import { StatementChangeCharts } from '../dashboard/IndicatorChangeSection';
import { DistributionChart } from '../dashboard/ItemSections';
import { distributionRows, scoreChartGroups, showsShares } from '../dashboard/model';
import { ResponseFigure, ScoreFigure, TrendFigure } from '../dashboard/ScoreSections';
import { NetworkMap } from '../partner-network/PartnerNetworkSection';
import type { ChartRequest } from './chart-requests';

/** The attribute on the box around one request's figures, valued with its imageId. */
export const REPORT_IMAGE_ATTRIBUTE = 'data-report-image';

/**
 * The charts a report asks for, drawn by the results screen's own figure components from the
 * same Dashboard the report's builders read, so a picture in a document can never show other
 * numbers than the screen. Each request gets a box (`data-report-image`) with its figures; one
 * request may draw several (a radar per answer range, a change chart per range), which the driver
 * (drawReportCharts) stacks into one picture. The stage is mounted off-screen at a fixed width by
 * the driver and hidden from assistive technology.
 */
export function ReportChartStage({ items, locale }: { items: { request: ChartRequest; dashboard: Dashboard; partnerNetwork?: PartnerNetwork | null }[]; locale: Locale }) {
  return (
    <div className="report-chart-stage-inner">
      {items.map(({ request, dashboard, partnerNetwork }) => (
        <div key={request.imageId} {...{ [REPORT_IMAGE_ATTRIBUTE]: request.imageId }}>
          <ReportFigures request={request} d={dashboard} locale={locale} partnerNetwork={partnerNetwork ?? null} />
        </div>
      ))}
    </div>
  );
}

/** The figure(s) of one requested chart: the figure part of the section that shows it on screen. */
function ReportFigures({ request, d, locale, partnerNetwork }: { request: ChartRequest; d: Dashboard; locale: Locale; partnerNetwork: PartnerNetwork | null }) {
  const { t } = useTranslation();
  const { chart } = request;
  switch (chart.kind) {
    case 'radar': {
      // The scores per range; a scale shown as shares (ja / deels / nee) has its own distribution chart in a
      // report, so it is drawn here only when the instrument has nothing else for this picture.
      const groups = scoreChartGroups(d);
      if (groups.length > 0) return groups.map((g) => <ScoreFigure key={g.key} d={d} group={g} locale={locale} />);
      return (
        <>
          {d.scales.filter(showsShares).map((s) => {
            const name = pick(s.label, locale);
            const options = (s.options ?? []).map((o) => pick(o.label, locale)).join(' / ');
            return (
              <DistributionChart
                key={s.scaleId}
                rows={distributionRows(d, s.scaleId, locale)}
                chartLabel={t('dashboard.radar.sharesChartLabel', { scale: name, options })}
                testId={`shares-${s.scaleId}`}
                locale={locale}
              />
            );
          })}
        </>
      );
    }
    case 'trend':
      return <TrendFigure d={d} locale={locale} />;
    case 'change': {
      const c = d.comparisons.find((x) => x.followUpWaveId === chart.followUpWaveId);
      return c ? <ConditionChangeCharts d={d} c={c} locale={locale} /> : null;
    }
    case 'statementChange': {
      const c = d.comparisons.find((x) => x.followUpWaveId === chart.followUpWaveId);
      return c ? <StatementChangeCharts d={d} c={c} locale={locale} scaleId={chart.scaleId} /> : null;
    }
    case 'distribution': {
      const group = chart.scaleId === null ? t('dashboard.distribution.other') : pick(d.scales.find((s) => s.scaleId === chart.scaleId)?.label, locale);
      return <DistributionChart rows={distributionRows(d, chart.scaleId, locale)} chartLabel={t('dashboard.distribution.chartLabel', { group })} testId="distribution" locale={locale} />;
    }
    case 'grade':
      return <GradeFigure d={d} locale={locale} />;
    case 'response':
      return <ResponseFigure d={d} locale={locale} />;
    case 'spread':
      return <SpreadCharts d={d} locale={locale} />;
    case 'breakdown':
      return d.breakdown ? <BreakdownCharts d={d} breakdown={d.breakdown} locale={locale} /> : null;
    case 'partnerMap': {
      const wave = partnerNetwork?.waves.find((w) => w.waveId === chart.waveId);
      return wave ? (
        <figure>
          <NetworkMap wave={wave} label={t('partnerNetwork.mapLabel', { wave: wave.waveLabel })} />
        </figure>
      ) : null;
    }
  }
}
