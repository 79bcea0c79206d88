import Database from 'better-sqlite3';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { InterruptedRestore, RestoreResult } from '../../../shared/study';
import {
  backupsDirFor,
  copyFileDurably,
  findRestoreLeftovers,
  removeSidecars,
  restoreTempPathFor,
  syncDirectory,
  syncFile,
} from '../../db/backup-files';
import { migrate, openDatabase, type Db } from '../../db/open';
import { appendAudit, copyMissingAuditEntries } from '../../db/repositories/audit';
import { applyErasureRegister, erasedRowPresent, erasuresSinceBackup, registerErasure, secureDelete } from '../../db/repositories/erasures';
import { deleteSetting } from '../../db/repositories/settings';
import type { ServiceContext } from '../context';
import { seedBuiltInInstruments } from '../administration/instruments';
import { createBackup, requireBackup, requireUsable, stripPath } from './backups';

/**
 * Restoring a backup, all or nothing (docs/decisions/2026-12-01-restore.md). The complete restored
 * database is built in a temporary file beside the live one: the backup, migrated, with every
 * audit entry and erasure of the current database that it lacks, the erasures applied, and the
 * restore's own audit entry. Only then does one atomic rename put it in place of the live file.
 * A crash at any moment leaves either the old database or the restored one, each whole; a crash
 * before the rename leaves the temporary file behind, which the next start removes and reports.
 */

/**
 * The steps of a restore, in order. A test kills the process after each one
 * (`ServiceContext.restoreStepReached`); the database file is the old one before `renamed` and the
 * restored one from `renamed` on.
 */
export const RESTORE_STEPS = [
  /** The current database is saved as a "voor-herstel" backup; nothing else has changed. */
  'safety-backup-written',
  /** The backup is copied to the temporary file beside the database. */
  'copy-written',
  /** The temporary file holds the complete restored database: committed, passed quick_check, in WAL mode, closed. */
  'copy-completed',
  /** It is flushed to the disk. */
  'copy-synced',
  /** The live connection has moved its WAL into the file and is closed; the WAL is gone. */
  'live-closed',
  /** Any -wal, -shm or -journal of the live file is removed, and that removal is on the disk. */
  'sidecars-removed',
  /** The temporary file has replaced the live file (one rename, then the folder flushed). */
  'renamed',
  /** The restored file is open with every check; `ctx.db` is the new connection. */
  'reopened',
] as const;

export type RestoreStep = (typeof RESTORE_STEPS)[number];

/** From this step on the database file is the restored one; before it, the old one. */
export const FIRST_RESTORED_STEP: RestoreStep = 'renamed';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Restores a backup. Services read `ctx.db` on every call, so they all use the restored file from
 * the next call on (per-connection caches are keyed by the connection and start empty).
 */
export function restoreBackup(ctx: ServiceContext, name: string): RestoreResult {
  const reached = (step: RestoreStep) => ctx.restoreStepReached?.(step);
  const backup = requireBackup(ctx, name);
  requireUsable(backup.path, name);
  const safety = createBackup(ctx, 'voor-herstel');
  reached('safety-backup-written');

  const temp = restoreTempPathFor(ctx.databasePath, backup.name);
  let built: RestoredCopy;
  try {
    removeWithSidecars(temp);
    copyFileSync(backup.path, temp);
    reached('copy-written');
    built = completeRestoredCopy(ctx, temp, join(backupsDirFor(ctx.databasePath), safety.name), name, safety.name);
    reached('copy-completed');
    removeSidecars(temp); // closing removed them; a -wal of it must never travel along
    syncFile(temp);
    reached('copy-synced');
  } catch (err) {
    removeWithSidecars(temp);
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      'EXPORT_FAILED',
      `Reservekopie ${name} kon niet naast de database worden klaargezet (${message(err)}). Controleer of er schijfruimte is; er is niets gewijzigd.`,
    );
  }

  replaceLiveFile(ctx, temp, reached);
  try {
    ctx.db = openDatabase(ctx.databasePath).db;
  } catch (err) {
    // Not expected (the file passed quick_check before the rename), but never leave the app without data.
    console.error(`Het teruggezette bestand ${name} kon niet worden geopend; de gegevens van vóór het terugzetten worden teruggezet`, err);
    removeSidecars(ctx.databasePath);
    copyFileDurably(join(backupsDirFor(ctx.databasePath), safety.name), ctx.databasePath, copyFileSync);
    ctx.db = openDatabase(ctx.databasePath).db;
    throw new ApiError('DB_DAMAGED', `Reservekopie ${name} kon niet worden geopend (${message(err)}). De gegevens van vóór het terugzetten staan weer op hun plaats.`);
  }
  reached('reopened');
  return { restored: stripPath(backup), safetyBackup: safety, broughtBack: built.broughtBack };
}

function removeWithSidecars(path: string): void {
  rmSync(path, { force: true });
  removeSidecars(path);
}

/**
 * Puts the complete, synced temporary file in place of the live database. The live connection
 * first moves its WAL into the file and empties it (TRUNCATE), and closing the last connection
 * deletes the -wal and -shm; any left over are removed and that removal is flushed before the
 * rename, so SQLite can never read the new file with the old file's WAL (it would replay the old
 * pages onto it). Until the rename the old file is complete on its own; the rename replaces it in
 * one step. If anything fails before the rename, the old file is opened again and nothing changed.
 */
function replaceLiveFile(ctx: ServiceContext, temp: string, reached: (step: RestoreStep) => void): void {
  const databasePath = ctx.databasePath;
  const [checkpoint] = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (checkpoint && checkpoint.busy !== 0) {
    removeWithSidecars(temp);
    throw new ApiError('CONFLICT', 'De database is nog in gebruik, dus de reservekopie kan nu niet worden teruggezet. Probeer het zo nog eens; er is niets gewijzigd.');
  }
  ctx.db.close();
  try {
    reached('live-closed');
    removeSidecars(databasePath);
    syncDirectory(dirname(databasePath));
    reached('sidecars-removed');
    renameSync(temp, databasePath);
  } catch (err) {
    removeWithSidecars(temp);
    ctx.db = openDatabase(databasePath).db;
    throw new ApiError(
      'DB_OPEN_FAILED',
      `De reservekopie kon niet op de plaats van de database worden gezet (${message(err)}). De gegevens zijn niet gewijzigd. Sluit andere programma's die het bestand gebruiken en probeer het opnieuw.`,
    );
  }
  syncDirectory(dirname(databasePath));
  reached('renamed');
}

interface RestoredCopy {
  broughtBack: number;
}

/**
 * Turns the copy of the backup at `temp` into the complete restored database: migrated to this
 * app's schema, every audit entry and every erasure of the database being replaced (`previous`,
 * its "voor-herstel" backup) that it lacks, the erasure register applied with secure delete, no
 * kiosk session, and the restore's own audit entries, in one transaction.
 */
function completeRestoredCopy(ctx: ServiceContext, temp: string, previous: string, backupName: string, safetyName: string): RestoredCopy {
  const now = ctx.now();
  const db = new Database(temp, { fileMustExist: true });
  try {
    // The copy needs no crash safety of its own: a crash leaves a temporary file that is thrown away.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    secureDelete(db);
    migrate(db, db.pragma('user_version', { simple: true }) as number);
    seedBuiltInInstruments(db, ctx.deviceId, now);
    db.prepare('ATTACH DATABASE ? AS previous').run(previous);
    let built: RestoredCopy;
    try {
      built = db.transaction(() => carryOver(db, ctx.deviceId, now, backupName, safetyName))();
    } finally {
      db.prepare('DETACH DATABASE previous').run();
    }
    const problems = (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new ApiError('DB_DAMAGED', `Reservekopie ${backupName} gaf na het klaarzetten een fout (${problems.slice(0, 3).join('; ')}). Er is niets gewijzigd; kies een andere reservekopie.`);
    }
    // In WAL mode already when it is renamed into place: the first open after the rename then has
    // no journal mode to switch, a write a crash could interrupt and leave a hot rollback journal
    // behind, which the read-only check at start-up cannot roll back (it would refuse the file).
    db.pragma('journal_mode = WAL');
    return built;
  } finally {
    db.close();
  }
}

function carryOver(db: Db, deviceId: string, now: string, backupName: string, safetyName: string): RestoredCopy {
  copyMissingAuditEntries(db);
  const { keep, bringBack } = erasuresSinceBackup(db, deviceId);
  for (const entry of keep) registerErasure(db, entry);
  deleteSetting(db, 'kiosk_session');
  const erased = applyErasureRegister(db);
  // A row whose erasure could be undone may still have gone with a respondent who stays erased:
  // then its erasure stays in the register too.
  const back = bringBack.filter((entry) => erasedRowPresent(db, entry));
  for (const entry of bringBack) if (!back.includes(entry)) registerErasure(db, entry);
  for (const entry of back) {
    // By id only, never the code: who came back, which laptop had erased them, and when.
    appendAudit(
      db,
      deviceId,
      { action: `${entry.kind}.brought_back`, entity: entry.kind, entityId: entry.id, details: { backup: backupName, erasedOnDevice: entry.deviceId, erasedAt: entry.erasedAt } },
      now,
    );
  }
  const broughtBack = back.filter((entry) => entry.kind === 'respondent').length;
  appendAudit(
    db,
    deviceId,
    { action: 'backup.restored', entity: 'backup', entityId: backupName, details: { safetyBackup: safetyName, erasedAgain: erased.responses + erased.respondents, broughtBack } },
    now,
  );
  return { broughtBack };
}

/**
 * At start-up: a restore that was killed left its temporary file (or its "voor-herstel" backup's)
 * behind. The live file is then the one from before the restore (the rename never happened). The
 * leftovers are removed, the audit log says so once, and the data screen shows it for this session.
 */
export function noticeInterruptedRestore(ctx: ServiceContext): InterruptedRestore | null {
  const leftovers = findRestoreLeftovers(ctx.databasePath);
  if (leftovers.paths.length === 0) return null;
  for (const path of leftovers.paths) rmSync(path, { force: true });
  const notice: InterruptedRestore = { foundAt: ctx.now(), backupName: leftovers.backupName };
  appendAudit(
    ctx.db,
    ctx.deviceId,
    { action: 'backup.restore_interrupted', entity: 'backup', entityId: leftovers.backupName, details: { removed: leftovers.paths.map((p) => basename(p)) } },
    notice.foundAt,
  );
  ctx.interruptedRestore = notice;
  return notice;
}
