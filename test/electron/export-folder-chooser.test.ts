import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createExportFolderChooser, saveDialogKind } from '../../electron/main/dialogs';

describe('export folder chooser (a report per partner organisation)', () => {
  const win = { isDestroyed: () => false } as unknown as BrowserWindow;

  it('asks for a folder in Documents, which may be made in the dialog, and returns it', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/home/anna/Documenten/Rapporten'] }));
    const choose = createExportFolderChooser({ showOpenDialog, getWindow: () => win, documentsDir: () => '/home/anna/Documenten' });
    await expect(choose('Rapporten_per_organisatie')).resolves.toBe('/home/anna/Documenten/Rapporten');
    const [options, parent] = showOpenDialog.mock.calls[0] as unknown as [Record<string, unknown>, unknown];
    expect(options['properties']).toEqual(['openDirectory', 'createDirectory']);
    expect(options['defaultPath']).toBe('/home/anna/Documenten');
    expect(options['title']).toBe('Kies de map waarin de map "Rapporten_per_organisatie" met de rapporten komt');
    expect(parent).toBe(win);
  });

  it('returns null when the dialog is cancelled or gives no folder, and uses no destroyed window', async () => {
    const cancelled = vi.fn(async () => ({ canceled: true, filePaths: [] }));
    const gone = { isDestroyed: () => true } as unknown as BrowserWindow;
    await expect(createExportFolderChooser({ showOpenDialog: cancelled, getWindow: () => gone, documentsDir: () => '/docs' })('x')).resolves.toBeNull();
    expect((cancelled.mock.calls[0] as unknown as unknown[])[1]).toBeNull();
    const empty = vi.fn(async () => ({ canceled: false, filePaths: [] }));
    await expect(createExportFolderChooser({ showOpenDialog: empty, getWindow: () => null, documentsDir: () => '/docs' })('x')).resolves.toBeNull();
  });

  it('offers reports as Word documents and PowerPoint presentations in the save dialog', () => {
    expect(saveDialogKind('Netwerkrapport.docx')).toEqual({ title: 'Rapport opslaan als Word-document', filters: [{ name: 'Word-document', extensions: ['docx'] }] });
    expect(saveDialogKind('Terugkoppeling.pptx')).toEqual({ title: 'Rapport opslaan als PowerPoint-presentatie', filters: [{ name: 'PowerPoint-presentatie', extensions: ['pptx'] }] });
  });
});
