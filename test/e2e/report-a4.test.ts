import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { goTo, LANGS, openTinyDemo, runAnalysis, setLang, type Session } from './setup.js';
import { pageColours } from '../helpers/pdf.js';

const popplerAvailable = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0 && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!popplerAvailable) console.warn('SKIPPED: the A4 report test needs pdftoppm/pdftotext (apt-get install -y poppler-utils).');


const TITLE = { en: 'Campaign review, December', ko: '연말 캠페인 검토' } as const;
const PROVENANCE = { en: 'Data and provenance', ko: '데이터와 출처' } as const;

/**
 * Issue #14, report to PDF, in both languages and on A4 (report.test.ts prints the 16:9 slides in
 * Korean): from the Report button of a segmentation, with an evaluation added, the app's language
 * chooses the report's; the PDF is A4, page 1 is not blank and holds the title and the provenance
 * heading (pdftotext), and its file is named after the title.
 */
describe.skipIf(!chromiumAvailable() || !popplerAvailable)('a report printed to an A4 PDF (en, ko)', () => {
  let s: Session;
  let seg = 0;
  let ev = 0;

  beforeAll(async () => {
    s = await openTinyDemo('swb-e2e-report-a4-', {
      prepare: (project) => {
        seg = runAnalysis(project, 'kmeans', { k: 3 });
        ev = runAnalysis(project, 'recommend-eval', { models: 'g-topfreq,p-topfreq' });
      },
    });
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  for (const lang of LANGS) {
    it(`prints a segmentation and an evaluation to A4 in ${lang}: title, provenance, not blank`, async () => {
      const { page, dir } = s;
      await setLang(page, lang);
      await goTo(page, 'segments', `[data-testid="segment-view"][data-run-id="${seg}"][data-ready="true"]`);
      await page.click('[data-testid="segment-view"] [data-testid="report-button"]');
      await page.waitForSelector('[data-testid="page-report"]');
      await page.selectOption('[data-testid="report-add-run"]', String(ev));
      await page.click('[data-testid="report-add"]');
      expect(await page.$$eval('[data-testid="report-section"]', (els) => els.map((e) => Number(e.getAttribute('data-run'))))).toEqual([seg, ev]);
      // The report's language follows the app's until the analyst picks another.
      expect(await page.getAttribute(`[data-testid="report-lang-${lang}"]`, 'aria-pressed')).toBe('true');
      await page.click('[data-testid="report-layout-a4"]');
      await page.fill('[data-testid="report-title"]', TITLE[lang]);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-testid="report-pdf"]')]);
      const pdf = path.join(dir, `report-a4-${lang}.pdf`);
      await download.saveAs(pdf);
      expect(download.suggestedFilename()).toBe(`${TITLE[lang].replace(/[\s,]+/g, '-')}.pdf`);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
      const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(first).toContain(TITLE[lang]);
      expect(first).toContain(PROVENANCE[lang]);
      expect(pageColours(pdf)).toBeGreaterThan(10);
    });
  }

  it('logged no console error', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
