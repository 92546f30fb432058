import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/project.js';
import { chromiumAvailable, launchChromium, startHost, type Host } from './browser.js';

const ROWS = 30_000;

const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

describe.skipIf(!chromiumAvailable())('a 30,000-row import report in the browser', () => {
  let host: Host;
  let browser: Browser;
  let csv: string;

  beforeAll(async () => {
    const dir = tempDir('swb-e2e-table-');
    csv = path.join(dir, 'returns.csv');
    // Every row a return: the import report lists 30,000 flagged rows.
    const lines = ['order,customer,date,sku,qty,price'];
    for (let i = 0; i < ROWS; i++) lines.push(`C${100000 + i},c${i % 997},2021-03-${String(1 + (i % 28)).padStart(2, '0')},P${i % 500},-${1 + (i % 5)},${(1 + (i % 40)) / 4}`);
    fs.writeFileSync(csv, lines.join('\n') + '\n');
    host = await startHost(path.join(dir, 'p.sqlite'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('renders only the visible rows, and sorts, filters and scrolls without a main-thread task over 100 ms', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await page.addInitScript(WATCH_LONG_TASKS);
    await page.goto(host.url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.setInputFiles('[data-testid="import-file-input"]', [csv]);
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="ready"]');
    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="done"]', { timeout: 60_000 });
    const report = '[data-testid="import-report"]';
    await page.waitForSelector(`${report}[data-total-count="${ROWS}"]`, { timeout: 60_000 });
    const domRows = await page.$$eval(`${report} [data-row-key]`, (els) => els.length);
    expect(domRows).toBeGreaterThan(0);
    expect(domRows).toBeLessThan(200);

    const t0 = await page.evaluate(() => performance.now());
    const sortButtons = await page.$$(`${report} [data-testid^="sort-"]`);
    expect(sortButtons.length).toBeGreaterThan(2);
    await sortButtons[1].click();
    await sortButtons[1].click();
    await page.fill('[data-testid="import-report-filter"]', 'return');
    await page.waitForSelector(`${report}[data-row-count="${ROWS}"]`);
    await page.fill('[data-testid="import-report-filter"]', 'C1000');
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-row-count')) < 30_000, report);
    await page.fill('[data-testid="import-report-filter"]', '');
    await page.waitForSelector(`${report}[data-row-count="${ROWS}"]`);
    const body = page.locator(`${report} .vt-body`);
    const firstRow = (): Promise<string | null> => page.$eval(`${report} [data-row-key]`, (e) => e.getAttribute('aria-rowindex'));
    for (let i = 1; i <= 10; i++) {
      const before = await firstRow();
      await body.evaluate((el, y) => el.scrollTo(0, y), i * 50_000);
      await page.waitForFunction(([sel, prev]) => document.querySelector(`${sel} [data-row-key]`)?.getAttribute('aria-rowindex') !== prev, [report, before] as const);
    }
    expect(Number(await firstRow())).toBeGreaterThan(1000);
    const t1 = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    expect(tasks.filter((t) => t.start >= t0 && t.start <= t1 && t.duration > 100)).toEqual([]);
    await page.close();
  });
});
