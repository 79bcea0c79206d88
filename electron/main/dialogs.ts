import type { BrowserWindow, SaveDialogOptions } from 'electron';
import { basename, join } from 'node:path';

/** The part of Electron's dialog module the export chooser needs (a window is optional). */
export type ShowSaveDialog = (
  options: SaveDialogOptions,
  window: BrowserWindow | null,
) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/**
 * ServiceContext.chooseExportPath for Electron: a save dialog for an .xlsx file, starting in
 * the Documents folder with the suggested name. Resolves to null when the user cancels.
 */
export function createExportPathChooser(deps: {
  showSaveDialog: ShowSaveDialog;
  getWindow: () => BrowserWindow | null;
  documentsDir: () => string;
}): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const win = deps.getWindow();
    const result = await deps.showSaveDialog(
      {
        title: 'Antwoorden exporteren',
        buttonLabel: 'Opslaan',
        defaultPath: join(deps.documentsDir(), basename(suggestedName)),
        filters: [{ name: 'Excel-werkmap', extensions: ['xlsx'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
      win && !win.isDestroyed() ? win : null,
    );
    if (result.canceled || !result.filePath) return null;
    return result.filePath;
  };
}
