import type { PartnerMetricChange, RatedMean } from '../../../../shared/partner-network';
import type { Locale } from '../../../../shared/text';
import { formatCount, formatNumber, formatPercent, formatSigned, NO_VALUE } from '../dashboard/format';

/**
 * The partner network's numbers as text, shared by the results screen (PartnerNetworkSection) and
 * the reports, so both write every figure the same way.
 */

/** "3,40 (n = 5)", or only the n below the minimum group. */
export function rated(r: RatedMean, locale: Locale): string {
  if (r.n === 0) return NO_VALUE;
  return r.mean === null ? `${NO_VALUE} (n = ${r.n})` : `${formatNumber(r.mean, locale)} (n = ${r.n})`;
}

/** A network-level metric's value: the number of ties as a count, density and reciprocity as a percentage. */
export const metricValue = (metric: PartnerMetricChange['metric'], value: number | null, locale: Locale): string =>
  metric === 'ties' ? formatCount(value ?? 0, locale) : formatPercent(value, locale);

/** A metric's change against the baseline: ties as a signed count, density and reciprocity in percentage points. */
export const metricChange = (m: PartnerMetricChange, locale: Locale): string =>
  m.metric === 'ties' ? formatSigned(m.change, locale, 0) : m.change === null ? NO_VALUE : formatSigned(m.change * 100, locale, 0);
