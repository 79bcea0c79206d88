/**
 * What the results dashboard receives. Every number that describes a group carries its n
 * and a `suppressed` flag: a suppressed group's numbers are null and must not be shown anywhere
 * (charts, tables, exports). Texts for people come as codes + parameters; the renderer translates.
 */
import type { LocalizedText } from './text';
import type { WaveKind } from './domain';
import type { SelfCodeProblem } from './codes';
import type { LinkDecision } from './linking';

export interface Notice {
  /**
   * e.g. 'no-responses', 'single-respondent', 'all-declined', 'instrument-changed', 'alpha-small-n', 'too-small'.
   * The results service also sends 'no-waves', 'instrument-not-in-wave', 'no-scores' (a scale
   * without scores in a wave: too few items answered), 'tolerant-matches' (accepted near matches of
   * self-made codes), 'link-proposals' (near matches awaiting a decision), 'breakdown-unavailable',
   * 'governance-unavailable' (no wave asked the governance body question), 'breakdown-not-in-wave'
   * (this wave did not ask the breakdown's question), 'organisation-below-minimum' (an
   * organisation's dashboard: in this wave fewer than the minimum, `n` of `min`, handed in a complete
   * questionnaire naming it, so none of its numbers of that wave are shown), 'organisation-derivable'
   * (an organisation's dashboard: it has `n` ≥ `min` complete responses in this wave, but the rest of
   * the network's are so few that the network's numbers minus the organisation's would describe
   * them, so its numbers of that wave are not shown either), and
   * in comparison rows 'not-in-both' and 'scale-changed'. Params name what a notice is about with
   * `waveId`, `scaleId` or `itemId` where it applies.
   */
  code: string;
  params: Record<string, string | number>;
}

/** Descriptives of a scale (subscale / condition) score in one group. */
export interface ScaleStats {
  n: number;
  mean: number | null;
  sd: number | null;
  /** 95% confidence interval of the mean (t distribution); null for n < 2. */
  ciLow: number | null;
  ciHigh: number | null;
  suppressed: boolean;
}

export interface AlphaResult {
  /** Cronbach's alpha over complete cases (psych::alpha raw_alpha); null when it cannot be computed. */
  alpha: number | null;
  /** Respondents with all items of the scale answered. */
  n: number;
  items: number;
  /** True when n < 30: alpha is unstable. */
  smallSample: boolean;
  /** Items left out because everyone gave the same answer (as psych::alpha does). */
  constantItems: number;
  /** Why alpha is not shown: too few complete cases for the minimum group size, or not computable. */
  unavailable: 'too-small' | 'too-few-items' | 'too-few-respondents' | 'no-variance' | null;
}

export interface ItemStats {
  /** Scored answers. */
  n: number;
  /** Respondents who saw the item but left it empty. */
  missing: number;
  /** Not-scored answers ("weet niet / n.v.t."). */
  declined: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** Count per option code, scored and not scored, in the scale's order. */
  distribution: { code: number; label: LocalizedText; count: number; scored: boolean }[] | null;
  /**
   * Share of the scored answers above the middle of an agreement scale (4 and 5 of 5, 5 to 7 of 7,
   * 3 and 4 of 4), of the raw answers (not reversed); null for items that are no agreement statement.
   */
  shareAgree: number | null;
  suppressed: boolean;
}

export interface WaveColumn {
  waveId: string;
  label: string;
  kind: WaveKind;
  plannedDate: string | null;
}

export interface ResponseCounts {
  waveId: string;
  /** Number of pre-assigned codes of the network, when a code list is used; null otherwise. */
  invited: number | null;
  started: number;
  complete: number;
}

/**
 * The lowest and highest score an item or scale can have: the lowest and highest scored code of its
 * answer scale (the same after reversing a reverse-keyed item), or a number item's min and max.
 * Every axis, caption and colour scale of the results is drawn on this range, never on a fixed 1–5.
 */
export interface ScoreRange {
  min: number;
  max: number;
}

/** A scored option of an answer scale, in the scale's order (lowest code first as the instrument lists it). */
export interface AnswerOption {
  code: number;
  label: LocalizedText;
}

export interface ScaleSeries {
  scaleId: string;
  label: LocalizedText;
  /** Lowest and highest possible scale score: over its items (and over the instrument versions in use). */
  range: ScoreRange;
  /** The scored options when all items of the scale use one answer scale (in every version in use); null when they differ. */
  options: AnswerOption[] | null;
  perWave: { waveId: string; stats: ScaleStats; alpha: AlphaResult }[];
}

export interface ItemSeries {
  itemId: string;
  label: LocalizedText;
  text: LocalizedText;
  /**
   * What kind of question: a statement on an answer scale (`scale`), a number (such as the
   * *rapportcijfer*, 1 to 10), a choice, or select all that apply (`multiple`: its `distribution`
   * counts per option the respondents who ticked it, of `n` who ticked anything). Open questions are
   * never in the results.
   */
  type: 'scale' | 'number' | 'choice' | 'multiple';
  scaleId: string | null;
  /** Lowest and highest possible item score; null for items without scores (choices). */
  range: ScoreRange | null;
  /**
   * Reverse-keyed (agreeing means a worse situation): its scores (mean, median, the scale score,
   * comparisons) are after reversal (min + max − code); its distribution and `shareAgree` are of the
   * raw answers, as given.
   */
  reverse: boolean;
  /** Waves whose instrument version has this item (versions may differ between waves). */
  presentIn: string[];
  perWave: { waveId: string; stats: ItemStats }[];
}

export interface LinkReport {
  baselineWaveId: string;
  followUpWaveId: string;
  /** Complete responses linked by an equal code (accepted near matches not included). */
  matched: number;
  /** Self-made codes one element apart that a researcher accepted as one person; linked, counted separately. */
  tolerant: number;
  /** Self-made codes one element apart awaiting a researcher's decision: in no test until decided. */
  proposals: number;
  /** Near matches a researcher rejected: two people, each among the unmatched. */
  rejected: number;
  /** Neither linked nor proposed: the two independent groups. */
  unmatchedBaseline: number;
  unmatchedFollowUp: number;
}

/** Matched respondents (baseline → follow-up): follow-up minus baseline. */
export interface PairedResult {
  n: number;
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  t: number | null;
  df: number | null;
  pT: number | null;
  /** Wilcoxon signed-rank statistic V (sum of positive ranks), as R reports it. */
  wilcoxonV: number | null;
  pWilcoxon: number | null;
  wilcoxonMethod: 'exact' | 'normal' | null;
  /** Cohen's d_z: mean difference / SD of the differences. */
  dz: number | null;
  /** Matched-pairs rank-biserial correlation. */
  rankBiserial: number | null;
  tooSmall: boolean;
}

/**
 * Everyone who answered either wave, the matched people as pairs: the partially overlapping samples
 * t-test (Derrick, Russ, Toher & White 2017, unequal variances). The headline comparison:
 * follow-up minus baseline with its 95 % interval.
 */
export interface AllRespondentsResult {
  /** Respondents with a score in the baseline / follow-up wave (the pairs included). */
  nBaseline: number;
  nFollowUp: number;
  /** Matched people with a score in both waves. */
  nPairs: number;
  /** Mean of the follow-up minus mean of the baseline, over everyone. */
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
  tooSmall: boolean;
}

/** Leavers against joiners: those who answered only the baseline against those who answered only the follow-up. */
export interface IndependentResult {
  nBaseline: number;
  nFollowUp: number;
  meanDiff: number | null;
  welchT: number | null;
  welchDf: number | null;
  pWelch: number | null;
  /** Mann–Whitney U as R's W (for the follow-up group first). */
  mannWhitneyW: number | null;
  pMannWhitney: number | null;
  mannWhitneyMethod: 'exact' | 'normal' | null;
  /** Rank-biserial correlation for independent groups. */
  rankBiserial: number | null;
  tooSmall: boolean;
}

export interface ComparisonRow {
  kind: 'scale' | 'item';
  id: string;
  label: LocalizedText;
  /** The headline comparison over everyone. */
  allRespondents: AllRespondentsResult;
  /** Details: the matched people only. */
  paired: PairedResult;
  /** Details: leavers against joiners (not the comparison of the waves). */
  independent: IndependentResult;
  /** e.g. the item exists in one version only; results are then null. */
  notices: Notice[];
}

export interface Comparison {
  baselineWaveId: string;
  followUpWaveId: string;
  linking: LinkReport;
  /** Always true: with networks this small these comparisons are exploratory. */
  exploratory: true;
  rows: ComparisonRow[];
}

/**
 * What results can be broken down by (besides the spread between partner organisations):
 * answers to the background questionnaire (role group, discipline, the governance body a
 * respondent is most active in) and the sector or size class of the respondent's organisation.
 */
export const BREAKDOWN_CHOICES = ['none', 'role', 'discipline', 'governanceBody', 'sector', 'sizeClass'] as const;
export type BreakdownChoice = (typeof BREAKDOWN_CHOICES)[number];

export type GroupBy = 'organisation' | Exclude<BreakdownChoice, 'none'>;

export interface GroupBreakdown {
  groupBy: GroupBy;
  groups: {
    /** For `sector` and `sizeClass` the enumeration value of shared/domain.ts (`zorg`, `lt100`). */
    groupId: string;
    /** For `sector` and `sizeClass` the same enumeration value: the renderer names it in the UI language. */
    label: LocalizedText;
    perScale: { scaleId: string; perWave: { waveId: string; stats: ScaleStats }[] }[];
  }[];
  /** Groups left out because they are below the minimum size (their number only, never who). */
  hiddenGroups: number;
  // A shown group's cell can still be suppressed in one wave or scale (too small there, or hidden so
  // that another small group cannot be derived by subtraction): such a cell has n 0 as well, so not
  // even the group's size is given away.
}

/**
 * Started (complete included, as in ResponseCounts) and complete responses of one partner
 * organisation per wave; `organisationId` null for responses without an organisation. These are
 * counts, not answers, so they are shown below the minimum group size as well: no respondent code
 * and no answer is attached (docs/decisions/2026-12-01-breakdowns.md).
 */
export interface OrganisationResponse {
  organisationId: string | null;
  name: string | null;
  /** How many participants the network expects of the organisation per wave; null when not set (and for the row without one). */
  expected: number | null;
  /** Archived: no longer a choice for new responses, still counted here. */
  archived: boolean;
  /** The day the organisation left the network, when set. */
  leftOn: string | null;
  /** `ofExpected`: the share of `expected` that handed in a questionnaire (complete / expected, may pass 1); null without an expected number. */
  perWave: { waveId: string; started: number; complete: number; ofExpected: number | null }[];
}

/**
 * The verdict on a change between two waves, from its 95% interval and the practical threshold
 * (shared/results-summary.ts `changeVerdict`): `tooFew` when it cannot be judged.
 */
export type ChangeVerdict = 'higher' | 'possiblyHigher' | 'similar' | 'possiblyLower' | 'lower' | 'tooFew';

/** A change over everyone, baseline to the point's wave, with its verdict. */
export interface PointChange {
  baselineWaveId: string;
  meanDiff: number;
  ciLow: number | null;
  ciHigh: number | null;
  verdict: ChangeVerdict;
}

/**
 * How large a share "weet niet" is, in words a person reads without a calculator
 * (shared/conversation.ts `dontKnowShare`): `some` names the count only ("1 van de 7 mensen").
 */
export type DontKnowShare = 'some' | 'third' | 'half' | 'most' | 'all';

interface PointBase {
  itemId: string;
  label: LocalizedText;
  /** The condition or theme of the indicator (its prompt's theme); null for an item of no scale. */
  scaleId: string | null;
  /** The wave the point is about: the latest wave with enough answers. */
  waveId: string;
  prompt: LocalizedText;
}

/**
 * *Gesprekspunten* of four kinds: a low score, a fall since the baseline, a success (a rise, or a
 * high score), and many "weet niet" answers. Every number is also in the details.
 */
export type ConversationPoint =
  | (PointBase & { kind: 'low'; mean: number; range: ScoreRange })
  | (PointBase & { kind: 'fall'; mean: number | null; range: ScoreRange; change: PointChange })
  | (PointBase & { kind: 'success'; reason: 'rise' | 'high'; mean: number; range: ScoreRange; change: PointChange | null })
  | (PointBase & { kind: 'dontKnow'; count: number; seen: number; share: DontKnowShare });

export interface Dashboard {
  networkId: string;
  networkName: string;
  /**
   * The partner organisation this dashboard is about (only responses naming it in their wave
   * count; pairs only where both responses name it), or null for the whole network. In an
   * organisation's dashboard `organisations` is empty and `spreadFallback` null (one organisation
   * has no spread), `responseByOrganisation` holds only that organisation, and a wave whose numbers
   * are withheld (a notice 'organisation-below-minimum' or 'organisation-derivable' with that
   * `waveId` says why) shows counts only: every mean, distribution, alpha, comparison using it,
   * breakdown cell and conversation point of that wave is suppressed or absent.
   */
  organisation: { id: string; name: string } | null;
  instrumentId: string;
  /** The instrument's name (newest version shown), for titles of charts saved for a report. */
  instrumentName: LocalizedText;
  minGroupSize: number;
  waves: WaveColumn[];
  counts: ResponseCounts[];
  scales: ScaleSeries[];
  items: ItemSeries[];
  /** Baseline (first wave shown) versus each later wave. */
  comparisons: Comparison[];
  /** Spread between partner organisations per scale. */
  organisations: GroupBreakdown;
  /**
   * When no wave has two partner organisations to show side by side: the spread by sector, or else
   * by size class (`groupBy` says which), as long as that has two groups to show in some wave;
   * null otherwise.
   */
  spreadFallback: GroupBreakdown | null;
  /** Breakdown by the chosen group, when asked. */
  breakdown: GroupBreakdown | null;
  /** Response per partner organisation and wave: who has taken part. Counts only, never suppressed. */
  responseByOrganisation: OrganisationResponse[];
  conversation: ConversationPoint[];
  notices: Notice[];
}

export interface NetworkComparison {
  instrumentId: string;
  instrumentName: LocalizedText;
  networks: {
    networkId: string;
    name: string;
    /** In time order (shared/waves.ts); the planned date lets the screen name when the latest wave was. */
    waves: { waveId: string; label: string; kind: WaveKind; plannedDate: string | null; scales: { scaleId: string; label: LocalizedText; range: ScoreRange; stats: ScaleStats }[] }[];
  }[];
}

// --- Linking screen: near matches of self-made codes a researcher decides on --------------------

/**
 * A group a respondent belongs to, as far as it may be shown: by name only when the group has at
 * least the network's minimum group size of complete responses in that wave; `hidden` otherwise;
 * `unknown` when the respondent gave none (or preferred not to say).
 */
export type LinkGroup = { shown: true; label: LocalizedText } | { shown: false; reason: 'hidden' | 'unknown' };

/** One side of a near match: a complete response. */
export interface LinkSide {
  responseId: string;
  waveId: string;
  waveLabel: string;
  code: string;
  organisation: LinkGroup;
  /** The role group (`ag_rol` of the background questionnaire). */
  roleGroup: LinkGroup;
}

export interface LinkProposalView {
  baseline: LinkSide;
  followUp: LinkSide;
  /** The element of the self-made code that differs. */
  differs: SelfCodeProblem;
}

export interface LinkDecisionView {
  baseline: LinkSide;
  followUp: LinkSide;
  /** The element that differs (null if the codes differ in more than one). */
  differs: SelfCodeProblem | null;
  /** The decision that holds (with several laptops: the later, then the smaller device id). */
  decision: LinkDecision;
  decidedAt: string;
  deviceId: string;
  /** How many other decisions on the same pair (from other laptops) say otherwise and were overruled. */
  overruled: number;
}

export interface LinkProposalList {
  networkId: string;
  networkName: string;
  minGroupSize: number;
  /** The first wave in time order; null without waves. */
  baselineWaveId: string | null;
  /** The baseline against each later wave, in time order. */
  comparisons: {
    baselineWaveId: string;
    baselineWaveLabel: string;
    followUpWaveId: string;
    followUpWaveLabel: string;
    proposals: LinkProposalView[];
    decided: LinkDecisionView[];
  }[];
}
