import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, type Workbench } from './browser.js';

/**
 * Issue #14: the Overview's one filter bar reaches every panel, the L.point ones included. On the
 * tiny demo, a period and a region set in the page must turn the headline KPIs and the L.pay card
 * into the filtered figures, each compared with a direct SQL count on the project file — in
 * English, then with another period in Korean.
 */
describe.skipIf(!chromiumAvailable())('the Overview’s filters reach the KPIs and the L.point panels', () => {
  const dir = tempDir('swb-e2e-ov-filters-');
  const project = path.join(dir, 'tiny.sqlite');
  let wb: Workbench;
  let region: string;
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

  /** The figures the filtered panels must show, counted directly (JOINs, not the panels' queries). */
  function expected(from: string, to: string): { customers: number; receipts: number; payers: number } {
    const db = new Database(project, { readonly: true });
    try {
      const r = db.prepare('SELECT count(DISTINCT r.customer_id) AS customers, count(*) AS receipts FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.region = ? AND r.day BETWEEN ? AND ?').get(region, day(from), day(to)) as { customers: number; receipts: number };
      const p = db.prepare('SELECT count(DISTINCT y.customer_id) AS n FROM payments y JOIN customers c ON c.id = y.customer_id WHERE c.region = ? AND y.day BETWEEN ? AND ?').get(region, day(from), day(to)) as { n: number };
      return { ...r, payers: p.n };
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--seed', '5']);
    expect(r.code, r.stderr).toBe(0);
    const db = new Database(project, { readonly: true });
    region = (db.prepare('SELECT c.region FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.region IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1').raw().get() as [string])[0];
    db.close();
    wb = await openWorkbench(project);
  }, 120_000);
  afterAll(async () => {
    await wb?.browser.close();
    await wb?.host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const kpis = '[data-testid="panel-kpis"]';

  async function setFilters(from: string, to: string, withRegion: boolean): Promise<void> {
    const { page } = wb;
    await page.fill('[data-testid="explore-filter-from"]', from);
    await page.fill('[data-testid="explore-filter-to"]', to);
    if (withRegion) await page.selectOption('[data-testid="explore-filter-region"]', region);
  }

  async function checkFiltered(from: string, to: string): Promise<void> {
    const { page } = wb;
    const want = expected(from, to);
    expect(want.customers).toBeGreaterThan(0);
    await page.waitForSelector(`[data-testid="page-overview"][data-filtered="all"] ${kpis}[data-customers="${want.customers}"][data-receipts="${want.receipts}"]`, { timeout: 120_000 });
    const customersKpi = await page.textContent(`${kpis} [data-kpi="customers"] .kpi-value`);
    expect(customersKpi?.trim()).toBe(want.customers.toLocaleString('en-US'));
    expect(await page.textContent('[data-testid="lpay-stats"]')).toContain(want.payers.toLocaleString('en-US'));
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 60_000 });
  }

  it('period + region: the KPIs and the L.pay card show the filtered counts (English)', async () => {
    const { page, consoleErrors } = wb;
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-testid="overview-filters"] [data-testid="explore-filter-region"]', { timeout: 120_000 });
    const all = Number(await page.getAttribute(kpis, 'data-customers'));
    await setFilters('2021-02-01', '2021-05-31', true);
    await checkFiltered('2021-02-01', '2021-05-31');
    expect(Number(await page.getAttribute(kpis, 'data-customers'))).toBeLessThan(all);
    expect(await page.textContent('[data-testid="overview-filter-status"]')).toContain('Every panel shows the filtered data.');
    await page.selectOption('[data-testid="explore-filter-retailer"]', { index: 1 });
    expect(await page.textContent('[data-testid="filter-note-retailer"]')).toContain('Not filtered by retailer');
    await page.selectOption('[data-testid="explore-filter-retailer"]', '');
    await checkFiltered('2021-02-01', '2021-05-31');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-filters-en.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('speaks Korean, and another period reaches the same panels', async () => {
    const { page, consoleErrors } = wb;
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForSelector('html[lang="ko"]');
    await setFilters('2021-06-01', '2021-09-30', false);
    await checkFiltered('2021-06-01', '2021-09-30');
    expect(await page.textContent('[data-testid="overview-filter-status"]')).toContain('모든 패널이 필터가 적용된 데이터를 보여 줍니다.');
    expect(await page.textContent('[data-testid="overview-filters"]')).toContain('이 필터는 페이지의 모든 패널');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview-filters-ko.png') });
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
