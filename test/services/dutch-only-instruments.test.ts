import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { snapshot, studyExportInput, studyFileOf, useServices, type Laptop } from '../support/services';
import { bilingualInstrument, dutchOnlyInstrument } from '../support/dutch-only-instrument';
import { emptyTextCells } from '../unit/export-support';

/**
 * An instrument may be in Dutch only (`languages: ["nl"]`): it imports, travels in a study file,
 * and is answered and exported in Dutch; a definition that mixes is refused text by text. Through
 * the real dispatcher over a real SQLite file; workbooks read back with SheetJS.
 */

const open = useServices();
const BT = 'buurtteam';

async function waveOf(s: Laptop, instrumentId: string) {
  const network = await s.ok('createNetwork', { name: 'Buurtnetwerk Noord' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId, version: 1 }] });
  return { network, wave };
}

describe('importing a Dutch-only instrument', () => {
  it('stores it as given: languages ["nl"] and not one English text', async () => {
    const s = open();
    const summary = await s.ok('importInstrument', { definitionJson: JSON.stringify(dutchOnlyInstrument()) });
    expect(summary).toMatchObject({ instrumentId: BT, version: 1, name: { nl: 'Samenwerking in het buurtteam' }, builtIn: false });
    expect(summary.name).not.toHaveProperty('en');
    expect(summary.languages).toEqual(['nl']);
    const listed = await s.ok('listInstruments', {});
    for (const builtIn of listed.filter((i) => i.builtIn)) expect(builtIn.languages, builtIn.instrumentId).toEqual(['nl', 'en']);
    const stored = s.db.prepare('SELECT definition FROM instruments WHERE instrument_id = ?').pluck().get(BT) as string;
    // As given, with the schema's defaults (reverse keying, not-scored options, answered share) filled in.
    expect(JSON.parse(stored)).toMatchObject(dutchOnlyInstrument());
    expect(stored).not.toContain('"en"');
    expect(await s.ok('getInstrument', { instrumentId: BT, version: 1 })).toEqual(JSON.parse(stored));
  });

  it('refuses a bilingual definition with English missing in places, naming each place, and stores nothing', async () => {
    const s = open();
    const before = snapshot(s.db);
    const mixed = bilingualInstrument(BT);
    delete (mixed.items[1]!.text as { en?: string }).en;
    delete (mixed.sections[0]!.intro as { en?: string }).en;
    expect(await s.call('importInstrument', { definitionJson: JSON.stringify(mixed) })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Deze vragenlijstdefinitie klopt niet: vraag 2 (bt_02) → vraagtekst (text): Engels ontbreekt; onderdeel 1 (samen) → inleiding (intro): Engels ontbreekt; ' +
          'vul het Engels overal aan, of maak er een vragenlijst in alleen het Nederlands van: zet "languages": ["nl"] en haal alle Engelse teksten weg. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('refuses English in a Dutch-only definition, naming each place, and stores nothing', async () => {
    const s = open();
    const before = snapshot(s.db);
    const mixed = dutchOnlyInstrument();
    (mixed.name as { en?: string }).en = 'Teamwork';
    (mixed.scales[0]!.notScored![0]!.label as { en?: string }).en = "Don't know";
    (mixed.items[3] as { optionHelp: Record<string, { nl: string; en?: string }> }).optionHelp['2']!.en = 'You chair the meeting.';
    expect(await s.call('importInstrument', { definitionJson: JSON.stringify(mixed) })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Deze vragenlijstdefinitie klopt niet: naam (name): Engels staat erbij, maar de vragenlijst is alleen in het Nederlands; ' +
          'antwoordschaal 1 (eens5) → notScored-antwoord 1 → korte naam (label): Engels staat erbij, maar de vragenlijst is alleen in het Nederlands; ' +
          'vraag 4 (bt_rol) → uitleg bij antwoorden (optionHelp) → 2: Engels staat erbij, maar de vragenlijst is alleen in het Nederlands; ' +
          'haal die Engelse teksten weg, of zet "languages": ["nl", "en"] en geef elke tekst ook in het Engels. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('refuses a definition without English that does not say it is Dutch only, and any other languages than nl or nl and en', async () => {
    const s = open();
    const before = snapshot(s.db);
    const undeclared = dutchOnlyInstrument() as Record<string, unknown>;
    delete undeclared.languages;
    const refusal = await s.call('importInstrument', { definitionJson: JSON.stringify(undeclared) });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refusal.ok) {
      expect(refusal.error.message).toMatch(/^Deze vragenlijstdefinitie klopt niet: naam \(name\): Engels ontbreekt; beschrijving \(description\): Engels ontbreekt; /);
      // 4 + 8 option labels + 10 item texts and labels + 1 help + 1 subscale + 2 section texts = 26: the first 20 and how many more.
      expect(refusal.error.message).toContain('(en nog 6 andere); vul het Engels overal aan, of maak er een vragenlijst in alleen het Nederlands van: zet "languages": ["nl"]');
    }
    const english = { ...dutchOnlyInstrument(), languages: ['en'] };
    const wrong = await s.call('importInstrument', { definitionJson: JSON.stringify(english) });
    if (wrong.ok) throw new Error('imported');
    expect(wrong.error.message).toContain('talen (languages): Kies ["nl"] (alleen Nederlands) of ["nl", "en"] (Nederlands en Engels)');
    expect(snapshot(s.db)).toEqual(before);
  });

  it('still takes a fully bilingual definition', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(bilingualInstrument()) });
    expect((await s.ok('getInstrument', { instrumentId: 'buurtteam-tweetalig', version: 1 })).items[0]!.text).toEqual({ nl: 'We kennen elkaars werk.', en: 'EN: We kennen elkaars werk.' });
  });
});

describe('the built-in instruments in a new database', () => {
  it('are stored byte for byte as before Dutch-only instruments existed', () => {
    const s = open();
    // The built-ins of that time; instruments added since have their own tests.
    const rows = s.db
      .prepare("SELECT instrument_id AS id, version, definition FROM instruments WHERE built_in = 1 AND instrument_id IN ('achtergrond', 'interprofessioneel-samenwerken', 'kansrijke-samenwerking', 'netwerkfase') ORDER BY instrument_id, version")
      .all() as { id: string; version: number; definition: string }[];
    // SHA-256 of each stored definition, computed from the definitions at commit 1d876b7.
    expect(rows.map((r) => [r.id, r.version, createHash('sha256').update(r.definition).digest('hex')])).toEqual([
      ['achtergrond', 1, '34609d1230b6ea163831d0c8a0efe4784ace55969f478d005304071e84561888'],
      ['achtergrond', 2, 'ecbbb12647985b3601f68efee05ebb28ba44b3de726c28bca428f9b00f313d69'],
      ['interprofessioneel-samenwerken', 1, '4c55c1493d867845e1e6bd1e1ed66dc7de6a3f3d34d21b4f6bf01db29d6978da'],
      ['kansrijke-samenwerking', 1, '3cb9b2e1d9935ee96abb812f083b5dcb21c48a895a242d26b39cebd3a253fed4'],
      ['netwerkfase', 1, 'f26256f2ac701c111a9430cbbcb74311fae714c7f594e5fd9d81e7e9007502f1'],
    ]);
    for (const r of rows) expect(r.definition, r.id).not.toContain('"languages"');
  });
});

describe('answering a Dutch-only instrument', () => {
  it('begins a kiosk response in Dutch, and refuses English without writing', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(dutchOnlyInstrument()) });
    const { wave } = await waveOf(s, BT);
    await s.ok('setResearcherPin', { pin: '1234', currentPin: null });
    await s.ok('startKiosk', { waveId: wave.id, pin: '1234' });
    const before = snapshot(s.db);
    expect(await s.call('kioskBegin', { respondentCode: 'NL0001', consent: true, language: 'en' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'De vragenlijsten van meting T0 zijn alleen in het Nederlands. Kies Nederlands als taal.' },
    });
    expect(snapshot(s.db)).toEqual(before);
    expect((await s.ok('kioskBegin', { respondentCode: 'NL0001', consent: true, language: 'nl' })).language).toBe('nl');
  });

  it('travels in a study file to another laptop', async () => {
    const a = open();
    await a.ok('importInstrument', { definitionJson: JSON.stringify(dutchOnlyInstrument()) });
    const { network, wave } = await waveOf(a, BT);
    const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'R-001', organisationId: null, mode: 'form' });
    await a.ok('saveAnswer', { responseId: r.id, instrumentId: BT, itemId: 'bt_01', value: 4, text: null });
    const file = await studyFileOf(a, [network.id]);
    const b = open();
    await b.ok('importStudyFile', { content: file, decisions: [] });
    expect(await b.ok('getInstrument', { instrumentId: BT, version: 1 })).toEqual(await a.ok('getInstrument', { instrumentId: BT, version: 1 }));
    expect(await b.ok('getInstrument', { instrumentId: BT, version: 1 })).toMatchObject(dutchOnlyInstrument());
  });
});

describe('exporting a Dutch-only instrument in English', () => {
  it('writes its Dutch where English was asked, never "undefined" or an empty label, and says so in the notes', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(dutchOnlyInstrument()) });
    const { network, wave } = await waveOf(s, BT);
    for (const [i, values] of [[4, 5, 9], [2, 3, 4], [5, 5, 5]].entries()) {
      const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: `R-00${i + 1}`, organisationId: null, mode: 'form' });
      for (const [k, value] of values.entries()) await s.ok('saveAnswer', { responseId: r.id, instrumentId: BT, itemId: `bt_0${k + 1}`, value, text: null });
      await s.ok('saveAnswer', { responseId: r.id, instrumentId: BT, itemId: 'bt_rol', value: 2, text: null });
      await s.ok('completeResponse', { responseId: r.id });
    }
    const result = await s.ok('exportStudy', studyExportInput(network.id, { language: 'en', values: 'labels' }));
    if (result.cancelled) throw new Error('export was cancelled');
    const bytes = readFileSync(result.filePath);
    expect(emptyTextCells(bytes)).toEqual([]);
    const book = XLSX.read(bytes, { type: 'buffer' });
    for (const name of book.SheetNames) {
      const text = XLSX.utils.sheet_to_csv(book.Sheets[name]!);
      expect(text, name).not.toContain('undefined');
    }
    const codebook = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Codebook!);
    expect(codebook.find((r) => r.variable === 'bt_01')).toMatchObject({
      label: 'Elkaars werk kennen',
      question: 'We kennen elkaars werk.',
      instrument: 'Samenwerking in het buurtteam',
      codes_and_labels: '1 = Helemaal oneens; 2 = Oneens; 3 = Neutraal; 4 = Eens; 5 = Helemaal eens; 9 = Weet niet',
    });
    const long = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Data_long!);
    expect(long.find((r) => r.respondent === 'R-001')).toMatchObject({ bt_01: 'Eens', bt_03: 'Weet niet', bt_rol: 'Coördinator' });
    const notes = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Notes!, { header: 1 });
    expect(notes).toContainEqual(['Language', 'This instrument is in Dutch only: its name, questions, labels and answer labels in this file are in Dutch.']);
  });
});
