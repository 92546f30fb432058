import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, fullShot, openWorkbench, type Host } from './browser.js';

/**
 * Issue #14 in Chromium: a segment renamed on the Segments page shows its new name in the campaign
 * builder's dropdown and CSV and in Compare; the chosen run survives a reload; the Runs page titles,
 * annotates and deletes a run (with a confirmation) and reads as a page.
 */
describe.skipIf(!chromiumAvailable())('runs and renamed segments in Chromium (issue #14)', () => {
  let dir: string, project: string, host: Host, browser: Browser, page: Page;
  let consoleErrors: string[] = [];
  let seg: number, newer: number;
  const NAME = 'Weekend families';

  const runJson = (args: string[]): number => {
    const r = runCli([...args, '--project', project, '--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { runId: number }).runId;
  };

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-runs-', 'runs.sqlite'));
    seg = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=3']);
    runJson(['run', 'recommend', '--param', 'model=p-topfreq', '--param', 'top=3']);
    newer = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=2']);
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const segmentsShows = (runId: number) => page.waitForSelector(`[data-testid="segment-view"][data-run-id="${runId}"][data-ready="true"]`, { timeout: 30_000 });

  it('keeps the run chosen on the Segments page across a reload', async () => {
    await page.click('[data-testid="nav-segments"]');
    await segmentsShows(newer);
    await page.selectOption('[data-testid="segment-run-picker"]', String(seg));
    await segmentsShows(seg);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await segmentsShows(seg);
    expect(Number(await page.inputValue('[data-testid="segment-run-picker"]'))).toBe(seg);
  });

  it('renames a segment on the Segments page', async () => {
    await page.fill('[data-testid="segment-name-1"]', NAME);
    await page.press('[data-testid="segment-name-1"]', 'Enter');
    await page.waitForSelector('[data-testid="segment-card-1"][data-saving="false"]');
    expect(await page.inputValue('[data-testid="segment-name-1"]')).toBe(NAME);
  });

  it('shows the new name in the campaign dropdown and writes it in the campaign CSV', async () => {
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
    await page.selectOption('[data-testid="campaign-segment-run"]', String(seg));
    const options = await page.$$eval('[data-testid="campaign-segment"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    const mine = options.find(([v]) => v === '1');
    expect(mine?.[1]).toMatch(new RegExp(`^${NAME} \\(`));
    await page.selectOption('[data-testid="campaign-segment"]', '1');
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes('"segment":"1"');
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="campaign-export"]')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(',')[1]).toBe(NAME);
  });

  it('shows the new name in Compare', async () => {
    await page.click('[data-testid="nav-compare"]');
    await page.waitForSelector('[data-testid="compare-run"]');
    await page.selectOption('[data-testid="compare-run"]', String(seg));
    await page.waitForFunction((name) => [...document.querySelectorAll('[data-testid="compare-a"] option')].some((o) => (o.textContent ?? '').startsWith(name)), NAME);
  });

  it('titles, annotates and deletes a run on the Runs page, which reads as a page', async () => {
    await page.click('[data-testid="nav-runs"]');
    await page.waitForSelector('[data-testid="runs-card"][data-runs-ready="true"]');
    await page.click(`[data-testid="runs-table"] [data-row-key="${newer}"]`);
    await page.waitForSelector(`[data-testid="run-details"][data-run-id="${newer}"]`);
    // Parameters as a labelled table, key figures from the summary, raw JSON folded away.
    expect(await page.textContent(`[data-testid="run-params"] tr[data-param="k"] td`)).toBe('2');
    expect(await page.textContent(`[data-testid="run-figures"] tr[data-figure="segments"] td`)).toBe('2');
    expect(await page.isVisible('[data-testid="run-summary"]')).toBe(false);
    await page.fill('[data-testid="run-title-input"]', 'Two-way split');
    await page.click('[data-testid="run-title-save"]');
    await page.waitForSelector('[data-testid="run-title-saved"]');
    await page.fill('[data-testid="run-note-input"]', 'Too coarse for the campaign.');
    await page.click('[data-testid="run-note-save"]');
    await page.waitForSelector('[data-testid="run-note-saved"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="runs-table"]')?.textContent ?? '').includes('Two-way split'));
    // The open run and its title survive a reload.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await page.waitForSelector(`[data-testid="run-details"][data-run-id="${newer}"]`);
    expect(await page.inputValue('[data-testid="run-title-input"]')).toBe('Two-way split');
    expect(await page.inputValue('[data-testid="run-note-input"]')).toBe('Too coarse for the campaign.');
    await fullShot(page, 'runs.png');
    // Delete asks first; Cancel keeps the run.
    await page.click('[data-testid="run-delete"]');
    await page.click('[data-testid="run-delete-no"]');
    expect(await page.isVisible(`[data-testid="runs-table"] [data-row-key="${newer}"]`)).toBe(true);
    await page.click('[data-testid="run-delete"]');
    await page.click('[data-testid="run-delete-yes"]');
    await page.waitForSelector('[data-testid="run-deleted"]');
    await page.waitForFunction((id) => document.querySelector(`[data-testid="runs-table"] [data-row-key="${id}"]`) === null, newer);
    expect(await page.isVisible('[data-testid="run-details"]')).toBe(false);
    expect(runCli(['runs', '--project', project]).stdout).not.toMatch(new RegExp(`^#${newer}\\s`, 'm'));
    // The import run cannot be deleted: the page says so instead of offering the button.
    await page.click('[data-testid="runs-table"] [data-row-key="1"]');
    await page.waitForSelector('[data-testid="run-delete-refused"]');
    expect(await page.isVisible('[data-testid="run-delete"]')).toBe(false);
  });

  it('falls back to the newest run when the remembered one was deleted', async () => {
    // Segments remembered `seg`; delete it elsewhere and reload: the page shows the newest left.
    const third = runJson(['run', 'kmeans', '--param', 'features=category', '--param', 'k=4']);
    expect(runCli(['run-delete', '--project', project, '--run', String(seg)]).code).toBe(0);
    await page.click('[data-testid="nav-segments"]');
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await segmentsShows(third);
    expect(Number(await page.inputValue('[data-testid="segment-run-picker"]'))).toBe(third);
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
