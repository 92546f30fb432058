import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n/translate.js';
import { chromiumAvailable } from './browser.js';
import { cliJson, csvLines, download, goTo, LANGS, openTinyDemo, runAnalysis, setLang, type Session } from './setup.js';

const SLOW = ['score-model', 'sequence', 'tifu-knn'];
const REGULATED = /담배|주류|tobacco|alcohol/i;

/**
 * Issue #14, "Defaults that fit the data" on the Recommend page, in both languages (an EASE list,
 * whose scores are real numbers): the evaluation
 * form ticks the quick models and shows each slow model's expected time before it is ticked; the
 * campaign builder starts with the newest evaluation's winner and says so; its category exclusions
 * start with tobacco and alcohol, can be edited (adding or clearing terms changes the list), and
 * each download is named after its filters.
 */
describe.skipIf(!chromiumAvailable())('the Recommend page\'s defaults (en, ko)', () => {
  let s: Session;
  let evalRun = 0;
  let winner = '';

  beforeAll(async () => {
    s = await openTinyDemo('swb-e2e-campaign-defaults-', {
      prepare: (project) => {
        runAnalysis(project, 'recommend', { model: 'ease', top: 5 });
        evalRun = runAnalysis(project, 'recommend-eval', { models: 'g-topfreq,p-topfreq' });
      },
    });
    // The winner as the evaluation stored it: the model that wins with the largest difference.
    const ev = cliJson<{ id: number; summary: { wins: string[]; models: { id: string; versusBestBaseline?: { diff: number } }[] } }[]>(s.project, ['runs']).find((r) => r.id === evalRun);
    const won = ev?.summary.models.filter((m) => ev.summary.wins.includes(m.id)).sort((a, b) => (b.versusBestBaseline?.diff ?? 0) - (a.versusBestBaseline?.diff ?? 0))[0];
    if (!won) throw new Error(`evaluation #${evalRun} has no winner`);
    winner = won.id;
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  const previewFor = async (exclude: string) => {
    await s.page.fill('[data-testid="campaign-exclude"]', exclude);
    const terms = exclude.split(',').map((x) => x.trim()).filter(Boolean);
    await s.page.waitForFunction((want) => {
      const t = document.querySelector('[data-testid="campaign-preview"]');
      const key = t?.getAttribute('data-key') ?? '';
      return t?.getAttribute('data-ready') === 'true' && (want === '' ? !key.includes('excludeCategories') : key.includes(`"excludeCategories":"${want}"`));
    }, terms.join(','), { timeout: 30_000 });
  };
  const previewCategories = () => s.page.$$eval('[data-testid="campaign-preview"] tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[5]?.textContent ?? ''));

  for (const lang of LANGS) {
    it(`ticks the quick models and shows the slow ones' expected time before they are ticked (${lang})`, async () => {
      const { page } = s;
      await setLang(page, lang);
      await goTo(page, 'recommend', '[data-testid="eval-run"]:not([disabled])');
      const slowText = lang === 'en' ? /^slow: ≈ \d+ min( \d+ s)? on the full demo$/ : /^느림: 전체 데모에서 약 \d+분( \d+초)?$/;
      for (const m of SLOW) {
        expect(await page.isChecked(`[data-testid="eval-model-${m}"]`), m).toBe(false);
        expect(await page.textContent(`[data-testid="eval-model-time-${m}"]`), m).toMatch(slowText);
      }
      for (const m of ['g-topfreq', 'p-topfreq', 'ease']) {
        expect(await page.isChecked(`[data-testid="eval-model-${m}"]`), m).toBe(true);
        expect(await page.$(`[data-testid="eval-model-time-${m}"]`), m).toBeNull();
      }
    });

    it(`starts the campaign builder with the newest evaluation's winner, and says so (${lang})`, async () => {
      const { page } = s;
      await page.waitForSelector('[data-testid="campaign-preview"][data-ready="true"]', { timeout: 30_000 });
      expect(await page.inputValue('[data-testid="campaign-model"]')).toBe(winner);
      expect(await page.textContent('[data-testid="campaign-model-why"]')).toBe(translate(lang, 'recommend.campaign.modelWhy', { run: evalRun }));
    });

    it(`leaves tobacco and alcohol out by default, takes edits, and names each download after its filters (${lang})`, async () => {
      const { page, dir } = s;
      expect(await page.inputValue('[data-testid="campaign-exclude"]')).toBe('담배, 주류, tobacco, alcohol');
      const dflt = await download(page, '[data-testid="campaign-export"]', dir);
      expect(dflt.name).toMatch(/^run-\d+-campaign-without-4-categories\.csv$/);
      const lines = csvLines(dflt.text);
      expect(lines[0].split(',')[0]).toBe(lang === 'en' ? 'customer' : '고객');
      expect(lines.length).toBeGreaterThan(100);
      const category = (l: string) => l.split(',')[5];
      expect(lines.slice(1).filter((l) => REGULATED.test(category(l)))).toEqual([]);

      // Scores read as numbers on screen (4 decimals at most), while the CSV keeps every digit.
      const shown = await page.$$eval('[data-testid="campaign-preview"] tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[6]?.textContent ?? ''));
      expect(shown.length).toBeGreaterThan(0);
      for (const v of shown) expect(v).toMatch(/^-?\d+(\.\d{1,4})?$/);
      expect(lines.slice(1).some((l) => /\.\d{5,}$/.test(l.split(',')[6]))).toBe(true);

      // Add the first row's category: it leaves the list, and the name counts five.
      const [first] = await previewCategories();
      expect(first).not.toBe('');
      await previewFor(`담배, 주류, tobacco, alcohol, ${first}`);
      expect(await previewCategories()).not.toContain(first);
      const more = await download(page, '[data-testid="campaign-export"]', dir);
      expect(more.name).toMatch(/^run-\d+-campaign-without-5-categories\.csv$/);
      expect(csvLines(more.text).slice(1).filter((l) => category(l) === first)).toEqual([]);

      // Cleared: nothing is left out, the name says no exclusion, and the list is longer again.
      await previewFor('');
      const none = await download(page, '[data-testid="campaign-export"]', dir);
      expect(none.name).toMatch(/^run-\d+-campaign\.csv$/);
      expect(csvLines(none.text).length).toBeGreaterThanOrEqual(lines.length);
      expect(csvLines(none.text).slice(1).some((l) => category(l) === first)).toBe(true);

      // Back to the default for the next language.
      await previewFor('담배, 주류, tobacco, alcohol');
    });
  }

  it('logged no console error', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
