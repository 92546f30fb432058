import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/project.js';
import { writeSalesWorkbook } from '../helpers/xlsx.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, type Workbench } from './browser.js';

/** The wizard's new paths (issue #10): an .xlsx workbook with a sheet picker, a file without amounts, a basket file. */
describe.skipIf(!chromiumAvailable())('import wizard: workbooks, files without amounts, baskets', () => {
  let dir: string;
  let wb: Workbench;
  let book: string;
  let noAmounts: string;

  beforeAll(async () => {
    dir = tempDir('swb-e2e-import-');
    book = path.join(dir, 'sales.xlsx');
    await writeSalesWorkbook(book);
    noAmounts = path.join(dir, 'visits.csv');
    fs.writeFileSync(noAmounts, 'CustomerID,InvoiceDate,StockCode,Quantity\n17850,2010-12-01 08:26,85123A,6\n17850,2010-12-01 08:26,71053,6\n13047,2010-12-02 09:00,22633,2\n');
    wb = await openWorkbench(path.join(dir, 'start.sqlite'));
    const { page } = wb;
    await page.fill('[data-testid="project-path-input"]', path.join(dir, 'e2e.sqlite'));
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
  const summary = () => wb.page.$eval('[data-testid="import-summary"]', (e) => ({ read: Number(e.getAttribute('data-rows-read')), imported: Number(e.getAttribute('data-rows-imported')), rejected: Number(e.getAttribute('data-rows-rejected')) }));
  const previewText = () => wb.page.$eval('[data-testid="file-preview"]', (e) => e.textContent ?? '');

  it('uploads an .xlsx workbook, offers its sheets, previews the chosen one and imports it', async () => {
    const { page } = wb;
    expect(await page.getAttribute('[data-testid="import-file-input"]', 'accept')).toContain('.xlsx');
    await page.setInputFiles('[data-testid="import-file-input"]', [book]);
    await ready();
    const card = await page.$eval('[data-testid="file-preview"]', (e) => [e.getAttribute('data-ok'), e.getAttribute('data-format'), e.getAttribute('data-table')]);
    expect(card).toEqual(['true', 'generic', 'transactions']);
    expect(await page.textContent('[data-testid="preview-encoding"]')).toBe('Excel workbook');
    expect(await page.$$eval('[data-testid="import-sheet"] option', (os) => os.map((o) => o.textContent))).toEqual(['Sales', 'Returns']);
    expect(await previewText()).toContain('하얀 하트 랜턴');

    await page.selectOption('[data-testid="import-sheet"]', 'Returns');
    await page.waitForFunction(() => document.querySelector('[data-testid="file-preview"]')?.textContent?.includes('C536379'));
    await ready();
    await page.selectOption('[data-testid="import-sheet"]', 'Sales');
    await page.waitForFunction(() => document.querySelector('[data-testid="file-preview"]')?.textContent?.includes('536365'));
    await ready();
    expect(await page.inputValue('[data-testid="map-date"]')).toBe('InvoiceDate');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-xlsx-preview.png'), fullPage: true });

    await page.click('[data-testid="import-start"]');
    await done();
    expect(await summary()).toEqual({ read: 6, imported: 6, rejected: 0 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-xlsx.png'), fullPage: true });
    await page.click('[data-testid="import-reset"]');
  });

  it('imports a file without amounts: amount and product are optional in the mapping, customer and date required', async () => {
    const { page } = wb;
    await page.setInputFiles('[data-testid="import-file-input"]', [noAmounts]);
    await ready();
    expect(await page.getAttribute('[data-testid="file-preview"]', 'data-ok')).toBe('true');
    expect(await page.inputValue('[data-testid="map-amount"]')).toBe('');
    expect(await page.inputValue('[data-testid="map-unitPrice"]')).toBe('');
    const required = await page.$$eval('[data-testid="mapping-editor"] label[data-required="true"] select', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(required).toContain('map-date');
    expect(required).not.toContain('map-product');
    expect(required).not.toContain('map-amount');
    await page.click('[data-testid="import-start"]');
    await done();
    expect(await summary()).toEqual({ read: 3, imported: 3, rejected: 0 });
    await page.click('[data-testid="import-reset"]');
  });

  it('leaves a guessed product column unmapped when the user picks (none): the import has no products (issue #10)', async () => {
    const { page } = wb;
    const file = path.join(dir, 'no-product.csv');
    fs.writeFileSync(file, 'CustomerID,InvoiceDate,StockCode,Quantity,Amount\n17850,2010-12-03 08:26,85123A,6,15.30\n13047,2010-12-04 09:00,22633,2,3.70\n13047,2010-12-06 10:00,85123A,1,2.55\n');
    await page.setInputFiles('[data-testid="import-file-input"]', [file]);
    await ready();
    expect(await page.inputValue('[data-testid="map-product"]')).toBe('StockCode');
    await page.selectOption('[data-testid="map-product"]', '');
    // The host's new preview: product unmapped (not guessed again), and a note says so.
    await page.waitForFunction(() => document.querySelector('[data-testid="file-preview"]')?.textContent?.includes('no product column'), undefined, { timeout: 60_000 });
    await ready();
    expect(await page.inputValue('[data-testid="map-product"]')).toBe('');
    expect(await page.getAttribute('[data-testid="file-preview"]', 'data-ok')).toBe('true');
    await page.click('[data-testid="import-start"]');
    await done();
    expect(await summary()).toEqual({ read: 3, imported: 3, rejected: 0 });
    const db = new Database(path.join(dir, 'e2e.sqlite'), { readonly: true });
    try {
      // The earlier imports all have products: the three lines without one are this file's.
      const [n, amount] = db.prepare('SELECT count(*), total(amount) FROM lines WHERE product_id IS NULL').raw().get() as [number, number];
      expect(n).toBe(3);
      expect(amount).toBeCloseTo(21.55, 2);
    } finally {
      db.close();
    }
    await page.click('[data-testid="import-reset"]');
  });

  it('suggests the basket format for a basket file, and imports it as baskets when the user says so', async () => {
    const { page } = wb;
    await page.setInputFiles('[data-testid="import-file-input"]', [path.join(FIXTURES, 'baskets/groceries-20.txt')]);
    await page.waitForSelector('[data-testid="suggest-baskets"]', { timeout: 60_000 });
    expect(await page.isDisabled('[data-testid="import-start"]')).toBe(true);
    await page.click('[data-testid="read-as-baskets"]');
    await page.waitForSelector('[data-testid="file-preview"][data-format="baskets"][data-ok="true"]', { timeout: 60_000 });
    await ready();
    expect(await page.inputValue('[data-testid="import-option-format"]')).toBe('baskets');
    expect(await previewText()).toContain('citrus fruit, semi-finished bread, margarine, ready soups');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-baskets-preview.png'), fullPage: true });
    await page.click('[data-testid="import-start"]');
    await done();
    expect(await summary()).toEqual({ read: 20, imported: 20, rejected: 0 });
    expect(await page.textContent('[data-testid="summary-file-format"]')).toBe('baskets · 20 baskets');
    expect(wb.consoleErrors).toEqual([]);
  });
});
