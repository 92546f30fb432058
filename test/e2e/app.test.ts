import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/project.js';
import { chromiumAvailable, launchChromium, paintedPixels, startHost, type Host } from './browser.js';

const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

/** Records, inside the page, the largest progress the import's progress bar ever showed. */
const WATCH_PROGRESS = `
  window.__progress = { max: 0, total: 0 };
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[data-testid="job-progress"]')) {
      const done = Number(el.getAttribute('data-done') || 0), total = Number(el.getAttribute('data-total') || 0);
      if (done > window.__progress.max) window.__progress = { max: done, total };
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done'] });
`;

describe.skipIf(!chromiumAvailable())('the workbench in Chromium, served by the browser host', () => {
  let dir: string;
  let csvDir: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    dir = tempDir('swb-e2e-');
    csvDir = path.join(dir, 'csv');
    const gen = runCli(['demo', '--project', path.join(dir, 'gen.sqlite'), '--size', 'tiny', '--out', csvDir, '--json']);
    expect(gen.code, gen.stderr).toBe(0);
    host = await startHost(path.join(dir, 'start.sqlite'));
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1440, height: 960 } });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return;
      if (u.hostname !== '127.0.0.1') outside.push(r.url());
    });
    await page.addInitScript(WATCH_PROGRESS);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('refuses any request without the secret, static files included', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    for (const p of ['/', '/index.html', '/assets/index.js', '/api/events']) expect((await fetch(base + p)).status).toBe(401);
    expect((await fetch(`${base}/api/call/listJobs`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(403);
  });

  it('opens, creates a project, and imports the tiny demo through the wizard with progress', async () => {
    await page.goto(host.url);
    await page.waitForSelector('html[data-ready="true"]');
    const project = path.join(dir, 'e2e.sqlite');
    await page.fill('[data-testid="project-path-input"]', project);
    await page.click('[data-testid="project-create"]');
    await page.waitForFunction((name) => document.querySelector('[data-testid="header-project"]')?.textContent?.includes(name), 'e2e');
    expect(fs.existsSync(project)).toBe(true);

    const files = fs.readdirSync(csvDir).filter((f) => f.endsWith('.csv')).map((f) => path.join(csvDir, f));
    await page.setInputFiles('[data-testid="import-file-input"]', files);
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="ready"]');
    const previews = await page.$$eval('[data-testid="file-preview"]', (els) => els.map((e) => [e.getAttribute('data-ok'), e.getAttribute('data-format'), e.getAttribute('data-table')]));
    expect(previews).toHaveLength(6);
    expect(previews.every(([ok, format]) => ok === 'true' && format === 'lpoint')).toBe(true);
    expect(previews.map((p) => p[2]).sort()).toEqual(['BR', 'COP_U', 'DEMO', 'LPAY', 'PDDE', 'PD_CLAC']);

    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="import-wizard"][data-import-state="done"]', { timeout: 60_000 });
    const summary = await page.$eval('[data-testid="import-summary"]', (e) => ({ read: Number(e.getAttribute('data-rows-read')), imported: Number(e.getAttribute('data-rows-imported')), rejected: Number(e.getAttribute('data-rows-rejected')) }));
    expect(summary.rejected).toBe(0);
    expect(summary.imported).toBe(summary.read);
    expect(summary.read).toBeGreaterThan(25_000);
    const progress = await page.evaluate(() => (window as unknown as { __progress: { max: number; total: number } }).__progress);
    expect(progress.max).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="import-report"]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import.png'), fullPage: true });
  });

  it('paints every available Overview chart', async () => {
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 60_000 });
    const cards = await page.$$eval('[data-testid^="chart-"][data-available="true"]', (els) => els.map((e) => e.getAttribute('data-testid') as string));
    expect(cards.length).toBeGreaterThanOrEqual(10);
    for (const id of cards) {
      await page.waitForSelector(`[data-testid="${id}"][data-rendered="true"]`);
      await page.$eval(`[data-testid="${id}"]`, (e) => e.scrollIntoView());
      expect(await paintedPixels(page, id), id).toBeGreaterThan(200);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-en.png'), fullPage: true });
  });

  it('switches to Korean, which renders', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const nav = await page.textContent('[data-testid="nav-overview"]');
    expect(nav).toMatch(/[가-힣]/);
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]');
    // Korean glyphs must come from a CJK font, not the missing-glyph box: compare the width of a
    // Hangul string with the width of as many boxes (U+25A1).
    const widths = await page.evaluate(() => {
      const c = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      c.font = `16px ${getComputedStyle(document.body).fontFamily}`;
      return { hangul: c.measureText('개요 매출 고객').width, tofu: c.measureText('□□ □□ □□').width };
    });
    expect(widths.hangul).not.toBe(widths.tofu);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-ko.png'), fullPage: true });
  });

  it('saves a chart as PNG and as SVG', async () => {
    const card = (await page.$$eval('[data-testid^="chart-"][data-available="true"]', (els) => els.map((e) => e.getAttribute('data-testid') as string)))[0];
    const [png] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${card}"] [data-testid="save-png"]`)]);
    const pngFile = path.join(ARTIFACTS, png.suggestedFilename());
    await png.saveAs(pngFile);
    expect(pngFile.endsWith('.png')).toBe(true);
    expect(fs.readFileSync(pngFile).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${card}"] [data-testid="save-svg"]`)]);
    const svgFile = path.join(ARTIFACTS, svg.suggestedFilename());
    await svg.saveAs(svgFile);
    const text = fs.readFileSync(svgFile, 'utf8');
    expect(text).toMatch(/<svg[\s>]/);
    expect(text).toMatch(/[가-힣]/);
  });

  it('shows the run history', async () => {
    await page.click('[data-testid="nav-runs"]');
    await page.waitForSelector('[data-testid="runs-table"]');
    // Runs show by their name in the UI language, the id in the tooltip (issue #14).
    expect(await page.getAttribute('[data-testid="runs-table"] [data-analysis="import"]', 'title')).toBe('import');
    expect(await page.getAttribute('[data-testid="runs-table"] [data-analysis="overview"]', 'title')).toBe('overview');
  });

  it('logged no console error and requested nothing outside 127.0.0.1', () => {
    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
