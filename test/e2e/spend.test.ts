import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpendSummary } from '../../core/model/spend.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

/**
 * Issue #13, the spend model in the app: the Value page's spend section (run from the form, the
 * metrics table and the verdict, importance charts saved as PNG/SVG, one customer's expected spend
 * per recommended product) in English and Korean; the campaign builder's expectedSpend and coupon
 * columns; the Segments page's CLV profile columns.
 */
describe.skipIf(!chromiumAvailable())('the spend model in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let recRun = 0;
  let clvRun = 0;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-spend-', 'spend.sqlite'));
    const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=3', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    recRun = (JSON.parse(rec.stdout) as { runId: number }).runId;
    expect(runCli(['run', 'kmeans', '--project', project, '--param', 'k=3', '--json']).code).toBe(0);
    const clv = runCli(['run', 'clv', '--project', project, '--json']);
    expect(clv.code, clv.stderr).toBe(0);
    clvRun = (JSON.parse(clv.stdout) as { runId: number }).runId;
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fits the spend model from the form and shows the metrics table, the verdict and the importance charts', async () => {
    await page.click('[data-testid="nav-value"]');
    await page.waitForSelector('[data-testid="spend-no-runs"]');
    // TabNet is off until ticked, with its expected time beside it.
    expect(await page.isChecked('[data-testid="spend-model-tabnet"]')).toBe(false);
    expect(await page.textContent('[data-testid="spend-tabnet-time"]')).toMatch(/min|slow/);
    await page.fill('[data-testid="spend-validDays"]', '10');
    await page.fill('[data-testid="spend-testDays"]', '5');
    await page.click('[data-testid="spend-run"]');
    await page.waitForSelector('[data-testid="spend-form"][data-job-status="done"]', { timeout: 180_000 });
    await page.waitForSelector('[data-testid="spend-view"]', { timeout: 30_000 });
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string; params: Record<string, unknown>; summary: SpendSummary }[];
    const run = runs.find((r) => r.analysis === 'spend-model')!;
    expect(run.summary.models.map((m) => m.id)).toEqual(expect.arrayContaining(['baseline-pair-mean', 'baseline-product-median', 'gbdt']));
    expect(run.summary.models.map((m) => m.id)).not.toContain('tabnet');
    // One row per model × split, and the seed's figure for context.
    const rows = await page.$$eval('[data-testid="spend-metrics-table"] tbody tr', (trs) => trs.map((tr) => `${tr.getAttribute('data-model')}/${tr.getAttribute('data-split')}`));
    expect(rows.filter((r) => r.endsWith('/test')).length).toBe(run.summary.models.length);
    expect(rows.length).toBe(run.summary.models.length * 3 + 1);
    const gbdtTest = Number(await page.textContent('[data-testid="spend-metrics-table"] tr[data-model="gbdt"][data-split="test"] [data-metric="rmsle"]'));
    expect(gbdtTest).toBeCloseTo(run.summary.models.find((m) => m.id === 'gbdt')!.metrics.test.rmsle, 3);
    expect(await page.textContent('[data-testid="spend-metrics-table"] tr[data-model="seed"]')).toContain('0.672');
    expect(await page.getAttribute('[data-testid="spend-view"]', 'data-winner')).toBe(run.summary.verdict.winner);
    expect(await page.textContent('[data-testid="spend-winner"]')).toContain('winner');
    const verdict = (await page.textContent('[data-testid="spend-verdict"]')) ?? '';
    expect(verdict).toMatch(run.summary.verdict.tie ? /tie/ : /predicts best/);
    expect(verdict).toMatch(/95 % interval/);
    const chart = 'chart-spend-importance-gbdt';
    await page.waitForSelector(`[data-testid="${chart}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
    await page.$eval(`[data-testid="${chart}"]`, (e) => e.scrollIntoView());
    expect(await paintedPixels(page, chart)).toBeGreaterThan(200);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${chart}"] [data-testid="save-png"]`)]);
    const pngFile = path.join(ARTIFACTS, png.suggestedFilename());
    await png.saveAs(pngFile);
    expect(fs.readFileSync(pngFile).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${chart}"] [data-testid="save-svg"]`)]);
    const svgFile = path.join(ARTIFACTS, svg.suggestedFilename());
    await svg.saveAs(svgFile);
    expect(fs.readFileSync(svgFile, 'utf8')).toMatch(/<svg[\s>]/);
  });

  it('shows one customer\'s expected spend per recommended product, with the features behind it', async () => {
    const csv = runCli(['export', '--project', project, '--run', String(recRun), '--what', 'campaign', '--out', path.join(dir, 'c.csv')]);
    expect(csv.code, csv.stderr).toBe(0);
    const customer = fs.readFileSync(path.join(dir, 'c.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[1].split(',')[0];
    await page.selectOption('[data-testid="spend-rec-run"]', String(recRun));
    await page.fill('[data-testid="spend-lookup"]', customer);
    await page.waitForSelector(`[data-testid="spend-customer-table"][data-customer="${customer}"]`, { timeout: 30_000 });
    const expected = await page.$$eval('[data-testid="spend-customer-table"] tbody tr', (trs) => trs.map((tr) => Number(tr.getAttribute('data-expected'))));
    expect(expected.length).toBe(3);
    for (const x of expected) expect(x).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="spend-customer-table"] tbody tr td:last-child')).toMatch(/=/);
    await fullShot(page, 'value-spend-en.png');
  });

  it('speaks Korean in the spend section', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="spend-form"]')).toContain('구매액 모델');
    const verdict = (await page.textContent('[data-testid="spend-verdict"]')) ?? '';
    expect(verdict).toMatch(/테스트 기간/);
    expect(verdict).toMatch(/95 % 구간/);
    expect(await page.textContent('[data-testid="spend-metrics-table"] thead')).toContain('기간');
    // Parameter labels come from the declaration (issue #14), not the raw id; no internal words.
    expect(await page.textContent('[data-testid="param-label-trainDays"]')).toBe('학습 기간(일)');
    expect(await page.textContent('[data-testid="spend-form"]')).not.toMatch(/seed/i);
    await fullShot(page, 'value-spend-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('adds expectedSpend and a coupon to the campaign builder\'s list (Recommend page)', async () => {
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
    const spendRun = await page.$eval('[data-testid="campaign-spend-run"] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('[data-testid="campaign-rec-run"]', String(recRun));
    await page.selectOption('[data-testid="campaign-spend-run"]', spendRun);
    const settled = (part: string) => page.waitForFunction((p) => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes(p);
    }, part, { timeout: 60_000 });
    await settled('"spendRun"');
    expect((await page.$$eval('[data-testid="campaign-preview"] thead th', (ths) => ths.map((th) => th.textContent ?? ''))).at(-1)).toBe('expectedSpend');
    await page.fill('[data-testid="campaign-coupon-rate"]', '0.1');
    await settled('"couponRate":"0.1"');
    const head = await page.$$eval('[data-testid="campaign-preview"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(head.slice(-2)).toEqual(['expectedSpend', 'coupon']);
    const cells = await page.$$eval('[data-testid="campaign-preview"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(-2).map((td) => Number(td.textContent))));
    expect(cells.length).toBeGreaterThan(0);
    for (const [spend, coupon] of cells) expect(coupon).toBe(Math.round((spend * 0.1) / 100) * 100);
  });

  it('shows mean CLV, P(alive) and expected purchases per segment in the profile table (Segments page)', async () => {
    await page.click('[data-testid="nav-segments"]');
    await page.waitForSelector(`[data-testid="profile-table"][data-clv-run="${clvRun}"]`, { timeout: 30_000 });
    const purchases = await page.$$eval('[data-testid="profile-table"] tbody td[data-clv="purchases"]', (tds) => tds.map((td) => Number(td.textContent)));
    expect(purchases.length).toBeGreaterThanOrEqual(3);
    for (const x of purchases) expect(x).toBeGreaterThan(0);
    await page.selectOption('[data-testid="profile-clv-run"]', 'none');
    await page.waitForSelector('[data-testid="profile-table"][data-clv-run=""]');
    expect(await page.$$('[data-testid="profile-table"] td[data-clv]')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
