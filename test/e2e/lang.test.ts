import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { chromiumAvailable, openWorkbench, type Host } from './browser.js';

/*
 * Issue #14 "one language everywhere", in the browser: a run's notes (written in English into the
 * run) and its default segment names show in Korean on the Segments page, and a campaign
 * downloaded in the Korean UI carries Korean headers and reasons although the list was computed
 * in English.
 */
describe.skipIf(!chromiumAvailable())('the app in Korean: notes, names and downloads', () => {
  let dir: string;
  let project: string;
  let host: Host;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];
  let kprototypes = 0;

  beforeAll(async () => {
    ({ dir, project } = makeTinyDemo('swb-e2e-lang-', 'lang.sqlite'));
    // Two customers in three without a region: k-prototypes notes that 'unknown' is a category of its own.
    const db = new Database(project);
    db.prepare('UPDATE customers SET region = NULL WHERE id % 3 <> 0').run();
    db.close();
    const k = runCli(['run', 'kprototypes', '--project', project, '--json']);
    expect(k.code, k.stderr).toBe(0);
    const summary = JSON.parse(k.stdout) as { runId: number; notes?: string[] };
    kprototypes = summary.runId;
    // The note is stored in English (the CLI's contract).
    expect(summary.notes?.some((n) => /^region: unknown for \d+ of 200 customers; 'unknown' counts as a category of its own\.$/.test(n))).toBe(true);
    const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=5', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    ({ host, browser, page, consoleErrors } = await openWorkbench(project));
    await page.selectOption('[data-testid="lang-switch"]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the run notes and the default segment names in Korean on the Segments page', async () => {
    await page.click('[data-testid="nav-segments"]');
    await page.waitForSelector(`[data-testid="segment-view"][data-run-id="${kprototypes}"]`, { timeout: 30_000 });
    const notes = (await page.textContent('[data-testid="segment-notes"]')) ?? '';
    expect(notes).toMatch(/^region: 고객 200명 중 \d+명은 값을 모릅니다\. '알 수 없음'을 하나의 범주로 셉니다\.$/);
    expect(notes).not.toMatch(/unknown for/);
    const name = await page.inputValue('[data-testid="segment-name-0"]');
    expect(name).toMatch(/^세그먼트 \d+$/);
  });

  it('downloads the campaign in Korean: Korean headers and reasons', async () => {
    await page.click('[data-testid="nav-recommend"]');
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="campaign-export"]')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('고객,세그먼트,순위,상품,이름,카테고리,점수,이유');
    expect(lines.length).toBeGreaterThan(100);
    for (const l of lines.slice(1)) expect(l).toMatch(/,(고객님이 영수증 \d+건에서 구매|인기 상품: 영수증 \d+건에 포함)$/);
    // Back in English, the same download has the contract header and English reasons.
    await page.selectOption('[data-testid="lang-switch"]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => (document.querySelector('[data-testid="campaign-preview"]')?.getAttribute('data-key') ?? '').endsWith('\u0000en'));
    await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]');
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="campaign-export"]')]);
    const en = path.join(dir, `en-${again.suggestedFilename()}`);
    await again.saveAs(en);
    const enLines = fs.readFileSync(en, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(enLines[0]).toBe('customer,segment,rank,product,name,category,score,reason');
    expect(enLines[1]).toMatch(/,(you bought it in \d+ receipts|popular: in \d+ receipts)$/);
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
