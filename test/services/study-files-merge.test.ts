import { describe, expect, it } from 'vitest';
import { STUDY_COLUMNS } from '../../electron/db/repositories/study';
import { studyData } from '../../shared/study';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Two laptops at two meetings of overlapping networks, and a coordinator who merges both study
 * files: the result is exactly the data entered, whichever file comes first, with people matched
 * across waves by their code and partner organisations set up twice counted once.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

interface Filled {
  network: string;
  wave: string;
  code: string;
  status: 'complete' | 'in_progress';
  organisation: string | null;
  answers: Record<string, number>;
}

/** Fills in one questionnaire and returns what was entered, for the expected dataset. */
async function fill(s: Laptop, network: string, wave: { id: string; label: string }, code: string, answers: Record<string, number>, options: { complete?: boolean; organisation?: { id: string; name: string } } = {}): Promise<Filled> {
  const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: options.organisation?.id ?? null, mode: 'form' });
  for (const [itemId, value] of Object.entries(answers)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId, value, text: null });
  const complete = options.complete ?? true;
  if (complete) await s.ok('completeResponse', { responseId: r.id });
  return { network, wave: wave.label, code, status: complete ? 'complete' : 'in_progress', organisation: options.organisation?.name ?? null, answers };
}

/** The dataset as a set of lines, read straight from SQLite. */
function dataset(s: Laptop): string[] {
  const rows = s.db
    .prepare(
      `SELECT n.name AS network, w.label AS wave, p.code, r.status, o.name AS organisation, a.item_id AS itemId, a.value
       FROM responses r JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id JOIN networks n ON n.id = w.network_id
       LEFT JOIN organisations o ON o.id = r.organisation_id LEFT JOIN answers a ON a.response_id = r.id`,
    )
    .all() as { network: string; wave: string; code: string; status: string; organisation: string | null; itemId: string; value: number }[];
  return rows.map((r) => `${r.network} | ${r.wave} | ${r.code} | ${r.status} | ${r.organisation ?? '-'} | ${r.itemId}=${r.value}`).sort();
}

const expected = (filled: Filled[]) =>
  filled.flatMap((f) => Object.entries(f.answers).map(([item, value]) => `${f.network} | ${f.wave} | ${f.code} | ${f.status} | ${f.organisation ?? '-'} | ${item}=${value}`)).sort();

describe('two laptops, overlapping networks, one dataset', () => {
  it('merges both study files into exactly the data entered, in either order', async () => {
    const a = open();
    const b = open();
    const wave = (networkId: string, label: 'T0' | 'T1') =>
      a.ok('createWave', { networkId, label, kind: label, plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });

    // The coordinator sets the shared network up on laptop A and takes it to B in a study file.
    const shared = await a.ok('createNetwork', { name: 'Dementie Twente' });
    const thuiszorg = await a.ok('addOrganisation', { networkId: shared.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
    const t0 = await wave(shared.id, 'T0');
    const t1 = await wave(shared.id, 'T1');
    await b.ok('importStudyFile', { content: await studyFileOf(a, [shared.id]), decisions: [] });
    // Each laptop also has a network of its own.
    const onlyA = await a.ok('createNetwork', { name: 'Wijknetwerk Oost' });
    const onlyAT0 = await wave(onlyA.id, 'T0');
    const onlyB = await b.ok('createNetwork', { name: 'Mantelzorgnetwerk Hengelo' });
    const onlyBT0 = await b.ok('createWave', { networkId: onlyB.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    // Both laptops add the same GP practice to the shared network, independently.
    const huisartsA = await a.ok('addOrganisation', { networkId: shared.id, name: 'Huisartsenpraktijk Zuid', sector: 'huisartsenzorg', sizeClass: 'lt100' });
    const huisartsB = await b.ok('addOrganisation', { networkId: shared.id, name: 'Huisartsenpraktijk Zuid', sector: 'huisartsenzorg', sizeClass: 'lt100' });

    const filled: Filled[] = [
      await fill(a, 'Dementie Twente', t0, 'A01', { ks_amb_01: 4, ks_amb_02: 5 }, { organisation: { id: thuiszorg.id, name: 'Thuiszorg Oost' } }),
      await fill(a, 'Dementie Twente', t0, 'A02', { ks_amb_01: 2 }, { organisation: { id: huisartsA.id, name: 'Huisartsenpraktijk Zuid' } }),
      await fill(a, 'Wijknetwerk Oost', onlyAT0, 'X01', { ks_bel_01: 3 }),
      await fill(b, 'Dementie Twente', t0, 'B01', { ks_amb_01: 1, ks_per_01: 2 }, { organisation: { id: huisartsB.id, name: 'Huisartsenpraktijk Zuid' } }),
      await fill(b, 'Dementie Twente', t0, 'B02', { ks_amb_03: 3 }, { complete: false }),
      // A01 again, a year later, on the other laptop: the same person, matched by code.
      await fill(b, 'Dementie Twente', t1, 'A01', { ks_amb_01: 5 }),
      await fill(b, 'Mantelzorgnetwerk Hengelo', onlyBT0, 'Y01', { ks_amb_01: 4 }),
    ];
    const fileA = await studyFileOf(a, [shared.id, onlyA.id]);
    const fileB = await studyFileOf(b, [shared.id, onlyB.id]);

    for (const order of [
      [fileA, fileB],
      [fileB, fileA],
    ]) {
      const coordinator = open();
      for (const content of order) {
        const report = await coordinator.ok('importStudyFile', { content, decisions: [] });
        expect(report.conflicts).toEqual([]);
      }
      expect(dataset(coordinator)).toEqual(expected(filled));
      expect(coordinator.db.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Dementie Twente', 'Mantelzorgnetwerk Hengelo', 'Wijknetwerk Oost']);
      expect(coordinator.db.prepare('SELECT name FROM organisations ORDER BY name').pluck().all()).toEqual(['Huisartsenpraktijk Zuid', 'Thuiszorg Oost']);
      // A01 is one respondent with a response at T0 and at T1.
      const a01 = coordinator.db
        .prepare("SELECT w.label FROM responses r JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id WHERE p.code = 'A01' ORDER BY w.label")
        .pluck()
        .all();
      expect(a01).toEqual(['T0', 'T1']);
      expect(coordinator.db.prepare("SELECT count(*) FROM respondents WHERE code = 'A01'").pluck().get()).toBe(1);
      // Both files again: nothing changes.
      const before = dataset(coordinator);
      for (const content of order) expect((await coordinator.ok('importStudyFile', { content, decisions: [] })).nothingChanged).toBe(true);
      expect(dataset(coordinator)).toEqual(before);
    }

    // Laptop A itself, after importing B's file, holds the same dataset.
    await a.ok('importStudyFile', { content: fileB, decisions: [] });
    expect(dataset(a)).toEqual(expected(filled));
  });
});

describe('the study file format and the schema', () => {
  it('carries every column of every table it holds, and nothing else', () => {
    const s = open();
    for (const [table, columns] of Object.entries(STUDY_COLUMNS)) {
      const inDatabase = (s.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).sort();
      expect([...columns].sort(), `${table}: a new column needs a place in the study file (shared/study.ts, STUDY_COLUMNS)`).toEqual(inDatabase);
      const shape = studyData.shape[table as keyof typeof studyData.shape];
      const element = shape.element as unknown as { shape?: Record<string, unknown>; _zod: { def: { in?: { shape: Record<string, unknown> } } } };
      const keys = Object.keys(element.shape ?? element._zod.def.in?.shape ?? {}).sort();
      expect(keys, `${table}: schema keys`).toEqual(inDatabase);
    }
  });
});
