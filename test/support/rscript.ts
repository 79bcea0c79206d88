import { execFileSync, spawnSync } from 'node:child_process';

/**
 * R, for tests that read an exported file the way an analyst does. CI installs `r-base-core`
 * (.ci/run); on a machine without it these tests are skipped and say so.
 */
export const RSCRIPT = process.env.RSCRIPT_PATH ?? 'Rscript';

export const hasRscript = spawnSync(RSCRIPT, ['--version'], { stdio: 'ignore' }).status === 0;

export const RSCRIPT_MISSING = `Rscript (${RSCRIPT}) is not installed: the tests that run the exported R script are skipped. Install r-base-core (apt-get install r-base-core) to run them.`;

/** Runs R code with `Rscript --vanilla -e` in `cwd` and returns what it printed. */
export function runR(code: string, cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(RSCRIPT, ['--vanilla', '-e', code], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
