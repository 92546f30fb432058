import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketingSummary } from '../../../core/model/marketing.js';
import { FIXTURES, runCli, tempDir } from '../../helpers/project.js';
import { SALES_MAP } from './kaggle-shaped.js';

type Row = Record<string, string>;
const read = (file: string): Row[] => Papa.parse<Row>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const day = (mdy: string): number => {
  const [m, d, y] = mdy.split('/').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/**
 * The committed Kaggle-shaped fixtures of the import (test/fixtures/marketing: 20 days of spend,
 * 30 sales lines of 6 customers) through import → store → analysis → export, against the seed's
 * formulas recomputed here from the CSV text alone.
 */
describe('marketing-response on test/fixtures/marketing against the formulas recomputed from the files', () => {
  let dir: string, project: string;
  const sales = read(path.join(FIXTURES, 'marketing/Online_Sales.csv'));
  const spend = read(path.join(FIXTURES, 'marketing/Marketing_Spend.csv'));
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'f.sqlite');
    const maps = (m: string[]) => m.flatMap((x) => ['--map', x]);
    expect(runCli(['import', '--project', project, path.join(FIXTURES, 'marketing/Online_Sales.csv'), ...maps(SALES_MAP)]).code).toBe(0);
    const b = runCli(['import', '--project', project, path.join(FIXTURES, 'marketing/Marketing_Spend.csv'), '--role', 'marketing', '--map', 'date=Date']);
    expect(b.code, b.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('online response, amounts per tier occurrence and responding tiers per customer; no regression on 20 days with 17 terms', () => {
    const r = runCli(['run', 'marketing-response', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as MarketingSummary;
    // Recompute: per customer and day the net amount (quantity × unit price).
    const online = new Map(spend.map((x) => [day(x.Date), Number(x.Online_Spend)]));
    const offline = new Map(spend.map((x) => [day(x.Date), Number(x.Offline_Spend)]));
    const byCustomer = new Map<string, Map<number, number>>();
    for (const x of sales) {
      const m = byCustomer.get(x.CustomerID) ?? new Map<number, number>();
      m.set(day(x.Transaction_Date), (m.get(day(x.Transaction_Date)) ?? 0) + Number(x.Quantity) * Number(x.Avg_Price));
      byCustomer.set(x.CustomerID, m);
    }
    const purchaseDays = [...byCustomer.values()].flatMap((m) => [...m.keys()]);
    const first = Math.max(Math.min(...purchaseDays), Math.min(...online.keys())), last = Math.min(Math.max(...purchaseDays), Math.max(...online.keys()));
    const inPeriod = (d: number) => d >= first && d <= last;
    const total = [...online].filter(([d]) => inPeriod(d)).reduce((t, [, v]) => t + v, 0);
    const share = new Map([...byCustomer].map(([c, m]) => [c, [...m].filter(([d, a]) => a > 0 && inPeriod(d)).reduce((t, [d]) => t + online.get(d)!, 0) / total]));
    const lo = Math.min(...share.values()), hi = Math.max(...share.values());
    const levels = [...new Set([...offline].filter(([d]) => inPeriod(d)).map(([, v]) => v))].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (levels.length - 1) * p, k = Math.floor(h);
      return k + 1 < levels.length ? levels[k] + (h - k) * (levels[k + 1] - levels[k]) : levels[k];
    };
    const bounds = [q(1 / 3), q(2 / 3)];
    expect(s.tierBounds![0]).toBeCloseTo(bounds[0], 9);
    expect(s.tierBounds![1]).toBeCloseTo(bounds[1], 9);
    const tier = (v: number) => (v < bounds[0] ? 0 : v >= bounds[1] ? 2 : 1);
    const tierDays = [0, 0, 0];
    for (const [d, v] of offline) if (inPeriod(d)) tierDays[tier(v)]++;
    expect([s.tierDays.low, s.tierDays.mid, s.tierDays.high]).toEqual(tierDays);

    const out = path.join(dir, 'm.csv');
    expect(runCli(['export', '--project', project, '--run', String(s.runId), '--what', 'marketing', '--out', out]).code).toBe(0);
    const rows = read(out);
    expect(rows.map((x) => x.customer).sort()).toEqual([...byCustomer.keys()].sort());
    for (const x of rows) {
      const m = byCustomer.get(x.customer)!;
      expect(Number(x.online_share), x.customer).toBeCloseTo(share.get(x.customer)!, 12);
      expect(Number(x.online_response), x.customer).toBeCloseTo((share.get(x.customer)! - lo) / (hi - lo), 12);
      const per = [0, 1, 2].map((t) => [...m].filter(([d]) => inPeriod(d) && offline.has(d) && tier(offline.get(d)!) === t).reduce((a, [, v]) => a + v, 0) / tierDays[t]);
      [x.amount_low, x.amount_mid, x.amount_high].forEach((v, t) => expect(Number(v), `${x.customer} tier ${t}`).toBeCloseTo(per[t], 9));
      let best = -1, value = 0;
      per.forEach((v, t) => { if (v > value) { best = t; value = v; } });
      expect(x.offline_tier, x.customer).toBe(best < 0 ? 'none' : ['low', 'mid', 'high'][best]);
    }
    expect(s.segments[0].regression.coefficients).toEqual([]);
    expect(s.segments[0].regression.note).toMatch(/not more than the 17 terms: no regression/);
    const short = JSON.parse(runCli(['run', 'marketing-response', '--project', project, '--param', 'maxLag=1', '--json']).stdout) as MarketingSummary;
    expect(short.segments[0].regression.coefficients).toHaveLength(5);
  });
});
