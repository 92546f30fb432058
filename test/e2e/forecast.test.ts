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

describe.skipIf(!chromiumAvailable())('the Forecast page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-forecast-', 'forecast.sqlite'));
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('enables Forecast in the navigation (no longer "soon")', async () => {
    expect(await page.isEnabled('[data-testid="nav-forecast"]')).toBe(true);
    await page.click('[data-testid="nav-forecast"]');
    await page.waitForSelector('[data-testid="forecast-no-runs"]');
    expect(await page.textContent('[data-testid="forecast-params"]')).toContain('snaive is the baseline every model is scored against');
  });

  it('runs a forecast from the form; the chart paints; the backtest table marks the chosen model', async () => {
    await page.fill('[data-testid="forecast-folds"]', '2');
    await page.click('[data-testid="forecast-run"]');
    await page.waitForSelector('[data-testid="forecast-form"][data-job-status="done"]', { timeout: 240_000 });
    await page.waitForSelector('[data-testid="forecast-view"][data-loading="false"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="forecast-backtest"]');
    const cli = runCli(['runs', '--project', project, '--json']);
    const run = (JSON.parse(cli.stdout) as { id: number; analysis: string; summary: { series: { chosen: string; mase: Record<string, number> }[] } }[]).find((r) => r.analysis === 'forecast')!;
    const rows = await page.$$eval('[data-testid="forecast-backtest"] tbody tr', (trs) => trs.map((tr) => ({ model: tr.getAttribute('data-model'), chosen: tr.getAttribute('data-chosen'), mase: Number(tr.getAttribute('data-mase')) })));
    expect(rows.map((r) => r.model)).toEqual(['snaive', 'ets', 'sarima', 'prophet', 'ensemble']);
    expect(rows.filter((r) => r.chosen === 'true').map((r) => r.model)).toEqual([run.summary.series[0].chosen]);
    for (const r of rows) expect(r.mase).toBeCloseTo(run.summary.series[0].mase[r.model!], 9);
    await expectPainted(page, 'forecast-chart');
    await expectPainted(page, 'forecast-components');
    expect(await page.isVisible('[data-testid="chart-forecast-chart"] [data-testid="save-svg"]')).toBe(true);
    await fullShot(page, 'forecast.png');
  });

  it('an edited holiday list is saved in the project and refits Prophet', async () => {
    await page.waitForSelector('[data-testid="forecast-holidays"][data-edited="false"]');
    const count = Number(await page.getAttribute('[data-testid="forecast-holidays"]', 'data-count'));
    await page.click('[data-testid="holiday-remove-0"]');
    await page.click('[data-testid="holiday-save"]');
    await page.waitForSelector('[data-testid="holiday-refit"]', { timeout: 30_000 });
    await page.waitForSelector(`[data-testid="forecast-holidays"][data-edited="true"][data-count="${count - 1}"]`);
    await page.click('[data-testid="holiday-reset"]');
    await page.waitForSelector(`[data-testid="forecast-holidays"][data-edited="false"][data-count="${count}"]`, { timeout: 30_000 });
  });

  it('speaks Korean, without console errors', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="forecast-form"]')).toContain('매출 예측');
    expect(await page.textContent('[data-testid="forecast-backtest-card"]')).toContain('백테스트');
    await fullShot(page, 'forecast-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
