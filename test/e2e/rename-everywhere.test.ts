import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { csvLines, download, goTo, LANGS, openTinyDemo, runAnalysis, setLang, type Session } from './setup.js';

const NAME = { en: 'Weekend families', ko: '주말 가족 고객' } as const;

/**
 * Issue #14, "a renamed segment carries its new name to every page, the campaign builder's dropdown,
 * every export and report" — in both languages (runs.test.ts checks the dropdown, the campaign CSV
 * and Compare in English): renamed on the Segments page, the name shows in the campaign dropdown,
 * the campaign CSV, Compare, the segments CSV and the report's HTML.
 */
describe.skipIf(!chromiumAvailable())('a renamed segment everywhere (en, ko)', () => {
  let s: Session;
  let seg = 0;

  beforeAll(async () => {
    s = await openTinyDemo('swb-e2e-rename-', {
      prepare: (project) => {
        seg = runAnalysis(project, 'kmeans', { features: 'category', k: 3 });
        runAnalysis(project, 'recommend', { model: 'p-topfreq', top: 3 });
      },
    });
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  for (const lang of LANGS) {
    const name = NAME[lang];

    it(`renames segment 1 on the Segments page (${lang})`, async () => {
      const { page } = s;
      await setLang(page, lang);
      await goTo(page, 'segments', `[data-testid="segment-view"][data-run-id="${seg}"][data-ready="true"]`);
      await page.fill('[data-testid="segment-name-1"]', name);
      await page.press('[data-testid="segment-name-1"]', 'Enter');
      await page.waitForSelector('[data-testid="segment-card-1"][data-saving="false"]');
      expect(await page.inputValue('[data-testid="segment-name-1"]')).toBe(name);
    });

    it(`writes the new name in the segments CSV (${lang})`, async () => {
      const csv = await download(s.page, '[data-testid="export-segments"]', s.dir);
      expect(csvLines(csv.text).slice(1).some((l) => l.includes(`,${name}`))).toBe(true);
    });

    it(`shows it in the campaign dropdown and writes it in the campaign CSV (${lang})`, async () => {
      const { page } = s;
      await goTo(page, 'recommend', '[data-testid="campaign-preview"][data-ready="true"]');
      await page.selectOption('[data-testid="campaign-segment-run"]', String(seg));
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="campaign-segment"] option')].some((o) => (o as HTMLOptionElement).value === '1' && (o.textContent ?? '').startsWith(`${n} (`)), name);
      await page.selectOption('[data-testid="campaign-segment"]', '1');
      await page.waitForFunction(() => {
        const t = document.querySelector('[data-testid="campaign-preview"]');
        return t?.getAttribute('data-ready') === 'true' && (t.getAttribute('data-key') ?? '').includes('"segment":"1"');
      });
      const csv = await download(page, '[data-testid="campaign-export"]', s.dir);
      const lines = csvLines(csv.text);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines.slice(1)) expect(l.split(',')[1]).toBe(name);
      // Leave the filter off for the next language.
      await page.selectOption('[data-testid="campaign-segment-run"]', '');
    });

    it(`shows it in Compare (${lang})`, async () => {
      const { page } = s;
      await goTo(page, 'compare', '[data-testid="compare-run"]');
      await page.selectOption('[data-testid="compare-run"]', String(seg));
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="compare-a"] option')].some((o) => (o.textContent ?? '').startsWith(n)), name);
    });

    it(`names it in the report (${lang})`, async () => {
      const { page } = s;
      await goTo(page, 'segments', `[data-testid="segment-view"][data-run-id="${seg}"][data-ready="true"]`);
      await page.click('[data-testid="segment-view"] [data-testid="report-button"]');
      await page.waitForSelector('[data-testid="page-report"]');
      await page.click('[data-testid="report-preview-button"]');
      await page.waitForFunction((n) => (document.querySelector('[data-testid="report-preview"]')?.shadowRoot?.textContent ?? '').includes(n), name, { timeout: 60_000 });
      const html = await download(page, '[data-testid="report-html"]', s.dir);
      expect(html.text).toContain(name);
    });
  }

  it('logged no console error', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
