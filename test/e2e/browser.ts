import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLI, ROOT } from '../helpers/project.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded browser; flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Whether the browser tests can run here; in CI they must (.ci/run installs Chromium). */
export function chromiumAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM) && fs.existsSync(`${ROOT}/renderer/dist/index.html`);
  if (!ok && process.env.CI) throw new Error(`CI must run the browser tests: ${CHROMIUM} or renderer/dist is missing (.ci/run installs Chromium; npm test builds the renderer).`);
  if (!ok) console.warn(`SKIPPED: the browser tests need ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk) and a built renderer (npm run build).`);
  return ok;
}

export interface Host {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `serve --port 0 --json` and resolves with its URL once it prints it. */
export function startHost(project: string): Promise<Host> {
  const child = spawn(process.execPath, [CLI, 'serve', '--project', project, '--port', '0', '--json'], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, port } = JSON.parse(line) as { url: string; port: number };
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve({ url, port, child, stop: async () => { if (child.exitCode === null) child.kill('SIGTERM'); await exited; } });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${err}`)));
  });
}

/** Counts the painted pixels of a chart card's canvases (a blank canvas has none). */
export async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.$$eval(`[data-testid="${testId}"] canvas`, (canvases) =>
    (canvases as HTMLCanvasElement[]).reduce((sum, c) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return sum;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0 && !(data[i - 1] > 250 && data[i - 2] > 250 && data[i - 3] > 250)) n++;
      return sum + n;
    }, 0),
  );
}

/** Where the E2E tests leave screenshots and saved files. */
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

/** A screenshot of the whole page: the app scrolls inside its content pane, so let it grow for the shot. */
export async function fullShot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.app, .main { height: auto !important; } .content { overflow: visible !important; }' });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  await style.evaluate((e) => e.remove());
}

export interface Workbench {
  host: Host;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors, collected for the whole session. */
  consoleErrors: string[];
}

/** Serves `project`, opens the workbench in English in Chromium (downloads allowed) and waits until it is ready. */
export async function openWorkbench(project: string): Promise<Workbench> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const host = await startHost(project);
  const browser = await launchChromium();
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1440, height: 960 } });
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript(() => window.localStorage.setItem('segment-workbench.lang', 'en'));
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
  return { host, browser, page, consoleErrors };
}
