/**
 * The large study for benchmarks: 50 networks × 3 waves (T0, T1, T2) × 40
 * respondents × 60 items = 360,000 answers, generated with a fixed seed into a SQLite file with the
 * app's pragmas. The same design as bench/dashboard.ts: one 60-item instrument with six
 * subscales (the first item of each reverse-keyed), 6 organisations per network, from T1 on about
 * 70% of respondents are people from the wave before, about 4% "weet niet". Networks,
 * organisations and waves go through the API; respondents, responses and answers in one bulk
 * transaction.
 */
import { randomUUID } from 'node:crypto';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { unwrap } from '../shared/errors';

export const STUDY = { networks: 50, waves: 3, respondents: 40, items: 60, subscales: 6, instrument: 'bench-zestig', seed: 20261123 } as const;

/**
 * `BENCH_STRUCTURE=1`: the same study with a select-all-that-apply question (`bz_kanalen`, four
 * options, stored as text) that the second item of every subscale hangs on (shown when option 1 is
 * ticked, for about half the respondents), so the benchmarks measure reading multiple choice and
 * leaving hidden answers out. Off by default: the figures stay comparable with earlier runs.
 */
export const STRUCTURED = process.env.BENCH_STRUCTURE === '1';
const CONDITION_ITEM = 'bz_kanalen';

/** mulberry32: a small seeded PRNG, so every run generates the same study. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchInstrument() {
  const itemId = (s: number, i: number) => `bz_s${s + 1}_${String(i + 1).padStart(2, '0')}`;
  const perSubscale = STUDY.items / STUDY.subscales;
  const subscales = Array.from({ length: STUDY.subscales }, (_, s) => ({
    id: `bz_s${s + 1}`,
    label: { nl: `Schaal ${s + 1}`, en: `Scale ${s + 1}` },
    items: Array.from({ length: perSubscale }, (_, i) => itemId(s, i)),
    minAnsweredShare: 0.75,
  }));
  return {
    id: STUDY.instrument,
    version: 1,
    name: { nl: 'Benchmark, zestig uitspraken', en: 'Benchmark, sixty statements' },
    description: { nl: 'Gegenereerd voor de benchmark.', en: 'Generated for the benchmark.' },
    attribution: { nl: 'Netwerkspiegel', en: 'Netwerkspiegel' },
    licence: { nl: 'Vrij', en: 'Free' },
    scales: [
      {
        id: 'eens5',
        options: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'].map((nl, i) => ({ code: i + 1, label: { nl, en: nl } })),
        notScored: [{ code: 9, label: { nl: 'Weet niet', en: 'Don\u2019t know' } }],
      },
    ],
    items: subscales.flatMap((s) => s.items.map((id, i) => ({ id, type: 'scale', text: { nl: id, en: id }, label: { nl: id, en: id }, scale: 'eens5', reverse: i === 0 }))),
    subscales,
    sections: subscales.map((s) => ({ id: `sec_${s.id}`, title: s.label, items: s.items })),
  };
}

/** The instrument the study uses: with STRUCTURED, a multiple-choice question first and the second item of each subscale conditional on it. */
function studyInstrument() {
  const def = benchInstrument();
  if (!STRUCTURED) return def;
  const perSubscale = STUDY.items / STUDY.subscales;
  const options = ['Telefoon', 'E-mail', 'Overleg', 'App'].map((nl, i) => ({ code: i + 1, label: { nl, en: nl } }));
  return {
    ...def,
    scales: [...def.scales, { id: 'kanaal', options }],
    items: [
      { id: CONDITION_ITEM, type: 'multiple', text: { nl: 'Kanalen', en: 'Channels' }, label: { nl: 'Kanalen', en: 'Channels' }, scale: 'kanaal' },
      ...def.items.map((item, i) => (i % perSubscale === 1 ? { ...item, showWhen: { item: CONDITION_ITEM, anyOf: [1] } } : item)),
    ],
    sections: def.sections.map((section, i) => (i === 0 ? { ...section, items: [CONDITION_ITEM, ...section.items] } : section)),
  };
}

/**
 * Generates the study into `databasePath` (a new file); returns the network ids and the number of
 * answers. `networkCount` makes a smaller study of the same design (the restore kill test wants about
 * 50 MB, 19 of the 50 networks).
 */
export async function generateStudy(databasePath: string, networkCount: number = STUDY.networks): Promise<{ networkIds: string[]; answers: number }> {
  const services = startServices({ databasePath, appVersion: 'bench', chooseExportPath: async () => null });
  try {
    const dispatch = createDispatcher(createHandlers(services));
    const ok = async <T>(name: string, input: unknown) => unwrap(await dispatch(name, input)) as T;
    const db = services.db;
    const random = prng(STUDY.seed);
    const def = studyInstrument();
    await ok('importInstrument', { definitionJson: JSON.stringify(def) });
    const itemIds = def.items.filter((i) => i.type !== 'multiple').map((i) => i.id);

    const networks: { id: string; waves: string[]; orgs: string[] }[] = [];
    for (let n = 0; n < networkCount; n++) {
      const network = await ok<{ id: string }>('createNetwork', { name: `Netwerk ${String(n + 1).padStart(2, '0')}` });
      const orgs: string[] = [];
      for (let o = 0; o < 6; o++) orgs.push((await ok<{ id: string }>('addOrganisation', { networkId: network.id, name: `Organisatie ${o + 1}`, sector: 'zorg', sizeClass: null })).id);
      const waves: string[] = [];
      for (const kind of ['T0', 'T1', 'T2'] as const) {
        waves.push((await ok<{ id: string }>('createWave', { networkId: network.id, label: kind, kind, plannedDate: null, instruments: [{ instrumentId: STUDY.instrument, version: 1 }] })).id);
      }
      networks.push({ id: network.id, waves, orgs });
    }
    const now = new Date().toISOString();
    const device = services.deviceId;
    const insertRespondent = db.prepare("INSERT INTO respondents (id, network_id, code, code_kind, organisation_id, created_at, updated_at, device_id) VALUES (?, ?, ?, 'free', ?, ?, ?, ?)");
    const insertResponse = db.prepare(
      `INSERT INTO responses (id, respondent_id, wave_id, status, mode, organisation_id, started_at, completed_at, updated_at, device_id) VALUES (?, ?, ?, 'complete', 'form', ?, ?, ?, ?, ?)`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id) VALUES (?, ?, ?, 1, ?, ?, NULL, ?, ?)`,
    );
    const insertTicks = db.prepare(
      `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id) VALUES (?, ?, ?, 1, ?, NULL, ?, ?, ?)`,
    );
    let answers = 0;
    db.transaction(() => {
      db.prepare('UPDATE instruments SET frozen_at = ? WHERE instrument_id = ? AND frozen_at IS NULL').run(now, STUDY.instrument);
      for (const [n, network] of networks.entries()) {
        let previous: { id: string; org: string; level: number }[] = [];
        let next = 0;
        for (const waveId of network.waves) {
          const people: { id: string; org: string; level: number }[] = [];
          for (const p of previous) if (people.length < STUDY.respondents && random() < 0.7) people.push(p);
          while (people.length < STUDY.respondents) {
            const id = randomUUID();
            const org = network.orgs[Math.floor(random() * network.orgs.length)]!;
            insertRespondent.run(id, network.id, `N${n}R${next++}`, org, now, now, device);
            people.push({ id, org, level: 1.5 + random() * 3 });
          }
          for (const person of people) {
            const responseId = randomUUID();
            insertResponse.run(responseId, person.id, waveId, person.org, now, now, now, device);
            if (STRUCTURED) {
              const ticked = [1, 2, 3, 4].filter(() => random() < 0.5);
              insertTicks.run(randomUUID(), responseId, STUDY.instrument, CONDITION_ITEM, (ticked.length > 0 ? ticked : [2]).join(','), now, device);
              answers++;
            }
            for (const itemId of itemIds) {
              const value = random() < 0.04 ? 9 : Math.min(5, Math.max(1, Math.round(person.level + (random() - 0.5) * 2)));
              insertAnswer.run(randomUUID(), responseId, STUDY.instrument, itemId, value, now, device);
              answers++;
            }
          }
          previous = people;
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    return { networkIds: networks.map((n) => n.id), answers };
  } finally {
    services.db.close();
  }
}
