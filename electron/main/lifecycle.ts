import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { PUSH_CHANNELS } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { startServices } from '../services/app';
import { closeMeetingServer, resumeMeeting } from '../services/meeting/meeting';
import type { ServiceContext } from '../services/context';
import { createDispatcher } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { getKioskState } from '../services/administration/kiosk';
import { recoverAtStartup, startDailyBackups } from './backups';
import { createExportFolderChooser, createExportPathChooser, createImportPathChooser } from './dialogs';
import { createSenderCheck, registerIpc } from './ipc';
import { createKioskWindowController, type KioskWindowController } from './kiosk';
import { buildMenuTemplate } from './menu';
import { createStudyFileInbox, studyFilePathFromArgv } from './opened-study-files';
import { resolveDatabasePath } from './paths';
import { createAppUrlMatcher, hardenSession, hardenWebContents } from './security';
import { createMainWindow, focusWindow, resolveRendererTarget } from './window';

/** The app's name: the userData folder is `<appData>/Netwerkspiegel` (see README, "Waar de gegevens staan"). */
export const APP_NAME = 'Netwerkspiegel';

export const STARTUP_ERROR_TITLE = 'Netwerkspiegel kan de gegevens niet openen';

/** The Dutch text for a failed start. ApiErrors carry their own message; anything else gets a generic one (details go to the log). */
export function describeStartupError(err: unknown): { title: string; message: string } {
  if (err instanceof ApiError) return { title: STARTUP_ERROR_TITLE, message: err.message };
  return {
    title: STARTUP_ERROR_TITLE,
    message:
      'Er ging iets onverwachts mis bij het openen van de gegevens, daarom stopt Netwerkspiegel. ' +
      'Het databasebestand is niet verwijderd. Start de app opnieuw; lukt dat niet, neem dan contact op met de beheerder.',
  };
}

export interface RunOptions {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Folder of the built main script (out/main); the preload and renderer are found next to it. */
  mainDir?: string;
  /** Log unexpected errors of the main process instead of showing Electron's error box (off in tests). */
  installProcessHandlers?: boolean;
}

export interface RunningApp {
  services: ServiceContext;
  getMainWindow: () => BrowserWindow | null;
  /** Whether the window is locked for kiosk mode (afnamemodus). */
  kioskWindow: KioskWindowController;
}

let processHandlersInstalled = false;
function installProcessHandlers(): void {
  if (processHandlersInstalled) return;
  processHandlersInstalled = true;
  // With a listener, Electron shows no dialog with a stack trace; the stack goes to the log only.
  process.on('uncaughtException', (err) => console.error('Onverwachte fout in het hoofdproces', err));
  process.on('unhandledRejection', (reason) => console.error('Onafgehandelde belofte in het hoofdproces', reason));
}

/**
 * The app's lifecycle. Resolves to the running app once the window is created, or to null when
 * this copy quits (another copy already runs, or the database could not be opened).
 */
export async function runApp(options: RunOptions = {}): Promise<RunningApp | null> {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  const mainDir = options.mainDir ?? __dirname;
  if (options.installProcessHandlers ?? true) installProcessHandlers();

  // Before anything reads userData: package.json's lowercase "name" would otherwise give
  // ~/.config/netwerkspiegel. The single-instance lock lives in userData too.
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let mainWindow: BrowserWindow | null = null;
  let services: ServiceContext | null = null;
  const target = resolveRendererTarget({ isPackaged: app.isPackaged, env, mainDir });
  const isAppUrl = createAppUrlMatcher(target.url);
  // The services switch kiosk mode on and off; this locks and unlocks the window to match.
  const kioskWindow = createKioskWindowController(() => mainWindow);

  // A double-clicked study file: in argv at first start, in the second copy's argv when the app
  // already runs (Windows, Linux), or as open-file (macOS, possibly before ready). It waits until
  // the page listens and kiosk mode is off.
  const studyFiles = createStudyFileInbox({
    deliver: (file) => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      mainWindow.webContents.send(PUSH_CHANNELS.studyFileOpened, file);
      focusWindow(mainWindow);
    },
    isKioskOn: () => kioskWindow.isOn(),
  });
  const offerStudyFile = (path: string | null) => {
    if (path !== null) studyFiles.offer(path);
  };
  offerStudyFile(studyFilePathFromArgv(argv, process.cwd()));
  app.on('second-instance', (_event, secondArgv, workingDirectory) => {
    focusWindow(mainWindow);
    offerStudyFile(studyFilePathFromArgv(secondArgv, workingDirectory));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    studyFiles.offer(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, isAppUrl);
    hardenSession(contents.session);
  });
  app.on('render-process-gone', (_event, _contents, details) => console.error('Het venster is onverwacht gestopt', details));
  app.on('child-process-gone', (_event, details) => console.error('Een hulpproces is onverwacht gestopt', details));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    const open = services;
    services = null;
    try {
      // Quitting stops listening for phones; meeting mode itself stays on and listens again at the next start.
      if (open) void closeMeetingServer(open);
      if (open?.db.open) open.db.close();
    } catch (err) {
      console.error('De database kon niet netjes worden gesloten', err);
    }
  });

  await app.whenReady();
  hardenSession(session.defaultSession);

  const databasePath = resolveDatabasePath(argv, env, app.getPath('userData'));
  const openServices = () =>
    startServices({
      databasePath,
      appVersion: app.getVersion(),
      chooseExportPath: createExportPathChooser({
        showSaveDialog: (dialogOptions, win) => (win ? dialog.showSaveDialog(win, dialogOptions) : dialog.showSaveDialog(dialogOptions)),
        getWindow: () => mainWindow,
        documentsDir: () => app.getPath('documents'),
      }),
      chooseExportFolder: createExportFolderChooser({
        showOpenDialog: (dialogOptions, win) => (win ? dialog.showOpenDialog(win, dialogOptions) : dialog.showOpenDialog(dialogOptions)),
        getWindow: () => mainWindow,
        documentsDir: () => app.getPath('documents'),
      }),
      chooseImportPath: createImportPathChooser({
        showOpenDialog: (dialogOptions, win) => (win ? dialog.showOpenDialog(win, dialogOptions) : dialog.showOpenDialog(dialogOptions)),
        getWindow: () => mainWindow,
        documentsDir: () => app.getPath('documents'),
      }),
      setKioskWindow: (on) => kioskWindow.set(on),
      // Built beside index.js (electron.vite.config.ts): previews and imports of study files run in it.
      studyFileWorkerFile: join(mainDir, 'study-file-worker.js'),
      // Meeting mode serves phone.html and its assets from the built renderer to phones.
      phonePageDir: join(mainDir, '..', 'renderer'),
    });
  try {
    services = openServices();
  } catch (err) {
    // openDatabase left the file untouched. A damaged file gets the offer of a backup: the file is
    // then renamed aside (never deleted or overwritten) and the backup opened instead.
    console.error(`Het databasebestand ${databasePath} kon niet worden geopend`, err);
    services = await recoverAtStartup(err, databasePath, openServices, {
      showMessageBox: (options) => dialog.showMessageBox(options),
      showErrorBox: (title, message) => dialog.showErrorBox(title, message),
      describe: describeStartupError,
    });
    if (services === null) {
      app.exit(1);
      return null;
    }
  }
  const running = services;
  // A meeting that was on when the app stopped listens again on the same address, so the phones reconnect.
  void resumeMeeting(running);
  // A print view (a network's results, a wave's paper questionnaire), saved as PDF by Chromium's own renderer.
  running.printToPdf = async () => {
    if (!mainWindow || mainWindow.isDestroyed()) throw new Error('Het venster is niet beschikbaar.');
    return mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  };
  // Daily backups while the app runs (the start-up backup was made by startServices).
  const stopDailyBackups = startDailyBackups(() => (services?.db.open ? services : null));
  app.on('will-quit', stopDailyBackups);

  const dispatch = createDispatcher(createHandlers(running));
  const isTrustedSender = createSenderCheck(() => mainWindow?.webContents, isAppUrl);
  registerIpc(ipcMain, dispatch, isTrustedSender);
  ipcMain.on(PUSH_CHANNELS.studyFileListening, (event) => {
    if (isTrustedSender(event)) studyFiles.rendererListening();
    else console.error(`${PUSH_CHANNELS.studyFileListening} van een onbekende afzender genegeerd`);
  });

  const showAbout = () => {
    const text = {
      type: 'info' as const,
      title: 'Over Netwerkspiegel',
      message: 'Netwerkspiegel',
      detail: `Samenwerking in zorg- en welzijnsnetwerken meten, vergelijken en rapporteren.\n\nVersie ${running.appVersion}\nGegevensbestand: ${running.databasePath}`,
      buttons: ['Sluiten'],
    };
    const shown = mainWindow ? dialog.showMessageBox(mainWindow, text) : dialog.showMessageBox(text);
    shown.catch((err: unknown) => console.error('Het informatievenster kon niet worden getoond', err));
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, onAbout: showAbout })));

  // A kiosk session survives a restart (it lives in the database): the window comes back locked.
  const kioskOn = getKioskState(running).session !== null;
  kioskWindow.set(kioskOn);
  mainWindow = createMainWindow({ target, preloadPath: join(mainDir, '..', 'preload', 'index.js'), kiosk: kioskOn });
  kioskWindow.attach(mainWindow);
  mainWindow.webContents.on('did-start-loading', () => studyFiles.rendererGone());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return { services: running, getMainWindow: () => mainWindow, kioskWindow };
}
