import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHETYPES, PLANTED_RESPONSE, writeDemoFiles } from '../../../../core/data/demo/index.js';

/*
 * The planted marketing and coupon truth, measured on the raw CSV files of the tiny demo (not
 * through the analyses, which test their own recovery): the online archetype's daily trips follow
 * yesterday's online spend and nothing else does; the coupon-sensitive archetype uses coupons more
 * at higher discounts and everyone else at a flat rate.
 */
const root = mkdtempSync(join(tmpdir(), 'demo-extras-planted-'));
const read = (f: string): string[][] => readFileSync(f, 'utf8').split('\n').slice(1, -1).map((l) => l.split(','));
let truth = new Map<string, string>();
let pdde: string[][] = [];
let online: number[] = [];
let offers = new Map<string, number>();
let topOf = new Map<string, string>();

beforeAll(async () => {
  const r = await writeDemoFiles(join(root, 'tiny'), { size: 'tiny', seed: 21, writeTruth: true, with: ['marketing', 'coupons'] });
  truth = new Map(read(r.truthFile as string).map((x) => [x[0], x[1]]));
  pdde = read(r.files.PDDE);
  online = read(r.marketing?.file as string).map((x) => Number(x[2]));
  offers = new Map(read(r.coupons?.file as string).map((x) => [`${x[0]}|${x[1]}`, Number(x[3])]));
  topOf = new Map(read(r.files.PD_CLAC).map((x) => [x[0], x[2]]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dayOf = (ymd: string): number => (Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8)) - Date.UTC(2021, 0, 1)) / 86_400_000;

/** Receipts (trips) per day of each archetype's customers. */
function dailyTrips(): Map<string, number[]> {
  const seen = new Set<string>();
  const out = new Map(ARCHETYPES.map((a) => [a.id, new Array<number>(365).fill(0)]));
  for (const x of pdde) {
    if (seen.has(x[1])) continue;
    seen.add(x[1]);
    (out.get(truth.get(x[0]) as string) as number[])[dayOf(x[6])]++;
  }
  return out;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Correlation of trips on day t with online spend on day t − lag, over the days 7…364 (the same days for every lag). */
const lagged = (trips: number[], lag: number): number => pearson(trips.slice(7), online.slice(7 - lag, 365 - lag));
/** With ~358 days a correlation of 0 is seen within ±0.19 (3.5 standard errors of 1/√358) by chance. */
const CHANCE = 3.5 / Math.sqrt(358);

describe('planted online response (1-day lag) in the tiny files', () => {
  it('has the online archetype\'s trips follow yesterday\'s online spend, strongly', () => {
    const trips = dailyTrips().get(PLANTED_RESPONSE.onlineArchetype) as number[];
    expect(PLANTED_RESPONSE.lagDays).toBe(1);
    expect(lagged(trips, 1)).toBeGreaterThan(0.3);
  });

  it('has them not follow the same day\'s or the day before yesterday\'s spend beyond chance', () => {
    const trips = dailyTrips().get(PLANTED_RESPONSE.onlineArchetype) as number[];
    for (const lag of [0, 2, 3, 7]) expect(Math.abs(lagged(trips, lag)), `lag ${lag}`).toBeLessThan(CHANCE);
  });

  it('has the day after the dearest quarter of spend days bring clearly more of its trips than the day after the cheapest quarter', () => {
    const trips = dailyTrips().get(PLANTED_RESPONSE.onlineArchetype) as number[];
    const days = Array.from({ length: 364 }, (_, d) => d + 1).sort((a, b) => online[a - 1] - online[b - 1]);
    const mean = (ds: number[]): number => ds.reduce((s, d) => s + trips[d], 0) / ds.length;
    expect(mean(days.slice(-91)) / mean(days.slice(0, 91))).toBeGreaterThan(1.8);
  });

  it('has no other archetype react to the online spend on the day before', () => {
    for (const [id, trips] of dailyTrips()) {
      if (id === PLANTED_RESPONSE.onlineArchetype) continue;
      expect(Math.abs(lagged(trips, 1)), id).toBeLessThan(CHANCE);
    }
  });
});

describe('planted coupon sensitivity in the tiny files', () => {
  /** Per archetype and discount: [lines with an offer, Used, Clicked] (returns excluded). */
  function useCounts(): Map<string, Map<number, [number, number, number]>> {
    const out = new Map<string, Map<number, [number, number, number]>>();
    for (const x of pdde) {
      if (Number(x[8]) < 0) continue;
      const pct = offers.get(`${x[6].slice(0, 4)}-${x[6].slice(4, 6)}|${topOf.get(x[5])}`);
      if (pct === undefined) continue;
      const a = truth.get(x[0]) as string;
      if (!out.has(a)) out.set(a, new Map());
      const byPct = out.get(a) as Map<number, [number, number, number]>;
      const c = byPct.get(pct) ?? [0, 0, 0];
      c[0]++;
      if (x[10] === 'Used') c[1]++;
      if (x[10] === 'Clicked') c[2]++;
      byPct.set(pct, c);
    }
    return out;
  }

  it('has the sensitive archetype use coupons more as the discount rises, near the planted rates', () => {
    const mine = useCounts().get(PLANTED_RESPONSE.couponArchetype) as Map<number, [number, number, number]>;
    const rate = (pct: 10 | 20 | 30): number => (mine.get(pct) as number[])[1] / (mine.get(pct) as number[])[0];
    expect(rate(10)).toBeLessThan(rate(20));
    expect(rate(20)).toBeLessThan(rate(30));
    for (const pct of [10, 20, 30] as const) {
      const [n] = mine.get(pct) as number[];
      const p = PLANTED_RESPONSE.useRates[pct];
      expect(Math.abs(rate(pct) - p), `${pct}%`).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('has every other archetype use coupons at the flat rate whatever the discount', () => {
    const pooled = new Map<number, [number, number]>();
    for (const [a, byPct] of useCounts()) {
      if (a === PLANTED_RESPONSE.couponArchetype) continue;
      for (const [pct, [n, used]] of byPct) {
        const c = pooled.get(pct) ?? [0, 0];
        pooled.set(pct, [c[0] + n, c[1] + used]);
      }
    }
    const p = PLANTED_RESPONSE.flatUseRate;
    const rates = [10, 20, 30].map((pct) => (pooled.get(pct) as number[])[1] / (pooled.get(pct) as number[])[0]);
    for (const [k, pct] of [10, 20, 30].entries()) {
      const n = (pooled.get(pct) as number[])[0];
      expect(Math.abs(rates[k] - p), `${pct}%`).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n));
    }
    // The sensitive archetype's rise from 10 % to 30 % is 0.45; the others' stays within noise.
    expect(Math.abs(rates[2] - rates[0])).toBeLessThan(0.03);
  });

  it('has coupons clicked but not used at the planted click rate for everyone', () => {
    let n = 0, clicked = 0;
    for (const byPct of useCounts().values()) for (const c of byPct.values()) {
      n += c[0];
      clicked += c[2];
    }
    const p = PLANTED_RESPONSE.clickRate;
    expect(Math.abs(clicked / n - p)).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('makes most sensitive customers use more coupons at 30 % than at 10 %, and few of the others', () => {
    const per = new Map<string, [number, number, number, number]>();
    for (const x of pdde) {
      if (Number(x[8]) < 0) continue;
      const pct = offers.get(`${x[6].slice(0, 4)}-${x[6].slice(4, 6)}|${topOf.get(x[5])}`);
      if (pct !== 10 && pct !== 30) continue;
      const c = per.get(x[0]) ?? [0, 0, 0, 0];
      const k = pct === 10 ? 0 : 2;
      c[k]++;
      if (x[10] === 'Used') c[k + 1]++;
      per.set(x[0], c);
    }
    const share = (sensitive: boolean): number => {
      const cs = [...per].filter(([c, v]) => (truth.get(c) === PLANTED_RESPONSE.couponArchetype) === sensitive && v[0] >= 10 && v[2] >= 10);
      return cs.filter(([, v]) => v[3] / v[2] > v[1] / v[0]).length / cs.length;
    };
    expect(share(true)).toBeGreaterThan(0.9);
    expect(share(false)).toBeLessThan(0.65);
  });
});
