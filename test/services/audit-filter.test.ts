import { describe, expect, it } from 'vitest';
import { useServices } from '../support/services';

/**
 * Reading the audit log on screen: filtered by kind, period and network, and each entry with the
 * names of the network, wave and organisation it is about (the log itself holds ids only).
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

/**
 * One step a day, at noon UTC (the same date in any time zone from UTC−11 to UTC+11): the database
 * on 1 March 2026, the networks on 2 and 3 March, the organisation on 4 March, the waves on 5 and 6
 * March, the responses and the erasure on 7 March.
 */
async function twoNetworks() {
  let day = 0;
  const s = open({ now: () => new Date(Date.UTC(2026, 2, 1 + day, 12)).toISOString() });
  const at = (d: number) => (day = d);
  at(1);
  const oost = await s.ok('createNetwork', { name: 'Dementie Oost' });
  at(2);
  const west = await s.ok('createNetwork', { name: 'Wijknetwerk West' });
  at(3);
  await s.ok('addOrganisation', { networkId: oost.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: null });
  at(4);
  const t0 = await s.ok('createWave', { networkId: oost.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  at(5);
  await s.ok('createWave', { networkId: west.id, label: 'Voorjaar', kind: 'custom', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  at(6);
  const kept = await s.ok('startResponse', { waveId: t0.id, respondentCode: 'MA010', organisationId: null, mode: 'form' });
  await s.ok('completeResponse', { responseId: kept.id });
  const typo = await s.ok('startResponse', { waveId: t0.id, respondentCode: 'MA01O', organisationId: null, mode: 'paper' });
  await s.ok('discardResponse', { responseId: typo.id });
  await s.ok('eraseRespondent', { networkId: oost.id, respondentCode: 'MA010', confirmCode: 'MA010' });
  return { ...s, oost, west, t0 };
}

const about = (page: { entries: { action: string; networkName: string | null; waveLabel: string | null; organisationName: string | null }[] }) =>
  page.entries.map((e) => [e.action, e.networkName, e.waveLabel, e.organisationName]);

describe('the audit log on screen', () => {
  it('names the network, wave and organisation of each entry, also of a response thrown away and a respondent erased', async () => {
    const s = await twoNetworks();
    const page = await s.ok('listAuditLog', { offset: 0, limit: 100 });
    // Newest first. The thrown-away and the erased response are gone; their network is still known,
    // and their wave where the entry itself names it.
    expect(about(page)).toEqual([
      ['respondent.erased', 'Dementie Oost', null, null],
      ['response.deleted', 'Dementie Oost', 'T0', null],
      ['response.started', 'Dementie Oost', 'T0', null],
      ['response.completed', 'Dementie Oost', null, null],
      ['response.started', 'Dementie Oost', 'T0', null],
      ['wave.created', 'Wijknetwerk West', 'Voorjaar', null],
      ['wave.created', 'Dementie Oost', 'T0', null],
      ['organisation.created', 'Dementie Oost', null, 'Thuiszorg Oost'],
      ['network.created', 'Wijknetwerk West', null, null],
      ['network.created', 'Dementie Oost', null, null],
      ['database.created', null, null, null],
    ]);
    expect(page.total).toBe(11);
    expect(JSON.stringify(page)).not.toContain('MA010');
  });

  it('filters by kind, by period and by network, and counts what the filter leaves', async () => {
    const s = await twoNetworks();
    const waves = await s.ok('listAuditLog', { offset: 0, limit: 100, kind: 'wave.created' });
    expect(waves.total).toBe(2);
    expect(about(waves)).toEqual([
      ['wave.created', 'Wijknetwerk West', 'Voorjaar', null],
      ['wave.created', 'Dementie Oost', 'T0', null],
    ]);

    const west = await s.ok('listAuditLog', { offset: 0, limit: 100, networkId: s.west.id });
    expect(west.entries.map((e) => e.action)).toEqual(['wave.created', 'network.created']);

    // Both days included.
    const period = await s.ok('listAuditLog', { offset: 0, limit: 100, from: '2026-03-02', to: '2026-03-04' });
    expect(period.entries.map((e) => e.action)).toEqual(['organisation.created', 'network.created', 'network.created']);
    const oneDay = await s.ok('listAuditLog', { offset: 0, limit: 100, from: '2026-03-05', to: '2026-03-05' });
    expect(about(oneDay)).toEqual([['wave.created', 'Dementie Oost', 'T0', null]]);
    const since = await s.ok('listAuditLog', { offset: 0, limit: 100, from: '2026-03-07' });
    expect(since.entries.map((e) => e.action)).toEqual(['respondent.erased', 'response.deleted', 'response.started', 'response.completed', 'response.started']);

    const combined = await s.ok('listAuditLog', { offset: 0, limit: 1, networkId: s.oost.id, kind: 'response.started' });
    expect(combined.total).toBe(2);
    expect(combined.entries).toHaveLength(1);

    const none = await s.ok('listAuditLog', { offset: 0, limit: 100, kind: 'backup.restored' });
    expect(none).toEqual({ total: 0, entries: [] });
  });

  it('refuses a period that ends before it begins with a Dutch sentence', async () => {
    const s = await twoNetworks();
    const refused = await s.call('listAuditLog', { offset: 0, limit: 10, from: '2026-03-02', to: '2026-03-01' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.' },
    });
  });
});

