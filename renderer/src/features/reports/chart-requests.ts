import type { BreakdownChoice } from '../../../../shared/results';

/**
 * A chart a report needs, named by what the results screen shows, so the report's picture is drawn
 * by the screen's own chart code from the same Dashboard (ReportChartStage draws it; the report
 * builders only ask for it and put `imageId` where it belongs in the document or presentation).
 *
 * Which dashboard: the network's (`organisationId` null) or one partner organisation's, of one
 * instrument over the report's chosen waves, with `breakdown` when the chart is a breakdown.
 */
export interface ChartSource {
  instrumentId: string;
  organisationId: string | null;
  breakdown: BreakdownChoice;
}

export type ReportChart =
  /** Conditions per wave on the radar (RadarSection; bars when there are fewer than three conditions). */
  | { kind: 'radar' }
  /** Conditions' means per wave as lines (TrendSection). */
  | { kind: 'trend' }
  /** Change of each condition from the baseline to one follow-up wave (ChangeSection's DifferenceCharts). */
  | { kind: 'change'; followUpWaveId: string }
  /** Change of each statement from the baseline to one follow-up wave (IndicatorChangeSection's DifferenceCharts), of one condition's statements. */
  | { kind: 'statementChange'; followUpWaveId: string; scaleId: string }
  /** The answers to one condition's statements per wave (DistributionFigure); scaleId null: the items outside any condition. */
  | { kind: 'distribution'; scaleId: string | null }
  /** The rapportcijfer per wave (GradeSection). */
  | { kind: 'grade' }
  /** Response per wave (ResponseSection). */
  | { kind: 'response' }
  /** Spread between partner organisations, or its fallback (SpreadSection). */
  | { kind: 'spread' }
  /** The chosen breakdown (BreakdownSection); the source's `breakdown` says which. */
  | { kind: 'breakdown' }
  /** The map of who works with whom in one wave (PartnerNetworkSection's NetworkMap), from the report's partner network. */
  | { kind: 'partnerMap'; waveId: string };

export interface ChartRequest {
  /** Unique within one report (shared/report.ts reportImageId: letters, digits, dots, dashes, underscores). */
  imageId: string;
  source: ChartSource;
  chart: ReportChart;
}
