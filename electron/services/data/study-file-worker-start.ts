import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * How the study-file worker (study-file-worker.ts) is started, in the two ways the services run:
 * - the built app: electron-vite bundles the worker as its own entry beside the main process's
 *   (`out/main/study-file-worker.js`); the main process passes that file (`builtFile`);
 * - the sources, in the tests (vitest), the test harness and the benchmarks (tsx): there is no
 *   bundle, so the worker runs its TypeScript source through tsx's require hook, as tsx runs
 *   the rest (tsx is a development dependency; the built app never takes this way).
 */
export function startStudyFileWorker(builtFile: string | undefined): Worker {
  if (builtFile !== undefined) return new Worker(builtFile);
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const source = join(here, 'study-file-worker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { eval: true });
}
