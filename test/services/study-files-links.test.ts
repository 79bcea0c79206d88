import { describe, expect, it } from 'vitest';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Link decisions (a researcher's "same person" or "not the same person" on a near match of
 * self-made codes) travelling between laptops in study files: a union of decisions, the same pair
 * decided differently resolved by a rule every laptop applies alike (the later decision; at the same
 * moment, the smaller device id), the preview saying so, and the same file twice changing nothing.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

async function respond(s: Laptop, waveId: string, code: string) {
  const r = await s.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  await s.ok('completeResponse', { responseId: r.id });
}

const clock = (at: string) => ({ now: () => at });

/**
 * Laptop A sets up a network with self-made codes and waves T0, T1, T2; MA123 answers T0 and MA133
 * (one slip in the birth day) T1. Laptop B receives all of it in a study file, so both hold the same
 * proposal between the same two respondents. With `setUpOnly`, B receives the set-up before anyone
 * answered, and MA123 and MA133 answer on B.
 */
async function twoLaptops(options: { a?: { now: () => string }; b?: { now: () => string }; setUpOnly?: boolean } = {}) {
  const a = open(options.a);
  const b = open(options.b);
  const network = await a.ok('createNetwork', { name: 'Dementie Twente' });
  await a.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
  const wave = (label: 'T0' | 'T1' | 'T2', plannedDate: string) =>
    a.ok('createWave', { networkId: network.id, label, kind: label, plannedDate, instruments: [{ instrumentId: KS, version: 1 }] });
  const t0 = await wave('T0', '2026-03-01');
  const t1 = await wave('T1', '2027-03-01');
  const t2 = await wave('T2', '2028-03-01');
  if (options.setUpOnly) {
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    await respond(b, t0.id, 'MA123');
    await respond(b, t1.id, 'MA133');
  } else {
    await respond(a, t0.id, 'MA123');
    await respond(a, t1.id, 'MA133');
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
  }
  return { a, b, network, t0, t1, t2 };
}

type World = Awaited<ReturnType<typeof twoLaptops>>;

async function decide(s: Laptop, w: World, decision: 'accepted' | 'rejected') {
  const proposal = (await s.ok('listLinkProposals', { networkId: w.network.id })).comparisons[0]!.proposals[0]!;
  expect([proposal.baseline.code, proposal.followUp.code]).toEqual(['MA123', 'MA133']);
  await s.ok('decideLinkProposal', { networkId: w.network.id, baselineResponseId: proposal.baseline.responseId, followUpResponseId: proposal.followUp.responseId, decision });
}

/** The T0 → T1 linking as the dashboard counts it on this laptop. */
async function linking(s: Laptop, w: World) {
  const d = await s.ok('getDashboard', { networkId: w.network.id, waveIds: [w.t0.id, w.t1.id], instrumentId: KS, breakdown: 'none' });
  const { tolerant, proposals, rejected } = d.comparisons[0]!.linking;
  return { tolerant, proposals, rejected };
}

/** The decisions stored on a laptop, by the codes of their respondents. */
function storedDecisions(s: Laptop): string[] {
  return (
    s.db
      .prepare(
        `SELECT pb.code || '→' || pf.code || ' ' || d.decision || ' ' || d.decided_at AS line
         FROM link_decisions d JOIN respondents pb ON pb.id = d.baseline_respondent_id JOIN respondents pf ON pf.id = d.follow_up_respondent_id`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

const withoutAudit = (snap: Record<string, unknown[]>) => ({ ...snap, audit_log: undefined });

describe('link decisions in study files', () => {
  it('travel to the other laptop with their audit entry, link the pair there, and a second import changes nothing', async () => {
    const w = await twoLaptops();
    await decide(w.a, w, 'accepted');
    const content = await studyFileOf(w.a, [w.network.id]);

    const preview = await w.b.ok('previewStudyFile', { content });
    expect(preview.counts.linkDecisions).toEqual({ added: 1, skipped: 0 });
    expect(preview.linkConflicts).toEqual([]);
    expect(await linking(w.b, w)).toEqual({ tolerant: 0, proposals: 1, rejected: 0 });

    const report = await w.b.ok('importStudyFile', { content, decisions: [] });
    expect(report.counts.linkDecisions).toEqual({ added: 1, skipped: 0 });
    expect(await linking(w.b, w)).toEqual({ tolerant: 1, proposals: 0, rejected: 0 });
    expect(w.b.db.prepare('SELECT * FROM link_decisions').all()).toEqual(w.a.db.prepare('SELECT * FROM link_decisions').all());
    expect(w.b.db.prepare("SELECT device_id FROM audit_log WHERE action = 'link.accepted'").pluck().all()).toEqual([w.a.services.deviceId]);
    // B sees it as decided (on A), and cannot decide the pair again.
    const t1 = (await w.b.ok('listLinkProposals', { networkId: w.network.id })).comparisons[0]!;
    expect(t1.decided).toMatchObject([{ decision: 'accepted', deviceId: w.a.services.deviceId, overruled: 0 }]);

    const before = snapshot(w.b.db);
    const again = await w.b.ok('importStudyFile', { content, decisions: [] });
    expect(again.nothingChanged).toBe(true);
    expect(again.counts.linkDecisions).toEqual({ added: 0, skipped: 1 });
    expect(withoutAudit(snapshot(w.b.db))).toEqual(withoutAudit(before));
  });

  it('decided differently on two laptops: the later decision holds on both, whichever file comes first, and the preview says so', async () => {
    const early = '2027-03-10T09:00:00.000Z';
    const late = '2027-03-10T09:00:00.001Z';
    const w = await twoLaptops({ a: clock(early), b: clock(late) });
    await decide(w.a, w, 'accepted');
    await decide(w.b, w, 'rejected');
    const fileA = await studyFileOf(w.a, [w.network.id]);
    const fileB = await studyFileOf(w.b, [w.network.id]);

    // A's decision is the earlier one: on A the file's decision holds, on B its own.
    const onA = await w.a.ok('previewStudyFile', { content: fileB });
    expect(onA.linkConflicts).toEqual([
      {
        networkName: 'Dementie Twente',
        baselineCode: 'MA123',
        followUpCode: 'MA133',
        local: { decision: 'accepted', decidedAt: early, deviceId: w.a.services.deviceId },
        incoming: { decision: 'rejected', decidedAt: late, deviceId: w.b.services.deviceId },
        holds: 'incoming',
      },
    ]);
    const onB = await w.b.ok('previewStudyFile', { content: fileA });
    expect(onB.linkConflicts).toMatchObject([{ local: { decision: 'rejected' }, incoming: { decision: 'accepted' }, holds: 'local' }]);

    await w.a.ok('importStudyFile', { content: fileB, decisions: [] });
    await w.b.ok('importStudyFile', { content: fileA, decisions: [] });
    for (const laptop of [w.a, w.b]) {
      // Both decisions stay recorded; the later one (rejected) counts.
      expect(storedDecisions(laptop)).toEqual([`MA123→MA133 accepted ${early}`, `MA123→MA133 rejected ${late}`]);
      expect(await linking(laptop, w)).toEqual({ tolerant: 0, proposals: 0, rejected: 1 });
      expect((await laptop.ok('listLinkProposals', { networkId: w.network.id })).comparisons[0]!.decided).toMatchObject([
        { decision: 'rejected', deviceId: w.b.services.deviceId, overruled: 1 },
      ]);
    }

    // A coordinator importing both files, in either order, ends up the same.
    for (const order of [
      [fileA, fileB],
      [fileB, fileA],
    ]) {
      // The coordinator's clock agrees with the laptops': a file made later than now is refused.
      const coordinator = open(clock(late));
      for (const content of order) await coordinator.ok('importStudyFile', { content, decisions: [] });
      expect(storedDecisions(coordinator)).toEqual([`MA123→MA133 accepted ${early}`, `MA123→MA133 rejected ${late}`]);
      expect(await linking(coordinator, w)).toEqual({ tolerant: 0, proposals: 0, rejected: 1 });
      for (const content of order) expect((await coordinator.ok('importStudyFile', { content, decisions: [] })).nothingChanged).toBe(true);
    }
  });

  it('decided at the same moment: the decision of the smaller device id holds', async () => {
    const at = clock('2027-03-10T09:00:00.000Z');
    const w = await twoLaptops({ a: at, b: at });
    await decide(w.a, w, 'accepted');
    await decide(w.b, w, 'rejected');
    // Worked out from the two device ids, not by the code under test.
    const expected = w.a.services.deviceId < w.b.services.deviceId ? 'accepted' : 'rejected';
    const preview = await w.a.ok('previewStudyFile', { content: await studyFileOf(w.b, [w.network.id]) });
    expect(preview.linkConflicts).toMatchObject([{ holds: expected === 'accepted' ? 'local' : 'incoming' }]);
    await w.a.ok('importStudyFile', { content: await studyFileOf(w.b, [w.network.id]), decisions: [] });
    expect(await linking(w.a, w)).toEqual(expected === 'accepted' ? { tolerant: 1, proposals: 0, rejected: 0 } : { tolerant: 0, proposals: 0, rejected: 1 });
  });

  it('name respondents: a code set up on two laptops is one person, and the decision follows that person to every wave', async () => {
    // B: MA123 at T0, MA133 at T1, decided the same person. A, on its own, meets MA133 at T2: another
    // respondent row with the same code, which a merge makes one person.
    const w = await twoLaptops({ setUpOnly: true });
    await decide(w.b, w, 'accepted');
    await respond(w.a, w.t2.id, 'MA133');
    const fileA = await studyFileOf(w.a, [w.network.id]);
    const fileB = await studyFileOf(w.b, [w.network.id]);
    const respondentOf = (s: Laptop, code: string) => s.db.prepare('SELECT id FROM respondents WHERE code = ?').pluck().get(code);
    expect(respondentOf(w.a, 'MA133')).not.toBe(respondentOf(w.b, 'MA133'));
    for (const order of [
      [fileA, fileB],
      [fileB, fileA],
    ]) {
      const coordinator = open();
      for (const content of order) await coordinator.ok('importStudyFile', { content, decisions: [] });
      // One MA133, with T1 and T2; the decision names that one respondent.
      expect(coordinator.db.prepare("SELECT count(*) FROM respondents WHERE code = 'MA133'").pluck().get()).toBe(1);
      expect(storedDecisions(coordinator).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['MA123→MA133 accepted']);
      // T0 → T1 and T0 → T2 both link MA123 to MA133 on that one decision.
      const d = await coordinator.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
      expect(d.comparisons.map((c) => [c.linking.tolerant, c.linking.proposals])).toEqual([
        [1, 0],
        [1, 0],
      ]);
    }
  });

  it('are left out for a person kept beside another one with the same code ("both"), now and at a second import', async () => {
    // B: MA123 at T0 and MA133 at T1, decided the same person. A, on its own, has another MA123 at T0.
    const w = await twoLaptops({ setUpOnly: true });
    await decide(w.b, w, 'accepted');
    await respond(w.a, w.t0.id, 'MA123');
    const coordinator = open();
    await coordinator.ok('importStudyFile', { content: await studyFileOf(w.a, [w.network.id]), decisions: [] });
    const fileB = await studyFileOf(w.b, [w.network.id]);
    const preview = await coordinator.ok('previewStudyFile', { content: fileB });
    const duplicate = preview.conflicts.find((c) => c.kind === 'duplicate' && c.respondentCode === 'MA123')!;
    const report = await coordinator.ok('importStudyFile', { content: fileB, decisions: [{ incomingResponseId: duplicate.incomingResponseId, choice: 'both' }] });
    // B's MA123 is now MA123-2 here; the decision about B's MA123 would otherwise land on A's MA123.
    expect(report.conflicts[0]!.newRespondentCode).toBe('MA123-2');
    expect(report.counts.linkDecisions).toEqual({ added: 0, skipped: 1 });
    expect(storedDecisions(coordinator)).toEqual([]);
    expect(await linking(coordinator, w)).toEqual({ tolerant: 0, proposals: 1, rejected: 0 });
    const again = await coordinator.ok('importStudyFile', { content: fileB, decisions: [] });
    expect(again.nothingChanged).toBe(true);
    expect(storedDecisions(coordinator)).toEqual([]);
  });

  it('are not taken over for a respondent erased on the receiving laptop', async () => {
    const w = await twoLaptops();
    await decide(w.a, w, 'accepted');
    await w.b.ok('eraseRespondent', { networkId: w.network.id, respondentCode: 'MA133', confirmCode: 'MA133' });
    const report = await w.b.ok('importStudyFile', { content: await studyFileOf(w.a, [w.network.id]), decisions: [] });
    expect(report.counts.linkDecisions).toEqual({ added: 0, skipped: 1 });
    expect(report.erasedSkipped).toBeGreaterThanOrEqual(2); // MA133's response and the decision about MA133
    expect(w.b.db.prepare('SELECT count(*) FROM link_decisions').pluck().get()).toBe(0);
    expect(w.b.db.prepare("SELECT count(*) FROM respondents WHERE code = 'MA133'").pluck().get()).toBe(0);
  });
});
