import type { Organisation } from '../../../../shared/domain';
import type { Dashboard } from '../../../../shared/results';
import type { Translate } from '../dashboard/notices';
import type { BuiltDocument, ReportData } from './report-inputs';

/** The network report as Word: what it says, in order (being written; the title page only for now). */
export function buildNetworkDocument(data: ReportData, t: Translate): BuiltDocument {
  void t;
  const name = data.network.network.name;
  return { document: { language: data.choices.locale, title: name, subtitle: name, titleLines: [], footer: `Netwerkspiegel · ${name}`, blocks: [] }, charts: [] };
}

/** The network report plus one partner organisation's own results (being written). */
export function buildPartnerDocument(data: ReportData, organisation: Organisation, own: Dashboard[], t: Translate): BuiltDocument {
  void organisation;
  void own;
  return buildNetworkDocument(data, t);
}
