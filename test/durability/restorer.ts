import { writeSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { ensureDeviceId } from '../../electron/db/repositories/settings';
import type { ServiceContext } from '../../electron/services/context';
import { RESTORE_STEPS, restoreBackup, type RestoreStep } from '../../electron/services/data/restore';

/**
 * The child process of the restore kill test: opens the database as the app does (every check)
 * and restores a backup with the service the `restoreBackup` handler calls (the dispatcher around
 * it only checks the input; loading every handler would double the start-up of each of the 51
 * runs). It prints, each line out before the next thing starts:
 *   ready                      just before the restore is asked for
 *   step <name> <ms>           after each step of the restore (RESTORE_STEPS), ms after ready
 *   done <ms>                  after the restore returned
 * The third argument says how it ends: a step name SIGKILLs the process right after that step;
 * `wait` keeps it alive after the restore until the test kills it; `none` exits when done.
 * (The start-up backup of the app is left out: it is not part of a restore and costs a second
 * per run on this database.)
 * Usage: node --import tsx test/durability/restorer.ts <database file> <backup name> <step|wait|none>
 * (the kill test runs it bundled, see bundleRestorer there).
 */

const [databasePath, backupName, end] = process.argv.slice(2);
if (!databasePath || !backupName || !end) throw new Error('usage: restorer.ts <database> <backup> <step|wait|none>');
if (end !== 'wait' && end !== 'none' && !(RESTORE_STEPS as readonly string[]).includes(end)) throw new Error(`unknown step ${end}`);
const report = (line: string) => writeSync(1, `${line}\n`);

const { db } = openDatabase(databasePath);
let started = 0;
const ctx: ServiceContext = {
  db,
  deviceId: ensureDeviceId(db),
  appVersion: 'restorer',
  databasePath,
  schemaVersion: LATEST_SCHEMA_VERSION,
  now: () => new Date().toISOString(),
  chooseExportPath: async () => null,
  restoreStepReached: (step: RestoreStep) => {
    report(`step ${step} ${Math.round(performance.now() - started)}`);
    if (step === end) process.kill(process.pid, 'SIGKILL');
  },
};

started = performance.now();
report('ready');
restoreBackup(ctx, backupName);
report(`done ${Math.round(performance.now() - started)}`);
if (end === 'wait') setInterval(() => {}, 60_000);
else ctx.db.close();
