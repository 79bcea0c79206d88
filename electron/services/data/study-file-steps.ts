import type { StudyFileProgress } from '../../../shared/study';
import type { Db } from '../../db/open';

/**
 * Reading, checking, planning and writing a study file in steps. The work runs in a worker thread
 * (study-file-worker.ts); every `studyFileStep.ms` it reports how far it is to the main process,
 * which answers the renderer's polls of `getStudyFileProgress` (study-file-jobs.ts). What the
 * worker needs from the main process besides (its clock, the sign that it takes the write lock)
 * comes through `StepHooks`.
 */

/** How often the work reports its progress and gives its own event loop a turn (tests set 0: at every chance). */
export const studyFileStep = { ms: 40 };

export type RunningProgress = Extract<StudyFileProgress, { running: true }>;
export type Phase = RunningProgress['phase'];

export interface StepHooks {
  /** Progress for the main process to show. */
  report?: (progress: RunningProgress) => void;
  /** The work is about to take the database's write lock (true), or has let go of it (false). */
  writing?: (on: boolean) => void;
  /** Brings `ctx.now()` up to date (the worker asks the main process for its clock). */
  refreshClock?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Steps {
  private last = performance.now();
  private readonly progress: RunningProgress = { running: true, phase: 'reading', done: 0, total: 1 };

  constructor(
    /** The connection the work reads and writes. */
    readonly db: Db,
    private readonly hooks: StepHooks = {},
  ) {}

  phase(phase: Phase, total: number): void {
    Object.assign(this.progress, { phase, done: 0, total: Math.max(1, total) });
    this.report();
  }

  private report(): void {
    this.last = performance.now();
    this.hooks.report?.({ ...this.progress });
  }

  private due(): boolean {
    return performance.now() - this.last >= studyFileStep.ms;
  }

  /** Reports the progress and gives the event loop a turn when the current step has run long enough. */
  async breathe(): Promise<void> {
    if (!this.due()) return;
    this.report();
    await nextTurn();
    this.last = performance.now();
  }

  /** Counts one item done where the work cannot pause (inside the writing transaction); reports now and then. */
  advance(): void {
    this.progress.done++;
    if (this.due()) this.report();
  }

  /** `fn` for every item, with a turn for the event loop now and then; progress counts the items. */
  async each<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<void> {
    const base = this.progress.done;
    for (let i = 0; i < items.length; i++) {
      if ((i & 31) === 0) {
        this.progress.done = base + i;
        await this.breathe();
      }
      fn(items[i]!, i);
    }
    this.progress.done = base + items.length;
  }

  writing(on: boolean): void {
    this.hooks.writing?.(on);
  }

  async refreshClock(): Promise<void> {
    await this.hooks.refreshClock?.();
  }
}
