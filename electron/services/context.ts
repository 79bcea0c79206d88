import type { MeetingInterface } from '../../shared/meeting';
import type { InterruptedRestore } from '../../shared/study';
import type { Db } from '../db/open';
import type { ImportFileKind } from './administration/instrument-files';
import type { RestoreStep } from './data/restore';
import type { MeetingLimits } from './meeting/server';

/** Everything a service needs; the Electron main process and the test harness each build one. */
export interface ServiceContext {
  /**
   * The open connection. Restoring a backup replaces it (close, swap the file, reopen), so read
   * `ctx.db` on every call and never keep it elsewhere.
   */
  db: Db;
  deviceId: string;
  appVersion: string;
  databasePath: string;
  schemaVersion: number;
  now: () => string;
  /** Asks where to save an export; null when the user cancels. Electron shows a dialog, the harness picks a folder. */
  chooseExportPath: (suggestedName: string) => Promise<string | null>;
  /**
   * Asks for a folder to put a set of files in (a report per partner organisation); null when the
   * user cancels. The service makes a new folder named `suggestedName` inside it. Electron shows a
   * folder dialog, the harness and the tests give a fresh folder; absent, such reports are refused.
   */
  chooseExportFolder?: (suggestedName: string) => Promise<string | null>;
  /**
   * Asks which file to import (an instrument: JSON, spreadsheet or REDCap data dictionary); null
   * when the user cancels. Electron shows an open dialog; tests and the harness set it to the file
   * a person would pick. Absent, such imports are refused.
   */
  chooseImportPath?: (kind: ImportFileKind) => Promise<string | null>;
  /** Locks or unlocks the window for kiosk mode (Electron: full screen, kiosk); absent in tests. */
  setKioskWindow?: (on: boolean) => void;
  /**
   * Prints what the main window shows (the results print view, a paper questionnaire) to PDF
   * bytes: Electron's `webContents.printToPDF`. Absent in the test harness, where saveResultsPdf
   * and savePaperFormPdf say so.
   */
  printToPdf?: () => Promise<Uint8Array>;
  /**
   * The built study-file worker (`out/main/study-file-worker.js`), which the Electron main process
   * passes; absent when the services run from the sources (tests, harness, benchmarks), where the
   * worker runs its TypeScript source (study-file-worker-start.ts).
   */
  studyFileWorkerFile?: string;
  /** Set at start-up when a restore was found interrupted; the backups screen shows it this session. */
  interruptedRestore?: InterruptedRestore;
  /**
   * Called after each step of a restore (`RESTORE_STEPS`); absent in the app. The durability test
   * kills its child process here, to prove a crash at any step leaves whole data.
   */
  restoreStepReached?: (step: RestoreStep) => void;
  /**
   * The built renderer (`out/renderer`), whose `phone.html` and its assets the meeting server gives
   * to phones. Absent in service tests, where the server answers the phone calls but serves no page.
   */
  phonePageDir?: string;
  /** The connections a meeting may listen on; absent in the app (the laptop's own, `meetingInterfaces`). Tests and the harness offer loopback. */
  meetingInterfaces?: () => MeetingInterface[];
  /** Tighter limits for the meeting server in tests (a slow-sending connection cut off sooner); absent in the app. */
  meetingLimits?: Partial<MeetingLimits>;
}
