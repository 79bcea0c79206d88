import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot, useServices } from '../support/services';

/**
 * Erasure on request (AVG/GDPR): one respondent's data in every wave goes, after the code is typed
 * twice; the log says that an erasure happened and nothing about whom; the file on disk no longer
 * holds the code; backups made before are listed and can be removed.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const CODE = 'WISME7';

function clock(start = '2026-05-04T09:00:00.000Z') {
  let ms = Date.parse(start);
  return { now: () => new Date(ms).toISOString(), advance: (minutes: number) => (ms += minutes * 60_000) };
}

async function twoWaves(s: ReturnType<typeof open>) {
  const network = await s.ok('createNetwork', { name: 'Palliatieve zorg Twente' });
  const waves = [];
  for (const label of ['T0', 'T1'] as const) {
    waves.push(await s.ok('createWave', { networkId: network.id, label, kind: label, plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] }));
  }
  const responses: string[] = [];
  for (const wave of waves) {
    for (const code of [CODE, 'BLIJF1']) {
      const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode: 'form' });
      await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: `Antwoord van ${code} in ${wave.label}` });
      if (wave.label === 'T0') await s.ok('completeResponse', { responseId: r.id });
      if (code === CODE) responses.push(r.id);
    }
  }
  return { network, waves, responses };
}

describe('erasing one respondent', () => {
  it('shows what will be erased, then erases it in every wave after the code is typed again', async () => {
    const s = open();
    const { network, responses } = await twoWaves(s);
    const preview = await s.ok('previewErasure', { networkId: network.id, respondentCode: CODE.toLowerCase() });
    expect(preview).toEqual({
      networkName: 'Palliatieve zorg Twente',
      respondentCode: CODE,
      responses: [
        { waveLabel: 'T0', status: 'complete' },
        { waveLabel: 'T1', status: 'in_progress' },
      ],
    });

    const before = snapshot(s.db);
    const mistyped = await s.call('eraseRespondent', { networkId: network.id, respondentCode: CODE, confirmCode: 'WISME1' });
    expect(mistyped).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshot(s.db)).toEqual(before);

    const result = await s.ok('eraseRespondent', { networkId: network.id, respondentCode: CODE, confirmCode: ` ${CODE.toLowerCase()} ` });
    expect(result.erasedResponses).toBe(2);
    expect(s.db.prepare('SELECT code FROM respondents').pluck().all()).toEqual(['BLIJF1']);
    expect(s.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(2);
    expect(s.db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(2);
    expect(s.db.prepare('SELECT text FROM answers ORDER BY text').pluck().all()).toEqual(['Antwoord van BLIJF1 in T0', 'Antwoord van BLIJF1 in T1']);
    expect(s.db.prepare('SELECT id FROM erasures WHERE kind = ? ORDER BY id').pluck().all('response')).toEqual([...responses].sort());

    // The log: that it happened, and when; no code, no id of the person.
    const entry = s.db.prepare("SELECT entity, entity_id AS entityId, details FROM audit_log WHERE action = 'respondent.erased'").all();
    expect(entry).toEqual([{ entity: 'respondent', entityId: null, details: null }]);
    const everything = JSON.stringify(s.db.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(s.db.prepare('SELECT * FROM erasures').all());
    expect(everything).not.toContain(CODE);

    // Not in the file either: the pages were overwritten and the WAL emptied.
    const file = join(s.dir, 'netwerkspiegel.sqlite');
    const onDisk = Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(onDisk.includes(Buffer.from(CODE))).toBe(false);
    expect(onDisk.includes(Buffer.from(`Antwoord van ${CODE}`))).toBe(false);
    expect(onDisk.includes(Buffer.from('Antwoord van BLIJF1'))).toBe(true);

    const again = await s.call('previewErasure', { networkId: network.id, respondentCode: CODE });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the backups made before the erasure and removes them on request', async () => {
    const time = clock();
    const s = open({ now: time.now });
    const { network } = await twoWaves(s);
    time.advance(1);
    const old1 = await s.ok('createBackup', {});
    time.advance(1);
    const old2 = await s.ok('createBackup', {});
    time.advance(1);
    const result = await s.ok('eraseRespondent', { networkId: network.id, respondentCode: CODE, confirmCode: CODE });
    expect(result.backupsBeforeErasure.map((b) => b.name).sort()).toEqual([old1.name, old2.name].sort());
    time.advance(1);
    const newer = await s.ok('createBackup', {});

    const list = await s.ok('listBackups', {});
    expect(list.lastErasureAt).toBe('2026-05-04T09:03:00.000Z');
    expect(list.backups.map((b) => [b.name, b.beforeErasure])).toEqual([
      [newer.name, false],
      [old2.name, true],
      [old1.name, true],
    ]);
    const removed = await s.ok('deleteBackupsBeforeErasure', { confirm: true });
    expect(removed.deleted.sort()).toEqual([old1.name, old2.name].sort());
    expect((await s.ok('listBackups', {})).backups.map((b) => b.name)).toEqual([newer.name]);
    expect(s.db.prepare("SELECT details FROM audit_log WHERE action = 'backups.deleted_after_erasure'").pluck().get()).toBe('{"count":2}');
  });
});
