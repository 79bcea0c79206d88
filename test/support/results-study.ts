/**
 * The study the results tests share: one network with self-made codes, T0 (13 complete), T1 (14
 * complete, one started) and an empty T2, built through the real API. Its Gedeelde ambitie scores
 * are the R reference cases of test/unit/stats-reference.test.ts: seven respondents keep their code,
 * an eighth re-enters MA123 as MA133 (one slip in the birth day), which is a proposal until a
 * researcher accepts it.
 */
import type { useServices } from './services';

export const KS = 'kansrijke-samenwerking';
export const AG = 'achtergrond';

/** A ks_amb score s (a multiple of 0.25) as four items: 4s spread as evenly as possible, the extra points first (R: items_for). */
function itemsFor(s: number): number[] {
  const total = Math.round(4 * s);
  const base = Math.floor(total / 4);
  const extra = total % 4;
  return [0, 1, 2, 3].map((i) => base + (i < extra ? 1 : 0));
}

export type Services = ReturnType<ReturnType<typeof useServices>>;

export async function respond(
  s: Services,
  waveId: string,
  code: string,
  organisationId: string | null,
  answers: Record<string, number>,
  background: Record<string, number> = {},
  complete = true,
) {
  const r = await s.ok('startResponse', { waveId, respondentCode: code, organisationId, mode: 'form' });
  for (const [itemId, value] of Object.entries(answers)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId, value, text: null });
  for (const [itemId, value] of Object.entries(background)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: AG, itemId, value, text: null });
  if (complete) await s.ok('completeResponse', { responseId: r.id });
  return r.id;
}

/** A response: ks_amb from the score, ks_bel 3 (item 4 "weet niet" when `declineBel`), ks_per and ks_org 4, ks_pro 2. */
export function answersFor(ambScore: number, declineBel = false): Record<string, number> {
  const out: Record<string, number> = {};
  itemsFor(ambScore).forEach((v, i) => (out[`ks_amb_0${i + 1}`] = v));
  for (let i = 1; i <= 4; i++) {
    out[`ks_bel_0${i}`] = declineBel && i === 4 ? 9 : 3;
    out[`ks_per_0${i}`] = 4;
    out[`ks_org_0${i}`] = 4;
    out[`ks_pro_0${i}`] = 2;
  }
  return out;
}

// Gedeelde ambitie (ks_amb) condition scores, as in the R reference cases:
//   linked respondents: pre1 (T0) → post1 (T1); the eighth re-enters its self-made code with one slip (MA123 → MA133)
//   and is linked only once a researcher accepts that proposal (decideSlip).
export const pre1 = [3.0, 2.5, 3.25, 2.75, 2.0, 3.5, 2.25, 1.75];
export const post1 = [2.75, 3.0, 4.0, 3.75, 3.25, 2.0, 4.0, 3.75];
export const linkedT0 = ['AN011', 'BE022', 'CO033', 'DE044', 'EL055', 'FR066', 'GI077', 'MA123'];
export const linkedT1 = ['AN011', 'BE022', 'CO033', 'DE044', 'EL055', 'FR066', 'GI077', 'MA133'];
//   unmatched: y1 in T0 only, x1 in T1 only (codes at least two elements apart from everything on the other side).
export const y1 = [2.75, 3.5, 2.0, 1.5, 2.25];
export const x1 = [3.25, 4.0, 3.75, 2.5, 4.5, 3.0];
export const onlyT0 = ['HA041', 'JO142', 'KE243', 'LI014', 'NO115'];
export const onlyT1 = ['PE201', 'RO212', 'SA223', 'TI234', 'VI245', 'WI256'];

/** The network "Dementienetwerk Noord" (self-made codes, minimum group size 5) with T0 and T1 answered and an empty T2. */
export async function resultsStudy(s: Services) {
  const network = await s.ok('createNetwork', { name: 'Dementienetwerk Noord' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
  const thuiszorg = await s.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const welzijn = await s.ok('addOrganisation', { networkId: network.id, name: 'Welzijn West', sector: 'welzijn', sizeClass: 'lt100' });
  const huisartsen = await s.ok('addOrganisation', { networkId: network.id, name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: 'lt100' });
  const instruments = [{ instrumentId: KS, version: 1 }, { instrumentId: AG, version: 1 }];
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-01-15', instruments });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-01-15', instruments });
  const t2 = await s.ok('createWave', { networkId: network.id, label: 'T2', kind: 'T2', plannedDate: '2028-01-15', instruments });

  // T0 (13): organisations Thuiszorg = linked 1–6, Welzijn = linked 7–8 + only-T0 1–3, Huisartsen = only-T0 4–5.
  //          roles: professional (1) = linked 1–7, manager (2) = linked 8 + only-T0 1–3, declined (9) = only-T0 4–5.
  for (let i = 0; i < 8; i++) {
    await respond(s, t0.id, linkedT0[i]!, i < 6 ? thuiszorg.id : welzijn.id, { ...answersFor(pre1[i]!), ks_cijfer: 6 }, { ag_rol: i < 7 ? 1 : 2 });
  }
  for (let i = 0; i < 5; i++) {
    await respond(s, t0.id, onlyT0[i]!, i < 3 ? welzijn.id : huisartsen.id, { ...answersFor(y1[i]!), ks_cijfer: 6 }, { ag_rol: i < 3 ? 2 : 9 });
  }
  // T1 (14): Thuiszorg = linked 1–6 + only-T1 1, Welzijn = linked 7–8 + only-T1 2–6.
  //          roles: professional = linked 1–8 + only-T1 1, manager = only-T1 2–6. Only-T1 respondents answer ks_bel_04 "weet niet".
  for (let i = 0; i < 8; i++) {
    await respond(s, t1.id, linkedT1[i]!, i < 6 ? thuiszorg.id : welzijn.id, { ...answersFor(post1[i]!), ks_cijfer: 7 }, { ag_rol: 1 });
  }
  for (let i = 0; i < 6; i++) {
    await respond(s, t1.id, onlyT1[i]!, i < 1 ? thuiszorg.id : welzijn.id, { ...answersFor(x1[i]!, true), ks_cijfer: 7 }, { ag_rol: i < 1 ? 1 : 2 });
  }
  // An unfinished T1 response: started, never in the numbers.
  await respond(s, t1.id, 'ZZ319', null, answersFor(1), {}, false);
  return { ...s, network, thuiszorg, welzijn, huisartsen, t0, t1, t2 };
}


type Study = Awaited<ReturnType<typeof resultsStudy>>;

/** The researcher decides on the one proposal of the study (MA123 at T0, MA133 at T1) on the linking screen's API. */
export async function decideSlip(w: Study, decision: 'accepted' | 'rejected') {
  const list = await w.ok('listLinkProposals', { networkId: w.network.id });
  const proposal = list.comparisons
    .find((c) => c.followUpWaveId === w.t1.id)
    ?.proposals.find((p) => p.baseline.code === 'MA123' && p.followUp.code === 'MA133');
  if (!proposal) throw new Error('the study has no proposal MA123 → MA133');
  return w.ok('decideLinkProposal', { networkId: w.network.id, baselineResponseId: proposal.baseline.responseId, followUpResponseId: proposal.followUp.responseId, decision });
}
