import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, fullShot, openWorkbench, paintedPixels, type Host } from './browser.js';

const MODELS = ['g-topfreq', 'p-topfreq', 'segment-pop'];

describe.skipIf(!chromiumAvailable())('the Recommend page in Chromium', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let segmentRun = 0;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-rec-', 'recommend.sqlite'));
    const seg = runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=4', '--json']);
    expect(seg.code, seg.stderr).toBe(0);
    segmentRun = (JSON.parse(seg.stdout) as { runId: number }).runId;
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('enables Recommend in the navigation', async () => {
    expect(await page.isEnabled('[data-testid="nav-recommend"]')).toBe(true);
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="eval-no-runs"]');
    await page.waitForSelector('[data-testid="eval-run"]:not([disabled])');
  });

  it('runs recommend-eval from the form and shows its verdict, chart and table', async () => {
    const boxes = await page.$$eval('[data-testid="eval-models"] input[type="checkbox"]', (els) => els.map((e) => e.getAttribute('data-testid')?.replace('eval-model-', '') ?? ''));
    expect(boxes).toEqual(expect.arrayContaining(MODELS));
    // Issue #14: the slow models are not ticked by default and show their expected time first.
    for (const slow of ['score-model', 'sequence', 'tifu-knn']) {
      expect(await page.isChecked(`[data-testid="eval-model-${slow}"]`), slow).toBe(false);
      expect(await page.textContent(`[data-testid="eval-model-time-${slow}"]`), slow).toMatch(/^slow: ≈ \d+ min( \d+ s)? on the full demo$/);
    }
    expect(await page.isChecked('[data-testid="eval-model-ease"]')).toBe(true);
    expect(await page.$('[data-testid="eval-model-time-ease"]')).toBeNull();
    for (const m of boxes) {
      const want = MODELS.includes(m);
      if ((await page.isChecked(`[data-testid="eval-model-${m}"]`)) !== want) await page.click(`[data-testid="eval-model-${m}"]`);
    }
    await page.click('[data-testid="eval-run"]');
    await page.waitForSelector('[data-testid="eval-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="eval-view"]', { timeout: 30_000 });
    const runId = Number(await page.getAttribute('[data-testid="eval-view"]', 'data-run-id'));
    expect(runId).toBeGreaterThan(segmentRun);
    expect(Number(await page.inputValue('[data-testid="eval-run-picker"]'))).toBe(runId);

    const verdict = (await page.textContent('[data-testid="eval-verdict"]')) ?? '';
    expect(verdict).toMatch(/wins on nDCG@10/);
    expect(verdict).toMatch(/Customers evaluated/);

    expect(Number(await page.getAttribute('[data-testid="eval-table"]', 'data-rows'))).toBe(3);
    const rows = await page.$$eval('[data-testid="eval-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-model')));
    expect(rows).toEqual(MODELS);
    const heads = await page.$$eval('[data-testid="eval-table"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(heads).toEqual(expect.arrayContaining(['HR@5', 'nDCG@5', 'Recall@5', 'HR@10', 'nDCG@10', 'Recall@10', 'Coverage', 'Repeat nDCG@10', 'New nDCG@10']));
    const cells = await page.$$eval('[data-testid="eval-table"] tbody tr[data-model="p-topfreq"] td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells.length).toBe(11);
    // The comparison with the best other baseline: mean difference, 95% interval, wins / ties / loses.
    const versus = cells.splice(9, 1)[0];
    expect(versus).toMatch(/^[+−]\d\.\d{4} \[−?\d\.\d{4}…−?\d\.\d{4}\] (wins|ties|loses)$/);
    expect(cells.every((c) => /^\d+(\.\d+)?$/.test(c)), cells.join(' | ')).toBe(true);
    expect(heads).toEqual(expect.arrayContaining(['vs best baseline (nDCG@10, 95% CI)']));
    expect(verdict).toMatch(/p-topfreq wins on nDCG@10 over (g-topfreq|segment-pop) \(diff \+0\.\d{4}, 95% CI 0\.\d{4}…0\.\d{4}\)/);

    await page.waitForSelector('[data-testid="chart-eval"][data-rendered="true"][data-available="true"]', { timeout: 30_000 });
    await page.$eval('[data-testid="chart-eval"]', (e) => e.scrollIntoView());
    expect(await paintedPixels(page, 'chart-eval')).toBeGreaterThan(200);
  });

  it('builds a campaign for one segment, previews and exports it', async () => {
    // Issue #14: the builder starts with the newest evaluation's winner, and says so.
    const evals = (JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string; summary: { wins: string[]; models: { id: string; versusBestBaseline?: { diff: number } }[] } }[]).filter((r) => r.analysis === 'recommend-eval');
    const newest = evals[evals.length - 1];
    const winner = newest.summary.models.filter((m) => newest.summary.wins.includes(m.id)).sort((a, b) => (b.versusBestBaseline?.diff ?? 0) - (a.versusBestBaseline?.diff ?? 0))[0];
    expect(winner).toBeDefined();
    expect(await page.inputValue('[data-testid="campaign-model"]')).toBe(winner.id);
    expect(await page.textContent('[data-testid="campaign-model-why"]')).toBe(`the winner of evaluation #${newest.id}`);
    await page.selectOption('[data-testid="campaign-model"]', 'p-topfreq');
    await page.fill('[data-testid="campaign-top"]', '5');
    await page.click('[data-testid="campaign-run"]');
    await page.waitForSelector('[data-testid="campaign"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
    const all = Number(await page.getAttribute('[data-testid="campaign-preview"]', 'data-rows'));
    expect(all).toBeGreaterThan(0);

    await page.selectOption('[data-testid="campaign-segment-run"]', String(segmentRun));
    const segments = await page.$$eval('[data-testid="campaign-segment"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(segments.length).toBe(4);
    await page.selectOption('[data-testid="campaign-segment"]', segments[0]);
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes('"segment"');
    });
    const filtered = Number(await page.getAttribute('[data-testid="campaign-preview"]', 'data-rows'));
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);

    const head = await page.$$eval('[data-testid="campaign-preview"] thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(head.slice(0, 8)).toEqual(['customer', 'segment', 'rank', 'product', 'name', 'category', 'score', 'reason']);
    const body = await page.$$eval('[data-testid="campaign-preview"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(body.length).toBe(Math.min(20, filtered));
    expect(new Set(body.map((r) => r[1])).size).toBe(1);
    expect(body.every((r) => ['1', '2', '3', '4', '5'].includes(r[2]))).toBe(true);
    expect(body.map((r) => r.join(' ')).join('\n')).toMatch(/[가-힣]/);
    // Regulated goods are left out by default (issue #14), and the list is editable.
    expect(await page.inputValue('[data-testid="campaign-exclude"]')).toBe('담배, 주류, tobacco, alcohol');
    expect(body.some((r) => /담배|주류/.test(r[5]))).toBe(false);

    await fullShot(page, 'recommend.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="campaign-export"]')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toMatch(/^run-\d+-campaign-segment-\w+-of-run-\d+-without-4-categories\.csv$/);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0].startsWith('customer,segment,rank,product,name,category,score,reason')).toBe(true);
    expect(lines.length - 1).toBe(filtered);
    expect(text).toMatch(/[가-힣]/);
  });

  it('opens one customer with their recommendations, reasons and purchase timeline', async () => {
    const body = await page.$$eval('[data-testid="campaign-preview"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(body.length).toBeGreaterThan(0);
    await page.waitForFunction((want) => (document.querySelector('[data-testid="customer-code"]') as HTMLInputElement | null)?.value === want, body[0][0]);
    const runs = await page.$$eval('[data-testid="customer-run"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(runs[0]).toBe(await page.getAttribute('[data-testid="campaign"]', 'data-run-id'));

    await page.fill('[data-testid="customer-code"]', 'NO-SUCH-CUSTOMER');
    await page.click('[data-testid="customer-open"]');
    await page.waitForSelector('[data-testid="customer-error"][data-error-code="not-found"]');
    expect(await page.textContent('[data-testid="customer-error"]')).toMatch(/NO-SUCH-CUSTOMER/);

    // A customer whose five products all come from their own receipts.
    const own = new Map<string, number>();
    for (const r of body) if (/you bought it in \d+ receipts/.test(r[7])) own.set(r[0], (own.get(r[0]) ?? 0) + 1);
    const code = [...own].find(([, n]) => n === 5)?.[0] ?? body[0][0];
    await page.fill('[data-testid="customer-code"]', code);
    await page.selectOption('[data-testid="customer-run"]', runs[0]);
    await page.click('[data-testid="customer-open"]');
    await page.waitForSelector(`[data-testid="customer-view"][data-code="${code}"]`);
    expect(await page.textContent('[data-testid="customer-who"]')).toContain(code);
    const recs = await page.$$eval('[data-testid="customer-recs"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(recs.length).toBe(5);
    expect(recs.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(recs.every((r) => /you bought it in \d+ receipts/.test(r[5])), JSON.stringify(recs)).toBe(true);
    const days = await page.$$('[data-testid="customer-timeline"] li');
    expect(days.length).toBeGreaterThanOrEqual(1);
    expect(days.length).toBeLessThanOrEqual(60);
    expect(await page.$$eval('[data-testid="customer-timeline"] li:first-child .chip', (cs) => cs.length)).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    await page.$eval('[data-testid="customer"]', (e) => e.scrollIntoView());
    await fullShot(page, 'recommend-customer.png');

    // A campaign row opens its customer too.
    const last = body[body.length - 1][0];
    await page.click('[data-testid="campaign-preview"] tbody tr:last-child');
    await page.waitForSelector(`[data-testid="customer-view"][data-code="${last}"]`);
    expect(await page.inputValue('[data-testid="customer-code"]')).toBe(last);
  });

  it('hashes the customer ids when asked', async () => {
    const before = await page.$eval('[data-testid="campaign-preview"] tbody tr td', (td) => td.textContent ?? '');
    await page.check('[data-testid="campaign-hash"]');
    await page.waitForFunction(() => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes('hashIds');
    });
    const after = await page.$eval('[data-testid="campaign-preview"] tbody tr td', (td) => td.textContent ?? '');
    expect(after).not.toBe(before);
    expect(after).toMatch(/^[0-9a-f]{16}$/);
  });

  it('validates the preference score (seed 002) and shows its chart and table', async () => {
    await page.waitForSelector('[data-testid="pref-no-runs"]');
    await page.click('[data-testid="pref-run"]');
    await page.waitForSelector('[data-testid="pref-form"][data-job-status="done"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="pref-table"]', { timeout: 30_000 });
    const runId = Number(await page.getAttribute('[data-testid="pref-view"]', 'data-run-id'));
    expect(runId).toBeGreaterThan(segmentRun);
    expect(Number(await page.inputValue('[data-testid="pref-run-picker"]'))).toBe(runId);

    const retailers = await page.$$eval('[data-testid="pref-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-retailer')));
    expect(retailers).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06']);
    const heads = await page.$$eval('[data-testid="pref-table"] thead th[data-threshold]', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(heads).toEqual(['≥ 0.0', '≥ 0.5', '≥ 1.0', '≥ 1.5', '≥ 2.0', '≥ 2.5', '≥ 3.0', '≥ 3.5', '≥ 4.0', '≥ 4.5']);
    const first = await page.$$eval('[data-testid="pref-table"] tbody tr[data-retailer="A01"] td', (tds) => tds.map((td) => [td.querySelector('.rec-pref-share')?.textContent ?? '', td.querySelector('.rec-pref-pairs')?.textContent ?? '']));
    expect(first.length).toBe(10);
    expect(first[0][0]).toMatch(/^(0|1)\.\d{3}$/);
    expect(first.every(([share, pairs]) => /^(\d\.\d{3}|–)$/.test(share) && /^[\d,]+$/.test(pairs)), JSON.stringify(first)).toBe(true);
    expect(await page.textContent('[data-testid="pref-explain"]')).toMatch(/before \w+.*bought again at that retailer from/);

    await page.waitForSelector('[data-testid="chart-preference"][data-rendered="true"][data-available="true"]', { timeout: 30_000 });
    await page.$eval('[data-testid="chart-preference"]', (e) => e.scrollIntoView());
    expect(await paintedPixels(page, 'chart-preference')).toBeGreaterThan(200);
    await fullShot(page, 'recommend-preference.png');
  });

  it('reads in Korean', async () => {
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.textContent('[data-testid="nav-recommend"]')).toMatch(/[가-힣]/);
    expect(await page.textContent('[data-testid="eval-table"] thead')).toMatch(/재구매 nDCG@10/);
    expect(await page.textContent('[data-testid="eval-verdict"] .rec-verdict-text')).toMatch(/^nDCG@10에서 p-topfreq이\(가\) (g-topfreq|segment-pop)보다 낫습니다\(차이 \+0\.\d{4}, 95% 신뢰구간 0\.\d{4}…0\.\d{4}\); 신규 상품만 보면 [a-z-]+\(0\.\d{4}\)입니다\.$/);
    expect(await page.textContent('[data-testid="eval-table"] tbody tr[data-model="p-topfreq"] .rec-versus')).toMatch(/(우세|동률|열세)$/);
    await page.waitForSelector('[data-testid="chart-eval"][data-rendered="true"][data-available="true"]');
    expect(await paintedPixels(page, 'chart-eval')).toBeGreaterThan(200);
    await fullShot(page, 'recommend-ko.png');
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
