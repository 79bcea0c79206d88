import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { snapshot, studyFileOf, useServices } from '../support/services';

/**
 * *Stoppen* in kiosk mode: the respondent on screen stops; their unfinished response is kept or
 * thrown away as the network's setting says, and nobody can stop any other response this way.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const PIN = '1234';
const answer = (responseId: string, itemId: string, value: number) => ({ responseId, instrumentId: KS, itemId, value, text: null });

async function kiosk(kioskStop?: 'keep' | 'discard') {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementie Oost', kioskStop });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
  await s.ok('startKiosk', { waveId: wave.id, pin: PIN });
  return { ...s, network, wave };
}

const responseRows = (s: Awaited<ReturnType<typeof kiosk>>) =>
  s.db.prepare('SELECT p.code, r.status FROM responses r JOIN respondents p ON p.id = r.respondent_id ORDER BY p.code').all();
const answerRows = (s: Awaited<ReturnType<typeof kiosk>>) => s.db.prepare('SELECT item_id AS itemId, value FROM answers ORDER BY item_id').all();
const stopEntries = (s: Awaited<ReturnType<typeof kiosk>>) =>
  s.db.prepare("SELECT action, entity_id AS entityId, details FROM audit_log WHERE action IN ('response.stopped', 'response.deleted') ORDER BY rowid").all();

describe('the network setting', () => {
  it('keeps the answers of who stops unless set otherwise, and can be changed in the settings', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk' });
    expect(network.kioskStop).toBe('keep');
    const settings = { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free' as const, idleSeconds: 180, minGroupSize: 5 };
    expect((await s.ok('updateNetworkSettings', { ...settings, kioskStop: 'discard' })).kioskStop).toBe('discard');
    // Saving the other settings without the choice leaves it as it is.
    expect((await s.ok('updateNetworkSettings', { ...settings, idleSeconds: 240 })).kioskStop).toBe('discard');
    expect((await s.ok('createNetwork', { name: 'Weggooien', kioskStop: 'discard' })).kioskStop).toBe('discard');
  });

  it('travels in a study file, and a file without it (made before the setting existed) still reads as keep', async () => {
    const a = open();
    const network = await a.ok('createNetwork', { name: 'Dementie Oost', kioskStop: 'discard' });
    const content = await studyFileOf(a, [network.id]);
    const file = JSON.parse(content) as { data: { networks: Record<string, unknown>[] } };
    expect(file.data.networks[0]!.kiosk_stop).toBe('discard');

    const b = open();
    await b.ok('importStudyFile', { content, decisions: [] });
    expect((await b.ok('getNetwork', { networkId: network.id })).network.kioskStop).toBe('discard');

    // The same file as an older version of the app wrote it: no kiosk_stop, and its checksum over that.
    const older = open();
    const parsed = JSON.parse(content) as { manifest: unknown; data: { networks: Record<string, unknown>[] }; checksum: { value: string } };
    delete parsed.data.networks[0]!.kiosk_stop;
    parsed.checksum.value = createHash('sha256').update(JSON.stringify({ manifest: parsed.manifest, data: parsed.data }), 'utf8').digest('hex');
    await older.ok('importStudyFile', { content: JSON.stringify(parsed), decisions: [] });
    expect((await older.ok('getNetwork', { networkId: network.id })).network.kioskStop).toBe('keep');
  });
});

describe('Stoppen in kiosk mode', () => {
  it('with "keep": the response stays, unfinished, with its answers; the session forgets it', async () => {
    const s = await kiosk('keep');
    const r = await s.ok('kioskBegin', { respondentCode: 'STOP01', consent: true, language: 'nl' });
    await s.ok('saveAnswer', answer(r.id, 'ks_amb_01', 4));
    await s.ok('saveAnswer', answer(r.id, 'ks_amb_02', 2));
    const state = await s.ok('stopKioskResponse', { responseId: r.id });
    expect(state.session?.currentResponseId).toBeNull();
    expect(responseRows(s)).toEqual([{ code: 'STOP01', status: 'in_progress' }]);
    expect(answerRows(s)).toEqual([
      { itemId: 'ks_amb_01', value: 4 },
      { itemId: 'ks_amb_02', value: 2 },
    ]);
    expect(stopEntries(s)).toEqual([{ action: 'response.stopped', entityId: r.id, details: JSON.stringify({ kept: true, waveId: s.wave.id }) }]);
    // It is out of reach of the kiosk now.
    expect(await s.call('saveAnswer', answer(r.id, 'ks_amb_03', 1))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('with "discard": the response, its answers and its free code are gone', async () => {
    const s = await kiosk('discard');
    const r = await s.ok('kioskBegin', { respondentCode: 'STOP02', consent: true, language: 'en' });
    await s.ok('saveAnswer', answer(r.id, 'ks_amb_01', 5));
    const state = await s.ok('stopKioskResponse', { responseId: r.id });
    expect(state.session?.currentResponseId).toBeNull();
    expect(responseRows(s)).toEqual([]);
    expect(answerRows(s)).toEqual([]);
    expect(s.db.prepare('SELECT count(*) FROM respondents').pluck().get()).toBe(0);
    expect(stopEntries(s)).toEqual([
      { action: 'response.deleted', entityId: r.id, details: JSON.stringify({ waveId: s.wave.id }) },
      { action: 'response.stopped', entityId: r.id, details: JSON.stringify({ kept: false, waveId: s.wave.id }) },
    ]);
    // The next person can begin at once.
    await s.ok('kioskBegin', { respondentCode: 'NEXT01', consent: true, language: 'nl' });
  });

  it("refuses another response's id in kiosk mode with a Dutch sentence, and changes nothing", async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost', kioskStop: 'discard' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    // An earlier, unfinished response from the researcher's form, and one left by an earlier respondent in the kiosk.
    const earlier = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'EARLY1', organisationId: null, mode: 'form' });
    await s.ok('saveAnswer', answer(earlier.id, 'ks_amb_01', 3));
    await s.ok('setResearcherPin', { pin: PIN, currentPin: null });
    await s.ok('startKiosk', { waveId: wave.id, pin: PIN });
    const left = await s.ok('kioskBegin', { respondentCode: 'LEFT01', consent: true, language: 'nl' });
    await s.ok('saveAnswer', answer(left.id, 'ks_amb_01', 1));
    await s.ok('kioskReset', {});
    const current = await s.ok('kioskBegin', { respondentCode: 'NOW001', consent: true, language: 'nl' });
    await s.ok('saveAnswer', answer(current.id, 'ks_amb_01', 5));

    const before = snapshot(s.db);
    for (const responseId of [earlier.id, left.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await s.call('stopKioskResponse', { responseId });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Deze vragenlijst hoort niet bij de persoon die nu invult. Ga terug naar het welkomstscherm.' },
      });
    }
    // Nor can the kiosk reach the researcher's discard.
    expect(await s.call('discardResponse', { responseId: current.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(s.db)).toEqual(before);
    expect((await s.ok('getKioskState', {})).session?.currentResponseId).toBe(current.id);

    // Once no one is on screen, no id at all can be stopped.
    await s.ok('kioskReset', {});
    const afterReset = snapshot(s.db);
    expect(await s.call('stopKioskResponse', { responseId: current.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(s.db)).toEqual(afterReset);
  });

  it('outside kiosk mode there is nothing to stop: refused, nothing changed', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Dementie Oost', kioskStop: 'discard' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'FORM01', organisationId: null, mode: 'form' });
    const before = snapshot(s.db);
    const refused = await s.call('stopKioskResponse', { responseId: r.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'De afnamemodus staat niet aan. Vraag de onderzoeker om die te starten.' } });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('leaves a submitted response as it is (a stop that comes after Inleveren)', async () => {
    const s = await kiosk('discard');
    const r = await s.ok('kioskBegin', { respondentCode: 'DONE01', consent: true, language: 'nl' });
    await s.ok('saveAnswer', answer(r.id, 'ks_amb_01', 4));
    await s.ok('completeResponse', { responseId: r.id });
    await s.ok('stopKioskResponse', { responseId: r.id });
    expect(responseRows(s)).toEqual([{ code: 'DONE01', status: 'complete' }]);
    expect(stopEntries(s)).toEqual([]);
  });
});
