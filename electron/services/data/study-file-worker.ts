import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import type { ParsedInput } from '../../../shared/contract';
import { ApiError, type ApiErrorShape } from '../../../shared/errors';
import type { MergeReport } from '../../../shared/study';
import { applyPragmas, type Db } from '../../db/open';
import type { ServiceContext } from '../context';
import { Steps, studyFileStep, type RunningProgress } from './study-file-steps';
import { importStudyFileInSteps, previewStudyFileInSteps } from './study-files';

/**
 * The study-file worker: a worker thread that reads, checks and plans a study file and writes the
 * import, on a connection of its own to the same database file, so the main process keeps
 * answering the window meanwhile (study-file-jobs.ts starts it and talks to it). The parsed file
 * stays here; only progress, questions for the clock and the report go back. One job at a time;
 * the thread may be given another job afterwards.
 */

/** What the API asked for. */
export type StudyFileRequest = { kind: 'preview'; input: ParsedInput<'previewStudyFile'> } | { kind: 'import'; input: ParsedInput<'importStudyFile'> };

/** What the main process asks of the worker: a preview or an import of one file, in one database. */
export type StudyFileJob = StudyFileRequest & {
  databasePath: string;
  deviceId: string;
  appVersion: string;
  schemaVersion: number;
  /** The main process's `ctx.now()` when it started the job. */
  now: string;
  stepMs: number;
  /** Shared with the main process: 1 from just before the job takes the write lock until it has let go of it. */
  writing: Int32Array;
};

export type ToWorker = { type: 'job'; job: StudyFileJob } | { type: 'now'; at: string };
export type FromWorker =
  | { type: 'progress'; progress: RunningProgress }
  | { type: 'now?' }
  | { type: 'done'; report: MergeReport }
  | { type: 'failed'; error: ApiErrorShape };

if (!parentPort) throw new Error('study-file-worker.ts runs only as a worker thread (study-file-jobs.ts starts it).');
const port = parentPort;

let clockAnswer: ((at: string) => void) | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') void run(message.job);
  else clockAnswer?.(message.at);
});

const askClock = () =>
  new Promise<string>((resolve) => {
    clockAnswer = resolve;
    port.postMessage({ type: 'now?' } satisfies FromWorker);
  });

function openConnection(job: StudyFileJob): Db {
  let db: Db;
  try {
    db = new Database(job.databasePath, { fileMustExist: true });
    applyPragmas(db);
  } catch (err) {
    throw new ApiError('DB_OPEN_FAILED', `Het studiebestand kon niet worden verwerkt: de database kon niet worden geopend (${err instanceof Error ? err.message : String(err)}). Er is niets gewijzigd.`);
  }
  if (db.pragma('user_version', { simple: true }) !== job.schemaVersion) {
    db.close();
    throw new ApiError('CONFLICT', 'De gegevens op deze laptop zijn intussen vervangen. Kies het studiebestand opnieuw. Er is niets gewijzigd.');
  }
  return db;
}

function failure(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  console.error('Een studiebestand kon niet worden verwerkt', err);
  return { code: 'INTERNAL', message: 'Er ging iets onverwachts mis bij het verwerken van het studiebestand; er is niets gewijzigd. Probeer het opnieuw of start de app opnieuw.' };
}

async function run(job: StudyFileJob): Promise<void> {
  studyFileStep.ms = job.stepMs;
  let at = job.now;
  let db: Db | undefined;
  let answer: FromWorker;
  try {
    db = openConnection(job);
    const ctx: ServiceContext = {
      db,
      deviceId: job.deviceId,
      appVersion: job.appVersion,
      databasePath: job.databasePath,
      schemaVersion: job.schemaVersion,
      now: () => at,
      chooseExportPath: async () => null,
    };
    const steps = new Steps(db, {
      report: (progress) => port.postMessage({ type: 'progress', progress } satisfies FromWorker),
      writing: (on) => {
        Atomics.store(job.writing, 0, on ? 1 : 0);
        if (!on) Atomics.notify(job.writing, 0);
      },
      refreshClock: async () => {
        at = await askClock();
      },
    });
    const report = job.kind === 'preview' ? await previewStudyFileInSteps(ctx, steps, job.input) : await importStudyFileInSteps(ctx, steps, job.input);
    answer = { type: 'done', report };
  } catch (err) {
    answer = { type: 'failed', error: failure(err) };
  } finally {
    // Closed before the answer: when the main process hears it, no connection of this job is left.
    try {
      db?.close();
    } catch (err) {
      console.error('De verbinding van het hulpproces voor studiebestanden kon niet worden gesloten', err);
    }
  }
  port.postMessage(answer);
}
