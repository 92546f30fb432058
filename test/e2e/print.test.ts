import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, type Host } from './browser.js';

const popplerAvailable = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/**
 * Issue #14, print stylesheet: printing a page gives its content — no sidebar, no jobs panel,
 * every panel over as many sheets as it takes. Before, the window's fixed-height layout printed
 * one sheet of whatever was on screen, with the navigation beside it.
 */
describe.skipIf(!chromiumAvailable() || !popplerAvailable)('printing a page (Chromium, A4)', () => {
  let dir: string, host: Host, browser: Browser, page: Page;

  beforeAll(async () => {
    let project: string;
    ({ dir, project } = makeTinyDemo('swb-e2e-print-', 'print.sqlite'));
    ({ host, browser, page } = await openWorkbench(project));
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 90_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="chart-"][data-available="true"]')].every((e) => e.getAttribute('data-rendered') === 'true'), undefined, { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hides the navigation and the jobs panel in print media, and keeps the page content', async () => {
    await page.emulateMedia({ media: 'print' });
    const shown = (sel: string) => page.$eval(sel, (e) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetHeight > 0);
    expect(await shown('.sidebar')).toBe(false);
    expect(await page.$$eval('.jobs-panel', (els) => els.every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    expect(await shown('[data-testid="page-overview"]')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.sidebar')).toBe(true);
  });

  it('prints every panel of the Overview over several A4 sheets, the last panel included', async () => {
    const titles = await page.$$eval('[data-testid="page-overview"] .card-title', (els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
    expect(titles.length).toBeGreaterThan(3);
    const pdf = path.join(ARTIFACTS, 'overview-print.pdf');
    // page.pdf() prints with the emulated media when one is set: print, as a user's Ctrl-P does.
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const last = titles[titles.length - 1].replace(/\s+/g, ' ');
    expect(text).toContain(titles[0].replace(/\s+/g, ' '));
    expect(text).toContain(last);
    // The navigation is not printed.
    expect(text).not.toContain('data stays on this machine');
  });
});
