import { describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { snapshot, useServices, type Laptop } from '../support/services';

/**
 * Correcting what a researcher set up: a network's name, an organisation's details (joining,
 * leaving, the participants expected), a wave's label and date; archiving or removing an
 * organisation; closing and reopening a wave. Every change is audited; every refusal is Dutch
 * and leaves the file exactly as it was.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const PIN = '482913';

async function network(s: Laptop) {
  const net = await s.ok('createNetwork', { name: 'Dementie Twente', description: 'Eerste opzet' });
  const other = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
  const thuiszorg = await s.ok('addOrganisation', { networkId: net.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const huisarts = await s.ok('addOrganisation', { networkId: net.id, name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: null });
  const t0 = await s.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
  const t1 = await s.ok('createWave', { networkId: net.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments: [{ instrumentId: KS, version: 1 }] });
  return { net, other, thuiszorg, huisarts, t0, t1 };
}

const auditActions = (s: Laptop) => (s.db.prepare('SELECT action, details FROM audit_log ORDER BY rowid').all() as { action: string; details: string | null }[]);

/** Refused with this code and a Dutch sentence, and the database byte for byte as before. */
async function refusedUnchanged<K extends MethodName>(s: Laptop, method: K, input: Input<K>, code: string, message: RegExp) {
  const before = snapshot(s.db);
  const result = await s.call(method, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(snapshot(s.db)).toEqual(before);
}

describe('correcting a network, its organisations and its waves', () => {
  it('renames a network and changes its description, audited with the old and new name', async () => {
    const s = open();
    const { net } = await network(s);
    const saved = await s.ok('updateNetwork', { networkId: net.id, name: 'Dementienetwerk Twente', description: null });
    expect(saved).toMatchObject({ name: 'Dementienetwerk Twente', description: null });
    expect((await s.ok('getNetwork', { networkId: net.id })).network.name).toBe('Dementienetwerk Twente');
    expect(auditActions(s).at(-1)).toEqual({ action: 'network.updated', details: JSON.stringify({ from: 'Dementie Twente', to: 'Dementienetwerk Twente' }) });
    // Only the case changed: still this network's own name, so allowed.
    expect((await s.ok('updateNetwork', { networkId: net.id, name: 'DEMENTIENETWERK TWENTE', description: 'x' })).name).toBe('DEMENTIENETWERK TWENTE');
  });

  it('corrects an organisation: name, sector, size, joining and leaving, participants expected', async () => {
    const s = open();
    const { thuiszorg } = await network(s);
    const saved = await s.ok('updateOrganisation', {
      organisationId: thuiszorg.id,
      name: 'Thuiszorg Oost-Twente',
      sector: 'welzijn',
      sizeClass: 'lt100',
      joinedOn: '2025-09-01',
      leftOn: '2026-12-31',
      expectedParticipants: 12,
    });
    expect(saved).toEqual({
      id: thuiszorg.id,
      networkId: thuiszorg.networkId,
      name: 'Thuiszorg Oost-Twente',
      sector: 'welzijn',
      sizeClass: 'lt100',
      joinedOn: '2025-09-01',
      leftOn: '2026-12-31',
      expectedParticipants: 12,
      archived: false,
      inUse: false,
    });
    const row = s.db.prepare('SELECT updated_at, device_id FROM organisations WHERE id = ?').get(thuiszorg.id) as { updated_at: string; device_id: string };
    expect(row.device_id).toBe(s.services.deviceId);
    expect(auditActions(s).at(-1)).toEqual({ action: 'organisation.updated', details: JSON.stringify({ from: 'Thuiszorg Oost', to: 'Thuiszorg Oost-Twente' }) });
  });

  it('renames a wave and moves its planned date', async () => {
    const s = open();
    const { t1 } = await network(s);
    const saved = await s.ok('updateWave', { waveId: t1.id, label: 'T1 (voorjaar)', plannedDate: '2027-04-15' });
    expect(saved).toMatchObject({ label: 'T1 (voorjaar)', plannedDate: '2027-04-15', kind: 'T1', status: 'open' });
    expect(auditActions(s).at(-1)?.action).toBe('wave.updated');
  });

  it('refuses a name or label that is already taken, and changes nothing', async () => {
    const s = open();
    const { net, thuiszorg, t1 } = await network(s);
    await refusedUnchanged(s, 'updateNetwork', { networkId: net.id, name: 'wijknetwerk zuid', description: null }, 'CONFLICT', /al een netwerk met de naam "wijknetwerk zuid".*niets gewijzigd/);
    await refusedUnchanged(
      s,
      'updateOrganisation',
      { organisationId: thuiszorg.id, name: 'Huisartsen Centrum', sector: 'zorg', sizeClass: null, joinedOn: null, leftOn: null, expectedParticipants: null },
      'CONFLICT',
      /al een organisatie met de naam "Huisartsen Centrum"/,
    );
    await refusedUnchanged(s, 'updateWave', { waveId: t1.id, label: 't0', plannedDate: null }, 'CONFLICT', /al een meting "t0"/);
    await refusedUnchanged(
      s,
      'updateOrganisation',
      { organisationId: thuiszorg.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: null, joinedOn: '2026-05-01', leftOn: '2026-01-01', expectedParticipants: null },
      'VALIDATION',
      /uittreding ligt vóór de datum van toetreding/,
    );
  });
});

describe('archiving and removing an organisation', () => {
  it('removes an organisation that no response names', async () => {
    const s = open();
    const { net, huisarts } = await network(s);
    expect(await s.ok('removeOrganisation', { organisationId: huisarts.id })).toEqual({ removed: true });
    expect((await s.ok('getNetwork', { networkId: net.id })).organisations.map((o) => o.name)).toEqual(['Thuiszorg Oost']);
    expect(auditActions(s).at(-1)).toEqual({ action: 'organisation.removed', details: JSON.stringify({ from: 'Huisartsen Centrum' }) });
  });

  it('archives one with responses: never removed, not offered for new responses, still in results', async () => {
    const s = open();
    const { net, thuiszorg, t0 } = await network(s);
    const r = await s.ok('startResponse', { waveId: t0.id, respondentCode: 'ABC123', organisationId: thuiszorg.id, mode: 'form' });
    await refusedUnchanged(s, 'removeOrganisation', { organisationId: thuiszorg.id }, 'CONFLICT', /kan daarom niet worden verwijderd\. Archiveer haar/);

    const archived = await s.ok('archiveOrganisation', { organisationId: thuiszorg.id, archived: true });
    expect(archived).toMatchObject({ archived: true, inUse: true });
    expect(auditActions(s).at(-1)?.action).toBe('organisation.archived');
    // Still listed (results and exports keep it), and the response keeps its organisation.
    expect((await s.ok('getNetwork', { networkId: net.id })).organisations.find((o) => o.id === thuiszorg.id)?.archived).toBe(true);
    expect((await s.ok('getResponse', { responseId: r.id })).organisationId).toBe(thuiszorg.id);
    // A new response cannot choose it.
    await refusedUnchanged(s, 'startResponse', { waveId: t0.id, respondentCode: 'DEF456', organisationId: thuiszorg.id, mode: 'paper' }, 'CONFLICT', /gearchiveerd/);

    expect(await s.ok('archiveOrganisation', { organisationId: thuiszorg.id, archived: false })).toMatchObject({ archived: false });
    expect(auditActions(s).at(-1)?.action).toBe('organisation.restored');
    await s.ok('startResponse', { waveId: t0.id, respondentCode: 'DEF456', organisationId: thuiszorg.id, mode: 'paper' });
  });

  it('leaves an archived organisation out of the kiosk choices', async () => {
    const s = open();
    const { thuiszorg, huisarts, t0 } = await network(s);
    await s.ok('archiveOrganisation', { organisationId: thuiszorg.id, archived: true });
    await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
    const state = await s.ok('startKiosk', { waveId: t0.id, pin: PIN });
    expect(state.session?.organisations).toEqual([{ id: huisarts.id, name: 'Huisartsen Centrum' }]);
  });
});

describe('closing and reopening a wave', () => {
  it('a closed wave takes no new response on paper, in a form or in the kiosk; reopened it does again', async () => {
    const s = open();
    const { t0 } = await network(s);
    await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
    const closed = await s.ok('setWaveStatus', { waveId: t0.id, status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(auditActions(s).at(-1)).toEqual({ action: 'wave.closed', details: JSON.stringify({ label: 'T0' }) });

    await refusedUnchanged(s, 'startResponse', { waveId: t0.id, respondentCode: 'ABC123', organisationId: null, mode: 'paper' }, 'CONFLICT', /Meting T0 is gesloten/);
    await refusedUnchanged(s, 'startResponse', { waveId: t0.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' }, 'CONFLICT', /Meting T0 is gesloten/);
    await refusedUnchanged(s, 'startKiosk', { waveId: t0.id, pin: PIN }, 'CONFLICT', /Meting T0 is gesloten/);

    expect((await s.ok('setWaveStatus', { waveId: t0.id, status: 'open' })).status).toBe('open');
    expect(auditActions(s).at(-1)?.action).toBe('wave.reopened');
    await s.ok('startResponse', { waveId: t0.id, respondentCode: 'ABC123', organisationId: null, mode: 'paper' });
    await s.ok('startKiosk', { waveId: t0.id, pin: PIN });
    const begun = await s.ok('kioskBegin', { respondentCode: 'KIO001', consent: true, language: 'nl' });
    expect(begun.waveId).toBe(t0.id);
  });

  it('a wave closed on another laptop refuses the kiosk respondent too (beginResponse checks the wave)', async () => {
    const s = open();
    const { t0 } = await network(s);
    await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
    await s.ok('startKiosk', { waveId: t0.id, pin: PIN });
    // As a study file import would: the wave is closed underneath the running session.
    s.db.prepare("UPDATE waves SET status = 'closed' WHERE id = ?").run(t0.id);
    await refusedUnchanged(s, 'kioskBegin', { respondentCode: 'KIO001', consent: true, language: 'nl' }, 'CONFLICT', /gesloten/);
  });

  it('refuses to close a wave while kiosk mode runs on it, saying to leave kiosk mode first', async () => {
    const s = open();
    const { t0 } = await network(s);
    await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
    await s.ok('startKiosk', { waveId: t0.id, pin: PIN });
    await refusedUnchanged(s, 'setWaveStatus', { waveId: t0.id, status: 'closed' }, 'FORBIDDEN', /Verlaat eerst de afnamemodus met de pincode/);
    await s.ok('exitKiosk', { pin: PIN });
    expect((await s.ok('setWaveStatus', { waveId: t0.id, status: 'closed' })).status).toBe('closed');
  });
});
