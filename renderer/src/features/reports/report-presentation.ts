import type { Translate } from '../dashboard/notices';
import type { BuiltPresentation, ReportData } from './report-inputs';

/** The slides for the feedback meeting (being written; the title slide only for now). */
export function buildPresentation(data: ReportData, t: Translate): BuiltPresentation {
  void t;
  const name = data.network.network.name;
  return { presentation: { language: data.choices.locale, title: name, subtitle: name, footer: `Netwerkspiegel · ${name}`, slides: [{ layout: 'title', title: name }] }, charts: [] };
}
