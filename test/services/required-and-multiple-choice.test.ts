import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * Answers to an instrument with required items, a condition and a select-all-that-apply question
 * (test/support/structured-instrument.ts), given through the real dispatcher on a real SQLite file.
 * Question numbers of that instrument on its own: 1 co_rol, 2 co_rol_anders, 3 co_kanalen,
 * 4 co_app (shown only when 4 "Beveiligde app" is ticked at 3), 5 co_01, 6 co_02. Required: 1, 3,
 * 4, 5 and 6.
 */

const CO = 'clientoverleg';
const open = useServices();

async function waveWithStructured(s: Laptop) {
  await s.ok('importInstrument', { definitionJson: JSON.stringify(structuredInstrument()) });
  const network = await s.ok('createNetwork', { name: 'Dementienetwerk Zuid' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] });
  return { network, wave };
}

async function started(mode: 'form' | 'paper' | 'kiosk' | 'meeting' = 'form') {
  const s = open();
  const { network, wave } = await waveWithStructured(s);
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: null, mode });
  const answer = (itemId: string, value: number | null, text: string | null = null) => s.call('saveAnswer', { responseId: response.id, instrumentId: CO, itemId, value, text });
  const stored = () =>
    s.db.prepare('SELECT item_id AS itemId, value, text FROM answers WHERE response_id = ? ORDER BY item_id').all(response.id) as { itemId: string; value: number | null; text: string | null }[];
  return { s, network, wave, response, answer, stored };
}

describe('a multiple-choice answer', () => {
  it('is stored as the ticked codes, ascending, in the text; the not-scored option counts as an option', async () => {
    const { answer, stored } = await started();
    expect(await answer('co_kanalen', null, '1,4')).toMatchObject({ ok: true });
    expect(stored()).toEqual([{ itemId: 'co_kanalen', value: null, text: '1,4' }]);
    // "Geen van deze" (9) is an option of the scale too.
    expect(await answer('co_kanalen', null, '9')).toMatchObject({ ok: true });
    expect(stored()).toEqual([{ itemId: 'co_kanalen', value: null, text: '9' }]);
  });

  it('is cleared by an empty selection, as an empty open answer is', async () => {
    const { answer, stored } = await started();
    await answer('co_kanalen', null, '2,3');
    expect(await answer('co_kanalen', null, '')).toMatchObject({ ok: true });
    expect(stored()).toEqual([]);
    await answer('co_kanalen', null, '2');
    expect(await answer('co_kanalen', null, null)).toMatchObject({ ok: true });
    expect(stored()).toEqual([]);
  });

  it('refuses unknown codes, an unsorted or doubled list, a bare number and loose text, naming the rule and writing nothing', async () => {
    const { s, answer } = await started();
    await answer('co_kanalen', null, '1,2');
    const before = snapshot(s.db);
    const cases: { value: number | null; text: string | null; message: string }[] = [
      // 5 and 7 are no option of the scale "kanaal" (1–4, 9).
      { value: null, text: '1,5,7', message: 'Antwoord 5, 7 bestaat niet bij vraag co_kanalen. Kruis alleen de getoonde antwoorden aan. Er is niets opgeslagen.' },
      { value: null, text: '3,1', message: 'De aangekruiste antwoorden bij vraag co_kanalen moeten oplopend en elk één keer zonder spaties worden gegeven: "1,3", niet "3,1". Er is niets opgeslagen.' },
      { value: null, text: '1,1,2', message: 'De aangekruiste antwoorden bij vraag co_kanalen moeten oplopend en elk één keer zonder spaties worden gegeven: "1,2", niet "1,1,2". Er is niets opgeslagen.' },
      { value: null, text: 'telefoon', message: '"telefoon" is geen lijst van aangekruiste antwoordcodes bij vraag co_kanalen. Geef de codes gescheiden door komma\'s, zoals "1,3". Er is niets opgeslagen.' },
      {
        value: 2,
        text: null,
        message: 'Bij vraag co_kanalen kunt u meer antwoorden aankruisen: geef de aangekruiste antwoordcodes als tekst (zoals "1,3"), geen los getal. Er is niets opgeslagen.',
      },
    ];
    for (const c of cases) {
      expect(await answer('co_kanalen', c.value, c.text), `${c.value ?? c.text}`).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: c.message, answer: { instrumentId: CO, itemId: 'co_kanalen', rule: 'not-an-answer' } },
      });
    }
    // Text for a choice item stays refused.
    expect(await answer('co_rol', null, '1,3')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Vraag co_rol vraagt om een keuze, niet om tekst.' } });
    expect(snapshot(s.db)).toEqual(before);
  });
});

describe('submitting with required questions', () => {
  it('is refused while a shown required question is unanswered, naming the numbers, and changes nothing', async () => {
    const { s, response, answer } = await started();
    await answer('co_rol', 1);
    await answer('co_01', 4);
    const before = snapshot(s.db);
    // Unanswered and required: 3 (co_kanalen) and 6 (co_02); 4 (co_app) is hidden, nothing ticked.
    expect(await s.call('completeResponse', { responseId: response.id })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'De vragen 3 en 6 zijn verplicht en nog niet beantwoord. Beantwoord die vragen en lever dan opnieuw in; er is niets ingeleverd.' },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('asks for the app statement only when "Beveiligde app" is ticked', async () => {
    const { s, response, answer } = await started();
    await answer('co_rol', 2);
    await answer('co_01', 4);
    await answer('co_02', 5);
    await answer('co_kanalen', null, '1,4');
    expect(await s.call('completeResponse', { responseId: response.id })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Vraag 4 is verplicht en nog niet beantwoord. Beantwoord die vraag en lever dan opnieuw in; er is niets ingeleverd.' },
    });
    await answer('co_app', 5);
    // Untick the app: co_app is hidden again; its stored answer stays but is not needed.
    await answer('co_kanalen', null, '1');
    const done = await s.ok('completeResponse', { responseId: response.id });
    expect(done.status).toBe('complete');
    expect(s.db.prepare("SELECT value FROM answers WHERE response_id = ? AND item_id = 'co_app'").pluck().get(response.id)).toBe(5);
  });

  it('holds for the kiosk and the phone in a meeting too', async () => {
    for (const mode of ['kiosk', 'meeting'] as const) {
      const { s, response } = await started(mode);
      expect(await s.call('completeResponse', { responseId: response.id }), mode).toMatchObject({
        ok: false,
        error: { message: 'De vragen 1, 3, 5 en 6 zijn verplicht en nog niet beantwoord. Beantwoord die vragen en lever dan opnieuw in; er is niets ingeleverd.' },
      });
    }
  });

  it('lets paper entry submit a form that came back incomplete', async () => {
    const { s, response, answer } = await started('paper');
    await answer('co_01', 3);
    expect((await s.ok('completeResponse', { responseId: response.id })).status).toBe('complete');
  });
});

describe('correcting a submitted questionnaire', () => {
  it('cannot leave a shown required question open, except on a paper form', async () => {
    for (const mode of ['form', 'paper'] as const) {
      const { s, response, answer } = await started(mode);
      await answer('co_rol', 1);
      await answer('co_kanalen', null, '2');
      await answer('co_01', 4);
      await answer('co_02', 4);
      await s.ok('completeResponse', { responseId: response.id });
      const before = snapshot(s.db);
      const clear = await s.call('correctResponse', {
        responseId: response.id,
        reason: 'Respondent wil de vraag open laten',
        answers: [{ instrumentId: CO, itemId: 'co_kanalen', value: null, text: null }],
      });
      if (mode === 'paper') {
        expect(clear, mode).toMatchObject({ ok: true });
        continue;
      }
      expect(clear).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Vraag 3 is verplicht en nog niet beantwoord. Beantwoord die vraag in de correctie; er is niets gewijzigd.' } });
      expect(snapshot(s.db)).toEqual(before);
      // A tick list that shows the app statement needs it answered in the same correction.
      const tick = (answers: { itemId: string; value: number | null; text: string | null }[]) =>
        s.call('correctResponse', { responseId: response.id, reason: 'Verkeerd overgenomen', answers: answers.map((a) => ({ instrumentId: CO, ...a })) });
      expect(await tick([{ itemId: 'co_kanalen', value: null, text: '2,4' }])).toMatchObject({ ok: false, error: { message: /^Vraag 4 is verplicht/ } });
      expect(await tick([{ itemId: 'co_kanalen', value: null, text: '2,4' }, { itemId: 'co_app', value: 5, text: null }])).toMatchObject({ ok: true });
      expect(s.db.prepare("SELECT text FROM answers WHERE item_id = 'co_kanalen'").pluck().get()).toBe('2,4');
    }
  });
});

describe('an answer per partner organisation', () => {
  it('is not taken as one answer', async () => {
    const s = open();
    const definition = structuredInstrument('relaties');
    const withRelation = {
      ...definition,
      items: [...definition.items, { id: 'co_rel', type: 'relation', dimension: 'frequency', text: { nl: 'Hoe vaak heeft u contact met deze organisatie?' }, label: { nl: 'Contact' }, scale: 'eens5' }],
      sections: definition.sections.map((section, i) => (i === 1 ? { ...section, items: [...section.items, 'co_rel'] } : section)),
    };
    const imported = await s.call('importInstrument', { definitionJson: JSON.stringify(withRelation) });
    expect(imported, JSON.stringify(imported)).toMatchObject({ ok: true });
    const network = await s.ok('createNetwork', { name: 'Netwerk' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'relaties', version: 1 }] });
    const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'R-002', organisationId: null, mode: 'form' });
    const before = snapshot(s.db);
    expect(await s.call('saveAnswer', { responseId: response.id, instrumentId: 'relaties', itemId: 'co_rel', value: 3, text: null })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Vraag co_rel wordt per partnerorganisatie beantwoord en kan niet als één antwoord worden opgeslagen. Er is niets opgeslagen.',
        answer: { instrumentId: 'relaties', itemId: 'co_rel', rule: 'not-an-answer' },
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });
});

describe('a study file with multiple-choice answers', () => {
  type EditableFile = StudyFile & Record<string, unknown>;
  const reseal = (file: EditableFile) => {
    file.checksum.value = studyChecksum(file.manifest, file.data);
    return JSON.stringify(file);
  };

  it('is taken over with the ticked codes, and refused by row when a list is malformed', async () => {
    const { s: a, network, response, answer } = await started();
    await answer('co_rol', 1);
    await answer('co_kanalen', null, '2,9');
    await answer('co_01', 4);
    await answer('co_02', 4);
    await a.ok('completeResponse', { responseId: response.id });
    const content = await studyFileOf(a, [network.id]);

    const b = open();
    await b.ok('importStudyFile', { content, decisions: [] });
    expect(b.db.prepare("SELECT value, text FROM answers WHERE item_id = 'co_kanalen'").get()).toEqual({ value: null, text: '2,9' });

    const c = open();
    const file = JSON.parse(content) as EditableFile;
    const row = file.data.answers.findIndex((x) => x.item_id === 'co_kanalen');
    file.data.answers[row]!.text = '9,2';
    file.data.answers.push({ ...file.data.answers[row]!, id: randomUUID(), item_id: 'co_rol_anders', value: null, text: '5' });
    file.data.answers.push({ ...file.data.answers[row]!, id: randomUUID(), item_id: 'co_app', value: null, text: '4' });
    const refused = await c.call('previewStudyFile', { content: reseal(file) });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    // Row numbers count from 1 in the file's answers; the malformed list is named by its row. The
    // open answer "5" fits its question; a text for a scale statement does not.
    expect(refused.error.message).toContain(`antwoord ${row + 1} (vraag co_kanalen: "9,2")`);
    expect(refused.error.message).toContain(`antwoord ${file.data.answers.length} (vraag co_app: "4")`);
    expect(refused.error.message).not.toContain('co_rol_anders');
  });
});
