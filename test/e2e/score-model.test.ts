import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo } from '../helpers/project.js';
import { ARTIFACTS, chromiumAvailable, openWorkbench, paintedPixels, type Host } from './browser.js';

const RETAILERS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'];
/** A number as the app prints it (en): "0.928", "1,234", "1". */
const NUMBER = /^\d{1,3}(,\d{3})*(\.\d+)?$/;

/** A shot of the section from `from` down to the end of `to`: the app scrolls inside its content pane, so let it grow. */
async function sectionShot(page: Page, from: string, to: string, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.app, .main { height: auto !important; } .content { overflow: visible !important; }' });
  const a = await page.$eval(`[data-testid="${from}"]`, (e) => { const r = e.getBoundingClientRect(); return { x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width }; });
  const b = await page.$eval(`[data-testid="${to}"]`, (e) => { const r = e.getBoundingClientRect(); return { bottom: r.bottom + window.scrollY }; });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true, clip: { x: Math.max(0, a.x - 12), y: Math.max(0, a.y - 12), width: a.w + 24, height: b.bottom - a.y + 24 } });
  await style.evaluate((e) => e.remove());
}

/** Saves a chart card as PNG and SVG; returns the SVG text. */
async function saveChart(page: Page, card: string, name: string): Promise<string> {
  const [png] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${card}"] [data-testid="save-png"]`)]);
  expect(png.suggestedFilename()).toBe(`${name}.png`);
  const pngFile = path.join(ARTIFACTS, `saved-${name}.png`);
  await png.saveAs(pngFile);
  expect(fs.readFileSync(pngFile).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${card}"] [data-testid="save-svg"]`)]);
  expect(svg.suggestedFilename()).toBe(`${name}.svg`);
  const svgFile = path.join(ARTIFACTS, `saved-${name}.svg`);
  await svg.saveAs(svgFile);
  const text = fs.readFileSync(svgFile, 'utf8');
  expect(text).toMatch(/<svg[\s>]/);
  return text;
}

describe.skipIf(!chromiumAvailable())('the learned score model and the sequence training on the Recommend page', () => {
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ project } = makeTinyDemo('swb-e2e-score-', 'score.sqlite'));
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="score-no-runs"]');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('trains the score model from the UI and shows RMSE per retailer, the chart and the seed comparison', async () => {
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="score-form"][data-job-status="done"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="score-view"]', { timeout: 30_000 });
    const runId = Number(await page.getAttribute('[data-testid="score-view"]', 'data-run-id'));
    expect(runId).toBeGreaterThan(0);
    expect(Number(await page.inputValue('[data-testid="score-run-picker"]'))).toBe(runId);

    const rows = await page.$$eval('[data-testid="score-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-retailer')));
    expect(rows).toEqual(RETAILERS);
    const heads = await page.$$eval('[data-testid="score-table"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(heads).toEqual(expect.arrayContaining(['Pairs', 'Train RMSE', 'Validation RMSE', 'Mean baseline RMSE', 'Seconds']));
    const rmses = await page.$$eval('[data-testid="score-table"] tbody td[data-col]', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(rmses.length).toBe(RETAILERS.length * 3);
    expect(rmses.every((c) => NUMBER.test(c) && Number.isFinite(Number(c)) && Number(c) > 0 && Number(c) < 5), rmses.join(' | ')).toBe(true);
    const cells = await page.$$eval('[data-testid="score-table"] tbody tr td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells.every((c) => NUMBER.test(c)), cells.join(' | ')).toBe(true);

    expect(await page.textContent('[data-testid="score-seed-note"]')).toMatch(/≈ 0\.42 on its own data\. Ours: validation RMSE \d\.\d+–\d\.\d+; better than the mean baseline at \d of 6 retailers/);

    await page.waitForSelector('[data-testid="chart-score-rmse"][data-rendered="true"][data-available="true"]', { timeout: 30_000 });
    await page.$eval('[data-testid="chart-score-rmse"]', (e) => e.scrollIntoView());
    expect(await paintedPixels(page, 'chart-score-rmse')).toBeGreaterThan(200);
    expect(await saveChart(page, 'chart-score-rmse', 'score-rmse')).toMatch(/A06/);
  });

  it('shows the seed’s three uses per example customer, with the stamp mission as a 5-column grid', async () => {
    const examples = await page.$$eval('[data-testid="score-example"]', (cs) => cs.map((c) => ({ customer: c.getAttribute('data-customer'), retailer: c.getAttribute('data-retailer') })));
    expect(examples.length).toBe(3);
    for (const e of examples) {
      const card = `[data-testid="score-example"][data-customer="${e.customer}"]`;
      expect(e.retailer).toMatch(/^A0\d$/);
      // Use 1: the drawn retailer is one the customer spends at, highlighted among the shares.
      const shares = await page.$$eval(`${card} [data-testid="score-shares"] .chip`, (cs) => cs.map((c) => ({ retailer: c.getAttribute('data-retailer'), text: c.textContent ?? '', drawn: c.classList.contains('chip-accent') })));
      expect(shares.length).toBeGreaterThan(0);
      expect(shares.every((s) => /%$/.test(s.text))).toBe(true);
      expect(shares.filter((s) => s.drawn).map((s) => s.retailer)).toEqual([e.retailer]);
      // Use 2: one sampled product with name and code.
      expect(await page.textContent(`${card} [data-testid="score-sampled"]`)).toMatch(/PD\d+/);
      // Use 3: up to 5 categories side by side, each with products (name + code).
      const mission = await page.$$eval(`${card} [data-testid="score-mission-category"]`, (cs) =>
        cs.map((c) => ({ head: c.querySelector('strong')?.textContent ?? '', products: [...c.querySelectorAll('li')].map((li) => ({ code: li.getAttribute('data-code') ?? '', text: li.textContent ?? '' })) })),
      );
      expect(mission.length).toBe(5);
      for (const c of mission) {
        expect(c.head).not.toBe('');
        expect(c.products.length).toBeGreaterThanOrEqual(1);
        expect(c.products.length).toBeLessThanOrEqual(4);
        expect(c.products.every((p) => /^PD\d+$/.test(p.code) && p.text.includes(p.code) && /[가-힣]/.test(p.text)), JSON.stringify(c)).toBe(true);
      }
      const columns = await page.$eval(`${card} [data-testid="score-mission"]`, (g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(5);
    }
    await sectionShot(page, 'score-form', 'score-view', 'score-model.png');
  });

  it('trains again for one customer and fewer epochs, reports an unknown customer, cancels, and the picker switches between the runs', async () => {
    const first = Number(await page.getAttribute('[data-testid="score-view"]', 'data-run-id'));
    const codes = await page.$$eval('[data-testid="score-example"]', (cs) => cs.map((c) => c.getAttribute('data-customer') ?? ''));
    const code = codes[1];
    expect(code).toBeTruthy();
    await page.fill('[data-testid="score-customer"]', code);
    await page.fill('[data-testid="score-epochs"]', '3');
    await page.click('[data-testid="score-run"]');
    await page.waitForFunction((prev) => {
      const v = document.querySelector('[data-testid="score-view"]');
      return v !== null && Number(v.getAttribute('data-run-id')) > prev;
    }, first, { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="score-form"]', 'data-runs')).toBe('2');
    const shown = await page.$$eval('[data-testid="score-example"]', (cs) => cs.map((c) => c.getAttribute('data-customer')));
    expect(shown).toEqual([code]);
    expect(await page.textContent('[data-testid="score-verdict"]')).toMatch(/Epochs: ?3/);

    await page.fill('[data-testid="score-customer"]', 'NO-SUCH-CUSTOMER');
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="score-form"][data-job-status="failed"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="score-job-error"]')).toMatch(/NO-SUCH-CUSTOMER/);
    await page.fill('[data-testid="score-customer"]', '');

    // A long training shows its progress and stops on Cancel, storing no run.
    await page.fill('[data-testid="score-epochs"]', '200');
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="score-progress"]', { timeout: 30_000 });
    await page.click('[data-testid="score-cancel"]');
    await page.waitForSelector('[data-testid="score-form"][data-job-status="cancelled"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="score-form"]', 'data-runs')).toBe('2');
    await page.fill('[data-testid="score-epochs"]', '');

    await page.selectOption('[data-testid="score-run-picker"]', String(first));
    await page.waitForSelector(`[data-testid="score-view"][data-run-id="${first}"]`);
    expect(await page.$$eval('[data-testid="score-example"]', (cs) => cs.length)).toBe(3);
  });

  it('evaluates sequence beside a baseline and shows its training per epoch and notes', async () => {
    await page.waitForSelector('[data-testid="eval-run"]:not([disabled])');
    const want = ['g-topfreq', 'sequence'];
    const boxes = await page.$$eval('[data-testid="eval-models"] input[type="checkbox"]', (els) => els.map((e) => e.getAttribute('data-testid')?.replace('eval-model-', '') ?? ''));
    expect(boxes).toEqual(expect.arrayContaining(want));
    for (const m of boxes) if ((await page.isChecked(`[data-testid="eval-model-${m}"]`)) !== want.includes(m)) await page.click(`[data-testid="eval-model-${m}"]`);
    await page.click('[data-testid="eval-run"]');
    await page.waitForSelector('[data-testid="eval-running"]', { timeout: 10_000 });
    await page.waitForSelector('[data-testid="eval-form"][data-job-status="done"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="eval-view"]', { timeout: 30_000 });

    const rows = await page.$$eval('[data-testid="eval-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-model')));
    expect(rows).toEqual(want);
    // Numeric cells; the comparison with the best baseline (interval and wins/ties/loses) is checked in recommend.test.ts.
    const cells = await page.$$eval('[data-testid="eval-table"] tbody tr[data-model="sequence"] td:not(.rec-versus)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells.every((c) => /^\d+(\.\d+)?$/.test(c)), cells.join(' | ')).toBe(true);

    const notes = await page.$$eval('[data-testid="eval-notes"] li', (lis) => lis.map((li) => ({ model: li.getAttribute('data-model'), text: li.textContent ?? '' })));
    const seq = notes.find((n) => n.model === 'sequence');
    expect(seq?.text).toMatch(/trained on [\d,]+ of [\d,]+ sessions per epoch/);
    expect(seq?.text).toMatch(/the original study: 0\.792 \/ 0\.741 on its own data/);
    expect(seq?.text).not.toMatch(/seed 00\d/);

    await page.waitForSelector('[data-testid="chart-training-sequence"][data-rendered="true"][data-available="true"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="chart-training-sequence"] .card-title')).toBe('sequence: training per epoch');
    await page.$eval('[data-testid="chart-training-sequence"]', (e) => e.scrollIntoView());
    expect(await paintedPixels(page, 'chart-training-sequence')).toBeGreaterThan(200);
    expect(await page.$$('[data-testid^="chart-training-"]')).toHaveLength(1);
    expect(await saveChart(page, 'chart-training-sequence', 'training-sequence')).toMatch(/Held-out nDCG@5/);
    await sectionShot(page, 'eval-view', 'chart-training-sequence', 'eval-training.png');
  });

  it('reads in Korean', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="score-form"] .card-title')).toBe('학습된 점수 모델');
    expect(await page.textContent('[data-testid="score-table"] thead')).toMatch(/검증 RMSE.*평균 기준 RMSE/);
    expect(await page.textContent('[data-testid="score-seed-note"]')).toMatch(/원래 분석.*0\.42/);
    expect(await page.textContent('[data-testid="score-example"]')).toMatch(/스탬프 미션/);
    expect(await page.textContent('[data-testid="chart-training-sequence"] .card-title')).toBe('sequence: 에포크별 학습');
    await page.waitForSelector('[data-testid="chart-score-rmse"][data-rendered="true"][data-available="true"]');
    expect(await paintedPixels(page, 'chart-score-rmse')).toBeGreaterThan(200);
    await sectionShot(page, 'score-form', 'score-view', 'score-model-ko.png');
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
