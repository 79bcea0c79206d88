import { openDatabase } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { appendAudit } from '../db/repositories/audit';
import { ensureDeviceId } from '../db/repositories/settings';
import { startupBackup } from './data/backups';
import { noticeInterruptedRestore } from './data/restore';
import type { ServiceContext } from './context';
import { seedBuiltInInstruments } from './administration/instruments';

export interface StartOptions {
  databasePath: string;
  appVersion: string;
  chooseExportPath: ServiceContext['chooseExportPath'];
  chooseExportFolder?: ServiceContext['chooseExportFolder'];
  chooseImportPath?: ServiceContext['chooseImportPath'];
  setKioskWindow?: ServiceContext['setKioskWindow'];
  studyFileWorkerFile?: ServiceContext['studyFileWorkerFile'];
  phonePageDir?: ServiceContext['phonePageDir'];
  meetingInterfaces?: ServiceContext['meetingInterfaces'];
  meetingLimits?: ServiceContext['meetingLimits'];
  now?: () => string;
}

/** Opens the database (checks, backup, migrations), seeds built-ins and returns the service context. */
export function startServices(options: StartOptions): ServiceContext & { migratedFrom: number; backupPath: string | null } {
  const { db, fromVersion, backupPath } = openDatabase(options.databasePath);
  const now = options.now ?? (() => new Date().toISOString());
  const deviceId = ensureDeviceId(db);
  seedBuiltInInstruments(db, deviceId, now());
  if (fromVersion !== LATEST_SCHEMA_VERSION) {
    appendAudit(db, deviceId, { action: fromVersion === 0 ? 'database.created' : 'database.migrated', entity: 'database', entityId: null, details: { from: fromVersion, to: LATEST_SCHEMA_VERSION } }, now());
  }
  const ctx: ServiceContext = {
    db,
    deviceId,
    appVersion: options.appVersion,
    databasePath: options.databasePath,
    schemaVersion: LATEST_SCHEMA_VERSION,
    now,
    chooseExportPath: options.chooseExportPath,
    chooseExportFolder: options.chooseExportFolder,
    chooseImportPath: options.chooseImportPath,
    setKioskWindow: options.setKioskWindow,
    studyFileWorkerFile: options.studyFileWorkerFile,
    phonePageDir: options.phonePageDir,
    meetingInterfaces: options.meetingInterfaces,
    meetingLimits: options.meetingLimits,
  };
  // A restore killed half-way left its temporary file: remove it, and say so (log and data screen).
  try {
    noticeInterruptedRestore(ctx);
  } catch (err) {
    console.error('De resten van een onderbroken terugzetting konden niet worden opgeruimd', err);
  }
  // a backup of the file as it was opened (not for a new file; a migration already made
  // one). A full disk must not keep the app from starting: the failure goes to the log.
  try {
    startupBackup(ctx, fromVersion);
  } catch (err) {
    console.error('De reservekopie bij het starten kon niet worden gemaakt', err);
  }
  // The same object the handlers will hold: a restore replaces ctx.db in place.
  return Object.assign(ctx, { migratedFrom: fromVersion, backupPath });
}
