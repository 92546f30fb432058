import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { makeTinyDemo, runCli, tempDir } from '../helpers/project.js';
import { ARTIFACTS, launchChromium, startHost, type Workbench } from './browser.js';

/**
 * The set-up the E2E tests repeat — a project (the tiny demo or a file), runs made through the CLI,
 * the browser host, Chromium in a chosen language, navigation and downloads — in one place, so a
 * test says what it checks rather than how it gets there. Built on browser.ts (which launches
 * Debian's Chromium and starts `serve`).
 */

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** A served project open in Chromium, with its temporary folder; `close()` undoes it all. */
export interface Session extends Workbench {
  dir: string;
  project: string;
  close(): Promise<void>;
}

/** Runs a CLI command on `project` with `--json` and returns its parsed output; throws with stderr when it fails. */
export function cliJson<T = unknown>(project: string, args: string[]): T {
  const r = runCli([...args, '--project', project, '--json']);
  if (r.code !== 0) throw new Error(`segment-workbench ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** One run of `analysis` through the CLI; its id. */
export function runAnalysis(project: string, analysis: string, params: Record<string, string | number> = {}): number {
  const flags = Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
  return cliJson<{ runId: number }>(project, ['run', analysis, ...flags]).runId;
}

/** Serves `project` and opens the workbench in Chromium in `lang` (downloads allowed), once it is ready. */
export async function openProject(project: string, lang: Lang = 'en'): Promise<Workbench> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const host = await startHost(project);
  const browser = await launchChromium();
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1440, height: 960 }, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript((l) => window.localStorage.setItem('segment-workbench.lang', l), lang);
  await page.goto(host.url);
  await page.waitForSelector(`html[data-ready="true"][lang="${lang}"]`);
  return { host, browser, page, consoleErrors };
}

/**
 * A fresh tiny demo (200 customers), prepared by `prepare` (runs through the CLI, edits) before the
 * host starts, open in `lang`.
 */
export async function openTinyDemo(prefix: string, options: { lang?: Lang; prepare?: (project: string) => void } = {}): Promise<Session> {
  const { dir, project } = makeTinyDemo(prefix);
  options.prepare?.(project);
  return session(dir, project, options.lang);
}

/** A project imported by `import --project P ...importArgs(dir)` (files and flags), prepared by `prepare`, open in `lang`. */
export async function openImported(prefix: string, importArgs: (dir: string) => string[], options: { lang?: Lang; prepare?: (project: string) => void } = {}): Promise<Session> {
  const dir = tempDir(prefix);
  const project = path.join(dir, 'p.sqlite');
  const r = runCli(['import', '--project', project, ...importArgs(dir)]);
  if (r.code !== 0) throw new Error(`import failed: ${r.stderr}`);
  options.prepare?.(project);
  return session(dir, project, options.lang);
}

async function session(dir: string, project: string, lang: Lang = 'en'): Promise<Session> {
  const wb = await openProject(project, lang);
  return {
    ...wb,
    dir,
    project,
    close: async () => {
      await wb.browser.close();
      await wb.host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Switches the app's language with the header's picker and waits until the page says so. */
export async function setLang(page: Page, lang: Lang): Promise<void> {
  await page.selectOption('[data-testid="lang-switch"]', lang);
  await page.waitForSelector(`html[lang="${lang}"]`);
}

/** Opens a page from the navigation and waits for `ready` (a selector) when given. */
export async function goTo(page: Page, name: string, ready?: string, timeout = 60_000): Promise<void> {
  await page.click(`[data-testid="nav-${name}"]`);
  if (ready) await page.waitForSelector(ready, { timeout });
}

/** Clicks `selector`, saves the download into `dir`, and returns its suggested name and text (BOM removed). */
export async function download(page: Page, selector: string, dir: string): Promise<{ name: string; file: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const name = d.suggestedFilename();
  const file = path.join(dir, `${Date.now()}-${name}`);
  await d.saveAs(file);
  return { name, file, text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '') };
}

/** A CSV's non-empty lines (the app writes CRLF). */
export function csvLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l !== '');
}

/** Data without a sales channel (400 customers, seeded): test/helpers/no-channel.ts. */
export { writeNoChannelFile } from '../helpers/no-channel.js';
