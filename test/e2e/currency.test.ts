import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli, tempDir } from '../helpers/project.js';
import { chromiumAvailable, fullShot, openWorkbench, type Workbench } from './browser.js';

/** Issue #14: every money figure shows the project's unit; Korean counts in 만/억 with separators. */
describe.skipIf(!chromiumAvailable())('money figures carry the project currency', () => {
  const dirs: string[] = [];
  let wb: Workbench | undefined;
  afterAll(async () => {
    await wb?.browser.close();
    await wb?.host.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function open(project: string): Promise<Workbench> {
    await wb?.browser.close();
    await wb?.host.stop();
    wb = await openWorkbench(project);
    return wb;
  }

  async function salesKpi(page: Workbench['page']): Promise<string> {
    await page.click('[data-testid="nav-overview"]');
    await page.waitForSelector('[data-testid="page-overview"][data-overview-ready="true"]', { timeout: 60_000 });
    return (await page.textContent('[data-kpi="sales"]')) ?? '';
  }

  it('the demo (L.point: KRW) shows ₩ in English and 원 with grouped 만/억 in Korean', async () => {
    const { dir, project } = makeTinyDemo('swb-e2e-currency-');
    dirs.push(dir);
    const { page, consoleErrors } = await open(project);
    const en = await salesKpi(page);
    expect(en).toContain('₩');
    expect(await page.textContent('[data-kpi="basket"]')).toMatch(/^.*₩[\d,]+/);
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForSelector('html[lang="ko"]');
    const ko = (await page.textContent('[data-kpi="sales"]')) ?? '';
    expect(ko).toContain('원');
    expect(ko).toMatch(/[\d,.]+(만|억) 원/);
    // Never Intl's ungrouped "1044.3만".
    expect(ko).not.toMatch(/\d{4}(\.\d+)?(만|억)/);
    await fullShot(page, 'overview-currency-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });

  it('a generic file without signs shows bare numbers until USD is picked on the Data page, then "$"', async () => {
    const dir = tempDir('swb-e2e-currency-');
    dirs.push(dir);
    const file = path.join(dir, 'plain.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `C${i % 7},R${i},2024-0${1 + (i % 6)}-1${i % 10},P${i % 5},${(12.5 + i).toFixed(2)}`);
    fs.writeFileSync(file, ['customer_id,receipt_id,date,product_code,amount', ...rows].join('\n') + '\n');
    const project = path.join(dir, 'plain.sqlite');
    const r = runCli(['import', '--project', project, file]);
    expect(r.code, r.stderr).toBe(0);
    const { page, consoleErrors } = await open(project);
    expect(await salesKpi(page)).not.toMatch(/[$₩£€¥]/);
    await page.click('[data-testid="nav-data"]');
    await page.waitForSelector('[data-testid="currency-picker"][data-currency="none"]');
    await page.selectOption('[data-testid="currency-select"]', 'USD');
    await page.waitForSelector('[data-testid="currency-picker"][data-currency="USD"][data-currency-source="user"]');
    await fullShot(page, 'data-currency-picker.png');
    expect(await salesKpi(page)).toContain('$');
    expect(consoleErrors).toEqual([]);
  });
});
