import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';

/**
 * What a saved chart is about, drawn as the first line of its picture: "Netwerk Dementie Oost —
 * Kansrijke samenwerking — T0, T1". A picture pasted into a report must say which network,
 * instrument and waves it shows without the screen around it.
 *
 * The element around a page's charts carries it in this attribute; `chartImage` looks it up from
 * the chart's figure when saving, so the sections that draw charts need not pass it along.
 */
export const CHART_SUBJECT_ATTRIBUTE = 'data-chart-subject';

export const chartSubject = (parts: readonly string[]) =>
  parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' — ');

export const dashboardChartSubject = (d: Dashboard, locale: Locale) =>
  chartSubject([d.networkName, d.instrumentName[locale] || d.instrumentName.nl, d.waves.map((w) => w.label).join(', ')]);

/** The subject of the page part `figure` stands in, or '' when none is set. */
export const subjectOf = (figure: Element) => figure.closest(`[${CHART_SUBJECT_ATTRIBUTE}]`)?.getAttribute(CHART_SUBJECT_ATTRIBUTE) ?? '';
