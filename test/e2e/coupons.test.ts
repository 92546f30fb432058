import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/project.js';
import { COUPON_MAP, SALES_MAP, writeKaggleShaped } from '../integration/coupons/kaggle-shaped.js';
import { chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

async function expectPainted(page: Page, panel: string): Promise<void> {
  const testId = `chart-${panel}`;
  await page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
  await page.$eval(`[data-testid="${testId}"]`, (e) => e.scrollIntoView());
  expect(await paintedPixels(page, testId), testId).toBeGreaterThan(200);
}

const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);

describe.skipIf(!chromiumAvailable())('the Coupons page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let segmentRun = 0;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = tempDir('swb-e2e-coupons-');
    project = path.join(dir, 'coupons.sqlite');
    const data = writeKaggleShaped(dir);
    expect(runCli(['import', '--project', project, data.sales, ...maps([...SALES_MAP, 'coupon=Coupon_Status'])]).code).toBe(0);
    expect(runCli(['import', '--project', project, data.coupons, '--role', 'coupons', ...maps(COUPON_MAP)]).code).toBe(0);
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

  it('runs from the form and shows the verdict, the clusters with one sensitive, and both charts', async () => {
    await page.click('[data-testid="nav-coupons"]');
    await page.waitForSelector('[data-testid="coupons-no-runs"]');
    expect(await page.textContent('[data-testid="coupons-params"]')).toContain('Offered lines a customer needs at every discount level');
    await page.selectOption('[data-testid="coupons-segmentRun"]', String(segmentRun));
    await page.click('[data-testid="coupons-run"]');
    await page.waitForSelector('[data-testid="coupons-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="coupons-view"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="coupons-view"]', 'data-rises')).toBe('true');
    expect(await page.textContent('[data-testid="coupons-verdict"]')).toContain('Coupon use rises with the discount');
    const clusters = await page.$$eval('[data-testid="coupons-clusters"] tbody tr', (trs) => trs.map((tr) => ({ size: Number(tr.getAttribute('data-size')), sensitive: tr.getAttribute('data-sensitive') })));
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { analysis: string; summary: { clusters: { size: number; sensitive: boolean }[] } }[];
    const stored = runs.find((r) => r.analysis === 'coupon-sensitivity')!.summary.clusters;
    expect(clusters).toEqual(stored.map((c) => ({ size: c.size, sensitive: String(c.sensitive) })));
    expect(clusters.map((c) => c.sensitive)).toEqual(['false', 'true']);
    const shares = await page.$$eval('[data-testid="coupons-segments"] tbody tr', (trs) => trs.length);
    expect(shares).toBe(3);
    await expectPainted(page, 'coupons-levels');
    await expectPainted(page, 'coupons-slopes');
    await expectPainted(page, 'coupons-shares');
    await fullShot(page, 'coupons.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-coupons"]')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toMatch(/coupons\.csv$/);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('customer,segment,cluster,sensitive,rate_10,rate_20,rate_30,offers_10,offers_20,offers_30');
    expect(lines).toHaveLength(61);
    // The run's segmentation names every customer's segment.
    expect(lines.slice(1).every((l) => l.split(',')[1] !== '')).toBe(true);
  });

  it('speaks Korean, without console errors', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="coupons-form"]')).toContain('쿠폰 민감도');
    expect(await page.textContent('[data-testid="coupons-verdict"]')).toContain('할인율이 높을수록 쿠폰 사용이 늘어납니다');
    await fullShot(page, 'coupons-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
