import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../shared/instruments/schema';
import { insertInstrumentIfMissing } from '../../electron/db/repositories/instruments';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

const open = useServices();

/** A small instrument with one number question from min to max, as an import file would hold it. */
function numberInstrument(id: string, min: number, max: number) {
  const t = (nl: string, en: string) => ({ nl, en });
  return {
    id,
    version: 1,
    name: t('Werkervaring', 'Work experience'),
    description: t('Eén vraag', 'One question'),
    attribution: t('Eigen vraag', 'Own question'),
    licence: t('Vrij te gebruiken', 'Free to use'),
    scales: [],
    items: [{ id: 'jaren', type: 'number', text: t('Hoeveel jaar werkt u in dit netwerk?', 'How many years?'), label: t('Jaren', 'Years'), min, max }],
    subscales: [],
    sections: [{ id: 'deel', title: t('Over u', 'About you'), items: ['jaren'] }],
  };
}

/** A network with a wave of the instrument and one started response. */
async function waveWith(s: Laptop, instrumentId: string) {
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Oost' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId, version: 1 }] });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: null, mode: 'form' });
  return { network, wave, response };
}

const answer = (responseId: string, instrumentId: string, value: number | null, text: string | null = null) => ({ responseId, instrumentId, itemId: 'jaren', value, text });

describe('number questions stay within the codes an answer can hold', () => {
  it('refuses an import whose number question reaches 10⁹, naming the question, and stores nothing', async () => {
    const s = open();
    const before = snapshot(s.db);
    const result = await s.dispatch('importInstrument', { definitionJson: JSON.stringify(numberInstrument('werkervaring', 0, 1_000_000_000)) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Deze vragenlijstdefinitie klopt niet: vraag 1 (jaren): Vraag jaren: een getal als antwoord ligt tussen -99 en 999, dus min en max ook. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('saves answers across the widest range, and refuses the rest in Dutch without writing', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(numberInstrument('werkervaring', -99, 999)) });
    const { response } = await waveWith(s, 'werkervaring');
    for (const value of [-99, 0, 500, 999]) await s.ok('saveAnswer', answer(response.id, 'werkervaring', value));
    const before = snapshot(s.db);
    const typed = await s.call('saveAnswer', answer(response.id, 'werkervaring', null, '12 jaar'));
    expect(typed).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Vul bij vraag jaren een heel getal in van -99 tot en met 999.', answer: { instrumentId: 'werkervaring', itemId: 'jaren', rule: 'not-an-answer' } },
    });
    const tooBig = await s.call('saveAnswer', answer(response.id, 'werkervaring', 1000));
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!tooBig.ok) expect(tooBig.error.message).toContain('antwoord: Kies een getal van hoogstens 999');
    expect(snapshot(s.db)).toEqual(before);
    expect((await s.ok('getResponse', { responseId: response.id })).answers.map((a) => a.value)).toEqual([999]);
  });

  it('refuses a number outside a narrower range with the range in the message', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(numberInstrument('werkervaring', 0, 50)) });
    const { response } = await waveWith(s, 'werkervaring');
    const before = snapshot(s.db);
    expect(await s.call('saveAnswer', answer(response.id, 'werkervaring', 51))).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Vul bij vraag jaren een heel getal in van 0 tot en met 50.', answer: { instrumentId: 'werkervaring', itemId: 'jaren', rule: 'not-an-answer' } },
    });
    expect(snapshot(s.db)).toEqual(before);
    await s.ok('saveAnswer', answer(response.id, 'werkervaring', 50));
  });
});

describe('a number question of 0 to 10⁹ stored by an earlier version', () => {
  /** What an earlier version let through: the definition straight into the database. */
  function storeAsEarlierVersion(s: Laptop) {
    const wide = numberInstrument('oude-werkervaring', 0, 1_000_000_000) as unknown as InstrumentDefinition;
    insertInstrumentIfMissing(s.db, s.services.deviceId, wide, false, '2026-01-01T00:00:00.000Z');
  }

  it('still takes answers: the range is checked, not listed (this save used to run out of memory)', async () => {
    const s = open();
    storeAsEarlierVersion(s);
    const { response } = await waveWith(s, 'oude-werkervaring');
    await s.ok('saveAnswer', answer(response.id, 'oude-werkervaring', 5));
    await s.ok('saveAnswer', answer(response.id, 'oude-werkervaring', 999));
    expect((await s.ok('getInstrument', { instrumentId: 'oude-werkervaring', version: 1 })).items[0]).toMatchObject({ min: 0, max: 999 });
    expect(await s.call('saveAnswer', answer(response.id, 'oude-werkervaring', 1000))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('in a study file from such a laptop, is refused in Dutch on the other laptop, not with an internal error', async () => {
    const a = open();
    storeAsEarlierVersion(a);
    const { network, response } = await waveWith(a, 'oude-werkervaring');
    await a.ok('saveAnswer', answer(response.id, 'oude-werkervaring', 12));
    const file = await studyFileOf(a, [network.id]);
    const b = open();
    const before = snapshot(b.db);
    const preview = await b.call('previewStudyFile', { content: file });
    expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!preview.ok) expect(preview.error.message).toContain('oude-werkervaring');
    expect(snapshot(b.db)).toEqual(before);
  });
});
