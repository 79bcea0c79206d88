import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename, extname, join } from 'node:path';

/** The part of Electron's dialog module the export chooser needs (a window is optional). */
export type ShowSaveDialog = (
  options: SaveDialogOptions,
  window: BrowserWindow | null,
) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/** The part of Electron's dialog module the folder chooser needs. */
export type ShowOpenDialog = (options: OpenDialogOptions, window: BrowserWindow | null) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** What the save dialog says per kind of file the services suggest (by the suggested name's extension). */
const FILE_KINDS: Record<string, { title: string; filter: string }> = {
  xlsx: { title: 'Antwoorden exporteren', filter: 'Excel-werkmap' },
  json: { title: 'Vragenlijst exporteren', filter: 'JSON-bestand' },
  // exports for reports and analyses (a CSV gets its .sps and .R beside it)
  csv: { title: 'Antwoorden exporteren als CSV (met SPSS-syntax en R-script)', filter: 'CSV-bestand' },
  sps: { title: 'SPSS-syntax opslaan', filter: 'SPSS-syntax' },
  r: { title: 'R-script opslaan', filter: 'R-script' },
  zip: { title: 'Exporteren', filter: 'ZIP-bestand' },
  pdf: { title: 'Resultaten opslaan als PDF', filter: 'PDF-document' },
  png: { title: 'Grafiek opslaan', filter: 'PNG-afbeelding' },
  svg: { title: 'Grafiek opslaan', filter: 'SVG-afbeelding' },
  // study files for merging laptops
  nwstudie: { title: 'Studiebestand exporteren', filter: 'Netwerkspiegel-studiebestand' },
  // reports
  docx: { title: 'Rapport opslaan als Word-document', filter: 'Word-document' },
  pptx: { title: 'Rapport opslaan als PowerPoint-presentatie', filter: 'PowerPoint-presentatie' },
};

/** An instrument saved as a spreadsheet or a REDCap data dictionary (`<id>-v<version>.xlsx`, `<id>-v<version>-redcap.csv`). */
const INSTRUMENT_FILES: { pattern: RegExp; filter: string }[] = [
  { pattern: /-v\d+\.xlsx$/i, filter: 'Spreadsheet zoals XLSForm (Excel-werkmap)' },
  { pattern: /-v\d+-redcap\.csv$/i, filter: 'REDCap-datadictionary (CSV)' },
];

/** The dialog's title and file filter for a suggested file name; another extension gets a plain "<EXT>-bestand" filter. */
export function saveDialogKind(suggestedName: string): { title: string; filters: { name: string; extensions: string[] }[] } {
  const ext = extname(suggestedName).slice(1).toLowerCase();
  const instrumentFile = INSTRUMENT_FILES.find((f) => f.pattern.test(suggestedName));
  if (instrumentFile) return { title: 'Vragenlijst exporteren', filters: [{ name: instrumentFile.filter, extensions: [ext] }] };
  const kind = FILE_KINDS[ext];
  if (kind) return { title: kind.title, filters: [{ name: kind.filter, extensions: [ext] }] };
  return { title: 'Exporteren', filters: ext ? [{ name: `${ext.toUpperCase()}-bestand`, extensions: [ext] }] : [] };
}

/** Where a dialog's window and the Documents folder come from. */
interface DialogDeps {
  getWindow: () => BrowserWindow | null;
  documentsDir: () => string;
}

/** The window a dialog belongs to, unless it is gone. */
function parentWindow(deps: DialogDeps): BrowserWindow | null {
  const win = deps.getWindow();
  return win && !win.isDestroyed() ? win : null;
}

/**
 * ServiceContext.chooseExportPath for Electron: a save dialog starting in the Documents folder
 * with the suggested name, its file filter following the suggested extension (.xlsx: Excel-werkmap,
 * .json: JSON-bestand). Resolves to null when the user cancels.
 */
export function createExportPathChooser(deps: DialogDeps & { showSaveDialog: ShowSaveDialog }): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const result = await deps.showSaveDialog(
      {
        ...saveDialogKind(suggestedName),
        buttonLabel: 'Opslaan',
        defaultPath: join(deps.documentsDir(), basename(suggestedName)),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
      parentWindow(deps),
    );
    if (result.canceled || !result.filePath) return null;
    return result.filePath;
  };
}

/**
 * ServiceContext.chooseImportPath for Electron: an open dialog for one file of the kinds the
 * service names, starting in the Documents folder. Resolves to null when the user cancels.
 */
export function createImportPathChooser(deps: DialogDeps & { showOpenDialog: ShowOpenDialog }): (kind: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null> {
  return async (kind) => {
    const result = await deps.showOpenDialog(
      { title: kind.title, buttonLabel: 'Openen', defaultPath: deps.documentsDir(), filters: kind.filters, properties: ['openFile'] },
      parentWindow(deps),
    );
    const file = result.filePaths[0];
    if (result.canceled || !file) return null;
    return file;
  };
}

/**
 * ServiceContext.chooseExportFolder for Electron: a folder dialog starting in the Documents folder,
 * for a set of files (a report per partner organisation). The service makes a new folder named
 * `suggestedName` inside the chosen one. Resolves to null when the user cancels.
 */
export function createExportFolderChooser(deps: DialogDeps & { showOpenDialog: ShowOpenDialog }): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const result = await deps.showOpenDialog(
      {
        title: `Kies de map waarin de map "${basename(suggestedName)}" met de rapporten komt`,
        buttonLabel: 'Kies deze map',
        defaultPath: deps.documentsDir(),
        properties: ['openDirectory', 'createDirectory'],
      },
      parentWindow(deps),
    );
    const folder = result.filePaths[0];
    if (result.canceled || !folder) return null;
    return folder;
  };
}
