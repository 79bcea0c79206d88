/**
 * Occasions within a wave: each multidisciplinary meeting (MDO) a network evaluates, with a
 * *before* and an *after* wave of its own (migration 0011). A person answers once in each, so their
 * before and after are paired by their respondent code, as T0 and T1 are. Occasion waves are not
 * measurement waves: they stay out of the network's wave lists, trends and reports, and appear in
 * exports and study files. Design: docs/decisions/2026-12-01-mdo-occasions.md.
 */
import type { LocalizedText } from './text';
import type { PairedResult } from './results';

export const OCCASION_MOMENTS = ['before', 'after'] as const;
export type OccasionMoment = (typeof OCCASION_MOMENTS)[number];

/** The instrument an occasion's waves are set up with. */
export const OCCASION_INSTRUMENT_ID = 'mdo-evaluatie';

/** What a wave of an occasion holds: how many began and how many submitted, and whether it is open. */
export interface OccasionWaveSummary {
  waveId: string;
  label: string;
  status: 'open' | 'closed';
  started: number;
  complete: number;
}

export interface Occasion {
  id: string;
  /** The wave that holds the occasion (a measurement wave such as T0). */
  waveId: string;
  label: string;
  heldOn: string | null;
  before: OccasionWaveSummary;
  after: OccasionWaveSummary;
}

/** The role groups the comparison is split by (the answer to `mdo_rol`). */
export const OCCASION_ROLE_GROUPS = ['all', 'professional', 'clientOrFamily'] as const;
export type OccasionRoleGroup = (typeof OCCASION_ROLE_GROUPS)[number];

/** One statement or the core subscale, before against after, over the pairs with both values. */
export interface OccasionComparisonRow {
  kind: 'scale' | 'item';
  id: string;
  label: LocalizedText;
  /** Means of the pairs before and after (null when too few pairs). */
  meanBefore: number | null;
  meanAfter: number | null;
  /** After − before, the same paired statistics as T0 → T1 (t, Wilcoxon, d_z). */
  paired: PairedResult;
}

export interface OccasionGroupComparison {
  group: OccasionRoleGroup;
  /** People with a submitted before and after questionnaire in this group. */
  nPairs: number;
  /** Fewer pairs than the minimum group size, or hidden so that a small group cannot be worked out. */
  suppressed: boolean;
  rows: OccasionComparisonRow[];
}

export interface OccasionResult {
  /** Null for the pooled result over all occasions. */
  occasionId: string | null;
  label: string | null;
  heldOn: string | null;
  /** Submitted questionnaires before and after. */
  nBefore: number;
  nAfter: number;
  /** Person-occasion pairs (same code before and after). */
  nPairs: number;
  /** Everyone first; the role groups only when each reaches the minimum group size. */
  groups: OccasionGroupComparison[];
  /** The rating asked afterwards (`mdo_cijfer`): n and mean, hidden below the minimum group size. */
  rating: { n: number; mean: number | null; suppressed: boolean };
}

export interface OccasionComparisons {
  waveId: string;
  minGroupSize: number;
  occasions: OccasionResult[];
  /** Every person-occasion pair as one unit; one person may be in several occasions. */
  pooled: OccasionResult;
}
