import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

async function expectPainted(page: Page, panel: string): Promise<void> {
  const testId = `chart-${panel}`;
  await page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
  await page.$eval(`[data-testid="${testId}"]`, (e) => e.scrollIntoView());
  expect(await paintedPixels(page, testId), testId).toBeGreaterThan(200);
}

/** Waits for the rules view to show a settled answer and returns its data-total. */
async function settledTotal(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="rules-view"][data-loading="false"]', { timeout: 30_000 });
  return Number(await page.getAttribute('[data-testid="rules-view"]', 'data-total'));
}

describe.skipIf(!chromiumAvailable())('the Rules page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let segmentRun = 0;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-rules-', 'rules.sqlite'));
    const seg = runCli(['run', 'lrfmv-kmedoids', '--project', project, '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    segmentRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('enables Rules in the navigation (no longer "soon")', async () => {
    expect(await page.isEnabled('[data-testid="nav-rules"]')).toBe(true);
    await page.click('[data-testid="nav-rules"]');
    await page.waitForSelector('[data-testid="rules-no-runs"]');
    expect(await page.textContent('[data-testid="rules-params"]')).toContain('Smallest share of baskets an itemset must appear in');
  });

  it('mines rules from the form; the table sorts and filters over every rule; scatter and graph paint', async () => {
    await page.fill('[data-testid="rules-minSupport"]', '0.005');
    await page.click('[data-testid="rules-run"]');
    await page.waitForSelector('[data-testid="rules-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="rules-view"]', { timeout: 30_000 });
    const total = await settledTotal(page);
    const cli = runCli(['runs', '--project', project, '--json']);
    const run = (JSON.parse(cli.stdout) as { id: number; analysis: string; summary: { rules: number } }[]).find((r) => r.analysis === 'rules')!;
    expect(total).toBe(run.summary.rules);
    expect(total).toBeGreaterThan(50);
    expect(Number(await page.getAttribute('[data-testid="rules-table"]', 'data-row-count'))).toBe(total);

    // Default order: lift, descending.
    const lifts = async () => page.$$eval('[data-testid="rules-table"] .vt-window [role="row"]', (rows) => rows.map((r) => Number((r.children[6]?.textContent ?? '').replace(/,/g, ''))));
    const desc = await lifts();
    expect(desc.length).toBeGreaterThan(5);
    for (let i = 1; i < desc.length; i++) expect(desc[i]).toBeLessThanOrEqual(desc[i - 1]);
    await page.click('[data-testid="sort-lift"]');
    await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
    await settledTotal(page);
    const asc = await lifts();
    for (let i = 1; i < asc.length; i++) expect(asc[i]).toBeGreaterThanOrEqual(asc[i - 1]);

    await page.fill('[data-testid="rules-view-minLift"]', '1.5');
    await page.waitForFunction((all) => Number(document.querySelector('[data-testid="rules-view"]')?.getAttribute('data-total')) < all, total);
    expect(await settledTotal(page)).toBeGreaterThan(0);
    await page.fill('[data-testid="rules-view-minLift"]', '');
    await page.waitForFunction((all) => Number(document.querySelector('[data-testid="rules-view"]')?.getAttribute('data-total')) === all, total);

    await expectPainted(page, 'rules-scatter');
    await expectPainted(page, 'rules-graph');
    expect(await page.isVisible('[data-testid="chart-rules-scatter"] [data-testid="save-svg"]')).toBe(true);
    await fullShot(page, 'rules.png');
  });

  it('segment=each shows the comparison, and unique-only keeps that many rules', async () => {
    await page.selectOption('[data-testid="rules-segmentRun"]', String(segmentRun));
    await page.selectOption('[data-testid="rules-segment"]', 'each');
    await page.fill('[data-testid="rules-minSupport"]', '0.02');
    const before = Number(await page.getAttribute('[data-testid="page-rules"]', 'data-selected-run'));
    await page.click('[data-testid="rules-run"]');
    await page.waitForFunction((prev) => Number(document.querySelector('[data-testid="page-rules"]')?.getAttribute('data-selected-run')) > prev, before, { timeout: 90_000 });
    await page.waitForSelector('[data-testid="rules-compare"]');
    const parts = await page.$$eval('[data-testid="rules-compare"] tbody tr', (trs) => trs.map((tr) => ({ key: tr.getAttribute('data-part'), unique: Number(tr.querySelector('[data-unique]')?.getAttribute('data-unique')) })));
    expect(parts).toHaveLength(4);
    const target = parts.find((p) => p.unique > 0)!;
    // Show another segment first, then the one with unique rules: the view follows the part chosen.
    const other = parts.find((p) => p.key !== target.key)!;
    await page.click(`[data-testid="rules-part-${other.key}"]`);
    await page.waitForSelector(`[data-testid="rules-view"][data-part="${other.key}"]`);
    await page.click(`[data-testid="rules-part-${target.key}"]`);
    await page.waitForSelector(`[data-testid="rules-view"][data-part="${target.key}"]`);
    await page.check('[data-testid="rules-unique-only"]');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="rules-view"]')?.getAttribute('data-total')) === n, target.unique);
    await fullShot(page, 'rules-compare.png');
  });

  it('speaks Korean, without console errors', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="rules-form"]')).toContain('연관 규칙');
    await fullShot(page, 'rules-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
