import { PARTNER_NETWORK_INSTRUMENT } from '../../shared/partner-network';
import type { Laptop } from './services';

/**
 * A small partner network for the report tests, through the real API (a laptop's `ok` or an e2e
 * session's `call`).
 *
 * Three organisations, minimum group 3 (as in partner-network.test.ts). T0: three of Thuiszorg work
 * with Huisarts weekly (a shown tie), two of Huisarts with Thuiszorg (too few: left out). T1: three
 * each way (two shown ties, mutual). By hand: T0 1 tie of 3 × 2 = 6 possible, density 17%,
 * reciprocity 0%; T1 2 ties, density 33%, reciprocity 100%; change +1 tie, +17 and +100 points.
 */
export async function partnerStudy(s: Pick<Laptop, 'ok'>) {
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
  const add = (name: string) => s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
  const [thuiszorg, huisarts, welzijn] = [await add('Thuiszorg'), await add('Huisarts'), await add('Welzijn')];
  const waveOf = (label: string, kind: 'T0' | 'T1') =>
    s.ok('createWave', { networkId: network.id, label, kind, plannedDate: null, instruments: [{ instrumentId: PARTNER_NETWORK_INSTRUMENT, version: 1 }] });
  const t0 = await waveOf('T0', 'T0');
  const t1 = await waveOf('T1', 'T1');
  let n = 0;
  const respond = async (waveId: string, organisationId: string, about: Record<string, number>) => {
    const r = await s.ok('startResponse', { waveId, respondentCode: `RSP${String(++n).padStart(3, '0')}`, organisationId, mode: 'form' });
    for (const [to, value] of Object.entries(about)) await s.ok('saveRelationAnswer', { responseId: r.id, instrumentId: PARTNER_NETWORK_INSTRUMENT, itemId: 'pa_frequentie', organisationId: to, value });
    await s.ok('completeResponse', { responseId: r.id });
  };
  for (let i = 0; i < 3; i++) await respond(t0.id, thuiszorg.id, { [huisarts.id]: 4, [welzijn.id]: 1 });
  for (let i = 0; i < 2; i++) await respond(t0.id, huisarts.id, { [thuiszorg.id]: 3 });
  for (let i = 0; i < 3; i++) await respond(t1.id, thuiszorg.id, { [huisarts.id]: 5 });
  for (let i = 0; i < 3; i++) await respond(t1.id, huisarts.id, { [thuiszorg.id]: 2 });
  return { network, waveIds: [t0.id, t1.id] };
}
