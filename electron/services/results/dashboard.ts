/**
 * The results dashboard: per network and instrument, for the waves shown, response
 * counts, scale and item statistics, baseline-versus-follow-up comparisons, the group tables of
 * groups.ts (spread between partner organisations, the chosen breakdown, response per
 * organisation) and conversation points. All statistics
 * come from the pure functions in shared/ (R-checked); this module only gathers and arranges.
 *
 * Rules that hold everywhere: complete responses only; a group below the network's minimum size
 * is suppressed (numbers null), breakdown cells from which a hidden group could be derived are
 * hidden too; nothing is NaN; anything unusual (no responses, one respondent, everything declined,
 * a changed instrument version) becomes a notice with a code the renderer translates.
 */
import type { ParsedInput } from '../../../shared/contract';
import { pickConversationPoints, type IndicatorSummary } from '../../../shared/conversation';
import type { LocalizedText } from '../../../shared/text';
import { linkWaves, type LinkDecisions } from '../../../shared/linking';
import type {
  AlphaResult,
  AnswerOption,
  Comparison,
  ComparisonRow,
  ConversationPoint,
  Dashboard,
  AllRespondentsResult,
  IndependentResult,
  ItemSeries,
  ItemStats,
  NetworkComparison,
  Notice,
  PairedResult,
  ResponseCounts,
  ScaleSeries,
  ScaleStats,
  ScoreRange,
} from '../../../shared/results';
import { CODE_MAX, CODE_MIN, slotFor, type CompiledInstrument, type CompiledItem, type CompiledSubscale } from '../../../shared/score-table';
import { hiddenScaleStats, scaleStats } from '../../../shared/statistics';
// Straight from the modules, not the shared/stats barrel: re-exports become getters in CommonJS, on the hot path.
import { cronbachAlpha } from '../../../shared/stats/alpha';
import { describe } from '../../../shared/stats/descriptives';
import {
  cohensDzOnDifferences,
  independentRankBiserial,
  mannWhitney,
  matchedPairsRankBiserial,
  pairedTTestOnDifferences,
  signedRankOnDifferences,
  partiallyOverlappingTTest,
  welchTTest,
} from '../../../shared/stats/tests';
import { listOrganisations, listWaves } from '../../db/repositories/networks';
import { countAssignedCodes } from '../../db/repositories/results';
import type { ServiceContext } from '../context';
import { requireNetwork, requireOrganisationIn } from '../administration/networks';
import { linkCandidate, linkDecisionsOf } from './link-proposals';
import {
  BREAKDOWN_ITEMS,
  compiledInstrument,
  isBackgroundBreakdown,
  loadWaveData,
  minSizeIn,
  requireInstrumentVersions,
  scoresOf,
  selectWaves,
  type ResponseData,
  type WaveData,
} from './dashboard-data';
import { groupResults } from './groups';
import { hiddenKey, organisationWaves, type HiddenNumbers } from './organisation';

/** Scores are means of a few items: round before ranking so equal scores tie (R's `digits.rank`). */
const DIGITS_RANK = 10;
/** Below this many complete cases Cronbach's alpha is flagged as unstable. */
const ALPHA_STABLE_N = 30;

interface UnionScale {
  id: string;
  label: LocalizedText;
  range: ScoreRange;
  options: AnswerOption[] | null;
}

interface UnionItem {
  id: string;
  label: LocalizedText;
  text: LocalizedText;
  type: ItemSeries['type'];
  scaleId: string | null;
  range: ScoreRange | null;
  reverse: boolean;
}

// --- entry points ---------------------------------------------------------------------------------

export function getDashboard(ctx: ServiceContext, input: ParsedInput<'getDashboard'>): Dashboard {
  const network = requireNetwork(ctx, input.networkId);
  const organisation = input.organisationId === undefined ? null : requireOrganisationIn(ctx, network.id, input.organisationId);
  const versions = requireInstrumentVersions(ctx, input.instrumentId);
  const waves = selectWaves(ctx, network, input.waveIds);
  const breakdownItem = isBackgroundBreakdown(input.breakdown) ? BREAKDOWN_ITEMS[input.breakdown] : null;
  const everyone = loadWaveData(ctx, waves, input.instrumentId, breakdownItem);
  const k = network.minGroupSize;
  const notices: Notice[] = [];
  const organisations = listOrganisations(ctx.db, network.id);

  const labels = labelSource(ctx, everyone, input.instrumentId, versions[0]!);
  const scales = unionScales(labels);
  const items = unionItems(labels);

  const { data, hidden } = organisation
    ? organisationWaves(everyone, organisations, organisation.id, scales.map((s) => s.id), items.map((it) => it.id), k, notices)
    : { data: everyone, hidden: new Set<string>() };

  const itemSeries = items.map((it) => withoutHiddenItem(itemSeriesOf(it, data, k), hidden));
  waveNotices(data, items, itemSeries, k, notices);
  versionNotices(data, items, notices);

  const scaleSeries = scales.map((s) => withoutHiddenScale(scaleSeriesOf(s, data, k), hidden));
  if (scaleSeries.some((s) => s.perWave.some((p) => p.alpha.alpha !== null && p.alpha.smallSample))) {
    notices.push({ code: 'alpha-small-n', params: { threshold: ALPHA_STABLE_N } });
  }
  const decisions = data.length > 1 ? linkDecisionsOf(ctx, network.id) : new Map();
  const comparisons = data.slice(1).map((followUp, i) => {
    const linked = linkedResponses(everyone[0]!, everyone[i + 1]!, decisions, organisation?.id ?? null, notices);
    const kPair = Math.max(minSizeIn(data[0]!, k), minSizeIn(followUp, k));
    return withoutHiddenRows(compare(data[0]!, followUp, linked, scales, items, kPair), hidden);
  });

  const groups = groupResults(ctx, organisation ? [organisation] : organisations, data, scales, k, input.breakdown, notices);
  // One organisation has no spread between organisations.
  if (organisation) {
    groups.organisations = { groupBy: 'organisation', groups: [], hiddenGroups: 0 };
    groups.spreadFallback = null;
  }

  return {
    networkId: network.id,
    networkName: network.name,
    organisation: organisation && { id: organisation.id, name: organisation.name },
    instrumentId: input.instrumentId,
    instrumentName: labels[0]!.def.name,
    minGroupSize: k,
    waves: data.map((w) => w.column),
    counts: countsOf(ctx, network.id, network.codePolicy === 'assigned', data),
    scales: scaleSeries,
    items: itemSeries,
    comparisons,
    organisations: groups.organisations,
    spreadFallback: groups.spreadFallback,
    breakdown: groups.breakdown,
    responseByOrganisation: groups.responseByOrganisation,
    conversation: conversationOf(data, itemSeries, items, comparisons, k, hidden),
    notices,
  };
}

export function compareNetworks(ctx: ServiceContext, input: ParsedInput<'compareNetworks'>): NetworkComparison {
  const versions = requireInstrumentVersions(ctx, input.instrumentId);
  const networks = [...new Set(input.networkIds)].map((id) => requireNetwork(ctx, id));
  return {
    instrumentId: input.instrumentId,
    instrumentName: compiledInstrument(ctx, input.instrumentId, versions[0]!).def.name,
    networks: networks.map((network) => {
      const waves = listWaves(ctx.db, network.id).filter((w) => w.instruments.some((r) => r.instrumentId === input.instrumentId));
      const data = loadWaveData(ctx, waves, input.instrumentId, null);
      const scales = unionScales(labelSource(ctx, data, input.instrumentId, versions[0]!));
      return {
        networkId: network.id,
        name: network.name,
        waves: data.map((w) => ({
          waveId: w.wave.id,
          label: w.wave.label,
          kind: w.wave.kind,
          plannedDate: w.wave.plannedDate,
          scales: scales
            .filter((s) => w.subscaleIndex.has(s.id))
            .map((s) => ({ scaleId: s.id, label: s.label, range: s.range, stats: scaleStatsInWave(w, s.id, network.minGroupSize) })),
        })),
      };
    }),
  };
}

// --- what is shown: scales and items over the versions in use ----------------------------------

/** Instrument versions newest first: labels and order come from the newest version in use. */
function labelSource(ctx: ServiceContext, data: readonly WaveData[], instrumentId: string, newestStored: number): CompiledInstrument[] {
  const inUse = [...new Map(data.filter((w) => w.compiled).map((w) => [w.compiled!.def.version, w.compiled!])).values()];
  inUse.sort((a, b) => b.def.version - a.def.version);
  return inUse.length > 0 ? inUse : [compiledInstrument(ctx, instrumentId, newestStored)];
}

/** The range that holds both (a scale or item whose answer scale changed between versions). */
function widest(a: ScoreRange | null, b: [number, number] | null): ScoreRange | null {
  if (!b) return a;
  return a ? { min: Math.min(a.min, b[0]), max: Math.max(a.max, b[1]) } : { min: b[0], max: b[1] };
}

const sameOptions = (a: readonly AnswerOption[], b: readonly AnswerOption[]) =>
  a.length === b.length && a.every((o, i) => o.code === b[i]!.code && o.label.nl === b[i]!.label.nl && o.label.en === b[i]!.label.en);

const answerOptions = (options: CompiledSubscale['options']): AnswerOption[] | null => options?.map((o) => ({ code: o.code, label: o.label })) ?? null;

/** Scales over the versions in use: label from the newest, range over all, options only when every version has the same. */
function unionScales(sources: readonly CompiledInstrument[]): UnionScale[] {
  const seen = new Map<string, UnionScale>();
  for (const c of sources) {
    for (const s of c.subscales) {
      const known = seen.get(s.id);
      if (!known) {
        seen.set(s.id, { id: s.id, label: s.label, range: widest(null, s.range)!, options: answerOptions(s.options) });
        continue;
      }
      known.range = widest(known.range, s.range)!;
      const options = answerOptions(s.options);
      if (known.options && !(options && sameOptions(known.options, options))) known.options = null;
    }
  }
  return [...seen.values()];
}

function unionItems(sources: readonly CompiledInstrument[]): UnionItem[] {
  const seen = new Map<string, UnionItem>();
  for (const c of sources) {
    for (const it of c.items) {
      const known = seen.get(it.id);
      if (known) {
        known.range = widest(known.range, it.range);
        continue;
      }
      const scaleId = c.def.subscales.find((s) => s.items.includes(it.id))?.id ?? null;
      const reverse = it.item.type === 'scale' && it.item.reverse;
      // Open questions are never compiled. Relation items are, but their answers live elsewhere (relation_answers): none here.
      const type = it.item.type as ItemSeries['type'];
      seen.set(it.id, { id: it.id, label: it.item.label, text: it.item.text, type, scaleId, range: widest(null, it.range), reverse });
    }
  }
  return [...seen.values()];
}

/**
 * A scale's descriptives in one wave: n, mean, SD and CI over the complete responses with a score,
 * withheld below the minimum group size. The dashboard, the network comparison and the per-wave
 * overview all take their numbers from here.
 */
export function scaleStatsInWave(w: WaveData, scaleId: string, k: number): ScaleStats {
  return scaleStats(scoresOf(w, scaleId), k);
}

// --- counts and notices ---------------------------------------------------------------------------

function countsOf(ctx: ServiceContext, networkId: string, usesCodeList: boolean, data: readonly WaveData[]): ResponseCounts[] {
  const invited = usesCodeList ? countAssignedCodes(ctx.db, networkId) : null;
  return data.map((w) => ({ waveId: w.wave.id, invited, started: w.started, complete: w.complete.length }));
}

function waveNotices(data: readonly WaveData[], items: readonly UnionItem[], itemSeries: readonly ItemSeries[], k: number, notices: Notice[]): void {
  if (data.length === 0) notices.push({ code: 'no-waves', params: {} });
  data.forEach((w, wi) => {
    const waveId = w.wave.id;
    const n = w.complete.length;
    if (!w.compiled) notices.push({ code: 'instrument-not-in-wave', params: { waveId } });
    if (n === 0) notices.push({ code: 'no-responses', params: { waveId, started: w.started } });
    else if (n === 1) notices.push({ code: 'single-respondent', params: { waveId } });
    else if (n < k) notices.push({ code: 'too-small', params: { waveId, n, min: k } });
    if (!w.compiled || n === 0) return;

    // Every answer to a statement in this wave was "weet niet": say so once, instead of per scale.
    let answered = 0;
    let declined = 0;
    items.forEach((it, i) => {
      const j = w.compiled!.index.get(it.id);
      if (j === undefined || w.compiled!.items[j]!.item.type !== 'scale') return;
      const stats = itemSeries[i]!.perWave[wi]!.stats;
      answered += stats.n;
      declined += stats.declined;
    });
    if (answered === 0 && declined > 0) {
      notices.push({ code: 'all-declined', params: { waveId } });
      return;
    }
    for (const sub of w.compiled.subscales) {
      if (scoresOf(w, sub.id).length === 0) notices.push({ code: 'no-scores', params: { waveId, scaleId: sub.id } });
    }
  });
}

function versionNotices(data: readonly WaveData[], items: readonly UnionItem[], notices: Notice[]): void {
  const withInstrument = data.filter((w) => w.compiled);
  const versions = new Set(withInstrument.map((w) => w.compiled!.def.version));
  if (versions.size < 2) return;
  const partial = items.filter((it) => !withInstrument.every((w) => w.compiled!.index.has(it.id))).length;
  notices.push({
    code: 'instrument-changed',
    params: { versions: withInstrument.map((w) => `${w.wave.label}: ${w.compiled!.def.version}`).join(', '), items: partial },
  });
}

// --- scales ---------------------------------------------------------------------------------------

const emptyAlpha = (items: number): AlphaResult => ({ alpha: null, n: 0, items, smallSample: true, constantItems: 0, unavailable: 'too-few-respondents' });

function scaleSeriesOf(scale: UnionScale, data: readonly WaveData[], k: number): ScaleSeries {
  return {
    scaleId: scale.id,
    label: scale.label,
    range: scale.range,
    options: scale.options,
    perWave: data.map((w) => {
      const idx = w.subscaleIndex.get(scale.id);
      if (idx === undefined) return { waveId: w.wave.id, stats: scaleStats([], k), alpha: emptyAlpha(0) };
      const kw = minSizeIn(w, k);
      return { waveId: w.wave.id, stats: scaleStatsInWave(w, scale.id, kw), alpha: alphaOf(w, idx, kw) };
    }),
  };
}

function alphaOf(w: WaveData, subscaleIdx: number, k: number): AlphaResult {
  const compiled = w.compiled!;
  const sub = compiled.subscales[subscaleIdx]!;
  const rows: (number | null)[][] = [];
  for (const r of w.complete) {
    const row: (number | null)[] = [];
    for (const i of sub.itemIndexes) {
      const score = r.itemScores[i]!;
      row.push(score === score ? score : null);
    }
    rows.push(row);
  }
  const result = cronbachAlpha(rows, sub.itemIndexes.length);
  // Too few complete cases to show anything about this group: no alpha either.
  const tooSmall = result.n < k;
  return {
    alpha: tooSmall ? null : result.alpha,
    n: result.n,
    items: result.items,
    smallSample: result.n < ALPHA_STABLE_N,
    constantItems: result.constantItems,
    unavailable: tooSmall ? 'too-small' : result.unavailable,
  };
}

// --- items ----------------------------------------------------------------------------------------

const emptyItemStats = (): ItemStats => ({
  n: 0,
  missing: 0,
  declined: 0,
  mean: null,
  sd: null,
  median: null,
  q1: null,
  q3: null,
  distribution: null,
  shareAgree: null,
  suppressed: false,
});

function itemSeriesOf(item: UnionItem, data: readonly WaveData[], k: number): ItemSeries {
  return {
    itemId: item.id,
    label: item.label,
    text: item.text,
    type: item.type,
    scaleId: item.scaleId,
    range: item.range,
    reverse: item.reverse,
    presentIn: data.filter((w) => w.compiled?.index.has(item.id)).map((w) => w.wave.id),
    perWave: data.map((w) => {
      const j = w.compiled?.index.get(item.id);
      if (j === undefined) return { waveId: w.wave.id, stats: emptyItemStats() };
      const compiled = w.compiled!.items[j]!;
      const stats = compiled.item.type === 'multiple' ? tickedStats(compiled, j, w.complete, minSizeIn(w, k)) : itemStats(compiled, j, w.complete, minSizeIn(w, k));
      return { waveId: w.wave.id, stats };
    }),
  };
}

function itemStats(item: CompiledItem, j: number, responses: readonly ResponseData[], k: number): ItemStats {
  const counts: number[] = new Array<number>(item.codes.length).fill(0);
  const values: number[] = [];
  let n = 0;
  let declined = 0;
  let missing = 0;
  const slotOf = item.slotOf;
  for (const r of responses) {
    // slotFor, inlined: this runs once per response and item.
    const code = r.codes[j]!;
    const slot = code >= CODE_MIN && code <= CODE_MAX ? slotOf[code - CODE_MIN]! : -1;
    if (slot < 0) {
      // Not shown to this respondent (its condition not met): neither an answer nor a missing one.
      if (r.hidden === null || r.hidden[j] !== 1) missing++;
      continue;
    }
    counts[slot]!++;
    if (item.slotDeclined[slot]) {
      declined++;
      continue;
    }
    n++;
    const s = item.slotScores[slot]!;
    if (s === s) values.push(s);
  }
  // Withheld when fewer than the minimum gave a scored answer, or gave any answer at all (a
  // distribution of three "weet niet" describes three people as much as their scores would).
  const suppressed = (n > 0 && n < k) || (n + declined > 0 && n + declined < k);
  if (suppressed) return { ...emptyItemStats(), n, missing, declined, suppressed: true };
  const d = describe(values);
  const distribution = item.options?.map((o, slot) => ({ code: o.code, label: o.label, count: counts[slot]!, scored: o.scored })) ?? null;
  // Of the raw answers: a reverse-keyed item's "agree" is agreeing with its statement as written.
  let shareAgree: number | null = null;
  if (item.agreeCodes && n > 0) shareAgree = item.agreeCodes.reduce((sum, code) => sum + counts[slotFor(item, code)]!, 0) / n;
  return { n, missing, declined, mean: d.mean, sd: d.sd, median: d.median, q1: d.q1, q3: d.q3, distribution, shareAgree, suppressed: false };
}

/**
 * A multiple-choice item: per option how many respondents ticked it (`distribution`, a share of `n`,
 * the respondents who ticked anything; the shares add up to more than 100%). Those who saw it and
 * ticked nothing are `missing`; those who did not see it count nowhere. Withheld, counts and all,
 * when fewer than the minimum group answered.
 */
function tickedStats(item: CompiledItem, j: number, responses: readonly ResponseData[], k: number): ItemStats {
  const counts: number[] = new Array<number>(item.codes.length).fill(0);
  let n = 0;
  let missing = 0;
  for (const r of responses) {
    if (r.hidden !== null && r.hidden[j] === 1) continue;
    const ticked = r.ticked?.get(j);
    if (!ticked) {
      missing++;
      continue;
    }
    n++;
    for (const code of ticked) {
      const slot = slotFor(item, code);
      if (slot >= 0) counts[slot]!++;
    }
  }
  if (n > 0 && n < k) return { ...emptyItemStats(), n, missing, suppressed: true };
  const distribution = item.options?.map((o, slot) => ({ code: o.code, label: o.label, count: counts[slot]!, scored: o.scored })) ?? null;
  return { ...emptyItemStats(), n, missing, distribution };
}

// --- baseline versus follow-up ----------------------------------------------------------------------

const emptyPaired = (n: number, tooSmall: boolean): PairedResult => ({
  n,
  meanDiff: null,
  ciLow: null,
  ciHigh: null,
  t: null,
  df: null,
  pT: null,
  wilcoxonV: null,
  pWilcoxon: null,
  wilcoxonMethod: null,
  dz: null,
  rankBiserial: null,
  tooSmall,
});

const emptyIndependent = (nBaseline: number, nFollowUp: number, tooSmall: boolean): IndependentResult => ({
  nBaseline,
  nFollowUp,
  meanDiff: null,
  welchT: null,
  welchDf: null,
  pWelch: null,
  mannWhitneyW: null,
  pMannWhitney: null,
  mannWhitneyMethod: null,
  rankBiserial: null,
  tooSmall,
});

/** The paired comparison from the differences follow-up − baseline of the matched pairs with both values (also of an MDO's before and after, results/occasions.ts). */
export function pairedResult(d: readonly number[], k: number): PairedResult {
  const n = d.length;
  if (n < Math.max(k, 2)) return emptyPaired(n, true);
  const t = pairedTTestOnDifferences(d);
  const w = signedRankOnDifferences(d, { digitsRank: DIGITS_RANK });
  return {
    n,
    meanDiff: t.estimate,
    ciLow: t.ciLow,
    ciHigh: t.ciHigh,
    t: t.t,
    df: t.df,
    pT: t.p,
    wilcoxonV: w.v,
    pWilcoxon: w.p,
    wilcoxonMethod: w.method,
    dz: cohensDzOnDifferences(d),
    rankBiserial: matchedPairsRankBiserial(w),
    tooSmall: false,
  };
}

function independentResult(baseline: number[], followUp: number[], k: number): IndependentResult {
  const nb = baseline.length;
  const nf = followUp.length;
  if (nb < Math.max(k, 2) || nf < Math.max(k, 2)) return emptyIndependent(nb, nf, true);
  // The independent result shows no interval, so none is computed.
  const t = welchTTest(followUp, baseline, null);
  const w = mannWhitney(followUp, baseline, { digitsRank: DIGITS_RANK });
  return {
    nBaseline: nb,
    nFollowUp: nf,
    meanDiff: t.estimate,
    welchT: t.t,
    welchDf: t.df,
    pWelch: t.p,
    mannWhitneyW: w.w,
    pMannWhitney: w.p,
    mannWhitneyMethod: w.method,
    rankBiserial: independentRankBiserial(w, nf, nb),
    tooSmall: false,
  };
}

/** Follow-up − baseline scale scores of the matched pairs where both are present (plain loops: this runs for every row). */
function pairedScoreDifferences(pb: readonly ResponseData[], pf: readonly ResponseData[], ib: number, jf: number): number[] {
  const d: number[] = [];
  for (let i = 0; i < pb.length; i++) {
    const x = pb[i]!.scores[ib];
    const y = pf[i]!.scores[jf];
    if (x !== null && x !== undefined && y !== null && y !== undefined) d.push(y - x);
  }
  return d;
}

/** Follow-up − baseline item scores of the matched pairs where both are present. */
function pairedItemDifferences(pb: readonly ResponseData[], pf: readonly ResponseData[], ib: number, jf: number): number[] {
  const d: number[] = [];
  for (let i = 0; i < pb.length; i++) {
    const x = pb[i]!.itemScores[ib]!;
    const y = pf[i]!.itemScores[jf]!;
    if (x === x && y === y) d.push(y - x);
  }
  return d;
}

function itemScoresOf(responses: readonly ResponseData[], j: number): number[] {
  const values: number[] = [];
  for (const r of responses) {
    const s = r.itemScores[j]!;
    if (s === s) values.push(s);
  }
  return values;
}

/** The all-respondents comparison from one value per response (null: no score). */
function allRespondentsResult(
  pairsB: readonly ResponseData[],
  pairsF: readonly ResponseData[],
  unmatchedB: readonly ResponseData[],
  unmatchedF: readonly ResponseData[],
  valueB: (r: ResponseData) => number | null,
  valueF: (r: ResponseData) => number | null,
  k: number,
): AllRespondentsResult {
  const pairedX: number[] = [];
  const pairedY: number[] = [];
  const onlyX: number[] = [];
  const onlyY: number[] = [];
  for (let i = 0; i < pairsB.length; i++) {
    const y = valueB(pairsB[i]!);
    const x = valueF(pairsF[i]!);
    if (x !== null && y !== null) {
      pairedX.push(x);
      pairedY.push(y);
    } else if (x !== null) onlyX.push(x);
    else if (y !== null) onlyY.push(y);
  }
  for (const r of unmatchedB) {
    const y = valueB(r);
    if (y !== null) onlyY.push(y);
  }
  for (const r of unmatchedF) {
    const x = valueF(r);
    if (x !== null) onlyX.push(x);
  }
  const nBaseline = pairedY.length + onlyY.length;
  const nFollowUp = pairedX.length + onlyX.length;
  const base = { nBaseline, nFollowUp, nPairs: pairedX.length };
  if (nBaseline < Math.max(k, 2) || nFollowUp < Math.max(k, 2)) {
    return { ...base, meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, p: null, tooSmall: true };
  }
  const t = partiallyOverlappingTTest(pairedX, pairedY, onlyX, onlyY);
  return { ...base, meanDiff: t.estimate, ciLow: t.ciLow, ciHigh: t.ciHigh, t: t.t, df: t.df, p: t.p, tooSmall: false };
}

const emptyAllRespondents = (): AllRespondentsResult => ({ nBaseline: 0, nFollowUp: 0, nPairs: 0, meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, p: null, tooSmall: true });

const scaleValue = (idx: number) => (r: ResponseData) => r.scores[idx] ?? null;
const itemValue = (j: number) => (r: ResponseData) => {
  const s = r.itemScores[j]!;
  return s === s ? s : null;
};

interface LinkedResponses {
  pairsB: ResponseData[];
  pairsF: ResponseData[];
  unmatchedB: ResponseData[];
  unmatchedF: ResponseData[];
  linking: Comparison['linking'];
}

/**
 * Baseline versus one follow-up of the whole network: equal codes and accepted near matches are
 * paired; near matches nobody has decided on are in no comparison at all, not even the
 * all-respondents one (they may be one person, counted once as a pair or twice as two people:
 * nobody knows until a researcher decides).
 *
 * For an organisation the linking is still the network's (narrowing it first could turn an
 * ambiguous near match into a unique one), then narrowed: a pair counts when both responses name
 * the organisation; a pair with one side elsewhere (someone who moved) leaves that side as an
 * unmatched response of its own organisation; a proposal keeps its responses out of every comparison.
 */
function linkedResponses(base: WaveData, follow: WaveData, decisions: LinkDecisions, organisationId: string | null, notices: Notice[]): LinkedResponses {
  const byId = new Map([...base.complete, ...follow.complete].map((r) => [String(r.rowid), r]));
  const link = linkWaves(
    base.complete.map((r) => linkCandidate(String(r.rowid), r)),
    follow.complete.map((r) => linkCandidate(String(r.rowid), r)),
    decisions,
  );
  const inView = (id: string) => organisationId === null || byId.get(id)!.organisationId === organisationId;
  const pairs = link.pairs.filter((p) => inView(p.baseline) && inView(p.followUp));
  const proposals = link.proposals.filter((p) => inView(p.baseline) || inView(p.followUp)).length;
  const unmatchedB = [...link.unmatchedBaseline, ...link.pairs.filter((p) => !inView(p.followUp)).map((p) => p.baseline)].filter(inView);
  const unmatchedF = [...link.unmatchedFollowUp, ...link.pairs.filter((p) => !inView(p.baseline)).map((p) => p.followUp)].filter(inView);
  const tolerant = pairs.filter((p) => p.tolerant).length;
  if (tolerant > 0) notices.push({ code: 'tolerant-matches', params: { waveId: follow.wave.id, count: tolerant } });
  if (proposals > 0) notices.push({ code: 'link-proposals', params: { waveId: follow.wave.id, count: proposals } });
  return {
    pairsB: pairs.map((p) => byId.get(p.baseline)!),
    pairsF: pairs.map((p) => byId.get(p.followUp)!),
    unmatchedB: unmatchedB.map((id) => byId.get(id)!),
    unmatchedF: unmatchedF.map((id) => byId.get(id)!),
    linking: {
      baselineWaveId: base.wave.id,
      followUpWaveId: follow.wave.id,
      matched: pairs.length - tolerant,
      tolerant,
      proposals,
      // Rejected near matches are only counted for the whole network (they are no pair of anyone's).
      rejected: organisationId === null ? link.rejected : 0,
      unmatchedBaseline: unmatchedB.length,
      unmatchedFollowUp: unmatchedF.length,
    },
  };
}

/** Baseline versus one follow-up, from the linked responses. */
function compare(base: WaveData, follow: WaveData, linked: LinkedResponses, scales: readonly UnionScale[], items: readonly UnionItem[], k: number): Comparison {
  const { pairsB, pairsF, unmatchedB, unmatchedF } = linked;
  const rows: ComparisonRow[] = [];
  for (const s of scales) {
    const ib = base.subscaleIndex.get(s.id);
    const jf = follow.subscaleIndex.get(s.id);
    const rowNotices: Notice[] = [];
    if (ib === undefined || jf === undefined) {
      rowNotices.push({ code: 'not-in-both', params: { scaleId: s.id } });
      rows.push({ kind: 'scale', id: s.id, label: s.label, allRespondents: emptyAllRespondents(), paired: emptyPaired(0, true), independent: emptyIndependent(0, 0, true), notices: rowNotices });
      continue;
    }
    const itemsB = base.compiled!.subscales[ib]!.itemIndexes.map((i) => base.compiled!.items[i]!.id);
    const itemsF = follow.compiled!.subscales[jf]!.itemIndexes.map((i) => follow.compiled!.items[i]!.id);
    if (itemsB.join() !== itemsF.join()) rowNotices.push({ code: 'scale-changed', params: { scaleId: s.id } });
    rows.push({
      kind: 'scale',
      id: s.id,
      label: s.label,
      allRespondents: allRespondentsResult(pairsB, pairsF, unmatchedB, unmatchedF, scaleValue(ib), scaleValue(jf), k),
      paired: pairedResult(pairedScoreDifferences(pairsB, pairsF, ib, jf), k),
      independent: independentResult(scoresOf(base, s.id, unmatchedB), scoresOf(follow, s.id, unmatchedF), k),
      notices: rowNotices,
    });
  }
  for (const it of items) {
    const ib = base.compiled?.index.get(it.id);
    const jf = follow.compiled?.index.get(it.id);
    const itemB = ib === undefined ? undefined : base.compiled!.items[ib]!;
    const itemF = jf === undefined ? undefined : follow.compiled!.items[jf]!;
    // Only items with scores (statements, numbers) are compared; choices are not.
    if ((itemB && !itemB.range) || (itemF && !itemF.range)) continue;
    if (!itemB || !itemF) {
      rows.push({
        kind: 'item',
        id: it.id,
        label: it.label,
        allRespondents: emptyAllRespondents(),
        paired: emptyPaired(0, true),
        independent: emptyIndependent(0, 0, true),
        notices: [{ code: 'not-in-both', params: { itemId: it.id } }],
      });
      continue;
    }
    rows.push({
      kind: 'item',
      id: it.id,
      label: it.label,
      allRespondents: allRespondentsResult(pairsB, pairsF, unmatchedB, unmatchedF, itemValue(ib!), itemValue(jf!), k),
      paired: pairedResult(pairedItemDifferences(pairsB, pairsF, ib!, jf!), k),
      independent: independentResult(itemScoresOf(unmatchedB, ib!), itemScoresOf(unmatchedF, jf!), k),
      notices: [],
    });
  }

  return { baselineWaveId: base.wave.id, followUpWaveId: follow.wave.id, linking: linked.linking, exploratory: true, rows };
}

// --- an organisation's numbers hidden because the network's minus them would describe a few others ---

function withoutHiddenScale(series: ScaleSeries, hidden: HiddenNumbers): ScaleSeries {
  if (hidden.size === 0) return series;
  const perWave = series.perWave.map((p) =>
    hidden.has(hiddenKey(p.waveId, 'scale', series.scaleId))
      ? { waveId: p.waveId, stats: { ...hiddenScaleStats(), n: p.stats.n }, alpha: { ...p.alpha, alpha: null, unavailable: 'too-small' as const } }
      : p,
  );
  return { ...series, perWave };
}

function withoutHiddenItem(series: ItemSeries, hidden: HiddenNumbers): ItemSeries {
  if (hidden.size === 0) return series;
  const perWave = series.perWave.map((p) => {
    if (!hidden.has(hiddenKey(p.waveId, 'item', series.itemId))) return p;
    const { n, missing, declined } = p.stats;
    return { waveId: p.waveId, stats: { ...emptyItemStats(), n, missing, declined, suppressed: true } };
  });
  return { ...series, perWave };
}

/** A comparison row that uses a hidden number (its scale or item in either wave) shows none of its results. */
function withoutHiddenRows(c: Comparison, hidden: HiddenNumbers): Comparison {
  if (hidden.size === 0) return c;
  const rows = c.rows.map((row): ComparisonRow => {
    if (!hidden.has(hiddenKey(c.baselineWaveId, row.kind, row.id)) && !hidden.has(hiddenKey(c.followUpWaveId, row.kind, row.id))) return row;
    const { allRespondents: a, paired: p, independent: i } = row;
    return {
      ...row,
      allRespondents: { ...emptyAllRespondents(), nBaseline: a.nBaseline, nFollowUp: a.nFollowUp, nPairs: a.nPairs },
      paired: emptyPaired(p.n, true),
      independent: emptyIndependent(i.nBaseline, i.nFollowUp, true),
    };
  });
  return { ...c, rows };
}

// --- conversation points ----------------------------------------------------------------------------

/**
 * The conversation points of the latest wave with something to say, with each indicator's change
 * over everyone since the baseline (when that wave is not the baseline itself).
 */
function conversationOf(
  data: readonly WaveData[],
  itemSeries: readonly ItemSeries[],
  items: readonly UnionItem[],
  comparisons: readonly Comparison[],
  k: number,
  hidden: HiddenNumbers,
): ConversationPoint[] {
  for (let i = data.length - 1; i >= 0; i--) {
    const w = data[i]!;
    if (!w.compiled || w.complete.length < minSizeIn(w, k)) continue;
    const comparison = comparisons.find((c) => c.followUpWaveId === w.wave.id);
    const indicators: IndicatorSummary[] = [];
    items.forEach((it, idx) => {
      const j = w.compiled!.index.get(it.id);
      // A hidden number says nothing, not even how many said "weet niet".
      if (j === undefined || hidden.has(hiddenKey(w.wave.id, 'item', it.id))) return;
      const compiledItem = w.compiled!.items[j]!;
      if (compiledItem.item.type !== 'scale') return;
      const stats = itemSeries[idx]!.perWave[i]!.stats;
      const row = comparison?.rows.find((r) => r.kind === 'item' && r.id === it.id);
      const comparable = comparison && row && !row.notices.some((n) => n.code === 'not-in-both');
      indicators.push({
        itemId: it.id,
        label: it.label,
        subscaleId: it.scaleId,
        mean: stats.suppressed ? null : stats.mean,
        range: { min: compiledItem.range![0], max: compiledItem.range![1] },
        n: stats.n,
        declined: stats.declined,
        seen: stats.n + stats.declined + stats.missing,
        change: comparable ? { ...row.allRespondents, baselineWaveId: comparison.baselineWaveId } : null,
      });
    });
    const points = pickConversationPoints(indicators, k, w.wave.id);
    if (points.length === 0) continue;
    return points;
  }
  return [];
}
