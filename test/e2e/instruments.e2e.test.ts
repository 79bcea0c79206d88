import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtInInstruments, instrumentDefinition } from '../../shared/instruments';
import { kansrijkeSamenwerking } from '../../shared/instruments/kansrijke-samenwerking';
import { axeViolations, textOf, type Session, useE2eSessions } from './support/harness';
import { openInstrumentsScreen as openInstruments } from './support/instruments-screen';

/**
 * The *Vragenlijsten* screen through the real stack (built renderer in Chromium → window.api
 * shim → HTTP → the real dispatcher and services → a real SQLite file): export a built-in
 * definition and read the file back, import a custom definition through *Importeren…* (the
 * harness plays the open dialog: `chooseImportPath` answers the file written to the session's
 * folder), see a broken file refused and a second file of the same version shown as already
 * there, without any write.
 */

/** A small custom instrument as a researcher might write it: three statements, one reverse-keyed. */
const teamklimaat = {
  id: 'test-teamklimaat',
  version: 1,
  name: { nl: 'Test teamklimaat', en: 'Test team climate' },
  description: { nl: 'Drie uitspraken over het klimaat in het team.', en: 'Three statements on the team climate.' },
  attribution: { nl: 'Geschreven voor deze test.', en: 'Written for this test.' },
  licence: { nl: 'Vrij te gebruiken.', en: 'Free to use.' },
  scales: [
    {
      id: 'eens5',
      options: [
        { code: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
        { code: 2, label: { nl: 'Oneens', en: 'Disagree' } },
        { code: 3, label: { nl: 'Neutraal', en: 'Neutral' } },
        { code: 4, label: { nl: 'Eens', en: 'Agree' } },
        { code: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
      ],
      notScored: [{ code: 9, label: { nl: 'Weet niet / n.v.t.', en: 'Don\u2019t know / not applicable' } }],
    },
  ],
  items: [
    { id: 'tk_01', type: 'scale', text: { nl: 'In ons team durven we fouten te melden.', en: 'In our team we dare to report mistakes.' }, label: { nl: 'Fouten melden', en: 'Reporting mistakes' }, scale: 'eens5' },
    { id: 'tk_02', type: 'scale', text: { nl: 'We helpen elkaar als het druk is.', en: 'We help each other when it is busy.' }, label: { nl: 'Elkaar helpen', en: 'Helping each other' }, scale: 'eens5' },
    { id: 'tk_03', type: 'scale', text: { nl: 'Er wordt vaak over elkaar gepraat in plaats van met elkaar.', en: 'People often talk about each other instead of with each other.' }, label: { nl: 'Over elkaar praten', en: 'Talking about each other' }, scale: 'eens5', reverse: true },
  ],
  subscales: [{ id: 'tk_klimaat', label: { nl: 'Teamklimaat', en: 'Team climate' }, items: ['tk_01', 'tk_02', 'tk_03'], minAnsweredShare: 0.67 }],
  sections: [{ id: 'sec_tk', title: { nl: 'Teamklimaat', en: 'Team climate' }, items: ['tk_01', 'tk_02', 'tk_03'] }],
};

/** Wrong types: the version is a word, a question text is a bare string, a code is text. */
const wrongTypes = {
  ...teamklimaat,
  id: 'test-kapot',
  version: 'een',
  items: [{ ...teamklimaat.items[0], text: 'Alleen Nederlands' }, teamklimaat.items[1], teamklimaat.items[2]],
  scales: [{ ...teamklimaat.scales[0], notScored: [{ code: 'negen', label: { nl: 'Weet niet', en: 'Don\u2019t know' } }] }],
};

/** Well-typed, but pointing at things that do not exist: a scale "zeven" and a question tk_04. */
const unknownReferences = {
  ...teamklimaat,
  id: 'test-kapot',
  items: [teamklimaat.items[0], { ...teamklimaat.items[1], scale: 'zeven' }, teamklimaat.items[2]],
  subscales: [{ ...teamklimaat.subscales[0], items: ['tk_01', 'tk_02', 'tk_04'] }],
};


interface InstrumentRow {
  instrumentId: string;
  version: number;
  definition: string;
  builtIn: number;
  frozenAt: string | null;
}
const instrumentRows = (session: Session) =>
  session.db
    .prepare('SELECT instrument_id AS instrumentId, version, definition, built_in AS builtIn, frozen_at AS frozenAt FROM instruments ORDER BY instrument_id, version')
    .all() as InstrumentRow[];
const count = (session: Session, table: string) => (session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const importPanel = (page: Page) => page.getByTestId('instrument-file-import');
const importError = (page: Page) => page.getByTestId('instrument-file-error');
const importStatus = (page: Page) => page.getByTestId('instrument-file-status');
const preview = (page: Page) => page.getByTestId('instrument-file-preview');
const confirmButton = (page: Page) => preview(page).getByRole('button', { name: 'Importeren bevestigen' });

/** Picks a file as a researcher would: written to the session's folder, answered by the open dialog, then *Importeren…*. */
async function pickFile(session: Session, name: string, text: string): Promise<void> {
  const file = join(session.dir, name);
  writeFileSync(file, text, 'utf8');
  session.harness.services.chooseImportPath = async () => file;
  await importPanel(session.page).getByRole('button', { name: 'Importeren…' }).click();
}
const jsonText = (content: unknown) => JSON.stringify(content, null, 2);

const { newSession } = useE2eSessions();

async function openInstrumentsScreen(): Promise<Session> {
  const session = await newSession();
  await openInstruments(session);
  return session;
}

/** The built-ins this screen lists (each has its own tests besides). */
const STARTING_BUILT_INS = new Set(['achtergrond', 'interprofessioneel-samenwerken', 'kansrijke-samenwerking', 'mdo-evaluatie', 'netwerkfase', 'partnernetwerk']);
const startingOrImported = (r: { instrumentId: string; builtIn: number }) => r.builtIn === 0 || STARTING_BUILT_INS.has(r.instrumentId);

describe('Vragenlijsten: the built-in instruments', () => {
  it('lists the built-ins (Achtergrond in two versions), unused, in both languages, and exports Kansrijke samenwerking as exactly its definition', async () => {
    const session = await openInstrumentsScreen();
    const { page } = session;

    // What the database was seeded with, and what the screen says about it.
    expect(instrumentRows(session).filter(startingOrImported).map((r) => [r.instrumentId, r.version, r.builtIn, r.frozenAt])).toEqual([
      ['achtergrond', 1, 1, null],
      ['achtergrond', 2, 1, null],
      ['interprofessioneel-samenwerken', 1, 1, null],
      ['kansrijke-samenwerking', 1, 1, null],
      ['mdo-evaluatie', 1, 1, null],
      ['netwerkfase', 1, 1, null],
      ['partnernetwerk', 1, 1, null],
    ]);
    const names: Record<string, string> = {
      achtergrond: 'Achtergrond',
      'interprofessioneel-samenwerken': 'Interprofessioneel samenwerken',
      'kansrijke-samenwerking': 'Kansrijke samenwerking',
      netwerkfase: 'Netwerkfase',
      'mdo-evaluatie': 'MDO-evaluatie',
      partnernetwerk: 'Partnernetwerk',
    };
    expect(await page.getByTestId('instrument-list').locator(':scope > li').count()).toBe(builtInInstruments.length);
    for (const [id, name] of Object.entries(names)) {
      const card = page.getByTestId(`instrument-${id}-v1`);
      expect(await textOf(card.getByRole('heading', { level: 3 }))).toBe(name);
      expect(await textOf(card.getByTestId('instrument-version'))).toBe('versie 1');
      expect(await textOf(card.getByTestId('instrument-origin'))).toBe('ingebouwd');
      expect(await textOf(card.getByTestId('instrument-frozen'))).toBe('nog niet in gebruik');
    }
    // Achtergrond version 2 adds the governance body question.
    const achtergrond2 = page.getByTestId('instrument-achtergrond-v2');
    expect(await textOf(achtergrond2.getByTestId('instrument-version'))).toBe('versie 2');
    expect(await textOf(achtergrond2.getByTestId('instrument-origin'))).toBe('ingebouwd');
    // The screen explains what may not be shipped and why versions freeze.
    const about = await textOf(page.locator('.instruments-about'));
    expect(about).toContain('AITCS-II');
    expect(about).toContain('hoger versienummer');

    // Source and licence of a built-in, on request.
    const ip = page.getByTestId('instrument-interprofessioneel-samenwerken-v1');
    await ip.getByText('Inhoud, bron en licentie').click();
    await ip.locator('.instrument-facts').waitFor();
    const facts = await textOf(ip.locator('.instrument-facts'));
    expect(facts).toContain('Vragen: 39 · schalen: 6'); // 6 + 6 + 5 + 6 + 6 statements and 10 characteristics
    expect(facts).toContain('Rijsdijk');

    // The names follow the language switch.
    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    expect(await textOf(page.getByTestId('instrument-kansrijke-samenwerking-v1').getByRole('heading', { level: 3 }))).toBe('Promising collaboration');
    expect(await textOf(page.getByTestId('instrument-netwerkfase-v1').getByTestId('instrument-origin'))).toBe('built in');
    await page.getByTestId('language-nl').click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-instruments.png', fullPage: true });

    // Export through the UI; the file on disk is the definition, nothing more and nothing less.
    await page.getByRole('button', { name: 'Vragenlijst Kansrijke samenwerking versie 1 exporteren als JSON' }).click();
    const status = page.getByTestId('instrument-file-export-status-kansrijke-samenwerking-v1');
    await status.getByText('Opgeslagen als').waitFor();
    const match = /^Opgeslagen als (.+)$/.exec(await textOf(status));
    expect(match).not.toBeNull();
    const filePath = match![1]!;
    expect(filePath.startsWith(session.exportDir)).toBe(true);
    expect(basename(filePath)).toMatch(/kansrijke-samenwerking-v1\.json$/);
    expect(existsSync(filePath)).toBe(true);
    const exported = JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
    expect(exported).toEqual(kansrijkeSamenwerking);
    expect(exported).toEqual(JSON.parse(instrumentRows(session).find((r) => r.instrumentId === 'kansrijke-samenwerking')!.definition));
    // And what is exported can be imported elsewhere: it passes the schema unchanged.
    expect(instrumentDefinition.parse(exported)).toEqual(kansrijkeSamenwerking);
    expect(builtInInstruments).toContainEqual(exported);

    expect(session.problems).toEqual([]);
  });
});

describe('Vragenlijsten: importing a definition file', () => {
  it('imports a valid file, refuses broken files with a list of problems and shows a second file of the same version as already there, writing nothing', async () => {
    const session = await openInstrumentsScreen();
    const { page } = session;
    const rowsAtStart = instrumentRows(session);
    expect(rowsAtStart).toHaveLength(builtInInstruments.length);
    const auditAtStart = count(session, 'audit_log');

    // --- A valid custom instrument: shown first, stored only on confirmation ------------------------------
    await pickFile(session, 'test-teamklimaat.json', jsonText(teamklimaat));
    await preview(page).waitFor();
    expect(await textOf(preview(page).getByRole('heading', { level: 3 }))).toBe('Controleer test-teamklimaat.json voordat u importeert');
    const facts = await textOf(preview(page).locator('.instrument-facts'));
    expect(facts).toContain('Vragenlijstdefinitie (JSON)');
    expect(facts).toContain('Test teamklimaat (test-teamklimaat, versie 1)');
    expect(facts).toContain('Nederlands en Engels');
    expect(facts).toContain('Vragen: 3 · onderdelen: 1 · schalen: 1');
    expect(await textOf(preview(page))).toContain('Alles in het bestand is overgenomen.');
    expect(instrumentRows(session)).toEqual(rowsAtStart);
    expect(count(session, 'audit_log')).toBe(auditAtStart);
    await confirmButton(page).click();
    await importStatus(page).getByText('is geïmporteerd').waitFor();
    expect(await textOf(importStatus(page))).toBe('Test teamklimaat (versie 1) is geïmporteerd en staat nu in de lijst.');
    expect(await importError(page).count()).toBe(0);
    expect(await preview(page).count()).toBe(0);
    const card = page.getByTestId('instrument-test-teamklimaat-v1');
    await card.waitFor();
    expect(await textOf(card.getByRole('heading', { level: 3 }))).toBe('Test teamklimaat');
    expect(await textOf(card.getByTestId('instrument-origin'))).toBe('geïmporteerd');
    expect(await textOf(card.getByTestId('instrument-frozen'))).toBe('nog niet in gebruik');
    expect(await page.getByTestId('instrument-list').locator(':scope > li').count()).toBe(builtInInstruments.length + 1);

    const afterImport = instrumentRows(session);
    expect(afterImport).toHaveLength(builtInInstruments.length + 1);
    const stored = afterImport.find((r) => r.instrumentId === 'test-teamklimaat')!;
    expect(stored).toMatchObject({ version: 1, builtIn: 0, frozenAt: null });
    // Stored as validated: the file's content with the schema's defaults filled in (reverse: false on tk_01 and tk_02).
    const storedDef = JSON.parse(stored.definition) as typeof teamklimaat;
    expect(storedDef).toEqual(instrumentDefinition.parse(teamklimaat));
    expect(storedDef.items.map((i) => [i.id, i.reverse])).toEqual([
      ['tk_01', false],
      ['tk_02', false],
      ['tk_03', true],
    ]);
    // The audit entry says which kind of file it came from and its name (not its folder).
    const audit = session.db.prepare('SELECT action, entity_id AS entityId, details FROM audit_log ORDER BY rowid DESC LIMIT 1').get() as { action: string; entityId: string; details: string };
    expect({ ...audit, details: JSON.parse(audit.details) as unknown }).toEqual({ action: 'instrument.imported', entityId: 'test-teamklimaat@1', details: { format: 'json', file: 'test-teamklimaat.json' } });
    expect(count(session, 'audit_log')).toBe(auditAtStart + 1);

    // --- Wrong types: each problem named in Dutch, nothing stored ------------------------------------
    await pickFile(session, 'kapot.json', jsonText(wrongTypes));
    await importError(page).waitFor();
    expect(await importError(page).getAttribute('role')).toBe('alert');
    const typeProblems = (await importError(page).locator('li').allTextContents()).map((p) => p.trim());
    expect(typeProblems).toEqual(
      // The question text must be {nl, en}, not a bare string; the place is named by position and id.
      expect.arrayContaining([expect.stringContaining('versie (version) moet een getal zijn'), 'vraag 1 (tk_01) → vraagtekst (text) moet een groep velden ({ … }) zijn']),
    );
    expect(typeProblems.some((p) => p.includes('notScored') && p.includes('getal'))).toBe(true);
    const typeAlert = await textOf(importError(page));
    expect(typeAlert).toMatch(/^Deze vragenlijstdefinitie klopt niet:/);
    expect(typeAlert).toMatch(/Er is niets opgeslagen\.$/);
    expect(await textOf(importStatus(page))).toBe(''); // the earlier success message is gone
    expect(await preview(page).count()).toBe(0);
    expect(instrumentRows(session)).toEqual(afterImport);
    expect(count(session, 'audit_log')).toBe(auditAtStart + 1);

    // --- Unknown references: the unknown scale and the unknown question are both listed ---------------
    await pickFile(session, 'kapot.json', jsonText(unknownReferences));
    await expect.poll(async () => textOf(importError(page))).toContain('onbekende antwoordschaal');
    const refProblems = (await importError(page).locator('li').allTextContents()).map((p) => p.trim());
    expect(refProblems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Vraag tk_02 verwijst naar onbekende antwoordschaal zeven'),
        expect.stringContaining('Schaal tk_klimaat verwijst naar onbekende vraag tk_04'),
      ]),
    );
    expect(instrumentRows(session)).toEqual(afterImport);
    expect(await page.getByTestId('instrument-test-kapot-v1').count()).toBe(0);
    await importPanel(page).screenshot({ path: '/tmp/netwerkspiegel-instruments-refused.png' });

    // --- Not JSON at all -----------------------------------------------------------------------------------
    await pickFile(session, 'notities.json', '{ "id": "half');
    await expect.poll(async () => textOf(importError(page))).toContain('geen geldige JSON');
    expect(instrumentRows(session)).toEqual(afterImport);

    // --- The same valid file again: the preview says it is already there and offers no import -----------
    await pickFile(session, 'test-teamklimaat.json', jsonText(teamklimaat));
    const existing = preview(page).getByTestId('instrument-file-existing');
    await existing.waitFor();
    expect(await textOf(existing)).toBe('Test teamklimaat versie 1 staat al precies zo in deze database; importeren verandert niets.');
    expect(await confirmButton(page).count()).toBe(0);
    expect(await importError(page).count()).toBe(0);
    expect(await textOf(importStatus(page))).toBe('');
    expect(instrumentRows(session)).toEqual(afterImport);
    expect(count(session, 'audit_log')).toBe(auditAtStart + 1);

    // --- Same id and version, different content: shown with the advice to raise the version, not importable -
    const edited = { ...teamklimaat, name: { nl: 'Test teamklimaat (aangepast)', en: 'Test team climate (edited)' } };
    await pickFile(session, 'test-teamklimaat.json', jsonText(edited));
    await expect.poll(async () => textOf(existing)).toContain('hoger versienummer');
    expect(await textOf(existing)).toBe(
      'Test teamklimaat (aangepast) versie 1 bestaat al met een andere inhoud. Geef de aangepaste vragenlijst in het bestand een hoger versienummer en kies het opnieuw.',
    );
    expect(await existing.getAttribute('class')).toContain('message-error');
    expect(await confirmButton(page).count()).toBe(0);
    expect(instrumentRows(session)).toEqual(afterImport);
    expect(count(session, 'audit_log')).toBe(auditAtStart + 1);

    // ... and with a new version number it is accepted next to version 1.
    await pickFile(session, 'test-teamklimaat-v2.json', jsonText({ ...edited, version: 2 }));
    await confirmButton(page).click();
    await importStatus(page).getByText('is geïmporteerd').waitFor();
    expect(await textOf(importStatus(page))).toBe('Test teamklimaat (aangepast) (versie 2) is geïmporteerd en staat nu in de lijst.');
    await page.getByTestId('instrument-test-teamklimaat-v2').waitFor();
    expect(await importError(page).count()).toBe(0);
    expect(count(session, 'audit_log')).toBe(auditAtStart + 2);
    expect(instrumentRows(session).filter(startingOrImported).map((r) => [r.instrumentId, r.version, r.builtIn])).toEqual([
      ['achtergrond', 1, 1],
      ['achtergrond', 2, 1],
      ['interprofessioneel-samenwerken', 1, 1],
      ['kansrijke-samenwerking', 1, 1],
      ['mdo-evaluatie', 1, 1],
      ['netwerkfase', 1, 1],
      ['partnernetwerk', 1, 1],
      ['test-teamklimaat', 1, 0],
      ['test-teamklimaat', 2, 0],
    ]);
    expect(instrumentRows(session).find((r) => r.version === 1 && r.instrumentId === 'test-teamklimaat')).toEqual(stored);

    const axe = await axeViolations(page);
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([]);
    await page.screenshot({ path: '/tmp/netwerkspiegel-instruments-import.png', fullPage: true });
    await page.getByTestId('instrument-test-teamklimaat-v1').screenshot({ path: '/tmp/netwerkspiegel-instrument-card.png' });

    // The imported instrument is offered in a new wave, but not ticked: only Kansrijke samenwerking is.
    await page.getByRole('button', { name: 'Terug naar netwerken' }).click();
    await page.getByLabel('Naam van het netwerk').fill('Wijknetwerk Zuid');
    await page.getByRole('button', { name: 'Netwerk aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: /Wijknetwerk Zuid/ }).waitFor();
    const waveForm = page.getByTestId('wave-form');
    const boxes = waveForm.getByRole('checkbox');
    await boxes.first().waitFor();
    const ticked: string[] = [];
    for (const box of await boxes.all()) {
      const label = await textOf(box.locator('xpath=..'));
      if (await box.isChecked()) ticked.push(label);
    }
    expect(ticked).toEqual(['Kansrijke samenwerking (versie 1)']);
    expect(await waveForm.getByRole('checkbox', { name: /Test teamklimaat \(aangepast\)/ }).isChecked()).toBe(false);
    expect(await waveForm.getByRole('checkbox', { name: /Interprofessioneel samenwerken/ }).isChecked()).toBe(false);
    // Of a built-in only the newest version is offered (version 1 of Achtergrond stays for the waves that use it);
    // both imported versions are.
    const background = waveForm.getByRole('checkbox', { name: /^Achtergrond/ });
    expect(await background.count()).toBe(1);
    expect(await textOf(background.locator('xpath=..'))).toBe('Achtergrond (versie 2)');
    expect(await waveForm.getByRole('checkbox', { name: /Test teamklimaat/ }).count()).toBe(2);

    expect(session.problems).toEqual([]);
  });
});
