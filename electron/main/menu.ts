import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** True in an installed app: then the menu has no reload and no developer tools. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Shows the Dutch "Over Netwerkspiegel" box. */
  onAbout: () => void;
  /** Forces the developer entries on or off; defaults to !isPackaged. */
  developerTools?: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The Dutch application menu. Every role entry carries an explicit Dutch label. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const developer = options.developerTools ?? !options.isPackaged;
  const about: MenuItemConstructorOptions = { label: 'Over Netwerkspiegel', click: () => options.onAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Netwerkspiegel',
      submenu: [
        about,
        separator,
        { role: 'hide', label: 'Verberg Netwerkspiegel' },
        { role: 'hideOthers', label: 'Verberg andere' },
        { role: 'unhide', label: 'Toon alles' },
        separator,
        { role: 'quit', label: 'Stop Netwerkspiegel' },
      ],
    });
  }
  template.push(
    {
      label: 'Bestand',
      submenu: [isMac ? { role: 'close', label: 'Venster sluiten' } : { role: 'quit', label: 'Afsluiten' }],
    },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw' },
        separator,
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        separator,
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        ...(developer
          ? ([
              { role: 'reload', label: 'Opnieuw laden' },
              { role: 'forceReload', label: 'Geforceerd opnieuw laden' },
              { role: 'toggleDevTools', label: 'Ontwikkelaarshulpmiddelen' },
              separator,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'Werkelijke grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        separator,
        { role: 'togglefullscreen', label: 'Volledig scherm' },
      ],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: [about],
    },
  );
  return template;
}
