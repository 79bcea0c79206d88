import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { BackupInfo, BackupList, BackupReason, DataSettings } from '../../../shared/study';
import {
  backupsDirFor,
  checkDatabaseFile,
  copyFileDurably,
  newBackupPath,
  parseBackupName,
  removeSidecars,
  removeStaleTemporaryFiles,
  writeBackup,
} from '../../db/backup-files';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { Db } from '../../db/open';
import { appendAudit, lastErasureAt } from '../../db/repositories/audit';
import { deleteSetting, getSetting, setSetting } from '../../db/repositories/settings';
import type { ServiceContext } from '../context';

/**
 * Backups. A backup is a consistent copy made with VACUUM INTO (see
 * docs/decisions/2026-11-23-backups-and-study-files.md) in `backups/` beside the database: at
 * start-up, before a migration, before a study-file import and a restore, daily while the app runs,
 * and on request. The newest `backup_keep` are kept. Restoring one is in `restore.ts`.
 */

const KEEP_KEY = 'backup_keep';
export const DEFAULT_BACKUP_KEEP = 20;
export const RESEARCHER_KEY = 'researcher_name';
export const DAY_MS = 24 * 60 * 60 * 1000;

export function backupKeep(db: Db): number {
  const stored = Number(getSetting(db, KEEP_KEY));
  return Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_BACKUP_KEEP;
}

/** The backups of a database file, newest first (files that are not backups of it are ignored). */
export function listBackupFiles(databasePath: string, erasedAt: string | null = null): (BackupInfo & { path: string })[] {
  const dir = backupsDirFor(databasePath);
  if (!existsSync(dir)) return [];
  const out: (BackupInfo & { path: string })[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(databasePath, name);
    if (!parsed) continue;
    const path = join(dir, name);
    let bytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    out.push({ name, path, ...parsed, bytes, beforeErasure: erasedAt !== null && parsed.createdAt <= erasedAt });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

export const stripPath = ({ path: _path, ...info }: BackupInfo & { path: string }): BackupInfo => info;

export function listBackups(ctx: ServiceContext): BackupList {
  const erasedAt = lastErasureAt(ctx.db, ctx.deviceId);
  return {
    folder: backupsDirFor(ctx.databasePath),
    keep: backupKeep(ctx.db),
    backups: listBackupFiles(ctx.databasePath, erasedAt).map(stripPath),
    lastErasureAt: erasedAt,
    interruptedRestore: ctx.interruptedRestore ?? null,
  };
}

/** Removes the oldest backups beyond the number to keep; never the one named `keepName`. */
export function pruneBackups(ctx: ServiceContext, keepName?: string): string[] {
  const keep = backupKeep(ctx.db);
  const removed: string[] = [];
  for (const backup of listBackupFiles(ctx.databasePath).slice(keep)) {
    if (backup.name === keepName) continue;
    rmSync(backup.path, { force: true });
    removed.push(backup.name);
  }
  return removed;
}

/** Makes one backup of the live database now. Disk problems become a Dutch message; nothing is half-written. */
export function createBackup(ctx: ServiceContext, reason: BackupReason): BackupInfo {
  if (ctx.databasePath === ':memory:') throw new ApiError('CONFLICT', 'Van een tijdelijke database in het geheugen kan geen reservekopie worden gemaakt.');
  const at = ctx.now();
  const path = newBackupPath(ctx.databasePath, reason, at);
  try {
    writeBackup(ctx.db, path);
  } catch (err) {
    throw new ApiError(
      'EXPORT_FAILED',
      `De reservekopie kon niet worden gemaakt in ${dirname(path)} (${err instanceof Error ? err.message : String(err)}). ` +
        'Controleer of er schijfruimte is en of de map beschrijfbaar is; er is niets gewijzigd.',
    );
  }
  pruneBackups(ctx, basename(path));
  const info = listBackupFiles(ctx.databasePath, lastErasureAt(ctx.db, ctx.deviceId)).find((b) => b.path === path);
  if (!info) throw new ApiError('INTERNAL', 'De reservekopie is gemaakt maar niet teruggevonden. Controleer de map met reservekopieën.');
  return stripPath(info);
}

/** The researcher's "Nu een reservekopie maken". */
export function createManualBackup(ctx: ServiceContext): BackupInfo {
  const info = createBackup(ctx, 'handmatig');
  appendAudit(ctx.db, ctx.deviceId, { action: 'backup.created', entity: 'backup', entityId: info.name, details: { reason: info.reason } }, ctx.now());
  return info;
}

/** The start-up backup, unless the database is new (nothing to keep yet) or a migration just made one. */
export function startupBackup(ctx: ServiceContext, fromVersion: number): BackupInfo | null {
  removeStaleTemporaryFiles(ctx.databasePath);
  if (ctx.databasePath === ':memory:' || fromVersion === 0) return null;
  if (fromVersion < LATEST_SCHEMA_VERSION) {
    pruneBackups(ctx);
    return null;
  }
  return createBackup(ctx, 'start');
}

/** The daily backup: made when the newest backup is older than `maxAgeMs` (or there is none). */
export function backupIfDue(ctx: ServiceContext, maxAgeMs = DAY_MS): BackupInfo | null {
  if (ctx.databasePath === ':memory:') return null;
  const newest = listBackupFiles(ctx.databasePath)[0];
  if (newest && Date.parse(ctx.now()) - Date.parse(newest.createdAt) < maxAgeMs) return null;
  return createBackup(ctx, 'dagelijks');
}

export function requireBackup(ctx: ServiceContext, name: string): BackupInfo & { path: string } {
  const backup = listBackupFiles(ctx.databasePath, lastErasureAt(ctx.db, ctx.deviceId)).find((b) => b.name === name);
  if (!backup) throw new ApiError('NOT_FOUND', 'Deze reservekopie bestaat niet (meer). Kies een reservekopie uit de lijst.');
  return backup;
}

/** Refuses a backup that is damaged or from a newer app, before anything is changed. */
export function requireUsable(path: string, name: string): void {
  const check = checkDatabaseFile(path);
  if (!check.ok) {
    throw new ApiError('DB_DAMAGED', `Reservekopie ${name} is beschadigd (${check.problem}) en kan niet worden teruggezet. Kies een andere; er is niets gewijzigd.`);
  }
  if (check.schemaVersion < 1 || check.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new ApiError('DB_NEWER_VERSION', `Reservekopie ${name} hoort bij een andere versie van Netwerkspiegel (schemaversie ${check.schemaVersion}). Kies een andere; er is niets gewijzigd.`);
  }
}

/** Removes the backups made before the latest erasure (they may still hold the erased data). */
export function deleteBackupsBeforeErasure(ctx: ServiceContext): { deleted: string[] } {
  const erasedAt = lastErasureAt(ctx.db, ctx.deviceId);
  if (erasedAt === null) throw new ApiError('CONFLICT', 'Er zijn op deze laptop nog geen gegevens gewist, dus er zijn geen reservekopieën van vóór een wissing.');
  const old = listBackupFiles(ctx.databasePath, erasedAt).filter((b) => b.beforeErasure);
  for (const backup of old) rmSync(backup.path, { force: true });
  appendAudit(ctx.db, ctx.deviceId, { action: 'backups.deleted_after_erasure', entity: 'backup', entityId: null, details: { count: old.length } }, ctx.now());
  return { deleted: old.map((b) => b.name) };
}

// --- Settings shown on the data screen ----------------------------------------------------------

export function getDataSettings(ctx: ServiceContext): DataSettings {
  return {
    researcherName: getSetting(ctx.db, RESEARCHER_KEY),
    backupKeep: backupKeep(ctx.db),
    backupFolder: backupsDirFor(ctx.databasePath),
    lastBackupAt: listBackupFiles(ctx.databasePath)[0]?.createdAt ?? null,
    deviceId: ctx.deviceId,
  };
}

export function updateDataSettings(ctx: ServiceContext, input: ParsedInput<'updateDataSettings'>): DataSettings {
  ctx.db.transaction(() => {
    const name = input.researcherName === null || input.researcherName.trim() === '' ? null : input.researcherName.trim();
    if (name === null) deleteSetting(ctx.db, RESEARCHER_KEY);
    else setSetting(ctx.db, RESEARCHER_KEY, name);
    setSetting(ctx.db, KEEP_KEY, String(input.backupKeep));
    appendAudit(ctx.db, ctx.deviceId, { action: 'settings.data_changed', entity: 'settings', entityId: null, details: { backupKeep: input.backupKeep } }, ctx.now());
  }).immediate();
  pruneBackups(ctx);
  return getDataSettings(ctx);
}

// --- A damaged database at start-up (no connection exists; used by the main process) ----------

export interface RecoveryCandidate {
  name: string;
  createdAt: string;
  reason: BackupReason;
}

/** Backups of a file that pass quick_check and fit this app, newest first: what a restore can offer. */
export function recoveryCandidates(databasePath: string, max = 5): RecoveryCandidate[] {
  const out: RecoveryCandidate[] = [];
  for (const backup of listBackupFiles(databasePath)) {
    const check = checkDatabaseFile(backup.path);
    if (!check.ok || check.schemaVersion < 1 || check.schemaVersion > LATEST_SCHEMA_VERSION) continue;
    out.push({ name: backup.name, createdAt: backup.createdAt, reason: backup.reason });
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Replaces a damaged database file by one of its backups. The damaged file (and its -wal/-shm) is
 * never deleted: it is renamed to `<name>.beschadigd-<time>` beside it. Returns that path.
 */
export function replaceDamagedDatabase(databasePath: string, backupName: string, now = new Date().toISOString()): { asidePath: string } {
  const backup = listBackupFiles(databasePath).find((b) => b.name === backupName);
  if (!backup) throw new ApiError('NOT_FOUND', 'Deze reservekopie bestaat niet (meer).');
  requireUsable(backup.path, backupName);
  const stamp = now.replace(/[:.]/g, '-');
  let asidePath = `${databasePath}.beschadigd-${stamp}`;
  for (let i = 2; existsSync(asidePath); i++) asidePath = `${databasePath}.beschadigd-${stamp}-${i}`;
  if (existsSync(databasePath)) renameSync(databasePath, asidePath);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${asidePath}${suffix}`);
  }
  // In WAL mode before it is renamed into place (a backup made by VACUUM INTO is not): the app's
  // first open then has no journal mode to switch, a write a crash could interrupt, leaving a hot
  // rollback journal that the read-only check at start-up cannot roll back.
  copyFileDurably(backup.path, databasePath, (from, to) => {
    copyFileSync(from, to);
    const copy = new Database(to, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = WAL');
    } finally {
      copy.close();
    }
    removeSidecars(to);
  });
  return { asidePath };
}
