import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { axeViolations, type Session, useE2eSessions } from './support/harness';

/**
 * The study export from the UI: the built renderer in Chromium → window.api shim → HTTP → the
 * real services over a real SQLite file; the files land in the harness's export folder and are
 * read back from disk.
 */

const KS = 'kansrijke-samenwerking';
const NETWORK = 'Dementienetwerk Oost';

const { newSession } = useE2eSessions();

/** A network with T0 and T1 and six respondents per wave, seeded through the API. */
async function seeded(): Promise<{ session: Session; networkId: string }> {
  const session = await newSession();
  const network = await session.call('createNetwork', { name: NETWORK });
  const org = await session.call('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const instruments = [{ instrumentId: KS, version: 1 }];
  for (const [label, kind] of [['T0', 'T0'], ['T1', 'T1']] as const) {
    const wave = await session.call('createWave', { networkId: network.id, label, kind, plannedDate: null, instruments });
    for (let i = 1; i <= 6; i++) {
      const r = await session.call('startResponse', { waveId: wave.id, respondentCode: `R-00${i}`, organisationId: i % 2 ? org.id : null, mode: 'form' });
      for (const c of ['amb', 'bel', 'per', 'org', 'pro']) {
        for (let k = 1; k <= 4; k++) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${c}_0${k}`, value: ((i + k) % 5) + 1, text: null });
      }
      if (label === 'T0' && i === 1) await session.call('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: '=HYPERLINK("http://evil.example","klik")' });
      await session.call('completeResponse', { responseId: r.id });
    }
  }
  await session.page.goto(session.harness.url);
  await session.page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();
  await session.page.getByRole('button', { name: new RegExp(NETWORK) }).first().click();
  await session.page.getByRole('heading', { level: 1, name: new RegExp(NETWORK) }).waitFor();
  return { session, networkId: network.id };
}

const exportedFiles = (session: Session) => readdirSync(session.exportDir).sort();

describe('export from the UI', () => {
  it('saves the workbook with the chosen options and shows where it went', async () => {
    const { session } = await seeded();
    const { page } = session;
    await page.getByRole('button', { name: `Exporteren: ${NETWORK}` }).click();
    await page.getByRole('heading', { level: 1, name: /Exporteren/ }).waitFor();
    const form = page.getByTestId('export-form');
    // Defaults: Excel, codes, open answers left out, both waves and the instrument ticked.
    expect(await form.getByRole('radio', { name: /Excel-werkmap/ }).isChecked()).toBe(true);
    expect(await form.getByRole('radio', { name: /^Codes/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Open antwoorden meenemen/ }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: /T0/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /Kansrijke samenwerking/ }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByRole('checkbox', { name: /T1/ }).uncheck();
    await form.getByRole('checkbox', { name: /Open antwoorden meenemen/ }).check();
    await form.getByRole('button', { name: 'Exporteren' }).click();
    const status = page.getByTestId('export-study-status');
    await status.getByText(/Opgeslagen als/).waitFor();
    expect(await status.textContent()).toContain('(6 rijen)');
    expect(session.problems).toEqual([]);

    const files = exportedFiles(session);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/netwerkspiegel-Dementienetwerk_Oost-T0-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(readFileSync(join(session.exportDir, files[0]!)), { type: 'buffer', cellFormula: true });
    expect(book.SheetNames).toEqual(['Toelichting', 'Data_lang', 'Data_breed', 'Scores', 'Codeboek', 'Beschrijvend', 'Vergelijking', 'Betrouwbaarheid', 'Koppeling']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Data_lang!);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.meting))).toEqual(new Set(['T0']));
    // ((1 + 1) % 5) + 1 = 3 for ks_amb_01, as a number; the hostile open answer as text.
    const r1 = rows.find((r) => r.respondent === 'R-001')!;
    expect(r1.ks_amb_01).toBe(3);
    expect(r1.ks_open_goed).toBe('=HYPERLINK("http://evil.example","klik")');
    const sheet = book.Sheets.Data_lang!;
    const cells = Object.entries(sheet).filter(([k]) => !k.startsWith('!')) as [string, XLSX.CellObject][];
    expect(cells.filter(([, c]) => c.f !== undefined)).toEqual([]);
    expect(cells.find(([, c]) => c.v === '=HYPERLINK("http://evil.example","klik")')?.[1].t).toBe('s');
  });

  it('saves CSV with ; and its SPSS syntax and R script, in English when the UI is English', async () => {
    const { session } = await seeded();
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: `Export: ${NETWORK}` }).click();
    const form = page.getByTestId('export-form');
    await form.getByRole('radio', { name: /^CSV/ }).check();
    expect(await form.getByRole('radio', { name: /Semicolon/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-study-status').getByText(/Saved as/).waitFor();
    expect(await page.getByTestId('export-study-status').textContent()).toContain('SPSS syntax file and the R script');

    const files = exportedFiles(session);
    expect(files.map((f) => f.split('.').at(-1))).toEqual(['csv', 'R', 'csv', 'sps']);
    const csvName = files.find((f) => f.endsWith('.csv') && !f.endsWith('-codebook.csv'))!;
    expect(files).toContain(csvName.replace(/\.csv$/, '-codebook.csv'));
    const csv = readFileSync(join(session.exportDir, csvName));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('network;wave;wave_kind;respondent;organisation;mode;status;started;started_iso;completed;completed_iso;ks_amb_01')).toBe(true);
    expect(lines).toHaveLength(12 + 2);
    expect(csv.toString('utf8')).not.toContain('HYPERLINK'); // open answers were not ticked
    const sps = readFileSync(join(session.exportDir, files.find((f) => f.endsWith('.sps'))!), 'utf8');
    expect(sps).toContain('/DELIMITERS=";"');
    expect(sps).toContain(`/FILE='${csvName}'`);
    expect(sps).toContain("/ENCODING='UTF8'");
    expect(sps).toContain('SET DECIMAL=COMMA.');
    expect(session.problems).toEqual([]);
  });

  it('shows progress while the export runs', async () => {
    const { session } = await seeded();
    const { page } = session;
    await page.getByRole('button', { name: `Exporteren: ${NETWORK}` }).click();
    // Hold the export call so the progress can be seen; the progress polls go through.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/exportStudy', async (route) => {
      await gate;
      await route.continue();
    });
    await page.getByTestId('export-form').getByRole('button', { name: 'Exporteren' }).click();
    await page.getByTestId('export-progress').waitFor();
    expect(await page.getByTestId('export-study-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-progress').textContent()).toContain('Voorbereiden');
    release();
    await page.getByTestId('export-study-status').getByText(/Opgeslagen als/).waitFor();
    expect(await page.getByTestId('export-progress').count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
