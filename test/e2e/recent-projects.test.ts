import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTinyDemo, ROOT } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, launchChromium } from './browser.js';

/** `serve` with its own home folder and user-data folder, so the listing and the recent list are the test's. */
function serveWith(project: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--project', project, '--port', '0', '--json'], { cwd: ROOT, env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${err}`)));
  });
}

/** Issue #14 "The first minute": in the browser host a project opens by a click, from the recent list or the home folder. */
describe.skipIf(!chromiumAvailable())('choosing a project by a click in the browser host', () => {
  let home: string;
  let first: string;
  let second: string;
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const demo = makeTinyDemo('swb-e2e-recent-', 'first.sqlite');
    const dir = fs.realpathSync(demo.dir);
    home = path.join(dir, 'home');
    fs.mkdirSync(path.join(home, 'work'), { recursive: true });
    first = path.join(home, 'work', 'first.sqlite');
    second = path.join(home, 'work', 'second.sqlite');
    fs.copyFileSync(demo.project, first);
    fs.copyFileSync(demo.project, second);
    fs.writeFileSync(path.join(home, 'work', 'sales.csv'), 'a,b\n1,2\n');
    fs.writeFileSync(path.join(home, 'work', 'readme.md'), '');
    const served = await serveWith(first, { HOME: home, SEGMENT_WORKBENCH_DATA: path.join(dir, 'app-data') });
    child = served.child;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => window.localStorage.setItem('segment-workbench.lang', 'en'));
    await page.goto(served.url);
    await page.waitForSelector('html[data-ready="true"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  const openedProject = () => page.getAttribute('[data-testid="project-info"]', 'data-project');

  it('lists the home folder (folders and project/data files only) and opens a project from it by a click (en)', async () => {
    await page.click('[data-testid="nav-data"]');
    await page.waitForSelector('[data-testid="folder-browser"]');
    expect(await page.getAttribute('[data-testid="folder-browser"]', 'data-path')).toBe(home);
    expect(await page.isDisabled('[data-testid="folder-up"]')).toBe(true);
    await page.click('[data-testid="folder-entry"][data-kind="directory"][data-name="work"]');
    await page.waitForSelector(`[data-testid="folder-browser"][data-path="${path.join(home, 'work')}"]`);
    const entries = await page.$$eval('[data-testid="folder-entry"]', (els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-name')}`));
    expect(entries).toEqual(['project:first.sqlite', 'data:sales.csv', 'project:second.sqlite']);
    expect(await openedProject()).toBe(first);
    await page.click('[data-testid="folder-entry"][data-name="second.sqlite"]');
    await page.waitForFunction((p) => document.querySelector('[data-testid="project-info"]')?.getAttribute('data-project') === p, second);
  });

  it('offers recent projects, newest first, and opens one by a click (en)', async () => {
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="recent-project"]').length === 2);
    expect(await page.$$eval('[data-testid="recent-project"]', (els) => els.map((e) => e.getAttribute('data-path')))).toEqual([second, first]);
    // The open project is not offered again.
    expect(await page.isDisabled(`[data-testid="recent-project"][data-path="${second}"]`)).toBe(true);
    await page.click(`[data-testid="recent-project"][data-path="${first}"]`);
    await page.waitForFunction((p) => document.querySelector('[data-testid="project-info"]')?.getAttribute('data-project') === p, first);
    await page.waitForFunction((p) => document.querySelector('[data-testid="recent-project"]')?.getAttribute('data-path') === p, first);
  });

  it('does the same in Korean', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const chooser = (await page.textContent('[data-testid="project-chooser"]')) ?? '';
    expect(chooser).toContain('최근 프로젝트');
    expect(chooser).toContain('홈 폴더');
    expect(chooser).toContain('데이터 파일');
    await page.click(`[data-testid="recent-project"][data-path="${second}"]`);
    await page.waitForFunction((p) => document.querySelector('[data-testid="project-info"]')?.getAttribute('data-project') === p, second);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'recent-projects-ko.png') });
    expect(errors).toEqual([]);
  });
});
