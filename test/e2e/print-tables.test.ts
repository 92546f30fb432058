import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { goTo, LANGS, openTinyDemo, type Session } from './setup.js';

const popplerAvailable = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!popplerAvailable) console.warn('SKIPPED: the printed-table check needs pdftotext (apt-get install -y poppler-utils).');

/**
 * Issue #14, "printing any page gives its content … tables not cut mid-row": a virtualised table
 * draws only the rows in view on screen; printed, it lays out all its rows (up to PRINT_ROWS), so
 * the PDF of the page holds the table's last row, not the screenful that happened to be in view.
 */
describe.skipIf(!chromiumAvailable() || !popplerAvailable).each(LANGS)('a printed virtualised table (%s)', (lang) => {
  let s: Session;
  beforeAll(async () => {
    s = await openTinyDemo('swb-e2e-print-tables-', { lang });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('prints every row of the customers behind a bar', async () => {
    const { page, consoleErrors } = s;
    await goTo(page, 'overview', '[data-testid="overview-explore"][data-explore-ready="true"][data-loading="false"]');
    // Click the middle of the busiest month's bar, located through the chart's own coordinates.
    const holder = await page.$('[data-testid="chart-explore-time"] .echart');
    await holder!.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const point = await holder!.evaluate((node) => {
      type Chart = { getOption(): { series: { data: unknown[] }[]; xAxis: { data?: unknown[] }[] }; convertToPixel(finder: object, value: unknown[]): number[] };
      const chart = (node as unknown as { echart: Chart }).echart;
      const option = chart.getOption();
      const values = option.series[0]!.data.map((d) => Number(Array.isArray(d) ? d[1] : typeof d === 'object' && d !== null ? (d as { value: unknown }).value : d));
      const i = values.indexOf(Math.max(...values));
      const x = option.xAxis[0]!.data?.[i] ?? i;
      const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [x, values[i]! / 2]);
      const r = node.getBoundingClientRect();
      return { x: r.x + px!, y: r.y + py! };
    });
    await page.mouse.click(point.x, point.y);
    const table = '[data-testid="explore-customers-table"]';
    await page.waitForSelector(`${table}[data-row-count]`, { timeout: 60_000 });
    const total = Number(await page.getAttribute(table, 'data-row-count'));
    // Enough customers that the screen draws only part of them.
    expect(total).toBeGreaterThan(40);
    const bodyRows = `${table} .vt-body [role="row"]`;
    expect((await page.$$(bodyRows)).length).toBeLessThan(total);

    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [bodyRows, total] as const, { timeout: 10_000 });
    expect(await page.$('[data-testid="explore-customers-table-print-cap"]')).toBeNull();
    const last = await page.$eval(`${table} .vt-body [role="row"]:last-child`, (e) => e.getAttribute('data-row-key'));
    const pdf = path.join(s.dir, 'page.pdf');
    fs.writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain(last!);

    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length < (n as number), [bodyRows, total] as const, { timeout: 10_000 });
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
