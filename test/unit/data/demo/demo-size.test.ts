import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHETYPES, RULES, writeDemoFiles, type DemoResult } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-size-'));
let result: DemoResult;
let pdde: string[][] = [];
const name = new Map<string, string[]>();
let truth = new Map<string, string>();

beforeAll(async () => {
  result = await writeDemoFiles(join(root, 'demo'), { size: 'demo', seed: 1, writeTruth: true });
  pdde = readFileSync(result.files.PDDE, 'utf8').split('\n').slice(1, -1).map((l) => l.split(','));
  for (const l of readFileSync(result.files.PD_CLAC, 'utf8').split('\n').slice(1, -1)) {
    const r = l.split(',');
    name.set(r[0], r);
  }
  truth = new Map(readFileSync(result.truthFile as string, 'utf8').split('\n').slice(1, -1).map((l) => l.split(',') as [string, string]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const weekday = (ymd: string): number => new Date(Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8))).getUTCDay();

describe('the demo size', () => {
  it('has 3,000 customers and 400–450k purchase lines', () => {
    expect(result.rows.DEMO).toBe(3000);
    expect(result.rows.PDDE).toBeGreaterThanOrEqual(400_000);
    expect(result.rows.PDDE).toBeLessThanOrEqual(450_000);
  });

  it('lets rule mining find every planted rule at no less than its planted confidence (minus noise)', () => {
    const baskets = new Map<string, Set<string>>();
    for (const r of pdde) {
      if (Number(r[8]) < 0) continue;
      let b = baskets.get(r[1]);
      if (!b) baskets.set(r[1], (b = new Set()));
      b.add(name.get(r[5])?.[1] as string);
    }
    for (const rule of RULES.filter((x) => !x.longTail)) {
      let n = 0;
      let hit = 0;
      for (const b of baskets.values()) {
        if (!rule.antecedents.every((a) => b.has(a))) continue;
        n++;
        if (b.has(rule.consequent)) hit++;
      }
      expect(n, rule.id).toBeGreaterThan(100);
      expect(hit / n, rule.id).toBeGreaterThan(rule.p - 0.05);
    }
  });

  it('separates the archetypes’ median yearly spend in the documented order', () => {
    const spend = new Map<string, number>();
    for (const r of pdde) spend.set(r[0], (spend.get(r[0]) ?? 0) + Number(r[8]));
    const median = (id: string): number => {
      const xs = [...spend].filter(([c]) => truth.get(c) === id).map(([, v]) => v).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)];
    };
    const order = ['premium_department', 'tech_enthusiast', 'young_parent', 'family_grocery', 'online_trendy', 'senior_traditional', 'single_convenience', 'light_occasional'];
    expect(order.slice().sort()).toEqual(ARCHETYPES.map((a) => a.id).sort());
    for (let i = 1; i < order.length; i++) expect(median(order[i - 1]), `${order[i - 1]} > ${order[i]}`).toBeGreaterThan(median(order[i]) * 1.15);
  });

  it('peaks hypermarket visits at weekends and drinks/ice cream in summer', () => {
    const a02 = new Map<string, number>();
    for (const r of pdde) if (r[3] === 'A02' && r[2] === '1') a02.set(r[1], weekday(r[6]));
    const perDow = new Array(7).fill(0);
    for (const d of a02.values()) perDow[d]++;
    expect(perDow[6]).toBeGreaterThan(1.4 * ((perDow[1] + perDow[2] + perDow[3]) / 3));
    const cold = (month: string): number => {
      let s = 0;
      let all = 0;
      for (const r of pdde) {
        if (r[6].slice(4, 6) !== month) continue;
        all++;
        const top = name.get(r[5])?.[2];
        if (top === '음료' || top === '아이스크림/빙과') s++;
      }
      return s / all;
    };
    expect(cold('07')).toBeGreaterThan(1.5 * cold('01'));
  });

  it('spikes shopping before Chuseok and sells gift sets in that window', () => {
    const receipts = (from: string, to: string): number => new Set(pdde.filter((r) => r[6] >= from && r[6] <= to).map((r) => r[1])).size;
    expect(receipts('20210910', '20210919')).toBeGreaterThan(1.2 * receipts('20210813', '20210822'));
    const gifts = (from: string, to: string): number => pdde.filter((r) => r[6] >= from && r[6] <= to && name.get(r[5])?.[2] === '선물세트').length;
    expect(gifts('20210906', '20210919')).toBeGreaterThan(5 * gifts('20210809', '20210822'));
  });
});
