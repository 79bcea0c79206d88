import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

/**
 * LibreOffice headless, for tests that check a Word or PowerPoint file opens in a real office
 * suite: it converts the file to PDF. CI installs it (.ci/run: libreoffice-writer-nogui,
 * libreoffice-impress-nogui); where it is missing the test fails and says so, it is never skipped.
 */
export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

export const SOFFICE_MISSING = 'LibreOffice (soffice) is not installed, so the Word and PowerPoint reports cannot be checked. Install it: apt-get install libreoffice-writer-nogui libreoffice-impress-nogui (.ci/run does this).';

/**
 * Converts `file` to PDF in `outDir` with a private LibreOffice profile (parallel runs and a user's
 * own LibreOffice do not clash). Answers the PDF's path and soffice's exit status and output.
 */
export function convertToPdf(file: string, outDir: string): { pdf: string; status: number | null; output: string } {
  const profile = mkdtempSync(join(tmpdir(), 'netwerkspiegel-soffice-'));
  try {
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
    return { pdf, status: run.status, output: `${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}${existsSync(pdf) ? '' : ' (no PDF)'}` };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
