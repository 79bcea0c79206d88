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

function runSoffice(files: readonly string[], outDir: string, target: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'netwerkspiegel-soffice-'));
  try {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}`);
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every sheet of each workbook as CSV written by LibreOffice Calc (one start for all files): per file, the CSV's path by sheet name. */
export function workbooksAsCsv(files: readonly string[], outDir: string): Map<string, Map<string, string>> {
  const output = runSoffice(files, outDir, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const written = readdirSync(outDir);
  return new Map(
    files.map((file) => {
      const stem = basename(file, extname(file));
      const sheets = new Map(written.filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.csv')).map((name) => [name.slice(stem.length + 1, -4), join(outDir, name)] as const));
      if (sheets.size === 0) throw new Error(`soffice wrote no CSV for ${file}: ${output}`);
      return [file, sheets] as const;
    }),
  );
}

/** The workbooks opened and saved again as .xlsx by LibreOffice Calc into outDir; answers the new files' paths. */
export function resavedByCalc(files: readonly string[], outDir: string): string[] {
  runSoffice(files, outDir, 'xlsx:Calc MS Excel 2007 XML');
  return files.map((file) => join(outDir, `${basename(file, extname(file))}.xlsx`));
}
