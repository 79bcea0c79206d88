import type { Worker } from 'node:worker_threads';
import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { MergeReport, StudyFileProgress } from '../../../shared/study';
import { removeStaleTemporaryFiles } from '../../db/backup-files';
import type { ServiceContext } from '../context';
import { studyFileStep, type RunningProgress } from './study-file-steps';
import { startStudyFileWorker } from './study-file-worker-start';
import type { FromWorker, StudyFileJob, StudyFileRequest, ToWorker } from './study-file-worker';

/**
 * Previewing and importing a study file, as the API calls them: the work runs in a worker thread
 * (study-file-worker.ts) on its own connection to the database file, so the main process never
 * waits for the parse, the checks, the backup or the writing transaction
 * (docs/decisions/2026-12-01-study-import-worker.md). Here, in the main process: one job per
 * database at a time, its progress for `getStudyFileProgress`, the clock the worker asks for, the
 * worker's answer or its failure as a Dutch message, and the means to stop a job (a restore
 * stops it first) and to wait while it writes.
 */

interface Job {
  progress: RunningProgress;
  /** 1 while the worker takes or holds the write lock (set by the worker, shared). */
  writing: Int32Array;
  worker: Worker | null;
  /** Why the job was stopped from here; its answer then is this. */
  stoppedWith: ApiError | null;
  /** Settles once the job is over and no longer registered. */
  ended: Promise<void>;
}

const jobs = new WeakMap<ServiceContext, Job>();

export function getStudyFileProgress(ctx: ServiceContext): StudyFileProgress {
  const job = jobs.get(ctx);
  return job ? { ...job.progress } : { running: false };
}

export function previewStudyFile(ctx: ServiceContext, input: ParsedInput<'previewStudyFile'>): Promise<MergeReport> {
  return runJob(ctx, { kind: 'preview', input });
}

export function importStudyFile(ctx: ServiceContext, input: ParsedInput<'importStudyFile'>): Promise<MergeReport> {
  return runJob(ctx, { kind: 'import', input });
}

/** The answer of a job that a restore stopped. */
const REPLACED = () =>
  new ApiError('CONFLICT', 'De gegevens op deze laptop worden intussen vervangen door een reservekopie. Kies het studiebestand daarna opnieuw. Er is niets gewijzigd.');

const CRASHED = () =>
  new ApiError(
    'INTERNAL',
    'Het studiebestand kon niet worden verwerkt: het deel van de app dat dat doet, stopte onverwacht. Er is niets gewijzigd. Probeer het opnieuw; lukt het weer niet, start de app dan opnieuw.',
  );

const OUT_OF_MEMORY = () =>
  new ApiError('INTERNAL', "Het studiebestand kon niet worden verwerkt: er was niet genoeg geheugen vrij. Er is niets gewijzigd. Sluit andere programma's en probeer het opnieuw.");

/**
 * Stops the study-file job of this database, if one runs, and returns when it is over: its worker
 * has ended and its connection is closed, an unfinished writing transaction rolled back. The
 * job's caller hears that the data is being replaced. A restore calls this before it starts.
 */
export async function stopStudyFileWork(ctx: ServiceContext): Promise<void> {
  for (let job = jobs.get(ctx); job; job = jobs.get(ctx)) {
    job.stoppedWith ??= REPLACED();
    await job.worker?.terminate();
    await job.ended;
  }
}

/**
 * While a study-file import takes or holds the write lock: a promise that settles when it has let
 * go (another write from the main process would wait for the lock meanwhile, blocking the main
 * process); null when it does not.
 */
export function studyFileWriteInProgress(ctx: ServiceContext): Promise<void> | null {
  const job = jobs.get(ctx);
  return job && Atomics.load(job.writing, 0) === 1 ? untilWritten(job.writing) : null;
}

async function untilWritten(writing: Int32Array): Promise<void> {
  while (Atomics.load(writing, 0) === 1) {
    const wait = Atomics.waitAsync(writing, 0, 1);
    if (wait.async) await wait.value;
  }
}

function letGo(writing: Int32Array): void {
  Atomics.store(writing, 0, 0);
  Atomics.notify(writing, 0);
}

async function runJob(ctx: ServiceContext, request: StudyFileRequest): Promise<MergeReport> {
  if (jobs.has(ctx)) throw new ApiError('CONFLICT', 'Er wordt al een studiebestand gelezen of geïmporteerd. Wacht tot dat klaar is en probeer het dan opnieuw.');
  if (ctx.databasePath === ':memory:') throw new ApiError('CONFLICT', 'Een studiebestand kan niet worden gelezen bij een tijdelijke database in het geheugen.');
  let end!: () => void;
  const job: Job = {
    progress: { running: true, phase: 'reading', done: 0, total: 1 },
    writing: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
    worker: null,
    stoppedWith: null,
    ended: new Promise<void>((resolve) => (end = resolve)),
  };
  jobs.set(ctx, job);
  try {
    // The input was just checked (a text of up to 25 MB); handing it to the worker copies it: in a turn of its own.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (job.stoppedWith) throw job.stoppedWith;
    return await inWorker(ctx, job, {
      ...request,
      databasePath: ctx.databasePath,
      deviceId: ctx.deviceId,
      appVersion: ctx.appVersion,
      schemaVersion: ctx.schemaVersion,
      now: ctx.now(),
      stepMs: studyFileStep.ms,
      writing: job.writing,
    });
  } finally {
    // A worker that ended while it held the lock has let go of it: SQLite rolled its transaction back.
    letGo(job.writing);
    jobs.delete(ctx);
    end();
  }
}

function inWorker(ctx: ServiceContext, job: Job, request: StudyFileJob): Promise<MergeReport> {
  return new Promise<MergeReport>((resolve, reject) => {
    const worker = takeWorker(ctx.studyFileWorkerFile);
    job.worker = worker;
    let failure: ApiError | null = null;
    const settle = (outcome: { report: MergeReport } | { error: ApiError }, reusable: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable && !job.stoppedWith) giveBack(worker, ctx.studyFileWorkerFile);
      if ('report' in outcome && !job.stoppedWith) resolve(outcome.report);
      else reject(job.stoppedWith ?? ('error' in outcome ? outcome.error : CRASHED()));
    };
    const onMessage = (message: FromWorker) => {
      if (message.type === 'progress') Object.assign(job.progress, message.progress);
      else if (message.type === 'now?') worker.postMessage({ type: 'now', at: ctx.now() } satisfies ToWorker);
      else if (message.type === 'done') settle({ report: message.report }, true);
      else settle({ error: new ApiError(message.error.code, message.error.message) }, true);
    };
    const onError = (err: Error) => {
      // An exception the worker did not catch, a worker that could not start, or one out of memory; 'exit' follows.
      console.error('Het hulpproces voor studiebestanden stopte met een fout', err);
      failure = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY() : CRASHED();
    };
    const onExit = () => {
      // A backup being written when the worker ended leaves a temporary file; a finished one stays (it holds the data of before).
      removeStaleTemporaryFiles(ctx.databasePath);
      settle({ error: failure ?? CRASHED() }, false);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'job', job: request } satisfies ToWorker);
  });
}

// --- One worker kept for the next job --------------------------------------------------------------

/** How long a worker that finished a job is kept for the next one (a preview is usually followed by an import). */
const IDLE_MS = 60_000;

let idle: { worker: Worker; builtFile: string | undefined; timer: NodeJS.Timeout } | null = null;

function takeWorker(builtFile: string | undefined): Worker {
  if (idle && idle.builtFile === builtFile) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const worker = startStudyFileWorker(builtFile);
  worker.on('exit', () => {
    if (idle?.worker === worker) {
      clearTimeout(idle.timer);
      idle = null;
    }
  });
  return worker;
}

function giveBack(worker: Worker, builtFile: string | undefined): void {
  if (idle) void idle.worker.terminate();
  // Unreferenced: a waiting worker keeps no process alive (the tests, the benchmarks, the app at quit).
  worker.unref();
  const timer = setTimeout(() => void worker.terminate(), IDLE_MS);
  timer.unref();
  idle = { worker, builtFile, timer };
}
