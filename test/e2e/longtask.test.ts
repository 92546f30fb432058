import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/project.js';
import { chromiumAvailable, launchChromium, startHost, type Host } from './browser.js';

/** Every main-thread task over 50 ms (the Long Tasks API threshold), with its duration. */
const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

describe.skipIf(!chromiumAvailable())('the UI thread stays responsive during an import of the demo data', () => {
  let dir: string;
  let host: Host;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir('swb-e2e-long-');
    const gen = runCli(['demo', '--project', path.join(dir, 'gen.sqlite'), '--size', 'demo', '--out', path.join(dir, 'csv'), '--json']);
    expect(gen.code, gen.stderr).toBe(0);
    host = await startHost(path.join(dir, 'p.sqlite'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('has no main-thread task over 100 ms from choosing the files to the import report', async () => {
    const page = await browser.newPage();
    await page.addInitScript(WATCH_LONG_TASKS);
    await page.goto(host.url);
    await page.waitForSelector('html[data-ready="true"]');
    const files = fs.readdirSync(path.join(dir, 'csv')).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, 'csv', f));
    const t0 = await page.evaluate(() => performance.now());
    await page.setInputFiles('[data-testid="import-file-input"]', files);
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="ready"]', { timeout: 60_000 });
    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="done"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="import-report"]');
    const rows = await page.$eval('[data-testid="import-summary"]', (e) => Number(e.getAttribute('data-rows-imported')));
    expect(rows).toBeGreaterThan(400_000);
    const t1 = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    const during = tasks.filter((t) => t.start >= t0 && t.start <= t1);
    expect(during.filter((t) => t.duration > 100)).toEqual([]);
    await page.close();
  });
});
