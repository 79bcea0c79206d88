import { ApiError } from '../../../shared/errors';
import type { StudyFileProgress } from '../../../shared/study';
import type { Db } from '../../db/open';
import type { ServiceContext } from '../context';

/**
 * Reading, checking and planning a study file in steps: the work gives the event loop a turn
 * whenever it has run for `studyFileStep.ms`, so the main process keeps answering the window (and the
 * renderer's polls of `getStudyFileProgress`) while a 25 MB file is read. Between steps another call
 * may run; a restore that swaps the database in the meantime stops the work with a message.
 */

/** How long the work runs before it gives the event loop a turn (tests set 0: a turn at every chance). */
export const studyFileStep = { ms: 40 };

export type Phase = Extract<StudyFileProgress, { running: true }>['phase'];

const running = new WeakMap<Db, Extract<StudyFileProgress, { running: true }>>();

export function getStudyFileProgress(ctx: ServiceContext): StudyFileProgress {
  const progress = running.get(ctx.db);
  return progress ? { ...progress } : { running: false };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Steps {
  private last = performance.now();
  private readonly progress: Extract<StudyFileProgress, { running: true }> = { running: true, phase: 'reading', done: 0, total: 1 };

  constructor(
    private readonly ctx: ServiceContext,
    /** The connection the work reads; it must still be the live one after every pause. */
    readonly db: Db,
  ) {}

  /** Runs `work` as the one study-file job of this database, with its progress visible to polls. */
  static async run<T>(ctx: ServiceContext, work: (steps: Steps) => Promise<T>): Promise<T> {
    const db = ctx.db;
    if (running.has(db)) throw new ApiError('CONFLICT', 'Er wordt al een studiebestand gelezen of geïmporteerd. Wacht tot dat klaar is en probeer het dan opnieuw.');
    const steps = new Steps(ctx, db);
    running.set(db, steps.progress);
    try {
      return await work(steps);
    } finally {
      running.delete(db);
    }
  }

  phase(phase: Phase, total: number): void {
    Object.assign(this.progress, { phase, done: 0, total: Math.max(1, total) });
  }

  /** Gives the event loop a turn when the current step has run long enough. */
  async breathe(): Promise<void> {
    if (performance.now() - this.last < studyFileStep.ms) return;
    await nextTurn();
    this.last = performance.now();
    this.requireSameDatabase();
  }

  requireSameDatabase(): void {
    if (this.ctx.db !== this.db || !this.db.open) {
      throw new ApiError('CONFLICT', 'De gegevens op deze laptop zijn intussen vervangen (een reservekopie is teruggezet). Kies het studiebestand opnieuw. Er is niets gewijzigd.');
    }
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
}
