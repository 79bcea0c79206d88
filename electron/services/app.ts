import { openDatabase } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { appendAudit } from '../db/repositories/audit';
import { ensureDeviceId } from '../db/repositories/settings';
import type { ServiceContext } from './context';
import { seedBuiltInInstruments } from './instruments';

export interface StartOptions {
  databasePath: string;
  appVersion: string;
  chooseExportPath: ServiceContext['chooseExportPath'];
  setKioskWindow?: ServiceContext['setKioskWindow'];
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
  return {
    db,
    deviceId,
    appVersion: options.appVersion,
    databasePath: options.databasePath,
    schemaVersion: LATEST_SCHEMA_VERSION,
    now,
    chooseExportPath: options.chooseExportPath,
    setKioskWindow: options.setKioskWindow,
    migratedFrom: fromVersion,
    backupPath,
  };
}
