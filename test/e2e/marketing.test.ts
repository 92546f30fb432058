import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/project.js';
import { SALES_MAP, SPEND_MAP, writeMarketingShaped } from '../integration/marketing/kaggle-shaped.js';
import { chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

async function expectPainted(page: Page, panel: string): Promise<void> {
  const testId = `chart-${panel}`;
  await page.waitForSelector(`[data-testid="${testId}"][data-rendered="true"][data-available="true"]`, { timeout: 30_000 });
  await page.$eval(`[data-testid="${testId}"]`, (e) => e.scrollIntoView());
  expect(await paintedPixels(page, testId), testId).toBeGreaterThan(200);
}

describe.skipIf(!chromiumAvailable())('the Marketing page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = tempDir('swb-e2e-marketing-');
    project = path.join(dir, 'marketing.sqlite');
    const data = writeMarketingShaped(dir);
    const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);
    const a = runCli(['import', '--project', project, data.sales, ...maps(SALES_MAP)]);
    expect(a.code, a.stderr).toBe(0);
    const b = runCli(['import', '--project', project, data.spend, '--role', 'marketing', ...maps(SPEND_MAP)]);
    expect(b.code, b.stderr).toBe(0);
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('measures from the form: the segment table, the notes with the caveat, and the three charts paint', async () => {
    await page.click('[data-testid="nav-marketing"]');
    await page.waitForSelector('[data-testid="marketing-no-runs"]');
    await page.click('[data-testid="marketing-run"]');
    await page.waitForSelector('[data-testid="marketing-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="marketing-view"]', { timeout: 30_000 });
    const cli = runCli(['runs', '--project', project, '--json']);
    const run = (JSON.parse(cli.stdout) as { id: number; analysis: string; summary: { segments: { name: string; onlineResponse: number; offlineTier: string }[] } }[]).find((r) => r.analysis === 'marketing-response')!;
    const row = await page.$eval('[data-testid="marketing-segments"] tbody tr', (tr) => ({ name: tr.getAttribute('data-segment'), online: Number(tr.getAttribute('data-online')), tier: tr.getAttribute('data-tier') }));
    expect(row).toEqual({ name: 'all', online: run.summary.segments[0].onlineResponse, tier: run.summary.segments[0].offlineTier });
    expect(await page.textContent('[data-testid="marketing-caveat"]')).toContain('assume every customer saw all the marketing');
    expect(await page.$$eval('[data-testid="marketing-coefficients"] tbody tr', (trs) => trs.length)).toBe(17);
    expect(await page.getAttribute('[data-testid="marketing-bounds"]', 'data-bounds')).toMatch(/^[\d.]+,[\d.]+$/);
    await expectPainted(page, 'marketing-histogram');
    await expectPainted(page, 'marketing-tiers');
    await expectPainted(page, 'marketing-lags');
    await fullShot(page, 'marketing.png');
  });

  it('speaks Korean, without console errors', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    // The whole-data group is named in Korean (its stored name, "all", stays in data-segment).
    expect((await page.textContent('[data-testid="marketing-segments"] tbody tr th'))?.trim()).toBe('전체 고객');
    expect(await page.textContent('[data-testid="marketing-form"]')).toContain('마케팅 반응도');
    expect(await page.textContent('[data-testid="marketing-caveat"]')).toContain('모든 고객이 모든 마케팅을 접했다고 가정');
    await fullShot(page, 'marketing-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
