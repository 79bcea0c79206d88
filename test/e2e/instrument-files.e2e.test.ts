import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/export/table';
import { writeWorkbook } from '../../electron/services/export/xlsx-writer';
import { convertInstrumentFile } from '../../electron/services/administration/instrument-files';
import { expectAccessible, textOf, type Session, useE2eSessions } from './support/harness';
import { openInstrumentsScreen as openInstruments } from './support/instruments-screen';

/**
 * Importing a spreadsheet on the *Vragenlijsten* screen through the real stack (built renderer in
 * Chromium → window.api shim → HTTP → the real services → a real SQLite file). The harness plays
 * the main process's open dialog: `chooseImportPath` answers the file a researcher would pick.
 * The screen shows what it read and what it left out, stores only on confirmation, lists a bad
 * workbook's problems by row without storing anything, and saves a version as a spreadsheet.
 */

const { newSession } = useE2eSessions();

/** A workbook as a researcher who knows XLSForm writes it, with a few of our own columns. */
async function researcherWorkbook(file: string, surveyType = 'select_one eens'): Promise<void> {
  const sheet = (name: string, header: string[], rows: Cell[][]) => ({ name, columns: header.map((h) => ({ name: h, kind: 'mixed' as const })), rows });
  const bytes = await writeWorkbook(
    [
      sheet(
        'survey',
        ['type', 'name', 'label', 'hint', 'required', 'relevant', 'short_label', 'subscale'],
        [
          ['start', 'start', null, null, null, null, null, null],
          ['begin_group', 'thuis', 'Zorg thuis', 'Denk aan de afgelopen maand.', null, null, null, null],
          ['select_one rol', 'mt_rol', 'Wat is uw rol?', null, 'yes', null, 'Rol', null],
          ['text', 'mt_rol_anders', 'Welke rol heeft u dan?', null, null, '${mt_rol} = 3', 'Andere rol', null],
          [surveyType, 'mt_01', 'Ik weet bij wie ik terecht kan.', null, 'yes', null, 'Weten bij wie', 'mt_steun'],
          ['select_one eens', 'mt_02', 'De hulp is goed op elkaar afgestemd.', null, 'yes', null, 'Afstemming', 'mt_steun'],
          ['geopoint', 'mt_plek', 'Waar woont u?', null, null, null, null, null],
          ['end_group', null, null, null, null, null, null, null],
        ],
      ),
      sheet(
        'choices',
        ['list_name', 'name', 'label', 'not_scored'],
        [
          ['rol', 1, 'Mantelzorger', null],
          ['rol', 2, 'Zorgverlener', null],
          ['rol', 3, 'Anders', null],
          ['eens', 1, 'Oneens', null],
          ['eens', 2, 'Neutraal', null],
          ['eens', 3, 'Eens', null],
          ['eens', 9, 'Weet niet', 'yes'],
        ],
      ),
      sheet('settings', ['form_title', 'form_id', 'version'], [['Mantelzorg thuis', 'mantelzorg-thuis', 1]]),
      sheet('subscales', ['name', 'label', 'min_answered_share'], [['mt_steun', 'Steun', 0.5]]),
    ],
    { title: 'Mantelzorg thuis', appVersion: 'test', createdAt: new Date(2026, 11, 1) },
  );
  writeFileSync(file, bytes);
}

const instrumentRows = (session: Session) => session.db.prepare('SELECT instrument_id AS id, version, definition FROM instruments ORDER BY instrument_id, version').all() as { id: string; version: number; definition: string }[];

describe('Vragenlijsten: importing a spreadsheet', () => {
  it('shows what it read and left out, stores only on confirmation, and the new instrument is listed', async () => {
    const session = await newSession();
    const { page } = session;
    await openInstruments(session);
    const file = join(session.dir, 'mantelzorg-thuis.xlsx');
    await researcherWorkbook(file);
    session.harness.services.chooseImportPath = async () => file;
    const before = instrumentRows(session);

    const panel = page.getByTestId('instrument-file-import');
    await panel.getByRole('button', { name: 'Importeren…' }).click();
    const preview = page.getByTestId('instrument-file-preview');
    await preview.waitFor();
    expect(await textOf(preview.getByRole('heading', { level: 3 }))).toBe('Controleer mantelzorg-thuis.xlsx voordat u importeert');
    const facts = await textOf(preview.locator('.instrument-facts'));
    expect(facts).toContain('Spreadsheet zoals XLSForm (.xlsx)');
    expect(facts).toContain('Mantelzorg thuis (mantelzorg-thuis, versie 1)');
    expect(facts).toContain('Alleen Nederlands');
    expect(facts).toContain('Vragen: 4 · onderdelen: 1 · schalen: 1');
    const leftOut = await preview.getByTestId('instrument-file-left-out').locator('li').allTextContents();
    expect(leftOut).toEqual([
      'Blad survey, rij 2 (start): metagegevens (start) legt Netwerkspiegel niet vast; weggelaten',
      "Blad survey, rij 8 (mt_plek): type 'geopoint': locaties vraagt Netwerkspiegel niet; weggelaten",
    ]);
    // Nothing is stored before the confirmation.
    expect(instrumentRows(session)).toEqual(before);
    await expectAccessible(page, 'Vragenlijsten with an import preview');
    await page.screenshot({ path: join(session.dir, 'instrument-file-preview.png'), fullPage: true });
    if (process.env.INSTRUMENT_FILES_SCREENSHOT) writeFileSync(process.env.INSTRUMENT_FILES_SCREENSHOT, readFileSync(join(session.dir, 'instrument-file-preview.png')));

    await preview.getByRole('button', { name: 'Importeren bevestigen' }).click();
    const status = page.getByTestId('instrument-file-status');
    await status.waitFor();
    expect(await textOf(status)).toBe('Mantelzorg thuis (versie 1) is geïmporteerd en staat nu in de lijst.');
    const card = page.getByTestId('instrument-mantelzorg-thuis-v1');
    await card.waitFor();
    expect(await textOf(card.getByTestId('instrument-origin'))).toBe('geïmporteerd');

    const stored = instrumentRows(session).find((r) => r.id === 'mantelzorg-thuis')!;
    const def = JSON.parse(stored.definition);
    expect(def.items.map((i: { id: string; type: string }) => [i.id, i.type])).toEqual([
      ['mt_rol', 'choice'],
      ['mt_rol_anders', 'open'],
      ['mt_01', 'scale'],
      ['mt_02', 'scale'],
    ]);
    expect(def.items[1].showWhen).toEqual({ item: 'mt_rol', anyOf: [3] });
    expect(def.scales[1]).toEqual({ id: 'eens', options: [{ code: 1, label: { nl: 'Oneens' } }, { code: 2, label: { nl: 'Neutraal' } }, { code: 3, label: { nl: 'Eens' } }], notScored: [{ code: 9, label: { nl: 'Weet niet' } }] });
    expect(def.subscales).toEqual([{ id: 'mt_steun', label: { nl: 'Steun' }, items: ['mt_01', 'mt_02'], minAnsweredShare: 0.5 }]);
    expect(def.sections).toEqual([{ id: 'thuis', title: { nl: 'Zorg thuis' }, intro: { nl: 'Denk aan de afgelopen maand.' }, items: ['mt_rol', 'mt_rol_anders', 'mt_01', 'mt_02'] }]);
    const audit = session.db.prepare("SELECT entity_id AS id, details FROM audit_log WHERE action = 'instrument.imported'").all() as { id: string; details: string }[];
    expect(audit.map((a) => [a.id, JSON.parse(a.details)])).toEqual([['mantelzorg-thuis@1', { format: 'xlsx', file: 'mantelzorg-thuis.xlsx' }]]);

    // Saved again as a spreadsheet from its card: the file holds the same definition.
    await card.getByRole('button', { name: 'Vragenlijst Mantelzorg thuis versie 1 exporteren als spreadsheet (XLSForm)' }).click();
    const exportStatus = page.getByTestId('instrument-file-export-status-mantelzorg-thuis-v1');
    await exportStatus.waitFor();
    const saved = /^Opgeslagen als (.+)$/.exec(await textOf(exportStatus))![1]!;
    expect(saved.endsWith('mantelzorg-thuis-v1.xlsx')).toBe(true);
    expect(convertInstrumentFile('mantelzorg-thuis-v1.xlsx', readFileSync(saved)).definition).toEqual(def);
    expect(session.problems).toEqual([]);
  });

  it('imports a REDCap data dictionary after listing the fields it leaves out', async () => {
    const session = await newSession();
    const { page } = session;
    await openInstruments(session);
    const file = join(__dirname, '../fixtures/redcap/mantelzorg-dementie.csv');
    session.harness.services.chooseImportPath = async () => file;
    await page.getByTestId('instrument-file-import').getByRole('button', { name: 'Importeren…' }).click();
    const preview = page.getByTestId('instrument-file-preview');
    await preview.waitFor();
    expect(await textOf(preview.locator('.instrument-facts'))).toContain('REDCap-datadictionary (.csv)');
    expect(await textOf(preview.getByRole('heading', { level: 4 }).first())).toBe('Niet overgenomen (12)');
    const leftOut = await preview.getByTestId('instrument-file-left-out').locator('li').allTextContents();
    expect(leftOut.filter((line) => line.endsWith('; weggelaten')).map((line) => /veld (\w+):/.exec(line)![1])).toEqual([
      'record_id',
      'mz_naam',
      'mz_st_score',
      'mz_belasting',
      'mz_verslag',
      'mz_telefoon',
      'mz_huishouden',
      'mz_bedankt',
    ]);
    await preview.getByText(/^Hoe het bestand is overgenomen/).click();
    expect(await preview.getByTestId('instrument-file-mapped').locator('li').first().textContent()).toBe(
      "geen @NWS-INSTRUMENT: vragenlijst 'Mantelzorg dementie', versie 1, alleen in het Nederlands",
    );
    await preview.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('instrument-mantelzorg-dementie-v1').waitFor();
    expect(await textOf(page.getByTestId('instrument-mantelzorg-dementie-v1').getByTestId('instrument-dutch-only'))).toBeTruthy();
    expect(instrumentRows(session).some((r) => r.id === 'mantelzorg-dementie' && r.version === 1)).toBe(true);
    expect(session.problems).toEqual([]);
  });

  it('lists a bad workbook’s problems by row and stores nothing', async () => {
    const session = await newSession();
    const { page } = session;
    await openInstruments(session);
    const file = join(session.dir, 'kapot.xlsx');
    await researcherWorkbook(file, 'select_won eens');
    session.harness.services.chooseImportPath = async () => file;
    const before = instrumentRows(session);
    await page.getByTestId('instrument-file-import').getByRole('button', { name: 'Importeren…' }).click();
    const alert = page.getByTestId('instrument-file-error');
    await alert.waitFor();
    expect(await alert.locator('li').allTextContents()).toEqual(["Blad survey, rij 6 (mt_01): onbekend type 'select_won eens'"]);
    expect(await textOf(alert)).toContain('Er is niets opgeslagen.');
    expect(await page.getByTestId('instrument-file-preview').count()).toBe(0);
    expect(instrumentRows(session)).toEqual(before);
    expect(session.problems).toEqual([]);
  });
});
