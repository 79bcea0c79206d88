import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupReason } from '../../shared/study';
import type { Db } from './open';

/**
 * Backup files: where they live, how they are named and how one is written. Backups sit in a
 * `backups/` folder beside the database file and are named
 *   <database name>-<UTC time>-<reason>.sqlite     e.g. netwerkspiegel-2026-03-12T14-05-09-123Z-start.sqlite
 * so a sorted listing is a timeline and the name alone says when and why.
 */

export const BACKUP_DIR_NAME = 'backups';

export function backupsDirFor(databasePath: string): string {
  return join(dirname(databasePath), BACKUP_DIR_NAME);
}

function baseOf(databasePath: string): string {
  return basename(databasePath).replace(/\.(sqlite3?|db)$/i, '');
}

/** 2026-03-12T14:05:09.123Z → 2026-03-12T14-05-09-123Z (no characters Windows refuses). */
function stampOf(at: string): string {
  const date = new Date(at);
  const iso = Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
  return iso.replace(/[:.]/g, '-');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REASONS = 'start|dagelijks|handmatig|voor-import|voor-herstel|voor-migratie-v\\d+';

/** When and why a backup of this database was made, read from its name; null for any other file. */
export function parseBackupName(databasePath: string, name: string): { createdAt: string; reason: BackupReason } | null {
  const re = new RegExp(`^${escapeRegExp(baseOf(databasePath))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${REASONS})(?:-\\d+)?\\.sqlite$`);
  const m = re.exec(name);
  if (!m) return null;
  return { createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6] as BackupReason };
}

/** A free path for a new backup (a second backup in the same millisecond gets -2, -3, …). */
export function newBackupPath(databasePath: string, reason: BackupReason, at: string): string {
  const dir = backupsDirFor(databasePath);
  mkdirSync(dir, { recursive: true });
  const stem = `${baseOf(databasePath)}-${stampOf(at)}-${reason}`;
  let path = join(dir, `${stem}.sqlite`);
  for (let i = 2; existsSync(path); i++) path = join(dir, `${stem}-${i}.sqlite`);
  return path;
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file's content to the disk. */
export function syncFile(path: string): void {
  fsyncPath(path, 'r+');
}

/**
 * Flushes a folder's entries (a file renamed into it or removed from it) to the disk. Not every
 * platform can open a folder for that (Windows cannot), so this is best effort.
 */
export function syncDirectory(dir: string): void {
  try {
    fsyncPath(dir, 'r');
  } catch {
    // best effort
  }
}

/**
 * Writes a consistent copy of the open database to `target` with VACUUM INTO (a snapshot taken
 * inside one read transaction, WAL content included), first under a temporary name, synced, then
 * renamed: a crash never leaves a half-written file under a backup's name.
 */
export function writeBackup(db: Db, target: string): void {
  const tmp = `${target}.tmp`;
  for (const leftover of [tmp, `${tmp}-journal`]) rmSync(leftover, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    syncFile(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncDirectory(dirname(target)); // the rename itself
}

/** Copies a (closed) database file byte for byte via a synced temporary file, then renames it into place. */
export function copyFileDurably(source: string, target: string, copy: (from: string, to: string) => void): void {
  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  try {
    copy(source, tmp);
    syncFile(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The files SQLite may keep beside a database file: its write-ahead log, the log's index and a rollback journal. */
export const SIDECAR_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** Deletes the -wal, -shm and -journal files of a closed database file. */
export function removeSidecars(databasePath: string): void {
  for (const suffix of SIDECAR_SUFFIXES) rmSync(`${databasePath}${suffix}`, { force: true });
}

/**
 * Where a restore builds the restored database before it replaces the live file: beside it (the
 * same folder, so the same file system, so the rename that replaces the file is atomic), named
 * after the backup it comes from, so a leftover says which restore was interrupted.
 */
export function restoreTempPathFor(databasePath: string, backupName: string): string {
  return `${databasePath}${RESTORE_TEMP_MARK}${backupName}.tmp`;
}

const RESTORE_TEMP_MARK = '.herstel-';

export interface RestoreLeftovers {
  /** Every leftover file, full paths. */
  paths: string[];
  /** The backup the interrupted restore was putting back, when the leftover names it. */
  backupName: string | null;
}

/**
 * What a restore that was killed leaves behind: its temporary restored database beside the
 * database file (with any -journal, -wal or -shm of it), or the temporary file of its "voor-herstel"
 * backup, if it was killed while that was being written. A leftover temporary restored database was
 * never renamed into place (the rename consumes it), so the live file is the one from before.
 */
export function findRestoreLeftovers(databasePath: string): RestoreLeftovers {
  const found: RestoreLeftovers = { paths: [], backupName: null };
  if (databasePath === ':memory:') return found;
  const dir = dirname(databasePath);
  const own = `${basename(databasePath)}${RESTORE_TEMP_MARK}`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = /^(.+)\.tmp(-journal|-wal|-shm)?$/.exec(name);
    if (!m || !name.startsWith(own)) continue;
    found.paths.push(join(dir, name));
    found.backupName ??= m[1]!.slice(own.length);
  }
  const backups = backupsDirFor(databasePath);
  const safetyTemp = new RegExp(`^${escapeRegExp(baseOf(databasePath))}-.*-voor-herstel(?:-\\d+)?\\.sqlite\\.tmp(?:-journal)?$`);
  for (const name of existsSync(backups) ? readdirSync(backups) : []) {
    if (safetyTemp.test(name)) found.paths.push(join(backups, name));
  }
  return found;
}

/** Removes temporary files a killed backup left behind (they never carry a backup's name). */
export function removeStaleTemporaryFiles(databasePath: string): void {
  const dir = backupsDirFor(databasePath);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    // VACUUM INTO may also leave its own rollback journal (<name>.tmp-journal) when killed.
    if (/\.tmp(-journal|-wal|-shm)?$/.test(name) && name.startsWith(baseOf(databasePath))) rmSync(join(dir, name), { force: true });
  }
}

export type FileCheck = { ok: true; schemaVersion: number } | { ok: false; problem: string };

/** Opens a file read-only and runs quick_check; never writes to it. */
export function checkDatabaseFile(file: string): FileCheck {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) return { ok: false, problem: problems.slice(0, 3).join('; ') };
    return { ok: true, schemaVersion: probe.pragma('user_version', { simple: true }) as number };
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) };
  } finally {
    probe?.close();
  }
}
