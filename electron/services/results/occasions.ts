import { MDO_ROLE_GROUPS } from '../../../shared/instruments/mdo-evaluatie';
import { shownItemIds } from '../../../shared/instruments/visibility';
import { linkWaves } from '../../../shared/linking';
import type { OccasionComparisonRow, OccasionComparisons, OccasionGroupComparison, OccasionResult, OccasionRoleGroup } from '../../../shared/occasions';
import { OCCASION_INSTRUMENT_ID } from '../../../shared/occasions';
import type { CompiledInstrument } from '../../../shared/score-table';
import { mean } from '../../../shared/stats';
import { suppressCells } from '../../../shared/suppression';
import * as occasions from '../../db/repositories/occasions';
import type { ServiceContext } from '../context';
import { requireNetwork, requireWave } from '../administration/networks';
import { listOccasions } from '../administration/occasions';
import { loadWaveData, type ResponseData } from './dashboard-data';
import { pairedResult } from './dashboard';

/**
 * *MDO-evaluaties*: per occasion of a measurement wave, and pooled over all of them, the core
 * statements and the core subscale of the MDO-evaluatie before against after. Only the same people
 * count: a submitted before and a submitted after questionnaire with the same respondent code
 * (shared/linking.ts, exact codes), compared with the paired statistics of the T0 → T1 comparison
 * (`pairedResult`: t, Wilcoxon, d_z, nothing below the network's minimum group size). Pooled, each
 * person-occasion pair is one unit, so one person may count in several occasions. The split by role
 * (professional against client and family, from the after questionnaire's `mdo_rol`, else the
 * before's) is shown only when both groups reach the minimum (`suppressCells`: otherwise the small
 * one could be worked out from the total).
 */

/** One person's before and after questionnaire in one occasion. */
interface Pair {
  before: ResponseData;
  after: ResponseData;
  role: Exclude<OccasionRoleGroup, 'all'> | null;
}

interface OccasionPairs {
  compiled: CompiledInstrument;
  pairs: Pair[];
  nBefore: number;
  nAfter: number;
  ratings: number[];
}

const codesOf = (compiled: CompiledInstrument, r: ResponseData) => {
  const m = new Map<string, number>();
  compiled.items.forEach((item, j) => {
    const code = r.codes[j]!;
    if (code === code) m.set(item.id, code);
  });
  return m;
};

function roleOf(compiled: CompiledInstrument, r: ResponseData): Pair['role'] {
  const j = compiled.index.get('mdo_rol');
  const code = j === undefined ? Number.NaN : r.codes[j]!;
  if ((MDO_ROLE_GROUPS.professional as readonly number[]).includes(code)) return 'professional';
  if ((MDO_ROLE_GROUPS.clientOrFamily as readonly number[]).includes(code)) return 'clientOrFamily';
  return null;
}

function pairsOf(ctx: ServiceContext, occasionId: string): OccasionPairs | null {
  const waves = occasions.occasionWaves(ctx.db, occasionId).map((w) => requireWave(ctx, w.waveId));
  const [before, after] = loadWaveData(ctx, waves, OCCASION_INSTRUMENT_ID, null);
  if (!before?.compiled || !after?.compiled) return null;
  const candidates = (list: readonly ResponseData[]) => list.map((r, i) => ({ key: String(i), code: r.code, selfCode: r.selfCode, person: r.respondentId, organisationId: r.organisationId }));
  const linked = linkWaves(candidates(before.complete), candidates(after.complete));
  const pairs = linked.pairs.map((p) => {
    const b = before.complete[Number(p.baseline)]!;
    const a = after.complete[Number(p.followUp)]!;
    return { before: b, after: a, role: roleOf(after.compiled!, a) ?? roleOf(before.compiled!, b) };
  });
  const j = after.compiled.index.get('mdo_cijfer');
  const ratings = j === undefined ? [] : after.complete.map((r) => r.itemScores[j]!).filter((s) => s === s);
  return { compiled: after.compiled, pairs, nBefore: before.complete.length, nAfter: after.complete.length, ratings };
}

/** The statements compared: every scored statement of the instrument (the core and the statement of each group). */
const statementsOf = (compiled: CompiledInstrument) => compiled.items.filter((it) => it.item.type === 'scale');

/** A pair's item score, when the item was shown to that person at both moments and scored at both. */
function itemDifference(compiled: CompiledInstrument, pair: Pair, j: number): [number, number] | null {
  const id = compiled.items[j]!.id;
  const x = pair.before.itemScores[j]!;
  const y = pair.after.itemScores[j]!;
  if (!(x === x && y === y)) return null;
  if (!shownItemIds(compiled.def, codesOf(compiled, pair.before)).has(id) || !shownItemIds(compiled.def, codesOf(compiled, pair.after)).has(id)) return null;
  return [x, y];
}

function compareRows(compiled: CompiledInstrument, pairs: readonly Pair[], k: number): OccasionComparisonRow[] {
  const row = (kind: 'scale' | 'item', id: string, label: OccasionComparisonRow['label'], values: [number, number][]): OccasionComparisonRow => {
    const paired = pairedResult(values.map(([x, y]) => y - x), k);
    const shown = !paired.tooSmall;
    return { kind, id, label, meanBefore: shown ? mean(values.map((v) => v[0])) : null, meanAfter: shown ? mean(values.map((v) => v[1])) : null, paired };
  };
  const rows = compiled.subscales.map((sub, s) => {
    const values: [number, number][] = [];
    for (const p of pairs) {
      const x = p.before.scores[s];
      const y = p.after.scores[s];
      if (x !== null && x !== undefined && y !== null && y !== undefined) values.push([x, y]);
    }
    return row('scale', sub.id, sub.label, values);
  });
  for (const item of statementsOf(compiled)) {
    const j = compiled.index.get(item.id)!;
    const values = pairs.map((p) => itemDifference(compiled, p, j)).filter((v): v is [number, number] => v !== null);
    rows.push(row('item', item.id, item.item.label, values));
  }
  return rows;
}

function resultOf(
  compiled: CompiledInstrument,
  occasion: { id: string; label: string; heldOn: string | null } | null,
  parts: { pairs: Pair[]; nBefore: number; nAfter: number; ratings: number[] },
  k: number,
): OccasionResult {
  const { pairs } = parts;
  const byRole = (role: Pair['role']) => pairs.filter((p) => p.role === role);
  const groupOf = (group: OccasionRoleGroup, list: readonly Pair[], suppressed: boolean): OccasionGroupComparison => ({
    group,
    nPairs: list.length,
    suppressed,
    rows: suppressed ? [] : compareRows(compiled, list, k),
  });
  const professional = byRole('professional');
  const clientOrFamily = byRole('clientOrFamily');
  const hidden = suppressCells(
    [
      { id: 'professional', n: professional.length },
      { id: 'clientOrFamily', n: clientOrFamily.length },
    ],
    pairs.length,
    k,
  );
  const groups = [groupOf('all', pairs, pairs.length < k)];
  // Both groups or neither: a group shown next to the total gives the other away.
  if (!hidden.has('professional') && !hidden.has('clientOrFamily') && professional.length > 0 && clientOrFamily.length > 0) {
    groups.push(groupOf('professional', professional, false), groupOf('clientOrFamily', clientOrFamily, false));
  }
  const ratingShown = parts.ratings.length >= k;
  return {
    occasionId: occasion?.id ?? null,
    label: occasion?.label ?? null,
    heldOn: occasion?.heldOn ?? null,
    nBefore: parts.nBefore,
    nAfter: parts.nAfter,
    nPairs: pairs.length,
    groups,
    rating: { n: parts.ratings.length, mean: ratingShown ? mean(parts.ratings) : null, suppressed: !ratingShown && parts.ratings.length > 0 },
  };
}

export function getOccasionComparisons(ctx: ServiceContext, waveId: string): OccasionComparisons {
  const list = listOccasions(ctx, waveId);
  const k = requireNetwork(ctx, requireWave(ctx, waveId).networkId).minGroupSize;
  const perOccasion = list.flatMap((occasion) => {
    const parts = pairsOf(ctx, occasion.id);
    return parts ? [{ occasion, parts }] : [];
  });
  // Pooled over the occasions of the newest MDO-evaluatie version in use (an item's place is that of one version).
  const newest = Math.max(0, ...perOccasion.map((o) => o.parts.compiled.def.version));
  const pooledFrom = perOccasion.filter((o) => o.parts.compiled.def.version === newest).map((o) => o.parts);
  const pooled = {
    pairs: pooledFrom.flatMap((p) => p.pairs),
    nBefore: pooledFrom.reduce((sum, p) => sum + p.nBefore, 0),
    nAfter: pooledFrom.reduce((sum, p) => sum + p.nAfter, 0),
    ratings: pooledFrom.flatMap((p) => p.ratings),
  };
  const emptyPooled: OccasionResult = { occasionId: null, label: null, heldOn: null, nBefore: 0, nAfter: 0, nPairs: 0, groups: [], rating: { n: 0, mean: null, suppressed: false } };
  return {
    waveId,
    minGroupSize: k,
    occasions: perOccasion.map(({ occasion, parts }) => resultOf(parts.compiled, occasion, parts, k)),
    pooled: pooledFrom.length > 0 ? resultOf(pooledFrom[0]!.compiled, null, pooled, k) : emptyPooled,
  };
}
