import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/src/i18n/translate.js';
import { chromiumAvailable } from './browser.js';
import { goTo, LANGS, openImported, runAnalysis, setLang, writeNoChannelFile, type Session } from './setup.js';

/**
 * Issue #14, "Defaults that fit the data", in Chromium and in both languages, on a retailer's file
 * with categories but no sales channel and no customer attributes (prices in euros):
 * stratified K-means says it used 4 strata (not 8), lists no empty stratum and no channel it does
 * not have, its segment count matches the header's and its spend ranges carry €; k-prototypes says
 * that no categorical input differs between customers instead of clustering on them in silence.
 */
describe.skipIf(!chromiumAvailable())('defaults that fit a file without a channel (en, ko)', () => {
  let s: Session;
  let strat = 0;
  let kproto = 0;

  beforeAll(async () => {
    s = await openImported('swb-e2e-defaults-', (dir) => {
      const file = path.join(dir, 'sales.csv');
      writeNoChannelFile(file);
      return ['--role', 'transactions', file];
    }, {
      prepare: (project) => {
        strat = runAnalysis(project, 'stratified-kmeans', { kMin: 2, kMax: 4 });
        kproto = runAnalysis(project, 'kprototypes', { k: 3 });
      },
    });
    // The currency is set where the analyst sets it: the Data page.
    await goTo(s.page, 'data', '[data-testid="currency-picker"]');
    await s.page.selectOption('[data-testid="currency-select"]', 'EUR');
    await s.page.waitForSelector('[data-testid="currency-picker"][data-currency="EUR"]');
  }, 180_000);

  afterAll(async () => {
    await s?.close();
  });

  const showRun = async (run: number) => {
    await goTo(s.page, 'segments', '[data-testid="segment-run-picker"]');
    await s.page.selectOption('[data-testid="segment-run-picker"]', String(run));
    await s.page.waitForSelector(`[data-testid="segment-view"][data-run-id="${run}"][data-ready="true"]`, { timeout: 30_000 });
  };

  for (const lang of LANGS) {
    it(`stratified K-means: 4 strata by spend grade, none empty, no channel named, k = the segments shown, spend in € (${lang})`, async () => {
      const { page } = s;
      await setLang(page, lang);
      await showRun(strat);
      expect(await page.textContent('[data-kpi="segments"] .kpi-note')).toBe(translate(lang, 'segments.kpi.strata', { n: 4 }));
      const rows = await page.$$eval('[data-testid="strata-table"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      expect(rows).toHaveLength(4);
      for (const [label, customers, , , range] of rows) {
        expect(Number(customers.replace(/,/g, '')), label).toBeGreaterThan(0);
        // No channel in these data: the strata are spend grades, not "offline-only" ones.
        expect(label).not.toContain(translate(lang, 'segments.offlineOnly'));
        expect(label).not.toContain(translate(lang, 'segments.anyOnline'));
        expect(range).toContain('€');
      }
      expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4].map((g) => translate(lang, 'segments.stratumGrade', { grade: g })));
      // The header's segment count is the number of segments in the profile table (the outliers' row aside).
      const segments = Number((await page.textContent('[data-kpi="segments"] .kpi-value'))?.replace(/,/g, ''));
      const profiled = await page.$$eval('[data-testid="profile-table"] tbody tr[data-segment]', (trs) => trs.filter((tr) => Number(tr.getAttribute('data-segment')) >= 0).length);
      expect(profiled).toBe(segments);
      // How the inputs were scaled, in the page's language.
      const view = (await page.textContent('[data-testid="segment-view"]')) ?? '';
      if (lang === 'ko') expect(view).not.toContain('min–max scaled within each stratum');
      else expect(view).toContain('K-means on the pivot min–max scaled within each stratum');
      const notes = (await page.textContent('[data-testid="segment-notes"]')) ?? '';
      expect(notes).toContain(lang === 'en' ? 'These data have no sales channel: 4 strata by spend grade alone (not 8 by channel × spend).' : '이 데이터에는 판매 채널이 없습니다: 채널 × 구매액 8개 층이 아니라 구매액 등급만으로 4개 층을 나눕니다.');
    });

    it(`k-prototypes says no categorical input differs here (${lang})`, async () => {
      const { page } = s;
      await setLang(page, lang);
      await showRun(kproto);
      const notes = (await page.textContent('[data-testid="segment-notes"]')) ?? '';
      if (lang === 'en') expect(notes).toMatch(/^No categorical input differs between customers here \(.*region.*\): k-prototypes clusters on the numeric inputs alone, as kmeans would\.$/);
      else expect(notes).toMatch(/^고객 사이에 다른 범주형 입력이 없습니다\(.*region.*\): K-프로토타입이 K-평균처럼 수치 입력만으로 군집화합니다\.$/);
    });
  }

  it('logged no console error', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
