// The Electron main process: one hardened window over the renderer build, one IPC handler per
// API operation (ApiHost validates and runs it), job events pushed to the window, the File menu.
// Bundled by esbuild to dist/electron-main.mjs (ESM, like the rest of dist/: core resolves its
// workers from import.meta.url); started as `electron dist/electron-main.mjs [PROJECT]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import type { ProjectInfo } from '../core/model/api.js';
import { ApiHost } from '../core/service/api.js';
import { printReportPdf } from './report-pdf.js';
import { WorkbenchService } from '../core/service/service.js';
import { PROJECT_CHANGED_CHANNEL } from './channels.js';
import { explainOpenFailure } from './errors.js';
import { forwardJobEvents, registerOperationHandlers } from './ipc.js';
import { parseLaunchArgs } from './launch-args.js';
import { buildMenu } from './menu.js';
import { appLayout } from './paths.js';
import { chooseNewProject, chooseProjectToOpen, showError } from './project-dialogs.js';
import { serveRendererRequest } from './protocol.js';
import { APP_SCHEME, isTrustedSender } from './security.js';
import { hardenSession } from './session.js';
import { createWorkbenchWindow, guardContents } from './window.js';

const bundleFile = fileURLToPath(import.meta.url);
const launch = parseLaunchArgs(process.argv, bundleFile);
for (const problem of launch.problems) console.warn(`segment-workbench: ${problem}`);

// Before `ready`: the app's name (and so its user-data folder), the sandbox for every renderer,
// and our scheme as a standard, secure origin (so the CSP's 'self' means app://workbench).
app.setName('Segment Workbench');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const layout = appLayout(path.dirname(bundleFile), app.isPackaged ? app.getPath('userData') : null);
const devTools = !app.isPackaged;
const service = new WorkbenchService({ workerPath: layout.worker });
const host = new ApiHost(service);
// Reports print with Electron's own engine, not a system Chromium (electron/report-pdf.ts).
host.reportPrinter = printReportPdf;
let mainWindow: BrowserWindow | null = null;
const liveWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

app.on('web-contents-created', (_event, contents) => guardContents(contents));

/** Opens a project as the current one and tells the renderer to reload; failures are shown, never thrown. */
async function openProject(file: string, create: boolean): Promise<boolean> {
  const result = await host.call('openProject', { path: file, create });
  if (result.ok) {
    liveWindow()?.webContents.send(PROJECT_CHANGED_CHANNEL, result.value as ProjectInfo);
    return true;
  }
  await showError(liveWindow(), `Could not open ${path.basename(file)}.`, explainOpenFailure(result.error.message));
  return false;
}

/** The demo project, created on first launch by the demo job (the window shows its progress). */
async function createDemoProject(file: string, size: 'tiny' | 'demo' | 'full'): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = service.demo({ project: file, size });
  host.board.track(handle, file);
  const final = await handle.result;
  if (final.type === 'done') await openProject(file, false);
  else await showError(liveWindow(), 'Could not create the demo project.', final.type === 'failed' ? explainOpenFailure(final.error.message) : 'Its creation was cancelled.');
}

function inBackground(task: Promise<unknown>): void {
  task.catch((err: unknown) => console.error(`segment-workbench: ${err instanceof Error ? err.message : String(err)}`));
}

async function start(): Promise<void> {
  if (!fs.existsSync(path.join(layout.rendererDir, 'index.html'))) {
    await showError(null, 'The workbench is not built.', `${path.join(layout.rendererDir, 'index.html')} is missing: run \`npm run build\`, then start again.`);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(layout.rendererDir, request));
  registerOperationHandlers(ipcMain, host, (event) => isTrustedSender(event, liveWindow()?.webContents.id ?? null));
  forwardJobEvents(host.board, () => liveWindow()?.webContents ?? null);
  Menu.setApplicationMenu(
    buildMenu(
      {
        openProject: () => inBackground(chooseProjectToOpen(liveWindow()).then((file) => file !== null && openProject(file, false))),
        newProject: () => inBackground(chooseNewProject(liveWindow()).then((file) => file !== null && openProject(file, true))),
      },
      { isMac: process.platform === 'darwin', devTools },
    ),
  );

  // A project given on the command line, else the demo project (created when missing). An
  // existing one is opened before the window loads, so the page's first currentProject sees it.
  const file = launch.project ?? layout.demoProject;
  const demoSize = launch.demoSize ?? (launch.project === null ? 'demo' : null);
  const needsDemo = demoSize !== null && !fs.existsSync(file);
  if (!needsDemo) await openProject(file, true);
  mainWindow = createWorkbenchWindow(layout.preload, devTools);
  if (needsDemo) await createDemoProject(file, demoSize);
}

app.on('window-all-closed', () => app.quit());

// Quitting waits for running jobs to stop (each write is a transaction, so a cancelled job leaves
// its project as it was), then quits for real.
let jobsStopped = false;
let stopping: Promise<void> | null = null;
app.on('will-quit', (event) => {
  if (jobsStopped) return;
  event.preventDefault();
  stopping ??= service
    .close()
    .catch(() => undefined)
    .finally(() => {
      jobsStopped = true;
      app.quit();
    });
});

app
  .whenReady()
  .then(start)
  .catch(async (err: unknown) => {
    await showError(null, 'The workbench could not start.', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    app.exit(1);
  });
