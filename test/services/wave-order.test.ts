/**
 * Waves in time order through the real services: an interim wave planned in 2025 sits between T0
 * (2024) and T2 (2027) in the network, the dashboard (baseline and comparisons), the comparison of
 * networks (whose "latest wave" is the last one) and the export's wave list, although it was created
 * last.
 */
import { describe, expect, it } from 'vitest';
import { useServices } from '../support/services';

const open = useServices();
const KS = 'kansrijke-samenwerking';

describe('waves in time order', () => {
  it('puts an interim wave where its planned date says, everywhere', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
    const instruments = [{ instrumentId: KS, version: 1 }];
    const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2024-03-01', instruments });
    const t2 = await s.ok('createWave', { networkId: network.id, label: 'T2', kind: 'T2', plannedDate: '2027-03-01', instruments });
    const interim = await s.ok('createWave', { networkId: network.id, label: 'Tussenmeting', kind: 'custom', plannedDate: '2025-09-15', instruments });
    const expected = [t0.id, interim.id, t2.id];

    const detail = await s.ok('getNetwork', { networkId: network.id });
    expect(detail.waves.map((w) => w.id)).toEqual(expected);

    const d = await s.ok('getDashboard', { networkId: network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.waves.map((w) => w.waveId)).toEqual(expected);
    // The baseline is T0; the follow-ups come in time order.
    expect(d.comparisons.map((c) => [c.baselineWaveId, c.followUpWaveId])).toEqual([[t0.id, interim.id], [t0.id, t2.id]]);

    // Asking for the waves in another order does not change their order.
    const picked = await s.ok('getDashboard', { networkId: network.id, waveIds: [t2.id, t0.id, interim.id], instrumentId: KS, breakdown: 'none' });
    expect(picked.waves.map((w) => w.waveId)).toEqual(expected);

    const compared = await s.ok('compareNetworks', { networkIds: [network.id], instrumentId: KS });
    expect(compared.networks[0]!.waves.map((w) => w.waveId)).toEqual(expected);
    // Each wave carries its planned date, so the screen can say when "the latest wave" was.
    expect(compared.networks[0]!.waves.map((w) => w.plannedDate)).toEqual(['2024-03-01', '2025-09-15', '2027-03-01']);
    expect(compared.instrumentName.nl).toBe('Kansrijke samenwerking');
    expect(d.instrumentName.nl).toBe('Kansrijke samenwerking');
  });
});
