import type { NetworkDetail } from '../../../../shared/domain';
import type { WaveOpenAnswers } from '../../../../shared/open-answers';
import type { PartnerNetwork } from '../../../../shared/partner-network';
import type { ReportDocument, ReportPresentation } from '../../../../shared/report';
import type { BreakdownChoice, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import type { ChartRequest } from './chart-requests';

/**
 * What the report builders need: the person's choices on the report screen and the results the
 * screen gathered for them (getNetwork, getDashboard, listOpenAnswers). The builders are pure
 * functions of these and a translate function; they decide what a report says and which charts it
 * asks for (ChartRequest), and never call the api themselves.
 */

export interface ReportChoices {
  networkId: string;
  /** Chosen waves, in measurement order; at least one. */
  waveIds: string[];
  /** Chosen instruments (several fit in one report: the annual-report case). */
  instrumentIds: string[];
  /** Breakdowns to include in the "for whom" part (default ['role']). */
  breakdowns: Exclude<BreakdownChoice, 'none'>[];
  withOpenAnswers: boolean;
  locale: Locale;
}

export interface ReportData {
  choices: ReportChoices;
  /** api.getNetwork */
  network: NetworkDetail;
  /** The network's dashboard per chosen instrument (waveIds = choices.waveIds, breakdown 'none'), in the order of choices.instrumentIds. */
  dashboards: Dashboard[];
  /** Per instrument and chosen breakdown: the dashboard with that breakdown. */
  breakdowns: { instrumentId: string; breakdown: BreakdownChoice; dashboard: Dashboard }[];
  /** Only when withOpenAnswers: api.listOpenAnswers per chosen wave (without codes). */
  openAnswers: WaveOpenAnswers[];
  /**
   * api.getPartnerNetwork, only when the chosen instruments include the partner network (the
   * results screen shows that instrument as the network map instead of a dashboard); all its waves,
   * the report uses the chosen ones.
   */
  partnerNetwork?: PartnerNetwork | null;
  appVersion: string;
  /** Today, ISO date, for the title page. */
  today: string;
}

/** A report's model and the charts it refers to (each chart block's imageId once in `charts`). */
export interface BuiltDocument {
  document: ReportDocument;
  charts: ChartRequest[];
}
export interface BuiltPresentation {
  presentation: ReportPresentation;
  charts: ChartRequest[];
}

/**
 * The builders (report-document.ts, report-presentation.ts), re-exported here so the report screen
 * imports one module:
 * - buildNetworkDocument(data, t): the network report;
 * - buildPartnerDocument(data, organisation, own, t): the network report plus the organisation's
 *   own results (`own`: its dashboards per instrument, from getDashboard with organisationId, in
 *   the order of choices.instrumentIds) where its group reaches the minimum size; otherwise the
 *   network's results with a note saying why;
 * - buildPresentation(data, t): the slides for the feedback meeting.
 */
export { buildNetworkDocument, buildPartnerDocument } from './report-document';
export { buildPresentation } from './report-presentation';
