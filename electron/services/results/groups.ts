/**
 * "For whom did collaboration improve?": the results per group. The spread between partner
 * organisations (falling back to sectors or size classes when the organisations are too small),
 * the breakdown the coordinator chose (role group, discipline or governance body from the
 * background questionnaire; sector or size class of the respondent's organisation), and the
 * response per organisation and wave.
 *
 * Every table follows shared/suppression.ts: a group below the minimum size is hidden, and so is
 * the next-smallest group when the remainder could be computed by subtraction. Sectors and size
 * classes are unions of organisations, and the organisations are shown next to them, so one more
 * rule holds for them: a sector (or size class) is hidden where the organisations (or size
 * classes, or sectors) inside it that can be shown leave 1 to k − 1 people over, since their
 * numbers could be subtracted from the sector's.
 */
import { SECTORS, SIZE_CLASSES, type Organisation } from '../../../shared/domain';
import type { LocalizedText } from '../../../shared/text';
import type { BreakdownChoice, GroupBreakdown, GroupBy, Notice, OrganisationResponse, ScaleStats } from '../../../shared/results';
import { hiddenScaleStats, scaleStats } from '../../../shared/statistics';
import { suppressCells, type Cell } from '../../../shared/suppression';
import type { ServiceContext } from '../context';
import { BACKGROUND_INSTRUMENT, BREAKDOWN_ITEMS, compiledInstrument, scoresOf, type BackgroundBreakdown, type ResponseData, type WaveData } from './dashboard-data';

interface GroupDef {
  id: string;
  label: LocalizedText;
}

/** Which group a response is in (null: none, e.g. no organisation chosen or the question declined). */
type GroupOf = (r: ResponseData) => string | null;

interface Grouping {
  groupBy: GroupBy;
  groups: GroupDef[];
  groupOf: GroupOf;
  /** Other groupings of the same people whose shown groups may lie inside this one's (see the module comment). */
  nestedIn: GroupOf[];
}

/** Fewer than this many organisations side by side in every wave: the spread falls back to sectors, then size classes. */
export const SPREAD_MIN_GROUPS = 2;

/** The group tables of one dashboard; `notices` receives what the coordinator should know about the chosen breakdown. */
export function groupResults(
  ctx: ServiceContext,
  organisations: readonly Organisation[],
  data: readonly WaveData[],
  scales: readonly { id: string }[],
  k: number,
  choice: BreakdownChoice,
  notices: Notice[],
): { organisations: GroupBreakdown; spreadFallback: GroupBreakdown | null; breakdown: GroupBreakdown | null; responseByOrganisation: OrganisationResponse[] } {
  const groupings = organisationGroupings(organisations);
  const computed = new Map<GroupBy, GroupBreakdown>();
  const of = (g: Grouping) => {
    let b = computed.get(g.groupBy);
    if (!b) computed.set(g.groupBy, (b = breakdownOf(g, data, scales, k)));
    return b;
  };

  const byOrganisation = of(groupings.organisation);
  let spreadFallback: GroupBreakdown | null = null;
  if (!showsSpread(byOrganisation)) {
    spreadFallback = [groupings.sector, groupings.sizeClass].map(of).find(showsSpread) ?? null;
  }

  let breakdown: GroupBreakdown | null = null;
  if (choice === 'sector' || choice === 'sizeClass') breakdown = of(groupings[choice]);
  else if (choice !== 'none') breakdown = of(backgroundGrouping(ctx, data, choice, notices));

  return { organisations: byOrganisation, spreadFallback, breakdown, responseByOrganisation: responseByOrganisation(organisations, data) };
}

// --- the groupings ------------------------------------------------------------------------------------

/** Organisations, and their sectors and size classes (only those some organisation of the network has, in the app's order). */
function organisationGroupings(organisations: readonly Organisation[]): Record<'organisation' | 'sector' | 'sizeClass', Grouping> {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const classOf =
    (key: 'sector' | 'sizeClass'): GroupOf =>
    (r) =>
      (r.organisationId === null ? null : (byId.get(r.organisationId)?.[key] ?? null));
  const present = (values: readonly string[], key: 'sector' | 'sizeClass'): GroupDef[] =>
    values.filter((v) => organisations.some((o) => o[key] === v)).map((v) => ({ id: v, label: { nl: v, en: v } }));
  const organisation: GroupOf = (r) => r.organisationId;
  const sector = classOf('sector');
  const sizeClass = classOf('sizeClass');
  return {
    organisation: { groupBy: 'organisation', groups: organisations.map((o) => ({ id: o.id, label: { nl: o.name, en: o.name } })), groupOf: organisation, nestedIn: [] },
    sector: { groupBy: 'sector', groups: present(SECTORS, 'sector'), groupOf: sector, nestedIn: [organisation, sizeClass] },
    sizeClass: { groupBy: 'sizeClass', groups: present(SIZE_CLASSES, 'sizeClass'), groupOf: sizeClass, nestedIn: [organisation, sector] },
  };
}

/**
 * A breakdown by a background question: its categories are the scored options of the question,
 * from the newest version of the background questionnaire the waves use that asks it.
 */
function backgroundGrouping(ctx: ServiceContext, data: readonly WaveData[], groupBy: BackgroundBreakdown, notices: Notice[]): Grouping {
  const itemId = BREAKDOWN_ITEMS[groupBy];
  if (!data.some((w) => w.hasBreakdownItem)) {
    notices.push(groupBy === 'governanceBody' ? { code: 'governance-unavailable', params: {} } : { code: 'breakdown-unavailable', params: { groupBy } });
  } else {
    for (const w of data) if (!w.hasBreakdownItem && w.complete.length > 0) notices.push({ code: 'breakdown-not-in-wave', params: { waveId: w.wave.id, groupBy } });
  }
  const groups = backgroundGroups(ctx, data, itemId);
  const scored = new Set(groups.map((g) => g.id));
  return { groupBy, groups, groupOf: (r) => (r.group !== null && scored.has(String(r.group)) ? String(r.group) : null), nestedIn: [] };
}

function backgroundGroups(ctx: ServiceContext, data: readonly WaveData[], itemId: string): GroupDef[] {
  const versions = data
    .flatMap((w) => w.wave.instruments.filter((r) => r.instrumentId === BACKGROUND_INSTRUMENT))
    .sort((a, b) => b.version - a.version);
  for (const ref of versions) {
    const compiled = compiledInstrument(ctx, ref.instrumentId, ref.version);
    const j = compiled.index.get(itemId);
    const options = j === undefined ? null : compiled.items[j]!.options;
    if (options) return options.filter((o) => o.scored).map((o) => ({ id: String(o.code), label: o.label }));
  }
  return [];
}

// --- one breakdown --------------------------------------------------------------------------------------

function membersOf(responses: readonly ResponseData[], groupOf: GroupOf): Map<string, ResponseData[]> {
  const members = new Map<string, ResponseData[]>();
  for (const r of responses) {
    const g = groupOf(r);
    if (g === null) continue;
    let list = members.get(g);
    if (!list) members.set(g, (list = []));
    list.push(r);
  }
  return members;
}

/** The responses with a score on the scale. */
function scoredOf(w: WaveData, scaleId: string, responses: readonly ResponseData[]): ResponseData[] {
  const idx = w.subscaleIndex.get(scaleId);
  if (idx === undefined) return [];
  return responses.filter((r) => r.scores[idx] !== null && r.scores[idx] !== undefined);
}

/**
 * Groups that another grouping would give away: a group inside which the other grouping's groups
 * of at least k people cover all but 1 to k − 1 of its members (its numbers minus theirs would
 * describe those few). `population` is everyone counted here (a wave, or those with a score on a scale).
 */
function nestedHidden(members: ReadonlyMap<string, readonly ResponseData[]>, population: readonly ResponseData[], nestedIn: readonly GroupOf[], k: number): Set<string> {
  const hidden = new Set<string>();
  for (const other of nestedIn) {
    const shownThere = [...membersOf(population, other).values()].filter((cell) => cell.length >= k);
    for (const [id, list] of members) {
      const inGroup = new Set(list);
      const covered = shownThere.reduce((sum, cell) => (cell.every((r) => inGroup.has(r)) ? sum + cell.length : sum), 0);
      const rest = list.length - covered;
      if (rest > 0 && rest < k) hidden.add(id);
    }
  }
  return hidden;
}

function breakdownOf(grouping: Grouping, data: readonly WaveData[], scales: readonly { id: string }[], k: number): GroupBreakdown {
  const { groupBy, groups, groupOf, nestedIn } = grouping;
  // Per wave: which responses are in which group, and which groups are hidden at wave level.
  const perWave = data.map((w) => {
    const members = membersOf(w.complete, groupOf);
    const hidden = w.withheld
      ? new Set(groups.map((g) => g.id))
      : suppressCells(
          groups.map((g) => ({ id: g.id, n: members.get(g.id)?.length ?? 0 })),
          w.complete.length,
          k,
          nestedHidden(members, w.complete, nestedIn, k),
        );
    return { w, members, hidden };
  });

  const withRespondents = groups.filter((g) => perWave.some((p) => (p.members.get(g.id)?.length ?? 0) > 0));
  const shown = withRespondents.filter((g) => perWave.some((p) => (p.members.get(g.id)?.length ?? 0) > 0 && !p.hidden.has(g.id)));

  // Per wave and scale: the cells, with complementary suppression on the scale's own n.
  // cells[wave][scale][shown group]
  const cells: ScaleStats[][][] = perWave.map(({ w, members, hidden }) =>
    scales.map((s) => {
      const scored = new Map<string, ResponseData[]>();
      const counts: Cell[] = [];
      for (const g of groups) {
        const list = scoredOf(w, s.id, members.get(g.id) ?? []);
        scored.set(g.id, list);
        counts.push({ id: g.id, n: list.length });
      }
      const everyone = scoredOf(w, s.id, w.complete);
      const hiddenHere = suppressCells(counts, everyone.length, k, [...hidden, ...nestedHidden(scored, everyone, nestedIn, k)]);
      return shown.map((g) => (hiddenHere.has(g.id) ? hiddenScaleStats() : scaleStats(scoresOf(w, s.id, scored.get(g.id)!), k)));
    }),
  );

  return {
    groupBy,
    groups: shown.map((g, gi) => ({
      groupId: g.id,
      label: g.label,
      perScale: scales.map((s, si) => ({
        scaleId: s.id,
        perWave: data.map((w, wi) => ({ waveId: w.wave.id, stats: cells[wi]![si]![gi]! })),
      })),
    })),
    hiddenGroups: withRespondents.length - shown.length,
  };
}

/** Whether some wave has at least SPREAD_MIN_GROUPS groups with a mean shown on one scale: a spread to look at. */
function showsSpread(b: GroupBreakdown): boolean {
  if (b.groups.length < SPREAD_MIN_GROUPS) return false;
  const first = b.groups[0]!;
  return first.perScale.some((scale, si) =>
    scale.perWave.some((_, wi) => b.groups.filter((g) => g.perScale[si]!.perWave[wi]!.stats.mean !== null).length >= SPREAD_MIN_GROUPS),
  );
}

// --- response per organisation ------------------------------------------------------------------------

/**
 * Started and complete responses per organisation and wave, every organisation of the network
 * (also those without any response: that is what the coordinator looks for, and archived ones or
 * those that left: their responses still count), then those without an organisation when there
 * are any. Where the network expects a number of participants of an organisation, the share of it
 * that handed in a questionnaire.
 */
function responseByOrganisation(organisations: readonly Organisation[], data: readonly WaveData[]): OrganisationResponse[] {
  const complete = data.map((w) => {
    const counts = new Map<string | null, number>();
    for (const r of w.complete) counts.set(r.organisationId, (counts.get(r.organisationId) ?? 0) + 1);
    return counts;
  });
  const row = (organisationId: string | null, name: string | null, org?: Organisation): OrganisationResponse => {
    const expected = org?.expectedParticipants ?? null;
    return {
      organisationId,
      name,
      expected,
      archived: org?.archived ?? false,
      leftOn: org?.leftOn ?? null,
      perWave: data.map((w, wi) => {
        const done = complete[wi]!.get(organisationId) ?? 0;
        return { waveId: w.wave.id, started: w.startedByOrganisation.get(organisationId) ?? 0, complete: done, ofExpected: expected === null ? null : done / expected };
      }),
    };
  };
  const rows = organisations.map((o) => row(o.id, o.name, o));
  if (data.some((w) => w.startedByOrganisation.has(null))) rows.push(row(null, null));
  return rows;
}
