import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, fullShot, openWorkbench, type Host } from './browser.js';
import { pageColours } from '../helpers/pdf.js';

const popplerAvailable = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0 && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!popplerAvailable) console.warn('SKIPPED: the report builder test needs pdftoppm/pdftotext (apt-get install -y poppler-utils).');


/**
 * Issue #14, reports, in Chromium: the Report button of a result page opens the builder with that
 * run; the analyst adds a run, orders the sections, writes a title and summaries, and downloads one
 * self-contained HTML file and a PDF — in English and in Korean (Korean text found by pdftotext).
 */
describe.skipIf(!chromiumAvailable() || !popplerAvailable)('report builder (Chromium)', () => {
  let dir: string, host: Host, browser: Browser, page: Page, segA: number, segB: number;

  beforeAll(async () => {
    let project: string;
    ({ dir, project } = makeTinyDemo('swb-e2e-report-', 'report.sqlite'));
    for (const k of ['4', '3']) {
      const r = runCli(['run', 'kmeans', '--project', project, '--param', `k=${k}`, '--json']);
      if (r.code !== 0) throw new Error(r.stderr);
    }
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string }[];
    [segA, segB] = runs.filter((r) => r.analysis === 'kmeans').map((r) => r.id);
    ({ host, browser, page } = await openWorkbench(project));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sectionRuns = () => page.$$eval('[data-testid="report-section"]', (els) => els.map((e) => Number(e.getAttribute('data-run'))));

  it('opens from a page\'s Report button with its run, adds and orders runs, and downloads a self-contained HTML file', async () => {
    await page.click('[data-testid="nav-segments"]');
    await page.waitForSelector('[data-testid="segment-view"][data-ready="true"]', { timeout: 60_000 });
    const shown = Number(await page.getAttribute('[data-testid="segment-view"]', 'data-run-id'));
    await page.click('[data-testid="segment-view"] [data-testid="report-button"]');
    await page.waitForSelector('[data-testid="page-report"]');
    expect(await sectionRuns()).toEqual([shown]);
    const other = shown === segA ? segB : segA;
    await page.selectOption('[data-testid="report-add-run"]', String(other));
    await page.click('[data-testid="report-add"]');
    expect(await sectionRuns()).toEqual([shown, other]);
    // The second section moves up: the analyst's order.
    await page.locator('[data-testid="report-section"]').nth(1).locator('[data-testid="report-up"]').click();
    expect(await sectionRuns()).toEqual([other, shown]);
    await page.fill('[data-testid="report-title"]', 'Loyalty segments, Q4');
    await page.locator('[data-testid="report-summary"]').nth(0).fill('The alternative cut, for comparison.');
    await page.click('[data-testid="report-lang-en"]');
    await page.click('[data-testid="report-preview-button"]');
    await page.waitForSelector('[data-testid="report-preview"]');
    const previewText = await page.$eval('[data-testid="report-preview"]', (e) => e.shadowRoot?.textContent ?? '');
    expect(previewText).toContain('Loyalty segments, Q4');
    expect(previewText).toContain('The alternative cut, for comparison.');
    await fullShot(page, 'report-builder-en.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-html"]')]);
    const file = path.join(ARTIFACTS, 'report-en.html');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('Loyalty-segments-Q4.html');
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html.indexOf(`data-run="${other}"`)).toBeLessThan(html.indexOf(`data-run="${shown}"`));
  });

  it('opens the saved HTML offline: every request is refused and the page still shows its title and charts', async () => {
    const context = await browser.newContext({ offline: true });
    const offline = await context.newPage();
    const requests: string[] = [];
    offline.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await offline.goto(`file://${path.join(ARTIFACTS, 'report-en.html')}`);
    expect(await offline.textContent('h1')).toBe('Loyalty segments, Q4');
    expect(await offline.$$eval('svg.chart rect', (r) => r.length)).toBeGreaterThan(0);
    expect(requests).toEqual([]);
    await context.close();
  });

  it('prints the report to PDF in Korean: page 1 holds the Korean title and is not blank', async () => {
    await page.click('[data-testid="report-lang-ko"]');
    await page.click('[data-testid="report-layout-slides"]');
    await page.fill('[data-testid="report-title"]', '로열티 세그먼트 보고서');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-testid="report-pdf"]')]);
    const pdf = path.join(ARTIFACTS, 'report-ko.pdf');
    await download.saveAs(pdf);
    expect(download.suggestedFilename()).toBe('로열티-세그먼트-보고서.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
    expect(w / h).toBeCloseTo(16 / 9, 2);
    const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(first).toContain('로열티 세그먼트 보고서');
    expect(first).toContain('데이터와 출처');
    expect(pageColours(pdf)).toBeGreaterThan(10);
    spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', pdf, path.join(ARTIFACTS, 'report-ko-page1')]);
  });

  it('reports the Overview through the same button: one section, the overview run', async () => {
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 90_000 });
    await page.click('.report-bar [data-testid="report-button"]');
    await page.waitForSelector('[data-testid="page-report"]');
    // The overview run was stored by the Overview page just now: the builder names it once its run list has it.
    // Issue #14: by the analysis' name, never its id ("overview #12").
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="report-section"] strong')].some((e) => /^1\. Overview #\d+$/.test(e.textContent ?? '')));
    expect(await page.$$eval('[data-testid="report-section"] strong', (els) => els.map((e) => e.textContent))).toEqual([expect.stringMatching(/^1\. Overview #\d+$/)]);
  });

  it('shows the builder in Korean when the app is in Korean', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.click('[data-testid="nav-segments"]');
    await page.waitForSelector('[data-testid="segment-view"][data-ready="true"]', { timeout: 60_000 });
    const shown = Number(await page.getAttribute('[data-testid="segment-view"]', 'data-run-id'));
    expect(await page.textContent('[data-testid="segment-view"] [data-testid="report-button"]')).toBe('보고서');
    await page.click('[data-testid="segment-view"] [data-testid="report-button"]');
    await page.waitForSelector('[data-testid="page-report"]');
    expect(await page.textContent('[data-testid="report-builder"] .card-title')).toBe('보고서');
    expect(await page.textContent('[data-testid="report-pdf"]')).toBe('PDF 다운로드');
    expect(await sectionRuns()).toEqual([shown]);
    // The builder's sections live in the address: a reload rebuilds the same report.
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/report?runs=${shown}`);
    await fullShot(page, 'report-builder-ko.png');
  });
});
