import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { goTo, LANGS, openImported, setLang, type Session } from './setup.js';

/** A generic sales file (no L.point columns) whose amounts carry `sign`: 60 lines, 7 customers. */
function writeSigned(file: string, sign: string): void {
  const rows = Array.from({ length: 60 }, (_, i) => `C${i % 7},R${i},2024-0${1 + (i % 6)}-1${i % 10},P${i % 5},${sign}${(12.5 + i).toFixed(2)}`);
  fs.writeFileSync(file, ['customer_id,receipt_id,date,product_code,amount', ...rows].join('\n') + '\n');
}

/**
 * Issue #14, "a project has a currency": on a generic file the currency is guessed from the signs in
 * its amounts ($, £, €), and every money figure of the Overview — its KPI cards and the "Overview
 * for every file" totals — shows that unit, in English and in Korean.
 */
describe.skipIf(!chromiumAvailable())('the currency of a generic file, guessed from its signs (en, ko)', () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });

  for (const [sign, code] of [['$', 'USD'], ['£', 'GBP'], ['€', 'EUR']] as const) {
    it(`${code}: guessed at import, and every Overview money figure shows "${sign}" in both languages`, async () => {
      const s = await openImported(`swb-e2e-currency-${code}-`, (dir) => {
        const file = path.join(dir, `sales-${code}.csv`);
        writeSigned(file, sign);
        return [file];
      });
      sessions.push(s);
      const { page } = s;
      await goTo(page, 'data', `[data-testid="currency-picker"][data-currency="${code}"]`);
      expect(await page.getAttribute('[data-testid="currency-picker"]', 'data-currency-source')).not.toBe('user');
      await goTo(page, 'overview', '[data-testid="page-overview"][data-overview-ready="true"]');
      await page.waitForSelector('[data-testid="overview-explore"][data-explore-ready="true"][data-loading="false"]', { timeout: 60_000 });
      for (const lang of LANGS) {
        await setLang(page, lang);
        await page.waitForSelector('[data-testid="overview-explore"][data-explore-ready="true"][data-loading="false"]', { timeout: 60_000 });
        for (const kpi of ['sales', 'basket']) {
          const text = (await page.textContent(`[data-kpi="${kpi}"]`)) ?? '';
          expect(text, `${lang} ${kpi}`).toContain(sign);
          // One unit only: never the won of the L.point default.
          expect(text, `${lang} ${kpi}`).not.toMatch(/₩|원/);
        }
        const totals = (await page.textContent('[data-testid="explore-totals"]')) ?? '';
        expect(totals, lang).toContain(sign);
        expect(totals, lang).toMatch(lang === 'en' ? /net sales/ : /순매출/);
      }
      expect(s.consoleErrors).toEqual([]);
    });
  }
});
