import type { MessageBoxOptions } from 'electron';
import { basename } from 'node:path';
import type { ApiError } from '../../shared/errors';
import type { BackupReason } from '../../shared/study';
import { backupsDirFor } from '../db/backup-files';
import { backupIfDue, recoveryCandidates, replaceDamagedDatabase, type RecoveryCandidate } from '../services/data/backups';
import type { ServiceContext } from '../services/context';

/**
 * The main process's part of backups: the daily backup while the app runs, and the offer to
 * restore a backup when the database is damaged at start-up. Electron is passed in (dialog
 * functions), so tests run this with fakes.
 */

/** How often the app checks whether the daily backup is due. */
export const BACKUP_CHECK_INTERVAL_MS = 30 * 60 * 1000;

/** Checks every half hour and makes a backup when the newest is a day old. Returns a stop function. */
export function startDailyBackups(getServices: () => ServiceContext | null, intervalMs = BACKUP_CHECK_INTERVAL_MS): () => void {
  const tick = () => {
    const services = getServices();
    if (!services?.db.open) return;
    try {
      backupIfDue(services);
    } catch (err) {
      console.error('De dagelijkse reservekopie kon niet worden gemaakt', err);
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

const reasonText: Record<string, string> = {
  start: 'bij het starten',
  dagelijks: 'dagelijkse kopie',
  handmatig: 'zelf gemaakt',
  'voor-import': 'vóór een import',
  'voor-herstel': 'vóór het terugzetten',
};

function describeReason(reason: BackupReason): string {
  return reasonText[reason] ?? (reason.startsWith('voor-migratie') ? 'vóór een update' : reason);
}

/** "12-03-2026 14:05 (bij het starten)": a button label people can choose from. */
export function describeCandidate(candidate: RecoveryCandidate): string {
  const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(candidate.createdAt));
  return `${when} (${describeReason(candidate.reason)})`;
}

export const RESTORE_TITLE = 'Netwerkspiegel kan de gegevens niet openen';

export type RecoveryOutcome =
  | { kind: 'restored'; backupName: string; asidePath: string }
  | { kind: 'declined' }
  | { kind: 'no-backups'; folder: string };

/**
 * A damaged database at start-up: explains what happened and offers the newest good backups. On a
 * choice the damaged file is renamed aside (never deleted) and the backup put in its place.
 */
export async function offerRestore(
  databasePath: string,
  error: ApiError,
  deps: { showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }> },
): Promise<RecoveryOutcome> {
  const candidates = recoveryCandidates(databasePath);
  if (candidates.length === 0) return { kind: 'no-backups', folder: backupsDirFor(databasePath) };
  const labels = candidates.map(describeCandidate);
  const { response } = await deps.showMessageBox({
    type: 'warning',
    title: RESTORE_TITLE,
    message: 'Het databasebestand is beschadigd. Wilt u een reservekopie terugzetten?',
    detail:
      `${error.message}\n\n` +
      `Kies hieronder een reservekopie (de nieuwste staat eerst). Het beschadigde bestand wordt niet verwijderd: ` +
      `het krijgt de naam ${basename(databasePath)}.beschadigd-<tijdstip> en blijft in dezelfde map staan. ` +
      'Wat na de gekozen reservekopie is ingevoerd, staat niet in die kopie.',
    buttons: [...labels.map((l) => `Terugzetten: ${l}`), 'Afsluiten'],
    defaultId: 0,
    cancelId: labels.length,
    noLink: true,
  });
  const chosen = candidates[response];
  if (!chosen) return { kind: 'declined' };
  const { asidePath } = replaceDamagedDatabase(databasePath, chosen.name);
  return { kind: 'restored', backupName: chosen.name, asidePath };
}

/**
 * What the app does when the services could not start: for a damaged file, offer a backup and try
 * again with it; otherwise (or when declined, or when nothing is usable) explain and give up.
 * Resolves to the started services or null (the caller then exits).
 */
export async function recoverAtStartup(
  err: unknown,
  databasePath: string,
  openServices: () => ServiceContext,
  deps: {
    showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>;
    showErrorBox: (title: string, message: string) => void;
    describe: (err: unknown) => { title: string; message: string };
  },
): Promise<ServiceContext | null> {
  const fail = (e: unknown, extra = '') => {
    const { title, message } = deps.describe(e);
    deps.showErrorBox(title, message + extra);
    return null;
  };
  if (!(err instanceof Error && 'code' in err && (err as ApiError).code === 'DB_DAMAGED')) return fail(err);
  let outcome: RecoveryOutcome;
  try {
    outcome = await offerRestore(databasePath, err as ApiError, deps);
  } catch (restoreErr) {
    console.error('Het terugzetten van een reservekopie is mislukt', restoreErr);
    return fail(err, '\n\nHet terugzetten van de reservekopie is mislukt; het beschadigde bestand is niet verwijderd.');
  }
  if (outcome.kind === 'declined') return null;
  if (outcome.kind === 'no-backups') return fail(err, `\n\nEr is geen bruikbare reservekopie gevonden in ${outcome.folder}.`);
  console.error(`Reservekopie ${outcome.backupName} teruggezet; het beschadigde bestand staat in ${outcome.asidePath}`);
  try {
    return openServices();
  } catch (again) {
    console.error('Ook na het terugzetten kon de database niet worden geopend', again);
    return fail(again);
  }
}
