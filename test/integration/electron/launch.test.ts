import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../core/model/api.js';
import { electronFacts, electronLaunchDecision, sqliteRunner } from '../../../scripts/electron-available.mjs';
import { CLI, ROOT, tempDir } from '../../helpers/project.js';

/*
 * The desktop app, launched for real with Playwright's Electron driver. It needs what `npm start`
 * needs for the window — the Electron binary, a display, better-sqlite3 rebuilt for Electron —
 * plus the build; without them it skips, saying why. (With better-sqlite3 built for Electron the
 * rest of `npm test` cannot run: run this file on its own, see README "Building the desktop app".)
 */

const MAIN = path.join(ROOT, 'dist/electron-main.mjs');
const facts = electronFacts();
// Playwright starts Electron with --no-sandbox (its chromiumSandbox option is off), so unlike
// `npm start` this test can run as root; the renderer sandbox (webPreferences) stays on.
const decision = electronLaunchDecision({ ...facts, isRoot: false });
const notBuilt = [MAIN, path.join(ROOT, 'dist/electron-preload.cjs'), path.join(ROOT, 'renderer/dist/index.html')].filter((f) => !fs.existsSync(f));
const skipReason = !decision.electron ? decision.reason : notBuilt.length > 0 ? `not built (${notBuilt.map((f) => path.relative(ROOT, f)).join(', ')}): run npm run build` : null;
if (skipReason !== null) console.warn(`Skipping the Electron launch test: ${skipReason}.`);

describe.skipIf(skipReason !== null)('the Electron app', () => {
  let dir: string;
  let project: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!decision.electron) return;
    dir = tempDir('swb-electron-');
    project = path.join(dir, 'tiny.sqlite');
    // better-sqlite3 is built for Electron here, so the CLI runs on Electron's own Node.
    const runner = sqliteRunner(facts, process.execPath);
    if (runner === null) throw new Error('better-sqlite3 cannot be loaded by Node or by Electron');
    const made = spawnSync(runner.command, [CLI, 'demo', '--project', project, '--size', 'tiny', '--seed', '3'], { env: { ...process.env, ...runner.env, TZ: 'UTC' }, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`demo failed: ${made.stderr}`);
    app = await _electron.launch({ executablePath: decision.binary, args: [MAIN, project], cwd: ROOT, env: { ...process.env, TZ: 'UTC' } as Record<string, string>, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens one window on our renderer, hardened as required', async () => {
    expect(page.url()).toBe('app://workbench/index.html');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      // Not in Electron's public typings, but what its own tests read the effective preferences with.
      const contents = windows[0].webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      const p = typeof contents.getLastWebPreferences === 'function' ? contents.getLastWebPreferences() : null;
      return { count: windows.length, effective: p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag } };
    });
    expect(prefs.count).toBe(1);
    if (prefs.effective === null) console.warn('This Electron does not expose getLastWebPreferences; the preferences are checked by the unit tests and by the page checks below.');
    else expect(prefs.effective).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('gives the page no Node, and exactly the bridge: one function per operation plus the three extras', async () => {
    const seen = await page.evaluate(() => {
      const w = globalThis as unknown as { workbench: Record<string, unknown>; require?: unknown; process?: unknown };
      return {
        require: typeof w.require,
        process: typeof w.process,
        keys: Object.keys(w.workbench),
        functions: Object.values(w.workbench).every((v) => typeof v === 'function'),
      };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.keys).toEqual([...OPERATION_NAMES, 'onJobEvent', 'onProjectChanged', 'stageFiles']);
    expect(seen.functions).toBe(true);
  });

  it('answers operations over IPC, validating inputs in main', async () => {
    const [current, invalid] = await page.evaluate(async () => {
      const api = (globalThis as unknown as { workbench: Record<string, (input: unknown) => Promise<unknown>> }).workbench;
      return [await api.currentProject({}), await api.getRun({ project: 'x', id: -1 })];
    });
    expect(current).toMatchObject({ ok: true, value: { path: project } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('blocks navigation away and new windows', async () => {
    await page.evaluate(() => {
      const w = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
      w.open('https://example.com/');
      w.location.href = 'https://example.com/';
    });
    await expect.poll(async () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toBe('app://workbench/index.html');
  });

  it('renders the Overview of the project', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/overview';
    });
    await page.waitForSelector('#content canvas, #content svg', { timeout: 120_000 });
    expect(await page.locator('#content').innerText()).not.toBe('');
  });
});
