/**
 * A deliberately small menu: the app's own commands live in the window, where they are
 * keyboard-reachable on every platform. Dark mode is toggled in-app, not here.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About Hearken',
    message: `Hearken ${app.getVersion()}`,
    detail:
      'An offline-first inbox for customer feedback. Your data is kept in an encrypted store on this computer, ' +
      'and nothing leaves it unless you configure an AI endpoint.',
    buttons: ['OK'],
  });
}

export interface MenuActions {
  /** File > Import…: choose files and hand them to the window's import step. */
  importFiles(): void;
}

/** `devTools` comes from policy.ts runMode: Reload and DevTools exist only under `npm run dev`. */
export function installMenu(options: { devTools: boolean; actions: MenuActions }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // No accelerator: the window binds Mod+I to its own Import… command.
        { label: 'Import…', click: () => options.actions.importFiles() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(options.devTools
          ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: [{ label: 'About Hearken', click: showAbout }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
