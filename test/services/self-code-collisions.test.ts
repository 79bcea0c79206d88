/**
 * Two people who make the same self-made code (two letters of the mother's name, birth day, older
 * siblings) in one network: the second is asked the birth month (SELF_CODE_TAKEN, nothing
 * written) and gets a code of their own, `<base>-<MM>`; at a later wave each finds their own code
 * again. Through the real dispatcher over a real SQLite file, in form mode and in kiosk mode.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import type { ResponseRecord } from '../../shared/domain';
import type { Envelope } from '../../shared/errors';
import { answersFor, KS } from '../support/results-study';
import { snapshot, useServices, type Laptop } from '../support/services';

const open = useServices();

/** A network with self-made codes and waves T0 and T1 (Kansrijke samenwerking). */
async function selfCodeNetwork() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Palliatief netwerk Oost' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 3 });
  const instruments = [{ instrumentId: KS, version: 1 }];
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-02-01', instruments });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-02-01', instruments });
  return { ...s, network, t0, t1 };
}

/** Starts a form-mode response of a self-made code in a wave, with a birth month when given. */
const start = async (s: Laptop, waveId: string, respondentCode: string, birthMonth?: number) => {
  const input: Input<'startResponse'> = { waveId, respondentCode, organisationId: null, mode: 'form' };
  return (await s.call('startResponse', birthMonth === undefined ? input : { ...input, birthMonth })) as Envelope<ResponseRecord>;
};

/** Starts, answers every Kansrijke samenwerking item with 3s and 4s, and submits; the code as stored. */
async function takePart(s: Laptop, waveId: string, code: string, birthMonth?: number): Promise<{ code: string; respondentId: string }> {
  const started = await start(s, waveId, code, birthMonth);
  if (!started.ok) throw new Error(`${code}: ${started.error.message}`);
  for (const [itemId, value] of Object.entries(answersFor(3))) await s.ok('saveAnswer', { responseId: started.value.id, instrumentId: KS, itemId, value, text: null });
  await s.ok('completeResponse', { responseId: started.value.id });
  return { code: started.value.respondentCode, respondentId: started.value.respondentId };
}

const respondents = (s: Laptop) => s.db.prepare('SELECT code, code_kind AS kind FROM respondents ORDER BY created_at, code').all();
const startedAudit = (s: Laptop) => s.db.prepare("SELECT details FROM audit_log WHERE action = 'response.started' ORDER BY at, rowid").pluck().all() as string[];

describe('a self-made code someone else already used (form mode)', () => {
  it('asks the second person for the birth month without writing anything, then gives them MA010-07', async () => {
    const s = await selfCodeNetwork();
    const first = await takePart(s, s.t0.id, 'MA010');
    expect(first.code).toBe('MA010');

    const before = snapshot(s.db);
    const taken = await start(s, s.t0.id, 'MA010');
    expect(taken).toMatchObject({ ok: false, error: { code: 'SELF_CODE_TAKEN' } });
    if (!taken.ok) {
      expect(taken.error.message).toBe('Iemand anders heeft dezelfde code al gebruikt. Dat komt vaker voor. Vul ook uw geboortemaand in, dan krijgt u een eigen code.');
      // Nothing in it suggests a typing mistake.
      expect(taken.error.message).not.toMatch(/Controleer|klopt niet|fout/);
    }
    expect(snapshot(s.db)).toEqual(before);

    const second = await start(s, s.t0.id, 'ma010', 7); // typed in lower case: the contract upper-cases it
    expect(second).toMatchObject({ ok: true, value: { respondentCode: 'MA010-07', status: 'in_progress', mode: 'form' } });
    expect(respondents(s)).toEqual([
      { code: 'MA010', kind: 'self' },
      { code: 'MA010-07', kind: 'self' },
    ]);
    // The audit log says a month was asked; never the month or the code.
    const audit = startedAudit(s);
    expect(audit.map((d) => JSON.parse(d))).toEqual([
      { mode: 'form', waveId: s.t0.id },
      { mode: 'form', waveId: s.t0.id, birthMonthAsked: true },
    ]);
    expect(JSON.stringify(s.db.prepare('SELECT * FROM audit_log').all())).not.toMatch(/MA010|"0?7"|:7[,}]/);
  });

  it('gives a third person with the same code and the same month the first free serial, MA010-07-2', async () => {
    const s = await selfCodeNetwork();
    await takePart(s, s.t0.id, 'MA010');
    expect((await takePart(s, s.t0.id, 'MA010', 7)).code).toBe('MA010-07');
    expect(await start(s, s.t0.id, 'MA010')).toMatchObject({ ok: false, error: { code: 'SELF_CODE_TAKEN' } });
    expect((await takePart(s, s.t0.id, 'MA010', 7)).code).toBe('MA010-07-2');
    // A fourth, with another month: an extended code of their own.
    expect((await takePart(s, s.t0.id, 'MA010', 11)).code).toBe('MA010-11');
    expect(respondents(s).map((r) => (r as { code: string }).code)).toEqual(['MA010', 'MA010-07', 'MA010-07-2', 'MA010-11']);
  });

  it('at the next wave links both people to their own code: the month finds the extended one, any other month the plain one', async () => {
    const s = await selfCodeNetwork();
    const plain = await takePart(s, s.t0.id, 'MA010');
    const extended = await takePart(s, s.t0.id, 'MA010', 7);

    // T1: the code now has an extended form, so everyone who makes MA010 is asked the month first.
    const before = snapshot(s.db);
    expect(await start(s, s.t1.id, 'MA010')).toMatchObject({ ok: false, error: { code: 'SELF_CODE_TAKEN' } });
    expect(snapshot(s.db)).toEqual(before);
    // The extended person comes first this time: month 7, exactly their code.
    expect(await takePart(s, s.t1.id, 'MA010', 7)).toEqual(extended);
    // The plain person was never asked a month at T0; theirs (March) is not known, and the plain code
    // has not answered T1 yet: they are its holder.
    expect(await takePart(s, s.t1.id, 'MA010', 3)).toEqual(plain);
    expect(respondents(s)).toHaveLength(2);
    // Each respondent has one complete response per wave.
    expect(s.db.prepare("SELECT p.code, w.label FROM responses r JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id WHERE r.status = 'complete' ORDER BY w.label, p.code").all()).toEqual([
      { code: 'MA010', label: 'T0' },
      { code: 'MA010-07', label: 'T0' },
      { code: 'MA010', label: 'T1' },
      { code: 'MA010-07', label: 'T1' },
    ]);
  });

  it('at the next wave, once the plain code has answered, someone new with the same base and another month gets a new code', async () => {
    const s = await selfCodeNetwork();
    const plain = await takePart(s, s.t0.id, 'MA010');
    await takePart(s, s.t0.id, 'MA010', 7);
    expect(await takePart(s, s.t1.id, 'MA010', 5)).toEqual(plain);
    expect((await takePart(s, s.t1.id, 'MA010', 9)).code).toBe('MA010-09');
  });

  it('does not find the serial person again later: month 7 is the extended code while that has not answered (documented limit)', async () => {
    const s = await selfCodeNetwork();
    await takePart(s, s.t0.id, 'MA010');
    const extended = await takePart(s, s.t0.id, 'MA010', 7);
    const serial = await takePart(s, s.t0.id, 'MA010', 7);
    expect(serial.code).toBe('MA010-07-2');
    // At T1 the MA010-07-2 person comes first: they are taken for MA010-07 …
    expect(await takePart(s, s.t1.id, 'MA010', 7)).toEqual(extended);
    // … and the real MA010-07 then gets a new serial, never the old one.
    expect((await takePart(s, s.t1.id, 'MA010', 7)).code).toBe('MA010-07-3');
  });

  it('ignores a month when there is no collision, and resumes an unfinished response of the chosen code', async () => {
    const s = await selfCodeNetwork();
    const alone = await start(s, s.t0.id, 'JO051', 4);
    expect(alone).toMatchObject({ ok: true, value: { respondentCode: 'JO051' } });
    expect(startedAudit(s).map((d) => JSON.parse(d))).toEqual([{ mode: 'form', waveId: s.t0.id }]);

    await takePart(s, s.t0.id, 'MA010');
    const unfinished = await start(s, s.t0.id, 'MA010', 7);
    if (!unfinished.ok) throw new Error(unfinished.error.message);
    await s.ok('saveAnswer', { responseId: unfinished.value.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    // The researcher picks it up again with the same facts and month: the same response, its answer kept.
    const resumed = await start(s, s.t0.id, 'MA010', 7);
    expect(resumed).toMatchObject({ ok: true, value: { id: unfinished.value.id, respondentCode: 'MA010-07' } });
    if (resumed.ok) expect(resumed.value.answers.map((a) => [a.itemId, a.value])).toEqual([['ks_amb_01', 4]]);
    // Typed as a whole, the extended code is taken as it is.
    expect(await start(s, s.t0.id, 'MA010-07')).toMatchObject({ ok: true, value: { id: unfinished.value.id } });
  });

  it('refuses a bad birth month in Dutch and writes nothing', async () => {
    const s = await selfCodeNetwork();
    await takePart(s, s.t0.id, 'MA010');
    const before = snapshot(s.db);
    for (const birthMonth of [0, 13, 'x', 7.5, null, -1]) {
      const result = await s.dispatch('startResponse', { waveId: s.t0.id, respondentCode: 'MA010', organisationId: null, mode: 'form', birthMonth });
      expect(result, String(birthMonth)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) {
        expect(result.error.message, String(birthMonth)).toContain('geboortemaand');
        expect(result.error.message).toContain('er is niets opgeslagen');
      }
    }
    expect(snapshot(s.db)).toEqual(before);
  });

  it('leaves other code policies alone: a month is not asked for free codes', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk West' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await takePart(s, wave.id, 'MA010');
    const again = await start(s, wave.id, 'MA010', 7);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('a self-made code someone else already used (kiosk mode)', () => {
  async function kiosk() {
    const s = await selfCodeNetwork();
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.t0.id, pin: '1234' });
    return s;
  }
  const begin = async (s: Laptop, birthMonth?: number) =>
    (await s.call('kioskBegin', { respondentCode: 'MA010', consent: true, language: 'nl', birthMonth })) as Envelope<ResponseRecord>;
  /** The kiosk with a first MA010 who has submitted and left; their response id. */
  async function afterFirstPerson() {
    const s = await kiosk();
    const first = await begin(s);
    if (!first.ok) throw new Error(first.error.message);
    await s.ok('completeResponse', { responseId: first.value.id });
    await s.ok('kioskReset', {});
    return { s, firstId: first.value.id };
  }

  it('asks the month of the second person, writing nothing, and gives them MA010-07', async () => {
    const { s, firstId } = await afterFirstPerson();
    const before = snapshot(s.db);
    expect(await begin(s)).toMatchObject({ ok: false, error: { code: 'SELF_CODE_TAKEN' } });
    for (const birthMonth of [0, 13, 'x']) {
      const bad = await s.dispatch('kioskBegin', { respondentCode: 'MA010', consent: true, language: 'nl', birthMonth });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!bad.ok) expect(bad.error.message).toContain('geboortemaand');
    }
    expect(snapshot(s.db)).toEqual(before);

    const second = await begin(s, 7);
    expect(second).toMatchObject({ ok: true, value: { respondentCode: 'MA010-07', mode: 'kiosk', status: 'in_progress' } });
    // The kiosk now serves the second person's response only.
    if (second.ok) expect((await s.ok('getKioskState', {})).session?.currentResponseId).toBe(second.value.id);
    expect(await s.call('getResponse', { responseId: firstId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses to reopen an unfinished response of the chosen code, without suggesting a typo', async () => {
    const { s } = await afterFirstPerson();
    const second = await begin(s, 7);
    if (!second.ok) throw new Error(second.error.message);
    await s.ok('kioskReset', {}); // timed out, unfinished

    const before = snapshot(s.db);
    const again = await begin(s, 7);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!again.ok) {
      // Kiosk mode's one sentence for a code that cannot be used now (not listed, submitted or begun).
      expect(again.error.message).toBe('Met deze code kunt u nu geen vragenlijst invullen. Vraag de onderzoeker om hulp.');
    }
    expect(snapshot(s.db)).toEqual(before);
  });
});

describe('the dashboard and the linking screen with codes extended by a birth month', () => {
  it('link MA010 and MA010-07 exactly from T0 to T1, and never propose them as near matches of each other', async () => {
    const s = await selfCodeNetwork();
    await takePart(s, s.t0.id, 'MA010');
    await takePart(s, s.t0.id, 'MA010', 7);
    await takePart(s, s.t0.id, 'JO051');
    await takePart(s, s.t0.id, 'KE243');
    // T1: the extended person first, then the plain one (month 3), JO051 with a slip in the siblings,
    // KE243 stays away and PE201 is new.
    expect((await takePart(s, s.t1.id, 'MA010', 7)).code).toBe('MA010-07');
    expect((await takePart(s, s.t1.id, 'MA010', 3)).code).toBe('MA010');
    await takePart(s, s.t1.id, 'JO052');
    await takePart(s, s.t1.id, 'PE201');

    const d = await s.ok('getDashboard', { networkId: s.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    // By hand: MA010 = MA010 and MA010-07 = MA010-07 link exactly; JO051 → JO052 differs in the siblings only
    // (a proposal); KE243 and PE201 are two or more elements from everything on the other side.
    expect(d.comparisons.find((c) => c.followUpWaveId === s.t1.id)?.linking).toEqual({
      baselineWaveId: s.t0.id,
      followUpWaveId: s.t1.id,
      matched: 2,
      tolerant: 0,
      proposals: 1,
      rejected: 0,
      unmatchedBaseline: 1,
      unmatchedFollowUp: 1,
    });
    const proposals = (await s.ok('listLinkProposals', { networkId: s.network.id })).comparisons.flatMap((c) => c.proposals);
    expect(proposals.map((p) => [p.baseline.code, p.followUp.code, p.differs])).toEqual([['JO051', 'JO052', 'olderSiblings']]);
  });

  it('when only the extended person comes back, the plain code at T0 and MA010-07 at T1 are not proposed as one person', async () => {
    const s = await selfCodeNetwork();
    await takePart(s, s.t0.id, 'MA010');
    await takePart(s, s.t0.id, 'MA010', 7);
    await takePart(s, s.t1.id, 'MA010', 7);
    const d = await s.ok('getDashboard', { networkId: s.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.comparisons.find((c) => c.followUpWaveId === s.t1.id)?.linking).toMatchObject({ matched: 1, proposals: 0, unmatchedBaseline: 1, unmatchedFollowUp: 0 });
  });
});
