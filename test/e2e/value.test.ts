import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClvSummary } from '../../core/model/value.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

async function expectPainted(page: Page, panel: string): Promise<void> {
  const testId = `chart-${panel}`;
  await page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
  await page.$eval(`[data-testid="${testId}"]`, (e) => e.scrollIntoView());
  expect(await paintedPixels(page, testId), testId).toBeGreaterThan(200);
}

describe.skipIf(!chromiumAvailable())('the Value page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let segmentRun = 0;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-value-', 'value.sqlite'));
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    segmentRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fits from the form and shows the run\'s parameters, the holdout check and its table', async () => {
    await page.click('[data-testid="nav-value"]');
    await page.waitForSelector('[data-testid="value-no-runs"]');
    expect(await page.textContent('[data-testid="value-params"]')).toContain('Discount rate per month');
    await page.fill('[data-testid="value-horizonDays"]', '180');
    await page.click('[data-testid="value-run"]');
    await page.waitForSelector('[data-testid="value-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="value-view"][data-loading="false"]', { timeout: 30_000 });
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string; summary: ClvSummary }[];
    const run = runs.find((r) => r.analysis === 'clv')!;
    expect(run.summary.horizonDays).toBe(180);
    expect(Number(await page.getAttribute('[data-testid="value-bgnbd"]', 'data-r'))).toBeCloseTo(run.summary.bgnbd.r, 12);
    expect(Number(await page.getAttribute('[data-testid="value-gg"]', 'data-q'))).toBeCloseTo(run.summary.gammaGamma.q, 12);
    const freqs = await page.$$eval('[data-testid="value-check-table"] tbody tr[data-frequency]', (trs) => trs.map((tr) => tr.getAttribute('data-frequency')));
    expect(freqs).toEqual(run.summary.check!.rows.map((r) => r.frequency));
    await expectPainted(page, 'value-check');
    await expectPainted(page, 'value-clv');
    await expectPainted(page, 'value-alive');
    expect(await page.isVisible('[data-testid="chart-value-check"] [data-testid="save-svg"]')).toBe(true);
  });

  it('splits CLV and P(alive) by the segments of a segmentation run, and looks one customer up', async () => {
    await page.selectOption('[data-testid="value-segmentRun"]', String(segmentRun));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="value-view"]')?.getAttribute('data-groups')) > 1, undefined, { timeout: 30_000 });
    const groups = await page.$$eval('[data-testid="value-groups"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-segment')));
    expect(groups[0]).toBe('all');
    expect(groups.length).toBe(4);
    const top = await page.getAttribute('[data-testid="value-top"] tbody tr', 'data-customer');
    await page.fill('[data-testid="value-lookup"]', top!);
    await page.waitForSelector(`[data-testid="value-lookup-row"] tr[data-customer="${top}"]`, { timeout: 30_000 });
    await page.fill('[data-testid="value-lookup"]', 'NO-SUCH-CUSTOMER');
    await page.waitForSelector('[data-testid="value-lookup-none"]', { timeout: 30_000 });
    await page.fill('[data-testid="value-lookup"]', top!);
    await page.waitForSelector('[data-testid="value-lookup-row"]');
    await fullShot(page, 'value.png');
  });

  it('filters the campaign builder\'s list by CLV and P(alive) (Recommend page)', async () => {
    await page.click('[data-testid="nav-recommend"]');
    await page.selectOption('[data-testid="campaign-model"]', 'p-topfreq');
    await page.fill('[data-testid="campaign-top"]', '3');
    await page.click('[data-testid="campaign-run"]');
    await page.waitForSelector('[data-testid="campaign"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
    const all = Number(await page.getAttribute('[data-testid="campaign-preview"]', 'data-rows'));
    expect(all).toBeGreaterThan(0);
    const clvRun = await page.$eval('[data-testid="campaign-clv-run"] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('[data-testid="campaign-clv-run"]', clvRun);
    const settled = (part: string) => page.waitForFunction((p) => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes(p);
    }, part, { timeout: 30_000 });
    await settled('"clvRun"');
    const head = await page.$$eval('[data-testid="campaign-preview"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(head.slice(-2)).toEqual(['p_alive', 'expected_value']);
    // Nobody has P(alive) below 0: the list empties; the filter is on the host, the same as the export.
    await page.fill('[data-testid="campaign-max-palive"]', '0');
    await settled('"maxPAlive":"0"');
    expect(Number(await page.getAttribute('[data-testid="campaign-preview"]', 'data-rows'))).toBe(0);
    await page.fill('[data-testid="campaign-max-palive"]', '1.01');
    await settled('"maxPAlive":"1.01"');
    expect(Number(await page.getAttribute('[data-testid="campaign-preview"]', 'data-rows'))).toBe(all);
    await page.click('[data-testid="nav-value"]');
    await page.waitForSelector('[data-testid="value-view"]');
  });

  it('compares two segments on CLV, P(alive) and expected purchases (Compare page)', async () => {
    await page.click('[data-testid="nav-compare"]');
    await page.waitForSelector('[data-testid="compare-clv-run"]', { timeout: 30_000 });
    const clvRun = await page.$eval('[data-testid="compare-clv-run"] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('[data-testid="compare-clv-run"]', clvRun);
    await page.waitForSelector('[data-testid="compare-clv"] tr[data-measure="expected_purchases"]', { timeout: 30_000 });
    const measures = await page.$$eval('[data-testid="compare-clv"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-measure')));
    expect(measures).toEqual(['clv', 'p_alive', 'expected_purchases']);
    const alive = Number(await page.getAttribute('[data-testid="compare-clv"] tr[data-measure="p_alive"]', 'data-mean-a'));
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThanOrEqual(1);
    await page.click('[data-testid="nav-value"]');
    await page.waitForSelector('[data-testid="value-view"]');
  });

  it('speaks Korean, without console errors', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="value-form"]')).toContain('고객 생애 가치');
    await fullShot(page, 'value-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
