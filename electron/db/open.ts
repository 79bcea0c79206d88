import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../../shared/errors';
import { newBackupPath, writeBackup } from './backup-files';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * The app's pragmas. synchronous=FULL makes every commit durable before it returns, so an
 * answer the screen shows as saved survives a power cut; WAL keeps that cheap.
 */
export function applyPragmas(db: Db): void {
  // First, so the others already wait for a lock another connection holds (the study-file worker's, study-file-jobs.ts).
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

export interface OpenResult {
  db: Db;
  /** Schema version before any migration ran (0 for a new file). */
  fromVersion: number;
  /** Path of the copy taken before migrating, if one was taken. */
  backupPath: string | null;
}

const damaged = (file: string, detail: string) =>
  new ApiError(
    'DB_DAMAGED',
    `Het databasebestand ${file} is beschadigd of is geen Netwerkspiegel-bestand (${detail}). ` +
      'Het bestand is niet gewijzigd. Zet een reservekopie terug of neem contact op met de beheerder.',
  );

/**
 * Checks an existing file without writing to it: it must be a SQLite database, pass
 * quick_check and not come from a newer app. Returns its schema version.
 */
function inspectExisting(file: string): number {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw damaged(file, problems.slice(0, 3).join('; '));
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw damaged(file, err instanceof Error ? err.message : String(err));
  } finally {
    probe?.close();
  }
}

/** Runs every pending migration in one transaction: either all steps land or none. */
export function migrate(db: Db, fromVersion: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > fromVersion);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}

/**
 * Opens (or creates) the database file: refuses damaged files and files from a newer app
 * without touching them, copies the file before migrating, then migrates.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): OpenResult {
  const latest = migrations.length;
  const exists = file !== ':memory:' && existsSync(file);
  const fromVersion = exists ? inspectExisting(file) : 0;
  if (fromVersion > latest) {
    throw new ApiError(
      'DB_NEWER_VERSION',
      `Dit databasebestand (${file}) is gemaakt met een nieuwere versie van Netwerkspiegel: schemaversie ${fromVersion}, ` +
        `terwijl deze app schemaversie ${latest} kent. Installeer de nieuwste versie van de app. Het bestand is niet gewijzigd.`,
    );
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
    applyPragmas(db);
  } catch (err) {
    throw new ApiError(
      'DB_OPEN_FAILED',
      `Het databasebestand ${file} kon niet worden geopend (${err instanceof Error ? err.message : String(err)}). Controleer of de map beschrijfbaar is.`,
    );
  }
  let backupPath: string | null = null;
  try {
    if (exists && fromVersion > 0 && fromVersion < latest) {
      // A consistent copy (VACUUM INTO, WAL included) in the backups folder, like every other backup.
      backupPath = newBackupPath(file, `voor-migratie-v${fromVersion}`, new Date().toISOString());
      writeBackup(db, backupPath);
    }
    migrate(db, fromVersion, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, fromVersion, backupPath };
}
