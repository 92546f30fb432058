import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdExpected, btydSummary, clvModel, discountedValue, holdoutCheck, MONTH_DAYS, type PurchaseDays } from '../../../../core/analysis/value/index.js';
import { CDNOW_RAW, HAS_CDNOW_RAW, PUBLISHED, readCdnow } from './cdnow.js';

const D = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

function days(rows: [number, string, number][]): PurchaseDays {
  return { customer: Int32Array.from(rows.map((r) => r[0])), day: Int32Array.from(rows.map((r) => D(r[1]))), amount: Float64Array.from(rows.map((r) => r[2])) };
}

/** The raw CDNOW log as PurchaseDays (lines of one customer-day summed), customers in file order. */
function cdnowDays(): { data: PurchaseDays; customers: number } {
  const sums = new Map<string, Map<number, number>>();
  for (const line of readFileSync(CDNOW_RAW, 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const day = D(`${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6, 8)}`);
    const m = sums.get(f[0]) ?? new Map<number, number>();
    m.set(day, (m.get(day) ?? 0) + Number(f[4]));
    sums.set(f[0], m);
  }
  const rows: [number, number, number][] = [];
  [...sums.keys()].sort().forEach((id, c) => [...sums.get(id)!].sort((a, b) => a[0] - b[0]).forEach(([d, a]) => rows.push([c, d, a])));
  return { data: { customer: Int32Array.from(rows.map((r) => r[0])), day: Int32Array.from(rows.map((r) => r[1])), amount: Float64Array.from(rows.map((r) => r[2])) }, customers: sums.size };
}

describe('btydSummary', () => {
  it('counts repeat purchase days, averages repeat amounts, and splits calibration from holdout', () => {
    const s = btydSummary(days([
      [0, '2020-01-01', 10], [0, '2020-01-08', 20], [0, '2020-01-15', 40], [0, '2020-02-01', 5], [0, '2020-03-01', 7],
      [1, '2020-01-20', 99],
      [2, '2020-02-10', 3],
    ]), 4, D('2020-01-29'), D('2020-02-29'), 7);
    expect([...s.included]).toEqual([1, 1, 0, 0]);
    expect(s.frequency[0]).toBe(2);
    expect(s.recency[0]).toBe(2);
    expect(s.T[0]).toBe(4);
    expect(s.monetary[0]).toBe(30);
    // 2020-03-01 is after the holdout end: not counted.
    expect(s.holdout[0]).toBe(1);
    expect([s.frequency[1], s.recency[1], s.monetary[1]]).toEqual([0, 0, 0]);
    expect(s.T[1]).toBeCloseTo(9 / 7, 12);
  });

  it('refuses unsorted or unmerged days', () => {
    expect(() => btydSummary(days([[0, '2020-01-02', 1], [0, '2020-01-01', 1]]), 1, D('2020-02-01'), D('2020-02-01'))).toThrow('sorted by customer, then day');
    expect(() => btydSummary(days([[0, '2020-01-01', 1], [0, '2020-01-01', 1]]), 1, D('2020-02-01'), D('2020-02-01'))).toThrow('must be summed first');
  });

  it.skipIf(!HAS_CDNOW_RAW)('on the raw CDNOW log equals the fixture script\'s summary (two implementations)', () => {
    const { data, customers } = cdnowDays();
    const s = btydSummary(data, customers, D('1997-09-30'), D('1998-06-30'), 7);
    const ref = readCdnow();
    expect(customers).toBe(ref.x.length);
    for (let i = 0; i < customers; i++) {
      expect(s.frequency[i]).toBe(ref.x[i]);
      expect(s.recency[i]).toBeCloseTo(ref.tx[i], 12);
      expect(s.T[i]).toBeCloseTo(ref.T[i], 12);
      expect(s.monetary[i]).toBeCloseTo(ref.m[i], 8);
      expect(s.holdout[i]).toBe(ref.holdout[i]);
    }
  });
});

describe('discountedValue (lifetimes customer_lifetime_value)', () => {
  const p = PUBLISHED.bgnbd;
  it('without discount: expected purchases × spend; with it: the monthly sum written out', () => {
    const month = MONTH_DAYS / 7, horizon = 365 / 7;
    const flat = discountedValue(p, 3, 20, 30, 50, horizon, month, 0);
    expect(flat.purchases).toBeCloseTo(bgnbdExpected(p, horizon, 3, 20, 30), 12);
    expect(flat.value).toBeCloseTo(flat.purchases * 50, 9);
    let want = 0, prev = 0;
    for (let m = 1; m <= 12; m++) {
      const e = bgnbdExpected(p, Math.min(m * month, horizon), 3, 20, 30);
      want += ((e - prev) * 50) / 1.01 ** m;
      prev = e;
    }
    expect(discountedValue(p, 3, 20, 30, 50, horizon, month, 0.01).value).toBeCloseTo(want, 9);
    // 45 days: one whole month and a partial second one.
    const short = discountedValue(p, 3, 20, 30, 50, 45 / 7, month, 0.01);
    expect(short.purchases).toBeCloseTo(bgnbdExpected(p, 45 / 7, 3, 20, 30), 12);
  });
});

describe('holdoutCheck', () => {
  it('on CDNOW at the published parameters equals R\'s group means (test/reference/cdnow_bgnbd.R)', () => {
    const d = readCdnow();
    const R = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/cdnow/cdnow-bgnbd-r.json'), 'utf8')) as { groups: { frequency: number; customers: number; actual: number; predicted: number }[] };
    const n = d.x.length;
    const c = holdoutCheck(PUBLISHED.bgnbd, { included: new Uint8Array(n).fill(1), frequency: Float64Array.from(d.x), recency: Float64Array.from(d.tx), T: Float64Array.from(d.T), monetary: Float64Array.from(d.m), holdout: Float64Array.from(d.holdout) }, 39);
    expect(c.rows.map((r) => r.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    c.rows.forEach((r, k) => {
      expect(r.customers).toBe(R.groups[k].customers);
      expect(r.actual).toBeCloseTo(R.groups[k].actual, 12);
      expect(r.predicted).toBeCloseTo(R.groups[k].predicted, 9);
    });
    expect(c.actualTotal).toBe(1882);
  });
});

describe.skipIf(!HAS_CDNOW_RAW)('clvModel on the raw CDNOW log', () => {
  it('calibration to 1997-09-30 in weeks gives the published fits; predictions for every customer', () => {
    const { data, customers } = cdnowDays();
    const m = clvModel(data, customers, { calibrationEnd: D('1997-09-30'), timeUnit: 'week' });
    const pct = (a: number, b: number) => Math.abs(a / b - 1);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(pct(m.bgnbd.params[k], PUBLISHED.bgnbd[k]), k).toBeLessThan(0.01);
    for (const k of ['p', 'q', 'gamma'] as const) expect(pct(m.gammaGamma.params[k], PUBLISHED.gammaGamma[k]), k).toBeLessThan(0.01);
    expect([m.calibrationCustomers, m.spendCustomers]).toEqual([2357, 946]);
    expect(m.check!.length).toBe(39);
    expect(m.customers.expectedValue.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect(m.customers.pAlive.every((v) => v > 0 && v <= 1)).toBe(true);
    // Same data, same options: the same doubles.
    const again = clvModel(data, customers, { calibrationEnd: D('1997-09-30'), timeUnit: 'week' });
    expect(again.customers.expectedValue).toEqual(m.customers.expectedValue);
  });

  it('in days the fit describes the same process: α scales by 7, r, a, b unchanged, LL shifts by −Σx·ln 7', () => {
    const { data, customers } = cdnowDays();
    const w = clvModel(data, customers, { calibrationEnd: D('1997-09-30'), timeUnit: 'week' });
    const d = clvModel(data, customers, { calibrationEnd: D('1997-09-30'), timeUnit: 'day' });
    expect(d.bgnbd.params.alpha / 7 / w.bgnbd.params.alpha).toBeCloseTo(1, 5);
    for (const k of ['r', 'a', 'b'] as const) expect(d.bgnbd.params[k] / w.bgnbd.params[k], k).toBeCloseTo(1, 5);
    // The density of x purchase times in days is 7^{−x} times that in weeks.
    let sx = 0;
    const cal = btydSummary(data, customers, D('1997-09-30'), D('1998-06-30'), 7);
    for (let i = 0; i < customers; i++) sx += cal.frequency[i];
    expect(d.bgnbd.logLik).toBeCloseTo(w.bgnbd.logLik - sx * Math.log(7), 6);
    // Predictions do not depend on the unit.
    for (let i = 0; i < 20; i++) expect(d.customers.expectedValue[i]).toBeCloseTo(w.customers.expectedValue[i], 3);
  });
});
