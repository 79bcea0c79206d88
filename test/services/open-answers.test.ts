import { describe, expect, it } from 'vitest';
import type { OpenAnswer } from '../../shared/open-answers';
import { snapshot, useServices } from '../support/services';

/**
 * *Open antwoorden* through the real dispatcher over a real SQLite file: only submitted
 * questionnaires, alphabetical order, counts, respondent codes only when asked for, organisations
 * named only for large enough groups (with the complementary rule worked out by hand below), and
 * refused in kiosk mode.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const AG = 'achtergrond';

async function setUp(minGroupSize = 5) {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Palliatief Netwerk Twente' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 180, minGroupSize });
  const org = async (name: string) => (await s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null })).id;
  const orgs = { hospice: await org('Hospice De Linde'), thuiszorg: await org('Thuiszorg West'), huisarts: await org('Huisartsenpraktijk Oost') };
  const wave = await s.ok('createWave', {
    networkId: network.id,
    label: 'T0',
    kind: 'T0',
    plannedDate: null,
    instruments: [
      { instrumentId: KS, version: 1 },
      { instrumentId: AG, version: 1 },
    ],
  });
  /** One questionnaire: the given open answers, submitted unless `submit` is false. */
  const respond = async (code: string, organisationId: string | null, texts: { goed?: string; beter?: string }, submit = true) => {
    const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId, mode: 'form' });
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    if (texts.goed !== undefined) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: texts.goed });
    if (texts.beter !== undefined) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_beter', value: null, text: texts.beter });
    if (submit) await s.ok('completeResponse', { responseId: r.id });
  };
  return { ...s, network, wave, orgs, respond };
}

const texts = (answers: OpenAnswer[]) => answers.map((a) => a.text);

describe('listOpenAnswers', () => {
  it('lists the texts of submitted questionnaires per open question, alphabetically, with a count and without codes', async () => {
    const s = await setUp();
    await s.respond('R-001', null, { goed: 'Vaste aanspreekpunten per wijk.', beter: 'Meer tijd voor overleg.' });
    await s.respond('R-002', null, { goed: 'korte lijnen met de huisarts', beter: '<b>Minder</b> formulieren & regels' });
    await s.respond('R-003', null, { goed: 'Één dossier voor iedereen.' });
    await s.respond('R-004', null, {});
    // Begun and not submitted: in no list and no count.
    await s.respond('R-005', null, { goed: 'Nog niet ingeleverd.', beter: 'Ook niet.' }, false);

    const before = snapshot(s.db);
    const result = await s.ok('listOpenAnswers', { waveId: s.wave.id, withCodes: false });
    expect(snapshot(s.db)).toEqual(before);

    expect(result).toMatchObject({ waveId: s.wave.id, waveLabel: 'T0', networkName: 'Palliatief Netwerk Twente', minGroupSize: 5, submitted: 4, withCodes: false });
    // Kansrijke samenwerking has two open questions, Achtergrond none.
    expect(result.questions.map((q) => [q.instrumentId, q.itemId, q.count])).toEqual([
      [KS, 'ks_open_goed', 3],
      [KS, 'ks_open_beter', 2],
    ]);
    const [goed, beter] = result.questions;
    expect(goed!.question.nl).toBe('Wat gaat er goed in de samenwerking?');
    expect(goed!.instrumentName.nl).toBe('Kansrijke samenwerking');
    // Alphabetical, ignoring case and accents: "Één" sorts as "een", "korte" before "Vaste".
    expect(texts(goed!.answers)).toEqual(['Één dossier voor iedereen.', 'korte lijnen met de huisarts', 'Vaste aanspreekpunten per wijk.']);
    // The text as typed, markup and all: the screen shows it as text.
    expect(texts(beter!.answers)).toEqual(['<b>Minder</b> formulieren & regels', 'Meer tijd voor overleg.']);
    // No organisation given, and no codes unless asked for.
    for (const q of result.questions) for (const a of q.answers) expect(a).toMatchObject({ organisation: { shown: false, reason: 'none' }, respondentCode: null });
    expect(JSON.stringify(result)).not.toMatch(/R-00\d/);

    const withCodes = await s.ok('listOpenAnswers', { waveId: s.wave.id, withCodes: true });
    expect(withCodes.questions[0]!.answers.map((a) => a.respondentCode)).toEqual(['R-003', 'R-002', 'R-001']);
    expect(withCodes.questions[1]!.answers.map((a) => a.respondentCode)).toEqual(['R-002', 'R-001']);
  });

  /*
   * Minimum group size 5. Submitted questionnaires per organisation:
   *   Hospice De Linde 5, Thuiszorg West 6, Huisartsenpraktijk Oost 2, no organisation 0.  (13)
   * Huisartsenpraktijk Oost (2 < 5) is hidden. The answers without a name would then come from its 2
   * people only (13 − 5 − 6 = 2, fewer than 5), so the smallest named group, Hospice De Linde (5),
   * is hidden as well: the unnamed answers come from 7 people. Thuiszorg West is named.
   * Three more submitted questionnaires without an organisation: the unnamed rest is 2 + 3 = 5
   * without Hospice De Linde, enough; it is named again.
   */
  it('names an organisation only for a group of at least the minimum size that does not give a smaller one away', async () => {
    const s = await setUp(5);
    const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
    for (const [i, code] of codes('HOS', 5).entries()) await s.respond(code, s.orgs.hospice, { goed: `Hospice ${i + 1}` });
    for (const [i, code] of codes('THU', 6).entries()) await s.respond(code, s.orgs.thuiszorg, { goed: `Thuiszorg ${i + 1}` });
    for (const [i, code] of codes('HUI', 2).entries()) await s.respond(code, s.orgs.huisarts, { goed: `Huisarts ${i + 1}` });
    // In progress: counts for no group.
    await s.respond('HUI-9', s.orgs.huisarts, { goed: 'Huisarts niet ingeleverd' }, false);

    const shownAs = async () => {
      const result = await s.ok('listOpenAnswers', { waveId: s.wave.id, withCodes: false });
      const byText = new Map(result.questions[0]!.answers.map((a) => [a.text, a.organisation]));
      return { submitted: result.submitted, hospice: byText.get('Hospice 1'), thuiszorg: byText.get('Thuiszorg 1'), huisarts: byText.get('Huisarts 1'), count: result.questions[0]!.count };
    };
    expect(await shownAs()).toEqual({
      submitted: 13,
      hospice: { shown: false, reason: 'hidden' },
      thuiszorg: { shown: true, name: 'Thuiszorg West' },
      huisarts: { shown: false, reason: 'hidden' },
      count: 13,
    });

    for (const code of ['NIE-1', 'NIE-2', 'NIE-3']) await s.respond(code, null, {});
    expect(await shownAs()).toEqual({
      submitted: 16,
      hospice: { shown: true, name: 'Hospice De Linde' },
      thuiszorg: { shown: true, name: 'Thuiszorg West' },
      huisarts: { shown: false, reason: 'hidden' },
      count: 13,
    });
  });

  it('is refused in kiosk mode with a Dutch sentence, through the dispatcher, and writes nothing', async () => {
    const s = await setUp();
    await s.respond('R-001', null, { goed: 'Vaste aanspreekpunten per wijk.' });
    await s.ok('setResearcherPin', { pin: '482913', currentPin: null });
    await s.ok('startKiosk', { waveId: s.wave.id, pin: '482913' });
    const before = snapshot(s.db);
    for (const withCodes of [false, true]) {
      expect(await s.dispatch('listOpenAnswers', { waveId: s.wave.id, withCodes })).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Open antwoorden van respondenten zijn niet te zien tijdens de afnamemodus. De onderzoeker kan ze bekijken na het verlaten van de afnamemodus met de pincode.',
        },
      });
    }
    // Also while a respondent is on screen.
    await s.ok('kioskBegin', { respondentCode: 'K-001', language: 'nl', consent: true });
    const during = snapshot(s.db);
    expect(await s.dispatch('listOpenAnswers', { waveId: s.wave.id, withCodes: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot(s.db)).toEqual(during);
    expect(during.answers).toEqual(before.answers);

    // After the researcher leaves kiosk mode with the PIN, the answers are there.
    await s.ok('exitKiosk', { pin: '482913' });
    expect(texts((await s.ok('listOpenAnswers', { waveId: s.wave.id, withCodes: false })).questions[0]!.answers)).toEqual(['Vaste aanspreekpunten per wijk.']);
  });
});
