/**
 * The network between partner organisations, per wave, as the results screen shows it: who works
 * with whom (ties from the answers to a relation instrument such as *Partnernetwerk*), the
 * network's density and reciprocity, each organisation's degree centrality, and the mean trust and
 * value others give it. Rules (docs/decisions/2026-12-01-partner-network.md):
 *
 * - A tie A → B comes from the submitted answers of A's respondents about B. Its reporters are
 *   the respondents of A who gave a scored frequency answer about B ("ken ik niet" is not one).
 * - The tie counts when at least half of its reporters work with B (a frequency above "nooit").
 * - It is shown only when it has at least the network's minimum group size of reporters; a tie
 *   with fewer is left out of the map, the table, the metrics and the export.
 * - Every metric is computed on the shown ties only, so no metric reveals a hidden tie.
 */

/** A mean with the number of respondents it is over; null mean when there are fewer than the minimum group. */
export interface RatedMean {
  mean: number | null;
  n: number;
}

export interface PartnerNode {
  organisationId: string;
  name: string;
  archived: boolean;
  /** Place on the map, in 0…1 on both axes; the same for every wave (one layout for the network). */
  x: number;
  y: number;
  /** Shown ties to and from this organisation. */
  inDegree: number;
  outDegree: number;
  /** Degree divided by (organisations − 1), as graphology-metrics computes it; total = in + out, so up to 2. */
  inCentrality: number;
  outCentrality: number;
  degreeCentrality: number;
  /** Respondents of this organisation whose relation answers count in this wave. */
  reporters: number;
  /** Mean trust and value given to this organisation by respondents of the other organisations; null mean below the minimum group. */
  trust: RatedMean;
  value: RatedMean;
}

export interface PartnerTie {
  from: string;
  to: string;
  /** Respondents of `from` with a scored frequency answer about `to`. */
  reporters: number;
  /** Mean frequency code over the reporters (1 = nooit … 5 = (bijna) dagelijks for Partnernetwerk). */
  meanFrequency: number;
  /** Mean trust and value over the reporters who work with `to`; null below the minimum group. */
  meanTrust: number | null;
  meanValue: number | null;
  /** Whether `to` → `from` is a shown tie too. */
  mutual: boolean;
}

export interface PartnerNetworkWave {
  waveId: string;
  waveLabel: string;
  /** Submitted responses of the wave that named an organisation and answered a relation question. */
  respondents: number;
  nodes: PartnerNode[];
  /** Shown ties, from and to in the order of the nodes. */
  ties: PartnerTie[];
  /** Ties that count but are not shown: fewer reporters than the minimum group. */
  tiesSuppressed: number;
  /** Shown ties / (n × (n − 1)); null with fewer than two organisations. */
  density: number | null;
  /** Share of shown ties whose reverse is shown too; null without ties. */
  reciprocity: number | null;
}

/** A network-level metric in the baseline and in a later wave. */
export interface PartnerMetricChange {
  metric: 'ties' | 'density' | 'reciprocity';
  baseline: number | null;
  value: number | null;
  change: number | null;
}

export interface PartnerNetworkChange {
  waveId: string;
  waveLabel: string;
  metrics: PartnerMetricChange[];
  /** Per organisation: total degree centrality in the baseline and in this wave. */
  organisations: { organisationId: string; baseline: number; value: number; change: number }[];
}

export interface PartnerNetwork {
  networkId: string;
  instrumentId: string;
  minGroupSize: number;
  /** The waves that used the instrument, in measurement order; the first is the baseline. */
  waves: PartnerNetworkWave[];
  /** Each later wave against the baseline. */
  changes: PartnerNetworkChange[];
}

/** The instrument the results screen asks about when a wave used it. */
export const PARTNER_NETWORK_INSTRUMENT = 'partnernetwerk';
