import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, type Workbench } from './browser.js';

/** The import wizard's marketing and coupons roles and the per-line coupon field (issue #11). */
describe.skipIf(!chromiumAvailable())('import wizard: marketing spend, coupon offers, coupon status', () => {
  let dir: string;
  let wb: Workbench;
  const project = (): string => path.join(dir, 'e2e.sqlite');
  const fx = (name: string): string => path.join(FIXTURES, 'marketing', name);

  beforeAll(async () => {
    dir = tempDir('swb-e2e-import-mk-');
    wb = await openWorkbench(path.join(dir, 'start.sqlite'));
    const { page } = wb;
    await page.fill('[data-testid="project-path-input"]', project());
    await page.click('[data-testid="project-create"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="header-project"]')?.textContent?.includes('e2e'));
  });

  afterAll(async () => {
    await wb?.browser.close();
    await wb?.host.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const ready = () => wb.page.waitForSelector('[data-testid="import-wizard"][data-import-state="ready"]', { timeout: 60_000 });
  const done = () => wb.page.waitForSelector('[data-testid="import-wizard"][data-import-state="done"]', { timeout: 60_000 });
  const card = () => wb.page.$eval('[data-testid="file-preview"]', (e) => [e.getAttribute('data-ok'), e.getAttribute('data-format'), e.getAttribute('data-table')]);
  const count = (sql: string): unknown => {
    const db = new Database(project(), { readonly: true });
    try {
      return db.prepare(sql).raw().get();
    } finally {
      db.close();
    }
  };

  it('offers the two roles, and imports a spend file chosen as marketing', async () => {
    const { page } = wb;
    await page.setInputFiles('[data-testid="import-file-input"]', [fx('Marketing_Spend.csv')]);
    await ready();
    const roles = await page.$$eval('[data-testid="import-option-role"] option', (os) => os.map((o) => [o.getAttribute('value'), o.textContent]));
    expect(roles).toContainEqual(['marketing', 'Marketing spend (daily)']);
    expect(roles).toContainEqual(['coupons', 'Coupon offers']);
    await page.selectOption('[data-testid="import-option-role"]', 'marketing');
    await page.waitForSelector('[data-testid="file-preview"][data-table="marketing"]', { timeout: 60_000 });
    await ready();
    expect(await card()).toEqual(['true', 'generic', 'marketing']);
    expect(await page.inputValue('[data-testid="map-date"]')).toBe('Date');
    expect(await page.textContent('[data-testid="file-preview"]')).toContain('channels: Offline_Spend, Online_Spend');
    await page.click('[data-testid="import-start"]');
    await done();
    expect(await page.textContent('[data-testid="import-summary"]')).toContain('Offline_Spend, Online_Spend');
    expect(count('SELECT count(*) FROM marketing_spend')).toEqual([40]);
    await page.click('[data-testid="import-reset"]');
  });

  it('shows the either-or requirement of a coupons file and imports its offers', async () => {
    const { page } = wb;
    await page.setInputFiles('[data-testid="import-file-input"]', [fx('Discount_Coupon.csv')]);
    await ready();
    expect(await card()).toEqual(['true', 'generic', 'coupons']);
    expect(await page.inputValue('[data-testid="map-month"]')).toBe('Month');
    expect(await page.inputValue('[data-testid="map-discount"]')).toBe('Discount_pct');
    expect(await page.textContent('[data-testid="mapping-one-of"]')).toBe('one of these is required: Month | From (first day) + To (last day)');
    const required = await page.$$eval('[data-testid="mapping-editor"] label[data-required="true"] select', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(required.sort()).toEqual(['map-category', 'map-discount']);
    await page.click('[data-testid="import-start"]');
    await done();
    expect(await page.textContent('[data-testid="import-summary"]')).toContain('10 · 20 · 30');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-coupons.png'), fullPage: true });
    expect(count('SELECT count(*), count(DISTINCT discount) FROM coupons')).toEqual([12, 3]);
    await page.click('[data-testid="import-reset"]');
  });

  it('maps Coupon_Status to the coupon field of a transactions file', async () => {
    const { page } = wb;
    await page.setInputFiles('[data-testid="import-file-input"]', [fx('Online_Sales.csv')]);
    await ready();
    expect(await card()).toEqual(['true', 'generic', 'transactions']);
    expect(await page.inputValue('[data-testid="map-coupon"]')).toBe('Coupon_Status');
    await page.click('[data-testid="import-start"]');
    await done();
    expect(count('SELECT count(*), count(coupon) FROM lines')).toEqual([30, 29]);
  });
});
