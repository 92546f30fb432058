import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.js';
import { chromiumAvailable, fullShot } from './browser.js';
import { goTo, openTinyDemo, runAnalysis, type Session } from './setup.js';

const HANGUL = /[가-힣]/;

/**
 * Issue #14, "Runs can be deleted, renamed and annotated; run details read as a page; the chosen run
 * survives a reload" — in Korean (runs.test.ts checks the same in English): every label of the Runs
 * page and its confirmations are Korean, and the Segments page keeps the run picked after a reload.
 */
describe.skipIf(!chromiumAvailable())('runs in Korean: chosen run kept, titled, annotated, deleted', () => {
  let s: Session;
  let older = 0;
  let newer = 0;

  beforeAll(async () => {
    s = await openTinyDemo('swb-e2e-runs-ko-', {
      lang: 'ko',
      prepare: (project) => {
        older = runAnalysis(project, 'kmeans', { features: 'category', k: 3 });
        newer = runAnalysis(project, 'kmeans', { features: 'category', k: 2 });
      },
    });
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  const segmentsShows = (run: number) => s.page.waitForSelector(`[data-testid="segment-view"][data-run-id="${run}"][data-ready="true"]`, { timeout: 30_000 });

  it('keeps the run picked on the Segments page across a reload', async () => {
    const { page } = s;
    await goTo(page, 'segments');
    await segmentsShows(newer);
    await page.selectOption('[data-testid="segment-run-picker"]', String(older));
    await segmentsShows(older);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"][lang="ko"]');
    await segmentsShows(older);
    expect(Number(await page.inputValue('[data-testid="segment-run-picker"]'))).toBe(older);
    expect(await page.textContent('[data-testid="segment-run-picker"] option:checked')).toMatch(HANGUL);
  });

  it('shows a run as a page in Korean, titles and annotates it, and both survive a reload', async () => {
    const { page } = s;
    await goTo(page, 'runs', '[data-testid="runs-card"][data-runs-ready="true"]');
    await page.click(`[data-testid="runs-table"] [data-row-key="${newer}"]`);
    await page.waitForSelector(`[data-testid="run-details"][data-run-id="${newer}"]`);
    expect(await page.textContent(`[data-testid="run-params"] tr[data-param="k"] td`)).toBe('2');
    expect(await page.textContent(`[data-testid="run-figures"] tr[data-figure="segments"] td`)).toBe('2');
    // Every key figure is named in Korean, its field name in the tooltip.
    const figureHeads = await page.$$eval('[data-testid="run-figures"] th', (ths) => ths.map((th) => (th.textContent ?? '').trim()));
    expect(figureHeads.length).toBeGreaterThan(3);
    for (const h of figureHeads) expect(h, h).toMatch(HANGUL);
    // The raw JSON folded away.
    expect(await page.isVisible('[data-testid="run-summary"]')).toBe(false);
    const heads = await page.$$eval('[data-testid="runs-table"] thead th', (ths) => ths.map((th) => (th.textContent ?? '').trim()).filter(Boolean));
    for (const h of heads) expect(h, h).toMatch(HANGUL);
    await page.fill('[data-testid="run-title-input"]', '두 그룹 분할');
    await page.click('[data-testid="run-title-save"]');
    expect(await (await page.waitForSelector('[data-testid="run-title-saved"]')).textContent()).toMatch(HANGUL);
    await page.fill('[data-testid="run-note-input"]', '캠페인에는 너무 거칩니다.');
    await page.click('[data-testid="run-note-save"]');
    expect(await (await page.waitForSelector('[data-testid="run-note-saved"]')).textContent()).toMatch(HANGUL);
    await page.waitForFunction(() => (document.querySelector('[data-testid="runs-table"]')?.textContent ?? '').includes('두 그룹 분할'));
    await page.reload();
    await page.waitForSelector('html[data-ready="true"][lang="ko"]');
    await page.waitForSelector(`[data-testid="run-details"][data-run-id="${newer}"]`);
    expect(await page.inputValue('[data-testid="run-title-input"]')).toBe('두 그룹 분할');
    expect(await page.inputValue('[data-testid="run-note-input"]')).toBe('캠페인에는 너무 거칩니다.');
    await fullShot(page, 'runs-ko.png');
    // The title names the run in the CLI's list too.
    expect(runCli(['runs', '--project', s.project]).stdout).toContain('두 그룹 분할');
  });

  it('names the run\'s parameters by their Korean labels, not their ids (issue #14: no raw ids on a screen)', async () => {
    const { page } = s;
    const names = await page.$$eval('[data-testid="run-params"] tr[data-param] th', (ths) => ths.map((th) => (th.textContent ?? '').trim()));
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(n, n).toMatch(HANGUL);
  });

  it('asks in Korean before deleting, deletes on yes, and says in Korean why the import run stays', async () => {
    const { page } = s;
    await page.click('[data-testid="run-delete"]');
    expect(await page.textContent('[data-testid="run-delete-no"]')).toMatch(HANGUL);
    await page.click('[data-testid="run-delete-no"]');
    expect(await page.isVisible(`[data-testid="runs-table"] [data-row-key="${newer}"]`)).toBe(true);
    await page.click('[data-testid="run-delete"]');
    expect(await page.textContent('[data-testid="run-delete-yes"]')).toMatch(HANGUL);
    await page.click('[data-testid="run-delete-yes"]');
    expect(await (await page.waitForSelector('[data-testid="run-deleted"]')).textContent()).toMatch(HANGUL);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="runs-table"] [data-row-key="${id}"]`) === null, newer);
    expect(runCli(['runs', '--project', s.project]).stdout).not.toMatch(new RegExp(`^#${newer}\\s`, 'm'));
    await page.click('[data-testid="runs-table"] [data-row-key="1"]');
    const refused = (await (await page.waitForSelector('[data-testid="run-delete-refused"]')).textContent()) ?? '';
    expect(refused).toMatch(HANGUL);
    expect(refused).not.toMatch(/\b(cannot|import run)\b/i);
    expect(await page.isVisible('[data-testid="run-delete"]')).toBe(false);
  });

  it('logged no console error', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
