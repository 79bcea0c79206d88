import { describe, expect, it } from 'vitest';
import { snapshot, useServices } from '../support/services';

/**
 * A refused answer says which question and which rule, besides its Dutch sentence: the paper grid
 * turns that into "Vraag 6: …" with the question's number, in Dutch or English. Through the real
 * dispatcher, as the envelope crosses IPC.
 */

const KS = 'kansrijke-samenwerking';
const open = useServices();

async function openResponse() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Noord' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'P-001', organisationId: null, mode: 'paper' });
  return { s, response };
}

describe('a refused answer names its question and the rule', () => {
  it('carries instrument, item and rule for each way an answer can be wrong, and writes nothing', async () => {
    const { s, response } = await openResponse();
    const before = snapshot(s.db);
    const cases = [
      // 7 is not on the 1–5 scale with 9 = weet niet.
      { itemId: 'ks_bel_02', value: 7, text: null, rule: 'not-an-answer', message: 'Antwoord 7 is geen geldige keuze bij vraag ks_bel_02. Kies een van de getoonde antwoorden.' },
      { itemId: 'ks_bel_02', value: null, text: 'a', rule: 'not-an-answer', message: 'Vraag ks_bel_02 vraagt om een keuze, niet om tekst.' },
      // The grade runs from 1 to 10.
      { itemId: 'ks_cijfer', value: 0, text: null, rule: 'not-an-answer', message: 'Vul bij vraag ks_cijfer een heel getal in van 1 tot en met 10.' },
      { itemId: 'ks_open_goed', value: 3, text: null, rule: 'not-an-answer', message: 'Vraag ks_open_goed is een open vraag: geef tekst, geen getal.' },
      { itemId: 'ks_open_goed', value: null, text: 'x'.repeat(2001), rule: 'too-long', message: 'Het antwoord op vraag ks_open_goed is te lang: hoogstens 2000 tekens.' },
    ] as const;
    for (const c of cases) {
      expect(await s.call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: c.itemId, value: c.value, text: c.text }), `${c.itemId} ${c.value ?? c.text}`).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: c.message, answer: { instrumentId: KS, itemId: c.itemId, rule: c.rule } },
      });
    }
    expect(snapshot(s.db)).toEqual(before);
  });

  it('carries none when the refusal is not about the answer itself', async () => {
    const { s, response } = await openResponse();
    // An item the instrument does not have, and a submitted questionnaire.
    const unknown = await s.call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: 'ks_xyz', value: 1, text: null });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(unknown.ok || 'answer' in unknown.error).toBe(false);
    await s.ok('completeResponse', { responseId: response.id });
    const closed = await s.call('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: 'ks_amb_01', value: 3, text: null });
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(closed.ok || 'answer' in closed.error).toBe(false);
  });
});
