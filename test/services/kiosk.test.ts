import { describe, expect, it } from 'vitest';
import { makeAssignedCode } from '../../shared/codes';
import { MAX_PIN_FAILURES, PIN_LOCK_MS, pinMatches } from '../../electron/services/administration/kiosk';
import { snapshot, studyExportInput, useServices } from '../support/services';

const open = useServices();
const KS = 'kansrijke-samenwerking';

async function setup(options: Parameters<typeof open>[0] = {}) {
  const s = open(options);
  const network = await s.ok('createNetwork', { name: 'Dementie Twente' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  return { ...s, network, wave };
}

const answer = (responseId: string, itemId: string, value: number) => ({ responseId, instrumentId: KS, itemId, value, text: null });

describe('the researcher PIN', () => {
  it('is stored as a salted slow hash, never as the PIN itself', async () => {
    const s = await setup();
    expect((await s.ok('getKioskState', {})).pinSet).toBe(false);
    await s.ok('setResearcherPin', { pin: '482913', currentPin: null });
    const stored = s.db.prepare("SELECT value FROM settings WHERE key = 'researcher_pin'").pluck().get() as string;
    expect(stored).not.toContain('482913');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(pinMatches('482913', stored)).toBe(true);
    expect(pinMatches('482914', stored)).toBe(false);
    // Two installs with the same PIN get different hashes (salt).
    const other = await setup();
    await other.ok('setResearcherPin', { pin: '482913', currentPin: null });
    expect(other.db.prepare("SELECT value FROM settings WHERE key = 'researcher_pin'").pluck().get()).not.toBe(stored);
  });

  it('can only be changed with the current PIN', async () => {
    const s = await setup();
    await s.ok('setResearcherPin', { pin: '1111', currentPin: null });
    expect(await s.call('setResearcherPin', { pin: '2222', currentPin: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call('setResearcherPin', { pin: '2222', currentPin: '9999' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.ok('setResearcherPin', { pin: '2222', currentPin: '1111' });
    expect(await s.call('startKiosk', { waveId: s.wave.id, pin: '1111' })).toMatchObject({ ok: false });
    expect((await s.ok('startKiosk', { waveId: s.wave.id, pin: '2222' })).session?.waveId).toBe(s.wave.id);
  });
});

describe('kiosk mode', () => {
  it('starts only with the right PIN and locks the window', async () => {
    const s = await setup();
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    expect(await s.call('startKiosk', { waveId: s.wave.id, pin: '4321' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await s.ok('getKioskState', {})).session).toBeNull();
    expect(s.kioskWindow).toEqual([]);
    const state = await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    expect(state.session).toMatchObject({ waveLabel: 'T0', networkName: 'Dementie Twente', codePolicy: 'free', currentResponseId: null });
    expect(s.kioskWindow).toEqual([true]);
  });

  it('refuses every researcher action while active, and writes nothing', async () => {
    const s = await setup();
    const earlier = await s.ok('startResponse', { waveId: s.wave.id, respondentCode: 'EARLY1', organisationId: null, mode: 'form' });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    const before = snapshot(s.db);
    for (const [method, input] of [
      ['createNetwork', { name: 'X' }],
      ['exportStudy', studyExportInput(s.network.id, { waveIds: [s.wave.id] })],
      ['getWaveOverview', { waveId: s.wave.id }],
      ['listResponses', { waveId: s.wave.id }],
      ['resumeResponse', { responseId: earlier.id }],
      ['getResponse', { responseId: earlier.id }],
      ['saveAnswer', answer(earlier.id, 'ks_amb_01', 3)],
      ['startResponse', { waveId: s.wave.id, respondentCode: 'EARLY1', organisationId: null, mode: 'form' }],
      ['setResearcherPin', { pin: '9999', currentPin: '1234' }],
    ] as const) {
      const result = await s.dispatch(method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot(s.db)).toEqual(before);
  });

  it('gives a respondent only their own response, and nothing of the previous one after a reset', async () => {
    const s = await setup();
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    const first = await s.ok('kioskBegin', { respondentCode: 'FIRST1', consent: true, language: 'en' });
    expect(first).toMatchObject({ mode: 'kiosk', language: 'en', status: 'in_progress' });
    expect(first.consentAt).not.toBeNull();
    await s.ok('saveAnswer', answer(first.id, 'ks_amb_01', 4));
    await s.ok('completeResponse', { responseId: first.id });
    await s.ok('kioskReset', {});

    const second = await s.ok('kioskBegin', { respondentCode: 'SECOND', consent: true, language: 'nl' });
    expect(second.answers).toEqual([]);
    expect(await s.call('getResponse', { responseId: first.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.call('saveAnswer', answer(first.id, 'ks_amb_02', 1))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.ok('saveAnswer', answer(second.id, 'ks_amb_01', 2));
    // Timeout: back to welcome without completing; the answer stays in an unfinished response.
    await s.ok('kioskReset', {});
    expect(await s.call('getResponse', { responseId: second.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The same code cannot reopen it in the kiosk: only the researcher resumes.
    const again = await s.call('kioskBegin', { respondentCode: 'SECOND', consent: true, language: 'nl' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!again.ok) expect(again.error.message).toContain('onderzoeker');

    await s.ok('exitKiosk', { pin: '1234' });
    expect(s.kioskWindow).toEqual([true, false]);
    const resumed = await s.ok('resumeResponse', { responseId: second.id });
    expect(resumed.answers.map((a) => [a.itemId, a.value])).toEqual([['ks_amb_01', 2]]);
    const rows = s.db.prepare('SELECT p.code, r.status, r.mode, r.language FROM responses r JOIN respondents p ON p.id = r.respondent_id ORDER BY p.code').all();
    expect(rows).toEqual([
      { code: 'FIRST1', status: 'complete', mode: 'kiosk', language: 'en' },
      { code: 'SECOND', status: 'in_progress', mode: 'kiosk', language: 'nl' },
    ]);
  });

  it('survives a restart of the app: still locked, same wave', async () => {
    const s = await setup();
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    s.db.close();
    const restarted = open({ dir: s.dir });
    const state = await restarted.ok('getKioskState', {});
    expect(state.session?.waveId).toBe(s.wave.id);
    expect(await restarted.call('createNetwork', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('locks PIN entry after repeated wrong PINs, until the lock time has passed', async () => {
    let clock = Date.parse('2026-05-01T10:00:00.000Z');
    const s = await setup({ now: () => new Date(clock).toISOString() });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    for (let i = 0; i < MAX_PIN_FAILURES; i++) {
      expect(await s.call('exitKiosk', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const locked = await s.call('exitKiosk', { pin: '1234' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!locked.ok) expect(locked.error.message).toContain('Wacht');
    clock += PIN_LOCK_MS + 1000;
    expect((await s.ok('exitKiosk', { pin: '1234' })).session).toBeNull();
  });
});

describe('what kiosk mode reveals', () => {
  it('keeps the PIN lock through a restart of the app, and the count of wrong PINs too', async () => {
    let clock = Date.parse('2026-05-01T10:00:00.000Z');
    const now = () => new Date(clock).toISOString();
    const s = await setup({ now });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    // Three wrong, restart, two more wrong: five in a row, so locked.
    for (let i = 0; i < 3; i++) expect(await s.call('exitKiosk', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    s.db.close();
    const second = open({ dir: s.dir, now });
    for (let i = 0; i < 2; i++) expect(await second.call('exitKiosk', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    second.db.close();
    // Restarting again does not lift the lock: even the right PIN waits.
    const third = open({ dir: s.dir, now });
    const locked = await third.call('exitKiosk', { pin: '1234' });
    expect(locked).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Te vaak een onjuiste pincode. Wacht een minuut en probeer het dan opnieuw.' } });
    clock += PIN_LOCK_MS - 1000;
    expect(await third.call('exitKiosk', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    clock += 2000;
    expect((await third.ok('exitKiosk', { pin: '1234' })).session).toBeNull();
    // The right PIN clears the count: four wrong ones later do not lock.
    await third.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    for (let i = 0; i < MAX_PIN_FAILURES - 1; i++) await third.call('exitKiosk', { pin: '0000' });
    expect((await third.ok('exitKiosk', { pin: '1234' })).session).toBeNull();
  });

  it('does not take a lock ending further ahead than a lock lasts (a clock set back) as a lock', async () => {
    let clock = Date.parse('2026-05-01T10:00:00.000Z');
    const s = await setup({ now: () => new Date(clock).toISOString() });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    for (let i = 0; i < MAX_PIN_FAILURES; i++) await s.call('exitKiosk', { pin: '0000' });
    clock -= 24 * 3600 * 1000; // the laptop's clock goes back a day
    expect((await s.ok('exitKiosk', { pin: '1234' })).session).toBeNull();
  });

  it("hides the database's location in kiosk mode, and shows it again after", async () => {
    const s = await setup();
    expect((await s.ok('getAppInfo', {})).databasePath).toBe(s.services.databasePath);
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    const info = await s.ok('getAppInfo', {});
    expect(info.databasePath).toBeNull();
    expect(JSON.stringify(info)).not.toContain(s.dir);
    await s.ok('exitKiosk', { pin: '1234' });
    expect((await s.ok('getAppInfo', {})).databasePath).toBe(s.services.databasePath);
  });

  const CODE_REFUSED = 'Met deze code kunt u nu geen vragenlijst invullen. Vraag de onderzoeker om hulp.';

  it('says one neutral sentence for a free code submitted or begun before, and writes nothing', async () => {
    const s = await setup();
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    const done = await s.ok('kioskBegin', { respondentCode: 'KLAAR1', consent: true, language: 'nl' });
    await s.ok('completeResponse', { responseId: done.id });
    await s.ok('kioskReset', {});
    await s.ok('kioskBegin', { respondentCode: 'HALF01', consent: true, language: 'nl' });
    await s.ok('kioskReset', {});
    const before = snapshot(s.db);
    for (const code of ['KLAAR1', 'HALF01']) {
      expect(await s.call('kioskBegin', { respondentCode: code, consent: true, language: 'nl' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: CODE_REFUSED } });
    }
    expect(snapshot(s.db)).toEqual(before);
    // Outside kiosk mode the researcher is told what is the matter.
    await s.ok('exitKiosk', { pin: '1234' });
    const plain = await s.call('startResponse', { waveId: s.wave.id, respondentCode: 'KLAAR1', organisationId: null, mode: 'form' });
    expect(plain).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Code KLAAR1 heeft meting T0 al ingevuld. Controleer de code.' } });
  });

  it('with a code list, says the same sentence for a code not on the list as for one used before; a typo is named as such', async () => {
    const s = await setup();
    await s.ok('updateNetworkSettings', { networkId: s.network.id, consentNl: null, consentEn: null, codePolicy: 'assigned', idleSeconds: 120, minGroupSize: 5 });
    const { codes } = await s.ok('generateCodes', { networkId: s.network.id, count: 2 });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    const used = await s.ok('kioskBegin', { respondentCode: codes[0]!, consent: true, language: 'nl' });
    await s.ok('completeResponse', { responseId: used.id });
    await s.ok('kioskReset', {});
    const notListed = makeAssignedCode(() => 0);
    expect(codes).not.toContain(notListed);
    const before = snapshot(s.db);
    for (const code of [codes[0]!, notListed]) {
      expect(await s.call('kioskBegin', { respondentCode: code, consent: true, language: 'nl' }), code).toEqual({ ok: false, error: { code: 'CONFLICT', message: CODE_REFUSED } });
    }
    // A check character that does not fit is a typo, whatever the list holds.
    const typo = codes[1]!.slice(0, 6) + (codes[1]![6] === 'A' ? 'C' : 'A');
    const typed = await s.call('kioskBegin', { respondentCode: typo, consent: true, language: 'nl' });
    expect(typed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!typed.ok) expect(typed.error.message).toContain('Controleer de code op uw kaartje');
    expect(snapshot(s.db)).toEqual(before);
  });

  it('with self-made codes, says the neutral sentence for one begun before', async () => {
    const s = await setup();
    await s.ok('updateNetworkSettings', { networkId: s.network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 120, minGroupSize: 5 });
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '1234' });
    await s.ok('kioskBegin', { respondentCode: 'MA072', consent: true, language: 'nl' });
    await s.ok('kioskReset', {});
    expect(await s.call('kioskBegin', { respondentCode: 'MA072', consent: true, language: 'nl' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: CODE_REFUSED } });
  });
});

describe('code policies', () => {
  it('with a code list, accepts only listed codes, however they are typed', async () => {
    const s = await setup();
    await s.ok('updateNetworkSettings', { networkId: s.network.id, consentNl: 'Uw antwoorden zijn anoniem.', consentEn: null, codePolicy: 'assigned', idleSeconds: 120, minGroupSize: 5 });
    const { codes } = await s.ok('generateCodes', { networkId: s.network.id, count: 3 });
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    const unlisted = await s.call('startResponse', { waveId: s.wave.id, respondentCode: 'ACD-EF3', organisationId: null, mode: 'paper' });
    expect(unlisted).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!unlisted.ok) expect(unlisted.error.message).toContain('codelijst');
    const typed = codes[0]!.replace('-', ' ').toLowerCase();
    const r = await s.ok('startResponse', { waveId: s.wave.id, respondentCode: typed.replace(' ', ''), organisationId: null, mode: 'paper' });
    expect(r.respondentCode).toBe(codes[0]);
    const list = await s.ok('listCodes', { networkId: s.network.id });
    expect(list.map((c) => c.code).sort()).toEqual([...codes].sort());
    expect(list.find((c) => c.code === codes[0])?.waves).toEqual([{ waveId: s.wave.id, label: 'T0', status: 'in_progress' }]);
  });

  it('with self-generated codes, accepts only the self-code form', async () => {
    const s = await setup();
    await s.ok('updateNetworkSettings', { networkId: s.network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 120, minGroupSize: 5 });
    expect(await s.call('startResponse', { waveId: s.wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const r = await s.ok('startResponse', { waveId: s.wave.id, respondentCode: 'MA072', organisationId: null, mode: 'form' });
    expect(s.db.prepare('SELECT code, code_kind FROM respondents WHERE id = ?').get(r.respondentId)).toEqual({ code: 'MA072', code_kind: 'self' });
  });
});
