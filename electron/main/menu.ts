import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Reload and developer tools are offered only in development. */
  isDev: boolean;
  /** macOS puts Quit and About under an application menu of its own. */
  platform: NodeJS.Platform;
  /** Asks the window to start its "Add folder" flow. */
  onAddFolder: () => void;
}

/** The application menu: File (Add Folder…, Quit), Edit, View, Help, plus the macOS app menu. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const addFolder: MenuItemConstructorOptions = {
    label: 'Add Folder…',
    accelerator: 'CmdOrCtrl+O',
    click: () => options.onAddFolder(),
  };
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];

  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: mac ? [addFolder, { role: 'close' }] : [addFolder, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ role: 'about', label: 'About Quarry' }] },
  ];
}
