import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedStudyFile } from '../../shared/contract';
import { STUDY_FILE_EXTENSION, STUDY_FILE_MAX_CHARS } from '../../shared/study';

/*
 * Study files opened from outside the app: a double-click on a .nwstudie file, "Open with", or a
 * path on the command line. Windows and Linux hand the path over in the command line (process.argv
 * at first start, the `second-instance` event's argv when the app already runs); macOS sends
 * `open-file`. The main process reads the file itself: it is a path the operating system gave, not
 * one from the renderer. The renderer gets the content (or the reason it was refused) and shows
 * the import preview; nothing is written before the researcher chooses *Importeren* there.
 */

const SUFFIX = `.${STUDY_FILE_EXTENSION}`;

const isStudyFileName = (path: string): boolean => path.toLowerCase().endsWith(SUFFIX);

/**
 * Which command-line argument is a study file: the last one that names a `.nwstudie` file, as a
 * path (Windows, Linux with %f) or a file:// URL (Linux desktops with %U), relative paths taken
 * from `cwd`. The executable (argv[0]), the app folder in development and Chromium's switches
 * (which Electron may add to a second instance's argv) never count. Pure.
 */
export function studyFilePathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1).toReversed()) {
    if (arg.startsWith('-')) continue;
    let path = arg;
    if (arg.startsWith('file:')) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    if (isStudyFileName(path)) return resolve(cwd, path);
  }
  return null;
}

/**
 * Reads a study file the operating system handed over. Refuses, with a Dutch sentence that says
 * what is wrong and what to do, a file that is not a .nwstudie file, is larger than a study file
 * may be (the same limit as the import screen), or cannot be read. Reads nothing else.
 */
export function readOpenedStudyFile(path: string, sequence: number): OpenedStudyFile {
  const fileName = basename(path);
  const refuse = (refusal: string): OpenedStudyFile => ({ sequence, fileName, refusal });
  if (!isStudyFileName(path)) {
    return refuse(
      `"${fileName}" is geen studiebestand van Netwerkspiegel: alleen bestanden die eindigen op ${SUFFIX} kunnen worden ingelezen. ` +
        `Kies het studiebestand (${SUFFIX}) dat de andere laptop heeft geëxporteerd.`,
    );
  }
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return refuse(`"${fileName}" is geen bestand maar een map. Kies het studiebestand zelf.`);
    if (stat.size > STUDY_FILE_MAX_CHARS) {
      return refuse(
        `"${fileName}" is te groot voor een studiebestand (meer dan ${STUDY_FILE_MAX_CHARS / 1_000_000} MB). ` +
          'Controleer of dit het bestand is dat de andere laptop heeft geëxporteerd.',
      );
    }
    // A byte-order mark is not part of the JSON (the file picker's reader drops it too).
    return { sequence, fileName, content: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
  } catch {
    return refuse(`"${fileName}" kon niet worden gelezen. Controleer of het bestand nog bestaat en of u het mag openen, en probeer het opnieuw.`);
  }
}

export interface StudyFileInbox {
  /** A study file path arrived (argv, second instance, open-file). The newest one wins. */
  offer: (path: string) => void;
  /** The renderer subscribed to opened study files: deliver what is waiting. */
  rendererListening: () => void;
  /** The page is (re)loading: its subscription is gone until it says it listens again. */
  rendererGone: () => void;
}

/**
 * Holds the path of an opened study file until it can be shown: the window's page must listen
 * (at first start the file arrives long before the page has loaded), and kiosk mode must be off.
 * While kiosk mode is on the path waits, unread; the researcher sees the preview after leaving
 * kiosk mode with the PIN. A respondent never sees it, and the window never leaves its lock.
 */
export function createStudyFileInbox(options: {
  deliver: (file: OpenedStudyFile) => void;
  isKioskOn: () => boolean;
  read?: (path: string, sequence: number) => OpenedStudyFile;
  log?: (message: string) => void;
}): StudyFileInbox {
  const read = options.read ?? readOpenedStudyFile;
  const log = options.log ?? console.warn;
  let pending: string | null = null;
  let listening = false;
  let sequence = 0;

  function flush(): void {
    if (pending === null || !listening) return;
    if (options.isKioskOn()) {
      log(`Studiebestand ${pending} wacht tot de afnamemodus is beëindigd`);
      return;
    }
    const path = pending;
    pending = null;
    sequence += 1;
    options.deliver(read(path, sequence));
  }

  return {
    offer: (path) => {
      pending = path;
      flush();
    },
    rendererListening: () => {
      listening = true;
      flush();
    },
    rendererGone: () => {
      listening = false;
    },
  };
}
