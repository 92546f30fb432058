import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openProject(): void;
  newProject(): void;
}

/**
 * The native menu: File (open, new, quit), Edit (so copy and paste work in fields), View, Window.
 * No Help links: nothing in the app opens a web page.
 */
export function buildMenu(actions: MenuActions, options: { isMac: boolean; devTools: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { label: 'New project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
