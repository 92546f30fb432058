import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, type Workbench } from './browser.js';

/**
 * Issue #14, "An Overview for every file": on a generic UCI-shaped file (test/fixtures/overview/
 * uci-small.csv, hand-checked in test/integration/overview/explore-uci-fixture.test.ts) the Overview
 * shows the time, weekday, hour, basket, new-vs-returning and product panels; a filter applies to
 * them all; a click on a bar lists its customers, and the list exports as CSV — in English and Korean.
 */
describe.skipIf(!chromiumAvailable())('the Overview for every file on a generic file', () => {
  const dir = tempDir('swb-e2e-generic-');
  let wb: Workbench;
  beforeAll(async () => {
    const project = path.join(dir, 'uci-small.sqlite');
    const r = runCli(['import', '--project', project, path.join(FIXTURES, 'overview/uci-small.csv')]);
    expect(r.code, r.stderr).toBe(0);
    // UCI's prices carry no sign: the analyst sets the currency, and every money figure shows it.
    const c = runCli(['project', '--project', project, '--currency', 'GBP']);
    expect(c.code, c.stderr).toBe(0);
    wb = await openWorkbench(project);
  }, 120_000);
  afterAll(async () => {
    await wb?.browser.close();
    await wb?.host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A screenshot of the section; the app scrolls inside its content pane, so let it grow first (as fullShot does). */
  async function sectionShot(name: string): Promise<void> {
    const style = await wb.page.addStyleTag({ content: '.app, .main { height: auto !important; } .content { overflow: visible !important; }' });
    await (await wb.page.$('[data-testid="overview-explore"]'))!.screenshot({ path: path.join(ARTIFACTS, name) });
    await style.evaluate((e) => e.remove());
  }

  const ready = () => wb.page.waitForSelector('[data-testid="overview-explore"][data-explore-ready="true"][data-loading="false"]', { timeout: 60_000 });

  it('shows every panel the data supports, filters them all, and lists and exports the customers behind a bar', async () => {
    const { page, consoleErrors } = wb;
    await page.click('[data-testid="nav-overview"]');
    await ready();
    const totals = '[data-testid="explore-totals"]';
    expect(await page.getAttribute(totals, 'data-receipts')).toBe('7');
    expect(await page.getAttribute(totals, 'data-customers')).toBe('3');
    expect(await page.textContent(totals)).toContain('£95.00 net sales');
    for (const id of ['time', 'newReturning', 'weekdays', 'hours', 'items', 'amount', 'products']) {
      expect(await page.getAttribute(`[data-testid="chart-explore-${id}"]`, 'data-rendered'), id).toBe('true');
    }
    // Countries are the regions of UCI; no retailer or category in this file, so no such filter.
    expect(await page.$('[data-testid="explore-filter-retailer"]')).toBeNull();
    expect(await page.$('[data-testid="explore-filter-category"]')).toBeNull();

    await page.selectOption('[data-testid="explore-filter-region"]', 'France');
    await page.waitForSelector(`${totals}[data-receipts="2"]`, { timeout: 60_000 });
    await ready();
    expect(await page.getAttribute(totals, 'data-customers')).toBe('1');

    // France has two months (Jan, Feb 2011): a click in the left quarter of the plot is January.
    const canvas = await page.$('[data-testid="chart-explore-time"] canvas');
    // The page's filter bar sits above the KPIs (issue #14), so the chart may start below the fold.
    await canvas!.scrollIntoViewIfNeeded();
    const box = await canvas!.boundingBox();
    await page.mouse.click(box!.x + box!.width * 0.3, box!.y + box!.height * 0.75);
    await page.waitForSelector('[data-testid="explore-customers"][data-slice="month:2011-01"][data-total="1"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="explore-customers-table"]', 'data-row-count')).toBe('1');
    expect(await page.textContent('[data-testid="explore-customers-table"]')).toContain('12002');
    expect(await page.textContent('[data-testid="explore-customers-table"]')).toContain('Sales in the slice (£)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="explore-export"]')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/overview-customers-month-2011_01-region-France\.csv$/);
    expect(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean)).toEqual(['customer,receipts,sales', '12002,1,2']);
    await sectionShot('overview-generic-en.png');
    expect(consoleErrors).toEqual([]);
  });

  it('speaks Korean, with money in the project currency', async () => {
    const { page, consoleErrors } = wb;
    const totals = '[data-testid="explore-totals"]';
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForSelector('html[lang="ko"]');
    await ready();
    expect(await page.textContent('[data-testid="overview-explore"]')).toContain('모든 데이터의 개요');
    expect(await page.textContent(totals)).toMatch(/^순매출 .*12/);
    expect(await page.textContent('[data-testid="chart-explore-weekdays"]')).toContain('요일별 영수증');
    expect(await page.textContent('[data-testid="explore-customers"]')).toContain('고객 목록: 월 2011년 1월');
    await sectionShot('overview-generic-ko.png');
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    expect(consoleErrors).toEqual([]);
  });
});
