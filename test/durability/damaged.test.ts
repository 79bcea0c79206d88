import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServices } from '../../electron/services/app';
import { recoveryCandidates, replaceDamagedDatabase } from '../../electron/services/data/backups';
import { ApiError } from '../../shared/errors';
import { snapshot, useServices } from '../support/services';
import { useTempDir } from '../support/tmp';

/**
 * Damaged files: a truncated or byte-flipped database is refused at start-up without being touched,
 * a good backup is offered and put in its place while the damaged file is kept aside; a damaged
 * study file is refused without any change.
 */

const open = useServices();
const tempDir = useTempDir();
const KS = 'kansrijke-samenwerking';
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const start = (databasePath: string) => startServices({ databasePath, appVersion: 'test', chooseExportPath: async () => null });

/** A database with answers that has been started twice, so a start-up backup of it exists. */
async function usedDatabase() {
  const dir = tempDir();
  const s = open({ dir });
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Noord' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
  await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  await s.ok('completeResponse', { responseId: r.id });
  s.db.close();
  start(join(dir, 'netwerkspiegel.sqlite')).db.close(); // the second start makes the start-up backup
  return { dir, file: join(dir, 'netwerkspiegel.sqlite') };
}

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const damages: [string, (bytes: Buffer) => Buffer][] = [
  ['truncated to half', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
  ['truncated inside the header', (bytes) => bytes.subarray(0, 60)],
  [
    'one byte flipped: the page type of a table page',
    (bytes) => {
      const copy = Buffer.from(bytes);
      copy[4096] = copy[4096]! ^ 0xff; // byte 0 of page 2 says what kind of b-tree page it is
      return copy;
    },
  ],
  [
    'bytes flipped across two pages',
    (bytes) => {
      const copy = Buffer.from(bytes);
      for (let i = 4096 + 8; i < Math.min(copy.length, 4096 * 3); i += 7) copy[i] = copy[i]! ^ 0xff;
      return copy;
    },
  ],
];

describe('a damaged database file', () => {
  it.each(damages)('%s: refused untouched, then replaced by a backup while the damaged file is kept', async (_name, damage) => {
    const { dir, file } = await usedDatabase();
    writeFileSync(file, damage(readFileSync(file)));
    const damagedSha = sha(file);
    const filesBefore = readdirSync(dir).sort();

    const err = refusal(() => start(file));
    expect(err.code).toBe('DB_DAMAGED');
    expect(err.message).toMatch(/beschadigd[\s\S]*niet gewijzigd/);
    expect(sha(file)).toBe(damagedSha);
    // (A read-only look at a WAL database may leave empty -wal/-shm files; the file itself is untouched.)
    expect(readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(filesBefore);

    const candidates = recoveryCandidates(file);
    expect(candidates.map((c) => c.reason)).toEqual(['start']);
    const { asidePath } = replaceDamagedDatabase(file, candidates[0]!.name);
    expect(sha(asidePath)).toBe(damagedSha);
    const services = start(file);
    try {
      expect(services.db.prepare('SELECT value FROM answers').pluck().all()).toEqual([4]);
      expect(services.db.prepare("SELECT status FROM responses").pluck().all()).toEqual(['complete']);
    } finally {
      services.db.close();
    }
    expect(existsSync(asidePath)).toBe(true);
  });
});

describe('a damaged study file', () => {
  it('is refused with a clear message when a byte in the middle is flipped, and nothing changes', async () => {
    const a = open();
    const network = await a.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
    await a.ok('addOrganisation', { networkId: network.id, name: 'Welzijn Zuid', sector: 'welzijn', sizeClass: 'lt100' });
    const exported = await a.ok('exportStudyFile', { networkIds: [network.id] });
    if (exported.cancelled) throw new Error('cancelled');
    const bytes = readFileSync(exported.filePath);
    const b = open();
    const before = snapshot(b.db);
    for (const at of [0.25, 0.5, 0.75]) {
      const copy = Buffer.from(bytes);
      const i = Math.floor(copy.length * at);
      copy[i] = copy[i]! ^ 0x01;
      const result = await b.call('importStudyFile', { content: copy.toString('utf8'), decisions: [] });
      expect(result.ok, `flipped at ${at}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toMatch(/(controlegetal|geen geldige JSON|studiebestand).*Er is niets gewijzigd\.$/);
      }
    }
    expect(snapshot(b.db)).toEqual(before);
  });
});
