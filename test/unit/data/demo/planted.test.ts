import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHETYPES, COHORT_REPEAT_SHARE, PROMO_WINDOWS, writeDemoFiles } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-planted-'));
const rows: Record<string, string[][]> = {};
let truth = new Map<string, string>();

beforeAll(async () => {
  const r = await writeDemoFiles(join(root, 'tiny'), { size: 'tiny', seed: 21, writeTruth: true });
  for (const [t, f] of Object.entries(r.files)) rows[t] = readFileSync(f, 'utf8').split('\n').slice(1, -1).map((l) => l.split(','));
  truth = new Map(readFileSync(r.truthFile as string, 'utf8').split('\n').slice(1, -1).map((l) => l.split(',') as [string, string]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dayOf = (ymd: string): number => (Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8)) - Date.UTC(2021, 0, 1)) / 86_400_000;

describe('planted structure measurable from the tiny files', () => {
  it('assigns archetypes in exactly the documented shares (largest remainder)', () => {
    const n = truth.size;
    const raw = ARCHETYPES.map((a) => a.share * n);
    const counts = raw.map(Math.floor);
    const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; k < n - counts.reduce((a, b) => a + b, 0); k++) counts[order[k][1]]++;
    const seen = ARCHETYPES.map((a) => [...truth.values()].filter((x) => x === a.id).length);
    expect(seen).toEqual(counts);
  });

  it('makes exactly the planted share of each archetype strictly offline-only', () => {
    const online = new Set(rows.PDDE.filter((r) => r[2] === '2').map((r) => r[0]));
    const buyers = new Set(rows.PDDE.map((r) => r[0]));
    for (const a of ARCHETYPES) {
      const mine = [...buyers].filter((c) => truth.get(c) === a.id);
      const offlineOnly = mine.filter((c) => !online.has(c)).length;
      expect(offlineOnly, a.id).toBe(Math.round(a.offlineOnly * mine.length));
    }
  });

  it('plants returns: negative amount and quantity, later, same customer and retailer, a product bought before', () => {
    const bought = new Map<string, number>();
    let returns = 0;
    for (const [cust, , , cop, , pd, dt, , am, ct] of rows.PDDE) {
      const key = `${cust}|${cop}|${pd}`;
      if (Number(am) < 0 || Number(ct) < 0) {
        returns++;
        expect(Number(am)).toBeLessThan(0);
        expect(Number(ct)).toBeLessThan(0);
        const first = bought.get(key);
        expect(first, `return of ${key} without an earlier purchase`).toBeDefined();
        expect(dayOf(dt)).toBeGreaterThan(first as number);
      } else if (!bought.has(key)) bought.set(key, dayOf(dt));
    }
    const share = returns / rows.PDDE.length;
    expect(share).toBeGreaterThan(0.002);
    expect(share).toBeLessThan(0.012);
  });

  it('plants the 100-won first-payment cohort, first in a promotion window, and its repeaters', () => {
    const byCust = new Map<string, string[][]>();
    for (const r of rows.LPAY) byCust.set(r[0], [...(byCust.get(r[0]) ?? []), r]);
    const windows = PROMO_WINDOWS.map(([a, b]) => [a.replaceAll('-', ''), b.replaceAll('-', '')]);
    const cohort = [...byCust].filter(([, pays]) => pays[0][6] === '100');
    expect(cohort.length).toBeGreaterThanOrEqual(1);
    for (const [, pays] of cohort) {
      expect(pays[0][2]).toBe('L00');
      expect(windows.some(([a, b]) => pays[0][4] >= a && pays[0][4] <= b)).toBe(true);
      for (const p of pays.slice(1)) expect(p[4] > pays[0][4]).toBe(true);
    }
    const repeaters = cohort.filter(([, pays]) => pays.length > 1).length;
    expect(repeaters).toBe(Math.round(COHORT_REPEAT_SHARE * cohort.length));
  });

  it('never opens hypermarkets on their closing Sundays or any shop but the convenience store on Seollal/Chuseok', () => {
    const closed = new Set(['20210110', '20210124', '20210214', '20210228', '20210912', '20210926', '20211212', '20211226']);
    for (const r of rows.PDDE) {
      if (r[2] !== '1') continue;
      if (r[3] === 'A02') expect(closed.has(r[6]), `A02 open on ${r[6]}`).toBe(false);
      if (r[6] === '20210212' || r[6] === '20210921') expect(r[3]).toBe('A04');
    }
  });

  it('repurchases 흰우유 on a ~7-day and 백미 on a ~30-day cycle', () => {
    const code = (name: string): string => rows.PD_CLAC.find((r) => r[1] === name)?.[0] as string;
    const gapMedian = (pd: string): number => {
      const last = new Map<string, number>();
      const gaps: number[] = [];
      for (const r of rows.PDDE) {
        if (r[5] !== pd || Number(r[8]) < 0) continue;
        const d = dayOf(r[6]);
        const prev = last.get(r[0]);
        if (prev !== undefined && d > prev) gaps.push(d - prev);
        last.set(r[0], d);
      }
      gaps.sort((a, b) => a - b);
      return gaps[Math.floor(gaps.length / 2)];
    };
    expect(gapMedian(code('흰우유'))).toBeGreaterThanOrEqual(6);
    expect(gapMedian(code('흰우유'))).toBeLessThanOrEqual(8);
    expect(gapMedian(code('백미'))).toBeGreaterThanOrEqual(26);
    expect(gapMedian(code('백미'))).toBeLessThanOrEqual(34);
  });
});
