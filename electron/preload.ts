// The preload of the workbench window. It runs sandboxed (no Node, no local require), so esbuild
// bundles it with bridge.ts into one CommonJS file, dist/electron-preload.cjs, with only
// `electron` left external. It exposes exactly the bridge of bridge.ts, never ipcRenderer.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  'workbench',
  createBridge<File>({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    listen: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, handler);
      // A block body: removeListener returns ipcRenderer, which must never reach the page.
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
    pathForFile: (file) => webUtils.getPathForFile(file),
    reload: () => (globalThis as unknown as { location: { reload(): void } }).location.reload(),
  }),
);
