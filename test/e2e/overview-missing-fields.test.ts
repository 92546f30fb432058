import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, fullShot, openWorkbench, type Workbench } from './browser.js';

/**
 * Issue #10: on data without amounts or without products, the Overview says in one sentence why
 * a figure or a panel is missing instead of showing zeros.
 */
describe.skipIf(!chromiumAvailable())('the Overview on data without amounts or products', () => {
  const dir = tempDir('swb-e2e-missing-');
  let wb: Workbench | undefined;
  afterAll(async () => {
    await wb?.browser.close();
    await wb?.host.stop();
  });

  async function overviewOf(file: string): Promise<Workbench> {
    await wb?.browser.close();
    await wb?.host.stop();
    const project = path.join(dir, `${path.basename(file, '.csv')}.sqlite`);
    const r = runCli(['import', '--project', project, path.join(FIXTURES, 'issue10', file)]);
    expect(r.code, r.stderr).toBe(0);
    wb = await openWorkbench(project);
    await wb.page.click('[data-testid="nav-overview"]');
    await wb.page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 60_000 });
    return wb;
  }

  it('an item log (no amounts): no money KPI, one sentence instead; products rank by baskets', async () => {
    const { page, consoleErrors } = await overviewOf('groceries.csv');
    expect(await page.textContent('[data-testid="kpi-money-reason"]')).toMatch(/^Sales are unknown: this project's data has no amounts/);
    expect(await page.$$eval('[data-kpi]', (els) => els.map((e) => e.getAttribute('data-kpi')))).not.toContain('sales');
    expect(await page.textContent('[data-testid="chart-priceSpread"]')).toContain('The price spread needs amounts');
    expect(await page.getAttribute('[data-testid="chart-topCategories"]', 'data-available')).toBe('true');
    expect(await page.textContent('[data-testid="chart-topCategories"]')).toContain('Sales are unknown');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await fullShot(page, 'overview-no-amounts.png');
    expect(consoleErrors).toEqual([]);
  });

  it('purchases without products: money KPIs shown, product panels say why they are empty', async () => {
    const { page, consoleErrors } = await overviewOf('cdnow-like.csv');
    expect(await page.$('[data-testid="kpi-money-reason"]')).toBeNull();
    expect(await page.$$eval('[data-kpi]', (els) => els.map((e) => e.getAttribute('data-kpi')))).toContain('sales');
    expect(await page.textContent('[data-testid="chart-topCategories"]')).toContain('This panel needs products (no product column was imported)');
    expect(await page.getAttribute('[data-testid="chart-topCategories"]', 'data-available')).toBe('false');
    await fullShot(page, 'overview-no-products.png');
    expect(consoleErrors).toEqual([]);
  });
});
