/**
 * Simulation: how often do self-made codes collide in one wave, and how often is a near match
 * between two waves a stranger rather than the same person with one slip? Run: `npm run bench:self-codes`.
 *
 * The code is two letters of the mother's first name, the birth day (01–31) and the number of older
 * siblings (0–9). The population model, stated so it can be argued with:
 * - mothers' first names: the names given to girls born in the Netherlands about 1935–1975 (the
 *   mothers of professionals now 25–65), in the spelling mothers are called by; weights are shares
 *   in that generation, rounded, after the Meertens Institute's first-name data; names outside the
 *   list share the remaining weight spread over other letter pairs;
 * - birth day: days 29, 30 and 31 exist in 11.25, 11 and 7 of 12 months; otherwise uniform;
 * - older siblings: 0: 40 %, 1: 32 %, 2: 15 %, 3: 7 %, 4: 3 %, 5+: 3 % (families of the 1960s–1990s);
 * - each person belongs to one of 6 partner organisations (unequal sizes) that they give each wave;
 * - between waves 70 % come back; newcomers make up the wave size again;
 * - a returning person re-enters the code with one slip with probability 10 %: letters 4 % (another
 *   parent, a call name instead of the official one), day 2 % (typing), siblings 4 % (half-siblings,
 *   a sibling who died);
 * - birth month: uniform over the months that have the birth day (day 29 in February one year in
 *   four, days 30 and 31 never in February, day 31 in seven months); no seasonal pattern.
 * The proposal rule is the one in shared/linking.ts; the code a person gets when two make the same
 * code (the birth month asked, `<base>-<MM>`) is chooseSelfCode in shared/codes.ts, the rule the
 * app itself runs. People arrive in a wave in random order; in the collision part returners re-enter
 * their facts without slips (slips are the proposals' business).
 */
import { chooseSelfCode, type SelfCodeRule } from '../shared/codes';
import { singleDifference, linkWaves, type LinkCandidate } from '../shared/linking';
import { prng } from './generate-study';

const NAMES: [string, number][] = [
  ['MARIA', 60], ['JOHANNA', 45], ['ANNA', 35], ['CORNELIA', 25], ['ELISABETH', 20], ['WILHELMINA', 18], ['HENDRIKA', 16],
  ['CATHARINA', 15], ['GEERTRUIDA', 12], ['PETRONELLA', 11], ['ADRIANA', 10], ['JACOBA', 10], ['MARGARETHA', 12],
  ['GERDA', 8], ['RIA', 9], ['ANNIE', 8], ['TRUUS', 6], ['TINEKE', 7], ['INEKE', 8], ['ANNEKE', 9], ['MARIANNE', 9],
  ['MONIQUE', 6], ['YVONNE', 5], ['PETRA', 7], ['MARJA', 6], ['JOLANDA', 5], ['INGRID', 6], ['WILMA', 7], ['LINDA', 4],
  ['SANDRA', 4], ['JOSE', 5], ['ELS', 6], ['MIEKE', 6], ['JOKE', 6], ['RIET', 6], ['CORRIE', 6], ['BEP', 4], ['DINI', 3],
  ['GREET', 4], ['HANNY', 4], ['NEL', 5], ['TONNY', 4], ['TRUI', 2], ['AGNES', 4], ['THEA', 4], ['HELEEN', 3], ['KARIN', 5],
  ['ANGELA', 3], ['BERNADETTE', 2], ['CHRISTINA', 4], ['DIANA', 2], ['ESTHER', 3], ['FRANCISCA', 3], ['GEMMA', 2],
  ['HENNY', 4], ['IRENE', 3], ['JANNY', 4], ['LIDWINA', 2], ['NICOLE', 3], ['ROSA', 2], ['SUSANNA', 3], ['TOOS', 3],
  ['WIES', 2], ['YVETTE', 1], ['ZWAANTJE', 1], ['FATIMA', 4], ['AICHA', 2], ['KHADIJA', 2], ['NAIMA', 2], ['SARA', 3],
];
const OTHER_NAMES_WEIGHT = 60;
const SIBLINGS: [number, number][] = [[0, 40], [1, 32], [2, 15], [3, 7], [4, 3], [5, 1.5], [6, 0.8], [7, 0.4], [8, 0.2], [9, 0.1]];
const ORGANISATION_WEIGHTS = [30, 25, 15, 12, 10, 8];
const SLIP = { letters: 0.04, day: 0.02, siblings: 0.04 };
const RETURNING = 0.7;

const random = prng(20261201);
/**
 * The follow-up waves of the collision part draw from their own stream, so the first waves and the
 * proposal part see the same random numbers as before that part existed (their figures in the
 * decision document stay reproducible).
 */
const followUpRandom = prng(20261202);
type Random = () => number;
/** A weighted table with its total worked out once: drawing from it is the hot path of the simulation. */
interface Weighted<T> {
  entries: readonly [T, number][];
  total: number;
}
const weighted = <T>(entries: readonly [T, number][]): Weighted<T> => ({ entries, total: entries.reduce((s, [, w]) => s + w, 0) });
function pick<T>(table: Weighted<T>, rng: Random = random): T {
  let r = rng() * table.total;
  for (const [value, w] of table.entries) if ((r -= w) < 0) return value;
  return table.entries.at(-1)![0];
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const randomLetters = (rng: Random) => LETTERS[Math.floor(rng() * 26)]! + LETTERS[Math.floor(rng() * 26)]!;
const DAY_WEIGHTS = weighted(Array.from({ length: 31 }, (_, i): [number, number] => [i + 1, i === 28 ? 11.25 / 12 : i === 29 ? 11 / 12 : i === 30 ? 7 / 12 : 1]));
const letterTable = weighted<string>([...NAMES.map(([n, w]): [string, number] => [n.slice(0, 2), w]), ['*', OTHER_NAMES_WEIGHT]]);
const siblingTable = weighted(SIBLINGS);
const organisationTable = weighted(ORGANISATION_WEIGHTS.map((w, i): [number, number] => [i, w]));
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Per birth day, the months that have it (February 29th a quarter as often). */
const monthTables = Array.from({ length: 32 }, (_, day) =>
  weighted(MONTH_DAYS.flatMap((days, i): [number, number][] => (day > days ? [] : [[i + 1, i === 1 && day === 29 ? 0.25 : 1]]))),
);

interface Person { id: number; letters: string; day: number; siblings: number; month: number; organisation: number }
let nextId = 0;
function person(rng: Random = random): Person {
  const l = pick(letterTable, rng);
  const letters = l === '*' ? randomLetters(rng) : l;
  const day = pick(DAY_WEIGHTS, rng);
  return {
    id: nextId++,
    letters,
    day,
    siblings: pick(siblingTable, rng),
    month: pick(monthTables[day]!, rng),
    organisation: pick(organisationTable, rng),
  };
}
const code = (p: { letters: string; day: number; siblings: number }) => `${p.letters}${String(p.day).padStart(2, '0')}${p.siblings}`;

/** The code as re-entered at a later wave: at most one element slips. */
function reentered(p: Person): string {
  const r = random();
  if (r < SLIP.letters) {
    let letters = p.letters;
    while (letters === p.letters) {
      const drawn = pick(letterTable);
      letters = drawn === '*' ? randomLetters(random) : drawn;
    }
    return code({ ...p, letters });
  }
  if (r < SLIP.letters + SLIP.day) {
    let day = p.day;
    while (day === p.day) day = Math.max(1, Math.min(31, p.day + (random() < 0.5 ? -10 : 10) * (random() < 0.5 ? 1 : 0) + (random() < 0.5 ? -1 : 1)));
    return code({ ...p, day });
  }
  if (r < SLIP.letters + SLIP.day + SLIP.siblings) {
    // One more or one fewer; the code has one digit, so 0 can only go up and 9 only down.
    const siblings = p.siblings === 0 ? 1 : p.siblings === 9 ? 8 : p.siblings + (random() < 0.5 ? -1 : 1);
    return code({ ...p, siblings });
  }
  return code(p);
}

/**
 * The respondents of one simulated network: who each code was made for, and the codes per base.
 * A person takes part in a wave as the app lets them (chooseSelfCode): the plain code when it is
 * free in the wave, else with their birth month.
 */
class SimulatedNetwork {
  readonly owner = new Map<string, number>();
  private readonly byBase = new Map<string, string[]>();

  takePart(p: Person, answered: Set<string>): { code: string; route: 'plain' | SelfCodeRule; owner: number } {
    const base = code(p);
    const holders = new Map((this.byBase.get(base) ?? []).map((c) => [c, answered.has(c)]));
    let choice = chooseSelfCode(base, null, holders);
    if (choice.kind === 'month-needed') choice = chooseSelfCode(base, p.month, holders);
    if (choice.kind === 'month-needed') throw new Error('a month was given');
    answered.add(choice.code);
    if (!this.owner.has(choice.code)) {
      this.owner.set(choice.code, p.id);
      this.byBase.set(base, [...(this.byBase.get(base) ?? []), choice.code]);
    }
    return { code: choice.code, route: choice.kind === 'plain' ? 'plain' : choice.rule, owner: this.owner.get(choice.code)! };
  }
}

/** True when two of the people make the same plain code: today one of them is refused. */
function shareACode(people: readonly Person[]): boolean {
  return new Set(people.map(code)).size < people.length;
}

function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(followUpRandom() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Waves of `size` as the app handles them: a first wave, then a follow-up with 70 % returners and
 * newcomers in random order. Counted per pair of waves (the share of networks where it happens at
 * least once): today's refusal, the month asked, a serial needed, and people who end up under
 * another person's respondent (by the route that put them there).
 */
function collisionRates(size: number, runs: number) {
  const counts = {
    refusedFirst: 0, refusedFollowUp: 0, askedFirst: 0, askedFollowUp: 0, serialFirst: 0, serialFollowUp: 0,
    takenPlain: 0, takenPlainEarlier: 0, takenSameMonth: 0, returnerLost: 0,
  };
  let returners = 0;
  let returnersLost = 0;
  for (let run = 0; run < runs; run++) {
    const network = new SimulatedNetwork();
    const first = Array.from({ length: size }, () => person());
    const answeredFirst = new Set<string>();
    const routesFirst = first.map((p) => network.takePart(p, answeredFirst).route);
    // Who each person is at the first wave (a serial's person cannot be found again by their facts).
    const ownCode = new Map<number, string>();
    for (const [code, id] of network.owner) ownCode.set(id, code);

    const returning = first.filter(() => followUpRandom() < RETURNING);
    const followUp = shuffled([...returning, ...Array.from({ length: size - returning.length }, () => person(followUpRandom))]);
    const answeredFollowUp = new Set<string>();
    const outcomes = followUp.map((p) => ({ p, ...network.takePart(p, answeredFollowUp) }));
    const returned = new Set(returning.map((p) => p.id));

    if (shareACode(first)) counts.refusedFirst++;
    if (shareACode(followUp)) counts.refusedFollowUp++;
    if (routesFirst.some((r) => r !== 'plain')) counts.askedFirst++;
    if (outcomes.some((o) => o.route !== 'plain')) counts.askedFollowUp++;
    if (routesFirst.includes('serial')) counts.serialFirst++;
    if (outcomes.some((o) => o.route === 'serial')) counts.serialFollowUp++;
    // Someone given a respondent that was made for another person.
    const strangers = outcomes.filter((o) => o.owner !== o.p.id);
    if (strangers.some((o) => o.route === 'plain')) counts.takenPlain++;
    if (strangers.some((o) => o.route === 'plain-earlier')) counts.takenPlainEarlier++;
    if (strangers.some((o) => o.route === 'same-month')) counts.takenSameMonth++;
    // A returner who did not get the respondent they had at the first wave.
    const lost = outcomes.filter((o) => returned.has(o.p.id) && o.code !== ownCode.get(o.p.id));
    if (lost.length > 0) counts.returnerLost++;
    returners += returning.length;
    returnersLost += lost.length;
  }
  const share = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / runs])) as Record<keyof typeof counts, number>;
  return { ...share, returners, returnersLost };
}

function proposalRate(size: number, runs: number, useOrganisation: boolean) {
  let proposals = 0;
  let strangers = 0;
  let slipped = 0;
  let slippedProposed = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = Array.from({ length: size }, person);
    const returning = t0.filter(() => random() < RETURNING);
    const t1 = [...returning, ...Array.from({ length: size - returning.length }, person)];
    const baseline: LinkCandidate[] = t0.map((p) => ({ key: `b${p.id}`, person: String(p.id), code: code(p), selfCode: true, organisationId: useOrganisation ? String(p.organisation) : null }));
    const returned = new Set(returning);
    const t1Codes = new Map(t1.map((p) => [p.id, returned.has(p) ? reentered(p) : code(p)]));
    const followUp: LinkCandidate[] = t1.map((p) => ({ key: `f${p.id}`, person: String(p.id), code: t1Codes.get(p.id)!, selfCode: true, organisationId: useOrganisation ? String(p.organisation) : null }));
    const result = linkWaves(baseline, followUp);
    for (const p of returning) if (t1Codes.get(p.id) !== code(p) && singleDifference(code(p), t1Codes.get(p.id)!)) slipped++;
    for (const pr of result.proposals) {
      proposals++;
      if (pr.baseline.slice(1) !== pr.followUp.slice(1)) strangers++;
      else slippedProposed++;
    }
  }
  return { proposals, strangerShare: strangers / Math.max(1, proposals), slipped, found: slippedProposed / Math.max(1, slipped) };
}

const pct = (x: number, decimals = 1) => `${(100 * x).toFixed(decimals)} %`;
const RUNS = 20000;
for (const size of [30, 40]) {
  const c = collisionRates(size, RUNS);
  console.log(`waves of ${size} (${RUNS} networks: a first wave, then a follow-up with ${100 * RETURNING} % returners):`);
  console.log(`  two people make the same code (refused today):          first wave ${pct(c.refusedFirst)}, follow-up ${pct(c.refusedFollowUp)}`);
  console.log(`  the birth month is asked of someone:                    first wave ${pct(c.askedFirst)}, follow-up ${pct(c.askedFollowUp)}`);
  console.log(`  someone needs a serial (-2), same code and same month:  first wave ${pct(c.serialFirst, 2)}, follow-up ${pct(c.serialFollowUp, 2)}`);
  console.log(`  at the follow-up someone gets another person's respondent:`);
  console.log(`    with the plain code, no month asked (also today):     ${pct(c.takenPlain, 2)}`);
  console.log(`    by the rule "plain holder, never asked a month":      ${pct(c.takenPlainEarlier, 2)}`);
  console.log(`    by a shared month ("the extended code exists"):       ${pct(c.takenSameMonth, 2)}`);
  console.log(`  a returner does not get their own respondent back:      ${pct(c.returnerLost)} of networks; ${c.returnersLost} of ${c.returners} returners (${pct(c.returnersLost / c.returners, 2)})`);
}
for (const useOrganisation of [false, true]) {
  const r = proposalRate(30, 5000, useOrganisation);
  console.log(
    `near-match proposals, waves of 30${useOrganisation ? ', organisation must not differ' : ''}: ${r.proposals} proposals, ${pct(r.strangerShare)} strangers; ` +
      `${pct(r.found)} of the ${r.slipped} one-slip returners proposed  (5000 network pairs)`,
  );
}
