import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

/**
 * LibreOffice Calc headless, for tests that check a workbook as a real spreadsheet program reads
 * and writes it: every sheet to its own CSV (`<stem>-<sheet>.csv`, UTF-8, comma, all sheets: the
 * filter options' last field -1), or the workbook saved again as .xlsx by Calc. Needs
 * `libreoffice-calc-nogui` (CI installs it); a private profile keeps parallel runs apart.
 */
export const SOFFICE_CALC_MISSING = 'LibreOffice Calc is not installed, so workbooks cannot be read back by a real spreadsheet program. Install it: apt-get install libreoffice-calc-nogui.';

function runSoffice(file: string, outDir: string, target: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'netwerkspiegel-soffice-'));
  try {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}`);
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every sheet of the workbook as CSV text written by LibreOffice Calc, by sheet name. */
export function workbookSheetsAsCsv(file: string, outDir: string): Map<string, string> {
  const output = runSoffice(file, outDir, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const stem = basename(file, extname(file));
  const sheets = new Map<string, string>();
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(`${stem}-`) && name.endsWith('.csv')) sheets.set(name.slice(stem.length + 1, -4), join(outDir, name));
  }
  if (sheets.size === 0) throw new Error(`soffice wrote no CSV: ${output}`);
  return sheets;
}

/** The workbook opened and saved again as .xlsx by LibreOffice Calc; answers the new file's path. */
export function resavedByCalc(file: string, outDir: string): string {
  runSoffice(file, outDir, 'xlsx:Calc MS Excel 2007 XML');
  return join(outDir, `${basename(file, extname(file))}.xlsx`);
}
