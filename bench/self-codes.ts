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
 *   a sibling who died).
 * The proposal rule is the one in shared/linking.ts.
 */
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
/** A weighted table with its total worked out once: drawing from it is the hot path of the simulation. */
interface Weighted<T> {
  entries: readonly [T, number][];
  total: number;
}
const weighted = <T>(entries: readonly [T, number][]): Weighted<T> => ({ entries, total: entries.reduce((s, [, w]) => s + w, 0) });
function pick<T>(table: Weighted<T>): T {
  let r = random() * table.total;
  for (const [value, w] of table.entries) if ((r -= w) < 0) return value;
  return table.entries.at(-1)![0];
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const randomLetters = () => LETTERS[Math.floor(random() * 26)]! + LETTERS[Math.floor(random() * 26)]!;
const DAY_WEIGHTS = weighted(Array.from({ length: 31 }, (_, i): [number, number] => [i + 1, i === 28 ? 11.25 / 12 : i === 29 ? 11 / 12 : i === 30 ? 7 / 12 : 1]));
const letterTable = weighted<string>([...NAMES.map(([n, w]): [string, number] => [n.slice(0, 2), w]), ['*', OTHER_NAMES_WEIGHT]]);
const siblingTable = weighted(SIBLINGS);
const organisationTable = weighted(ORGANISATION_WEIGHTS.map((w, i): [number, number] => [i, w]));

interface Person { id: number; letters: string; day: number; siblings: number; month: number; organisation: number }
let nextId = 0;
function person(): Person {
  const l = pick(letterTable);
  return {
    id: nextId++,
    letters: l === '*' ? randomLetters() : l,
    day: pick(DAY_WEIGHTS),
    siblings: pick(siblingTable),
    month: 1 + Math.floor(random() * 12),
    organisation: pick(organisationTable),
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
      letters = drawn === '*' ? randomLetters() : drawn;
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

function collisionRate(size: number, runs: number) {
  let base = 0;
  let withMonth = 0;
  for (let run = 0; run < runs; run++) {
    // People by code; a code held by two or more is a collision.
    const holders = new Map<string, Person[]>();
    for (const p of Array.from({ length: size }, person)) {
      const c = code(p);
      const list = holders.get(c);
      if (list) list.push(p);
      else holders.set(c, [p]);
    }
    let collided = false;
    let collidedWithMonth = false;
    for (const list of holders.values()) {
      if (list.length < 2) continue;
      collided = true;
      // The design: on a collision the birth month is asked too; it still collides when two holders share it.
      if (new Set(list.map((q) => q.month)).size < list.length) collidedWithMonth = true;
    }
    if (collided) base++;
    if (collidedWithMonth) withMonth++;
  }
  return { base: base / runs, withMonth: withMonth / runs };
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

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const RUNS = 20000;
for (const size of [30, 40]) {
  const c = collisionRate(size, RUNS);
  console.log(`wave of ${size}: P(two people share a self-made code) = ${pct(c.base)}; with the birth month asked on a collision = ${pct(c.withMonth)}  (${RUNS} waves)`);
}
for (const useOrganisation of [false, true]) {
  const r = proposalRate(30, 5000, useOrganisation);
  console.log(
    `near-match proposals, waves of 30${useOrganisation ? ', organisation must not differ' : ''}: ${r.proposals} proposals, ${pct(r.strangerShare)} strangers; ` +
      `${pct(r.found)} of the ${r.slipped} one-slip returners proposed  (5000 network pairs)`,
  );
}
