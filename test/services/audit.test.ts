import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCsv, csvField } from '../../electron/services/data/audit';
import { METHOD_NAMES } from '../../shared/contract';
import { useServices } from '../support/services';

/**
 * The audit log: who (device, researcher name) did what and when; viewable a page at a time and
 * exportable as CSV; and no way through the API, an import or a restore to change or remove an
 * entry that was written.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

interface Entry {
  id: string;
  at: string;
  device_id: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
}
const allEntries = (s: ReturnType<typeof open>) => s.services.db.prepare('SELECT * FROM audit_log ORDER BY rowid').all() as Entry[];

async function busyDay(s: ReturnType<typeof open>) {
  const network = await s.ok('createNetwork', { name: 'Dementie Twente' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
  await s.ok('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  await s.ok('completeResponse', { responseId: response.id });
  return { network, wave, response };
}

describe('who did what when', () => {
  it('records the device and, once set, the researcher name with every entry', async () => {
    const s = open();
    await s.ok('createNetwork', { name: 'Voor de naam' });
    await s.ok('updateDataSettings', { researcherName: '  Anna de Vries ', backupKeep: 20 });
    expect((await s.ok('getDataSettings', {})).researcherName).toBe('Anna de Vries');
    const { response, wave } = await busyDay(s);

    const entries = allEntries(s);
    expect(entries.every((e) => e.device_id === s.services.deviceId)).toBe(true);
    const named = entries.filter((e) => e.actor === 'Anna de Vries').map((e) => [e.action, e.entity_id]);
    expect(named).toEqual(
      expect.arrayContaining([
        ['wave.created', wave.id],
        ['response.started', response.id],
        ['response.completed', response.id],
      ]),
    );
    expect(entries.find((e) => e.action === 'network.created')?.actor).toBeNull();

    await s.ok('updateDataSettings', { researcherName: null, backupKeep: 20 });
    await s.ok('createNetwork', { name: 'Zonder naam' });
    expect(allEntries(s).at(-1)).toMatchObject({ action: 'network.created', actor: null });
  });

  it('lists the log newest first, a page at a time, marking what was written on this laptop', async () => {
    const s = open();
    await busyDay(s);
    const all = allEntries(s);
    const first = await s.ok('listAuditLog', { offset: 0, limit: 2 });
    expect(first.total).toBe(all.length);
    expect(first.entries.map((e) => e.id)).toEqual([all.at(-1)!.id, all.at(-2)!.id]);
    expect(first.entries.every((e) => e.thisDevice)).toBe(true);
    const rest = await s.ok('listAuditLog', { offset: 2, limit: 500 });
    expect(rest.entries).toHaveLength(all.length - 2);
  });

  it('exports the whole log as UTF-8 CSV with a byte-order mark, and logs the export', async () => {
    const s = open();
    await s.ok('updateDataSettings', { researcherName: '=HYPERLINK("x")', backupKeep: 20 });
    await busyDay(s);
    const rows = allEntries(s).length;
    const result = await s.ok('exportAuditLog', {});
    if (result.cancelled) throw new Error('cancelled');
    expect(result.rows).toBe(rows);
    const bytes = readFileSync(result.filePath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('tijdstip;apparaat;onderzoeker;actie;onderwerp;id;details');
    expect(lines).toHaveLength(rows + 2); // header, rows, and the empty string after the last line break
    expect(lines.find((l) => l.includes('response.completed'))).toMatch(/^\d{4}-\d{2}-\d{2}T[^;]+;[0-9a-f-]{36};"'=HYPERLINK\(""x""\)";response\.completed;response;/);
    expect(allEntries(s).at(-1)).toMatchObject({ action: 'audit.exported', details: JSON.stringify({ rows, format: 'csv' }) });
  });

  it('writes nothing when the export is cancelled', async () => {
    const s = open({ cancelExport: true });
    const before = allEntries(s);
    expect(await s.ok('exportAuditLog', {})).toEqual({ cancelled: true });
    expect(allEntries(s)).toEqual(before);
  });

  it('quotes fields with separators, quotes or line breaks, and defuses formulas', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(auditCsv([]).startsWith('\uFEFFtijdstip;')).toBe(true);
  });
});

describe('entries cannot be altered', () => {
  it('refuses UPDATE and DELETE in the database itself (triggers)', async () => {
    const s = open();
    await busyDay(s);
    const before = allEntries(s);
    expect(() => s.services.db.prepare("UPDATE audit_log SET action = 'niets'").run()).toThrow(/append-only/);
    expect(() => s.services.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => s.services.db.prepare('INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log').run()).toThrow(/append-only/);
    expect(allEntries(s)).toEqual(before);
  });

  it('has no statement anywhere in the app that updates, replaces or deletes log entries', () => {
    const root = join(__dirname, '../../electron');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) files.push(join(dir, entry.name));
      }
    };
    walk(root);
    const offenders = files.filter((f) => /(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO)\s+audit_log/i.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps every earlier entry unchanged through every API method, a study-file import and a restore', async () => {
    const s = open();
    const { network } = await busyDay(s);
    const backup = await s.ok('createBackup', {});
    const before = allEntries(s);

    // Every method of the contract, with empty input and with the ids that exist.
    for (const name of METHOD_NAMES) {
      await s.dispatch(name, {});
      await s.dispatch(name, { networkId: network.id });
    }
    // A study file whose log claims other content for an existing entry id.
    const exported = await s.ok('exportStudyFile', { networkIds: [network.id] });
    if (exported.cancelled) throw new Error('cancelled');
    const file = JSON.parse(readFileSync(exported.filePath, 'utf8')) as { manifest: unknown; data: { audit_log: Entry[] }; checksum: { value: string } };
    file.data.audit_log[0]!.action = 'vervalst';
    const { studyChecksum } = await import('../../electron/services/data/study-files');
    file.checksum.value = studyChecksum(file.manifest, file.data);
    await s.ok('importStudyFile', { content: JSON.stringify(file), decisions: [] });
    // A restore of a backup made before some of these entries.
    await s.ok('restoreBackup', { backupName: backup.name });

    const after = allEntries(s);
    for (const entry of before) expect(after.find((e) => e.id === entry.id), entry.action).toEqual(entry);
    expect(after.length).toBeGreaterThan(before.length);
  });
});
