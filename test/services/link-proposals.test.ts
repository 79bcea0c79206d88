/**
 * The linking screen's API over a real SQLite file: near matches of self-made codes listed as
 * proposals with only what may be shown, a researcher's decision stored once with an audit entry
 * that names ids only, and every bad decision refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { LinkProposalList } from '../../shared/results';
import { decideSlip, resultsStudy } from '../support/results-study';
import { snapshot, useServices } from '../support/services';

const open = useServices();
const study = () => resultsStudy(open());
type Study = Awaited<ReturnType<typeof study>>;

/** The response id of a code in a wave. */
async function responseOf(w: Study, waveId: string, code: string): Promise<string> {
  const found = (await w.ok('listResponses', { waveId })).find((r) => r.respondentCode === code);
  if (!found) throw new Error(`no response ${code}`);
  return found.id;
}

const t1Of = (list: LinkProposalList, w: Study) => list.comparisons.find((c) => c.followUpWaveId === w.t1.id)!;

describe('listLinkProposals', () => {
  it('lists the near match MA123 → MA133 between the baseline and T1, with groups only where they are large enough', async () => {
    const w = await study();
    const list = await w.ok('listLinkProposals', { networkId: w.network.id });
    expect(list).toMatchObject({ networkId: w.network.id, networkName: 'Dementienetwerk Noord', minGroupSize: 5, baselineWaveId: w.t0.id });
    // The baseline against each later wave, in time order; the empty T2 has nothing.
    expect(list.comparisons.map((c) => c.followUpWaveLabel)).toEqual(['T1', 'T2']);
    expect(list.comparisons[1]).toMatchObject({ proposals: [], decided: [] });
    const t1 = t1Of(list, w);
    expect(t1.decided).toEqual([]);
    expect(t1.proposals).toHaveLength(1);
    // MA123 at T0: Welzijn West has 5 complete T0 responses (linked 7–8, only-T0 1–3), so it is named;
    // the managers (role 2) are 4 at T0 (linked 8, only-T0 1–3): hidden. MA133 at T1: Welzijn West 7,
    // professionals 9 (linked 1–8, only-T1 1): both named.
    expect(t1.proposals[0]).toEqual({
      baseline: {
        responseId: await responseOf(w, w.t0.id, 'MA123'),
        waveId: w.t0.id,
        waveLabel: 'T0',
        code: 'MA123',
        organisation: { shown: true, label: { nl: 'Welzijn West', en: 'Welzijn West' } },
        roleGroup: { shown: false, reason: 'hidden' },
      },
      followUp: {
        responseId: await responseOf(w, w.t1.id, 'MA133'),
        waveId: w.t1.id,
        waveLabel: 'T1',
        code: 'MA133',
        organisation: { shown: true, label: { nl: 'Welzijn West', en: 'Welzijn West' } },
        roleGroup: { shown: true, label: { nl: 'Professional (zorg of welzijn)', en: 'Professional (care or welfare)' } },
      },
      differs: 'birthDay',
    });
  }, 60_000);

  it('hides an organisation below the minimum group size and says when a respondent gave none', async () => {
    const w = await study();
    await w.ok('updateNetworkSettings', { networkId: w.network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 6 });
    // HA051 at T1, no organisation and no background questions: one slip from HA041 (T0, Welzijn West, manager).
    const r = await w.ok('startResponse', { waveId: w.t1.id, respondentCode: 'HA051', organisationId: null, mode: 'form' });
    await w.ok('completeResponse', { responseId: r.id });
    const t1 = t1Of(await w.ok('listLinkProposals', { networkId: w.network.id }), w);
    expect(t1.proposals.map((p) => `${p.baseline.code}→${p.followUp.code}`)).toEqual(['HA041→HA051', 'MA123→MA133']);
    const [ha, ma] = t1.proposals;
    // At a minimum of 6, Welzijn West's 5 at T0 are too few; its 7 at T1 are enough.
    expect(ma!.baseline.organisation).toEqual({ shown: false, reason: 'hidden' });
    expect(ma!.followUp.organisation).toMatchObject({ shown: true });
    expect(ha!.followUp).toMatchObject({ code: 'HA051', organisation: { shown: false, reason: 'unknown' }, roleGroup: { shown: false, reason: 'unknown' } });
    expect(ha!.differs).toBe('birthDay');
  }, 60_000);
});

describe('decideLinkProposal', () => {
  it('stores an accepted pair once, with an audit entry that names ids and never codes', async () => {
    const w = await study();
    const after = await decideSlip(w, 'accepted');
    const t1 = t1Of(after, w);
    expect(t1.proposals).toEqual([]);
    expect(t1.decided).toHaveLength(1);
    expect(t1.decided[0]).toMatchObject({
      baseline: { code: 'MA123' },
      followUp: { code: 'MA133' },
      differs: 'birthDay',
      decision: 'accepted',
      deviceId: w.services.deviceId,
      overruled: 0,
    });

    const rows = w.db.prepare('SELECT * FROM link_decisions').all() as Record<string, string>[];
    const respondent = (code: string) => w.db.prepare('SELECT id FROM respondents WHERE code = ?').pluck().get(code);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        network_id: w.network.id,
        baseline_respondent_id: respondent('MA123'),
        follow_up_respondent_id: respondent('MA133'),
        decision: 'accepted',
        decided_at: t1.decided[0]!.decidedAt,
        device_id: w.services.deviceId,
      },
    ]);
    const audit = w.db.prepare("SELECT * FROM audit_log WHERE action LIKE 'link.%'").all() as Record<string, string>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'link.accepted', entity: 'link-decision', entity_id: rows[0]!.id });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ baselineResponseId: t1.decided[0]!.baseline.responseId, followUpResponseId: t1.decided[0]!.followUp.responseId });
    expect(JSON.stringify(audit)).not.toMatch(/MA1[23]3/);
  }, 60_000);

  it('records a rejection as link.rejected', async () => {
    const w = await study();
    const after = await decideSlip(w, 'rejected');
    expect(t1Of(after, w).decided[0]).toMatchObject({ decision: 'rejected' });
    expect(w.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'link.%'").pluck().all()).toEqual(['link.rejected']);
  }, 60_000);

  it('refuses a second decision on the same pair, and changes nothing', async () => {
    const w = await study();
    const first = t1Of(await decideSlip(w, 'accepted'), w).decided[0]!;
    const before = snapshot(w.db);
    for (const decision of ['accepted', 'rejected'] as const) {
      const again = await w.call('decideLinkProposal', { networkId: w.network.id, baselineResponseId: first.baseline.responseId, followUpResponseId: first.followUp.responseId, decision });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/al besloten.*niets opgeslagen/) } });
    }
    expect(snapshot(w.db)).toEqual(before);
  }, 60_000);

  it('refuses pairs that are no proposal, responses not submitted or of another network, and writes nothing', async () => {
    const w = await study();
    const other = await w.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
    const otherWave = await w.ok('createWave', { networkId: other.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    const foreign = await w.ok('startResponse', { waveId: otherWave.id, respondentCode: 'MA133', organisationId: null, mode: 'form' });
    await w.ok('completeResponse', { responseId: foreign.id });
    const ids = {
      ma123: await responseOf(w, w.t0.id, 'MA123'),
      ma133: await responseOf(w, w.t1.id, 'MA133'),
      an011T0: await responseOf(w, w.t0.id, 'AN011'),
      an011T1: await responseOf(w, w.t1.id, 'AN011'),
      pe201: await responseOf(w, w.t1.id, 'PE201'),
      unfinished: await responseOf(w, w.t1.id, 'ZZ319'),
      ha041: await responseOf(w, w.t0.id, 'HA041'),
    };
    const before = snapshot(w.db);
    const decide = (baselineResponseId: string, followUpResponseId: string) =>
      w.call('decideLinkProposal', { networkId: w.network.id, baselineResponseId, followUpResponseId, decision: 'accepted' });
    const cases: [string, string, string, string][] = [
      ['equal codes, linked anyway', ids.an011T0, ids.an011T1, 'VALIDATION'],
      ['codes two elements apart', ids.ma123, ids.pe201, 'VALIDATION'],
      ['the later wave as baseline', ids.ma133, ids.ma123, 'VALIDATION'],
      ['two responses of one wave', ids.ma123, ids.ha041, 'VALIDATION'],
      ['a response still in progress', ids.ma123, ids.unfinished, 'VALIDATION'],
      ['a response of another network', ids.ma123, foreign.id, 'NOT_FOUND'],
    ];
    for (const [what, b, f, code] of cases) {
      const result = await decide(b, f);
      expect(result, what).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message, what).toMatch(/niets opgeslagen/);
    }
    expect(snapshot(w.db)).toEqual(before);
  }, 60_000);

  it('is refused in kiosk mode, as every researcher method is', async () => {
    const w = await study();
    const ma123 = await responseOf(w, w.t0.id, 'MA123');
    const ma133 = await responseOf(w, w.t1.id, 'MA133');
    await w.ok('setResearcherPin', { pin: '482913', currentPin: null });
    await w.ok('startKiosk', { waveId: w.t1.id, pin: '482913' });
    const before = snapshot(w.db);
    expect(await w.call('listLinkProposals', { networkId: w.network.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('decideLinkProposal', { networkId: w.network.id, baselineResponseId: ma123, followUpResponseId: ma133, decision: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(snapshot(w.db)).toEqual(before);
  }, 60_000);

  it('forgets a decision when one of its respondents is erased', async () => {
    const w = await study();
    await decideSlip(w, 'accepted');
    await w.ok('eraseRespondent', { networkId: w.network.id, respondentCode: 'MA133', confirmCode: 'MA133' });
    expect(w.db.prepare('SELECT count(*) FROM link_decisions').pluck().get()).toBe(0);
    const t1 = t1Of(await w.ok('listLinkProposals', { networkId: w.network.id }), w);
    expect(t1).toMatchObject({ proposals: [], decided: [] });
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: 'kansrijke-samenwerking', breakdown: 'none' });
    expect(d.comparisons[0]!.linking).toMatchObject({ matched: 7, tolerant: 0, proposals: 0, unmatchedBaseline: 6, unmatchedFollowUp: 6 });
  }, 60_000);
});
