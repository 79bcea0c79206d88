import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Corrections travel in study files: a network, organisation or wave changed on two laptops ends
 * the same on both, whichever file is imported first: the later change holds (at the same moment,
 * the one from the smaller device id). Files from before these fields still read.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

/** One clock for both laptops, moved by hand, so "later" is known without waiting. */
function clock(start = Date.UTC(2026, 2, 1, 9)) {
  let ms = start;
  return { now: () => new Date(ms).toISOString(), advance: (minutes: number) => (ms += minutes * 60_000) };
}

const organisationRow = (s: Laptop, id: string) =>
  s.db.prepare('SELECT name, sector, size_class, joined_on, left_on, expected_participants, archived_at, updated_at, device_id FROM organisations WHERE id = ?').get(id);

/** Laptop A sets up a network with an organisation and a wave; laptop B gets it by study file. */
async function twoLaptops() {
  const time = clock();
  const a = open({ now: time.now });
  const b = open({ now: time.now });
  const net = await a.ok('createNetwork', { name: 'Dementie Twente' });
  const org = await a.ok('addOrganisation', { networkId: net.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const wave = await a.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  time.advance(1);
  await b.ok('importStudyFile', { content: await studyFileOf(a, [net.id]), decisions: [] });
  return { time, a, b, net, org, wave };
}

const edit = (name: string, expected: number) => ({ name, sector: 'welzijn' as const, sizeClass: null, joinedOn: '2026-01-01', leftOn: null, expectedParticipants: expected });

describe('corrections in study files: the later change holds on every laptop', () => {
  for (const order of ['A first', 'B first'] as const) {
    it(`two laptops rename the same organisation; merged with ${order}, both keep the later edit`, async () => {
      const { time, a, b, net, org } = await twoLaptops();
      time.advance(10);
      await a.ok('updateOrganisation', { organisationId: org.id, ...edit('Thuiszorg Oost (A)', 8) });
      time.advance(10);
      // B's edit is ten minutes later: it holds.
      await b.ok('updateOrganisation', { organisationId: org.id, ...edit('Thuiszorg Oost-Twente', 12) });
      time.advance(1);
      const fileA = await studyFileOf(a, [net.id]);
      const fileB = await studyFileOf(b, [net.id]);
      time.advance(1);

      const preview = await a.ok('previewStudyFile', { content: fileB });
      expect(preview.recordConflicts).toEqual([
        {
          kind: 'organisation',
          networkName: 'Dementie Twente',
          local: { name: 'Thuiszorg Oost (A)', updatedAt: '2026-03-01T09:11:00.000Z', deviceId: a.services.deviceId },
          incoming: { name: 'Thuiszorg Oost-Twente', updatedAt: '2026-03-01T09:21:00.000Z', deviceId: b.services.deviceId },
          holds: 'incoming',
        },
      ]);
      expect(preview.updatedRecords).toBe(1);

      if (order === 'A first') {
        await a.ok('importStudyFile', { content: fileB, decisions: [] });
        const report = await b.ok('importStudyFile', { content: fileA, decisions: [] });
        // On B its own edit holds: the file's older version is shown, nothing is updated.
        expect(report.recordConflicts.map((c) => c.holds)).toEqual(['local']);
        expect(report.updatedRecords).toBe(0);
      } else {
        await b.ok('importStudyFile', { content: fileA, decisions: [] });
        await a.ok('importStudyFile', { content: fileB, decisions: [] });
      }
      const later = {
        name: 'Thuiszorg Oost-Twente',
        sector: 'welzijn',
        size_class: null,
        joined_on: '2026-01-01',
        left_on: null,
        expected_participants: 12,
        archived_at: null,
        updated_at: '2026-03-01T09:21:00.000Z',
        device_id: b.services.deviceId,
      };
      expect(organisationRow(a, org.id)).toEqual(later);
      expect(organisationRow(b, org.id)).toEqual(later);
      // A's log says where the name came from.
      const logged = a.db.prepare("SELECT details FROM audit_log WHERE action = 'organisation.updated_from_study'").pluck().all() as string[];
      expect(logged.map((d) => JSON.parse(d))).toEqual([{ from: 'Thuiszorg Oost (A)', to: 'Thuiszorg Oost-Twente', sourceDevice: b.services.deviceId }]);
    });
  }

  it('at the same moment, the change from the smaller device id holds on both laptops', async () => {
    const { time, a, b, net, org } = await twoLaptops();
    time.advance(10);
    await a.ok('updateOrganisation', { organisationId: org.id, ...edit('Naam van A', 5) });
    await b.ok('updateOrganisation', { organisationId: org.id, ...edit('Naam van B', 6) });
    const fileA = await studyFileOf(a, [net.id]);
    const fileB = await studyFileOf(b, [net.id]);
    await a.ok('importStudyFile', { content: fileB, decisions: [] });
    await b.ok('importStudyFile', { content: fileA, decisions: [] });
    const smaller = a.services.deviceId < b.services.deviceId ? 'Naam van A' : 'Naam van B';
    expect((organisationRow(a, org.id) as { name: string }).name).toBe(smaller);
    expect((organisationRow(b, org.id) as { name: string }).name).toBe(smaller);
  });

  it('carries a renamed network, a closed wave and an archived organisation', async () => {
    const { time, a, b, net, org, wave } = await twoLaptops();
    time.advance(5);
    await a.ok('updateNetwork', { networkId: net.id, name: 'Dementienetwerk Twente', description: 'Na de fusie' });
    await a.ok('updateWave', { waveId: wave.id, label: 'Nulmeting', plannedDate: '2026-04-01' });
    await a.ok('setWaveStatus', { waveId: wave.id, status: 'closed' });
    await a.ok('archiveOrganisation', { organisationId: org.id, archived: true });
    time.advance(1);
    const report = await b.ok('importStudyFile', { content: await studyFileOf(a, [net.id]), decisions: [] });
    expect(report.updatedRecords).toBe(3);
    expect(report.nothingChanged).toBe(false);
    const detail = await b.ok('getNetwork', { networkId: net.id });
    expect(detail.network).toMatchObject({ name: 'Dementienetwerk Twente', description: 'Na de fusie' });
    expect(detail.waves[0]).toMatchObject({ label: 'Nulmeting', plannedDate: '2026-04-01', status: 'closed' });
    expect(detail.organisations[0]).toMatchObject({ archived: true });
    // The closed wave now refuses paper entry on B too.
    expect(await b.call('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'paper' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses a file whose later name is another organisation’s name here, and writes nothing', async () => {
    const { time, a, b, net, org } = await twoLaptops();
    time.advance(5);
    await b.ok('addOrganisation', { networkId: net.id, name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: null });
    await a.ok('updateOrganisation', { organisationId: org.id, ...edit('Huisartsen Centrum', 4) });
    time.advance(1);
    const file = await studyFileOf(a, [net.id]);
    const before = b.db.prepare('SELECT * FROM organisations ORDER BY id').all();
    const result = await b.call('importStudyFile', { content: file, decisions: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toMatch(/nieuwe naam van een organisatie of meting.*"Huisartsen Centrum"/);
    expect(b.db.prepare('SELECT * FROM organisations ORDER BY id').all()).toEqual(before);
  });

  it('reads a file from before organisations had dates, an expected number and archiving', async () => {
    const time = clock();
    const a = open({ now: time.now });
    const b = open({ now: time.now });
    const net = await a.ok('createNetwork', { name: 'Dementie Twente' });
    const org = await a.ok('addOrganisation', { networkId: net.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
    const file = JSON.parse(await studyFileOf(a, [net.id])) as { manifest: unknown; data: { organisations: Record<string, unknown>[] }; checksum: { value: string } };
    for (const o of file.data.organisations) for (const key of ['joined_on', 'left_on', 'expected_participants', 'archived_at']) delete o[key];
    file.checksum.value = studyChecksum(file.manifest, file.data);
    time.advance(1);
    await b.ok('importStudyFile', { content: JSON.stringify(file), decisions: [] });
    expect(organisationRow(b, org.id)).toMatchObject({ name: 'Thuiszorg Oost', joined_on: null, left_on: null, expected_participants: null, archived_at: null });
  });
});
