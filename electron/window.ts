import { BrowserWindow, type WebContents } from 'electron';
import { APP_ENTRY, hardenedWebPreferences, isAllowedNavigation } from './security.js';

/**
 * Guards any web contents the app creates (applied from `web-contents-created`, so nothing
 * escapes it): new windows denied, navigation and redirects away from our page refused,
 * <webview> refused. Links are never handed to shell.openExternal: the app stays offline.
 */
export function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuse = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one workbench window: sandboxed, context-isolated, no Node, loading our renderer only. */
export function createWorkbenchWindow(preload: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Segment Workbench',
    backgroundColor: '#ffffff',
    webPreferences: { ...hardenedWebPreferences(preload), devTools },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY).catch((err: unknown) => console.error(`segment-workbench: could not load the workbench page: ${err instanceof Error ? err.message : String(err)}`));
  return window;
}
