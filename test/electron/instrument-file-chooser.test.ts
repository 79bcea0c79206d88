import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createImportPathChooser, saveDialogKind } from '../../electron/main/dialogs';

describe('the open dialog for an instrument file, and the save dialog for one', () => {
  const win = { isDestroyed: () => false } as unknown as BrowserWindow;
  const kind = { title: 'Vragenlijst importeren', filters: [{ name: 'Vragenlijst', extensions: ['json', 'xlsx', 'csv'] }] };

  it('asks for one file of the kinds the service names, starting in Documents', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/home/anna/Documenten/mantelzorg.xlsx'] }));
    const choose = createImportPathChooser({ showOpenDialog, getWindow: () => win, documentsDir: () => '/home/anna/Documenten' });
    await expect(choose(kind)).resolves.toBe('/home/anna/Documenten/mantelzorg.xlsx');
    const [options, parent] = showOpenDialog.mock.calls[0] as unknown as [Record<string, unknown>, unknown];
    expect(options).toEqual({ title: 'Vragenlijst importeren', buttonLabel: 'Openen', defaultPath: '/home/anna/Documenten', filters: kind.filters, properties: ['openFile'] });
    expect(parent).toBe(win);
  });

  it('returns null when the dialog is cancelled or gives no file', async () => {
    const cancelled = vi.fn(async () => ({ canceled: true, filePaths: ['/x.csv'] }));
    await expect(createImportPathChooser({ showOpenDialog: cancelled, getWindow: () => null, documentsDir: () => '/docs' })(kind)).resolves.toBeNull();
    const empty = vi.fn(async () => ({ canceled: false, filePaths: [] }));
    await expect(createImportPathChooser({ showOpenDialog: empty, getWindow: () => null, documentsDir: () => '/docs' })(kind)).resolves.toBeNull();
  });

  it('names an instrument saved as a spreadsheet or a REDCap dictionary as such, not as answers', () => {
    expect(saveDialogKind('clientoverleg-v1.xlsx')).toEqual({ title: 'Vragenlijst exporteren', filters: [{ name: 'Spreadsheet zoals XLSForm (Excel-werkmap)', extensions: ['xlsx'] }] });
    expect(saveDialogKind('clientoverleg-v1-redcap.csv')).toEqual({ title: 'Vragenlijst exporteren', filters: [{ name: 'REDCap-datadictionary (CSV)', extensions: ['csv'] }] });
    expect(saveDialogKind('netwerkspiegel-2026-12-01.xlsx').title).toBe('Antwoorden exporteren');
  });
});
