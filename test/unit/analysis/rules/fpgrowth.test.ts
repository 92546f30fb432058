import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { fpGrowth, itemsetKey, longTail, minCountOf, mineRules, pick, ruleMetrics, TooManyItemsetsError, type BasketSet } from '../../../../core/analysis/rules/index.js';

/** Baskets from lists of item ids. */
function csr(baskets: number[][], itemCount: number): BasketSet {
  const start = [0], items: number[] = [];
  for (const b of baskets) {
    items.push(...b);
    start.push(items.length);
  }
  return { start: Int32Array.from(start), items: Int32Array.from(items), itemCount };
}

/** Random baskets with skewed item popularity (item i drawn with weight 1/(i+1)). */
function randomBaskets(seed: number, n: number, items: number, maxSize: number): number[][] {
  const r = createRandom(seed);
  const w = Array.from({ length: items }, (_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  return Array.from({ length: n }, () => {
    const size = 1 + r.int(maxSize);
    const set = new Set<number>();
    for (let k = 0; k < size; k++) {
      let u = r.next() * total, i = 0;
      while (u > w[i] && i < items - 1) u -= w[i++];
      set.add(i);
    }
    return [...set];
  });
}

/** Independent brute force: every subset (up to maxLength) of every basket, counted. */
function bruteForce(baskets: number[][], minCount: number, maxLength: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of baskets) {
    const s = [...b].sort((x, y) => x - y);
    for (let mask = 1; mask < 1 << s.length; mask++) {
      const sub = s.filter((_, j) => mask & (1 << j));
      if (sub.length > maxLength) continue;
      const k = sub.join(',');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return new Map([...counts].filter(([, c]) => c >= minCount));
}

function asMap(sets: ReturnType<typeof fpGrowth>): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k < sets.count.length; k++) {
    const key = itemsetKey(sets.items.subarray(sets.start[k], sets.start[k + 1]));
    expect(m.has(key), `duplicate itemset ${key}`).toBe(false);
    m.set(key, sets.count[k]);
  }
  return m;
}

describe('FP-growth against a brute-force count', () => {
  for (const [seed, n, items, maxSize, minCount, maxLength] of [
    [1, 300, 12, 6, 3, 4],
    [2, 500, 20, 8, 5, 3],
    [3, 200, 8, 8, 1, 8],
    [4, 1000, 30, 10, 10, 5],
  ] as const) {
    it(`seed ${seed}: ${n} baskets, ${items} items, minCount ${minCount}, maxLength ${maxLength}: every itemset and its support equal`, () => {
      const baskets = randomBaskets(seed, n, items, maxSize);
      const want = bruteForce(baskets, minCount, maxLength);
      const got = asMap(fpGrowth(csr(baskets, items), { minCount, maxLength, maxItemsets: 1e7 }));
      expect(got.size).toBe(want.size);
      expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
      expect(want.size).toBeGreaterThan(20);
    });
  }

  it('is deterministic and handles empty input', () => {
    const b = csr(randomBaskets(9, 200, 10, 5), 10);
    const a1 = fpGrowth(b, { minCount: 4, maxLength: 4, maxItemsets: 1e6 });
    const a2 = fpGrowth(b, { minCount: 4, maxLength: 4, maxItemsets: 1e6 });
    expect(Array.from(a1.items)).toEqual(Array.from(a2.items));
    expect(fpGrowth(csr([], 3), { minCount: 1, maxLength: 3, maxItemsets: 10 }).count.length).toBe(0);
  });

  it('stops with a clear message past maxItemsets', () => {
    const b = csr(randomBaskets(5, 300, 15, 10), 12);
    expect(() => fpGrowth(b, { minCount: 1, maxLength: 15, maxItemsets: 100 })).toThrow(TooManyItemsetsError);
    expect(() => fpGrowth(b, { minCount: 1, maxLength: 15, maxItemsets: 100 })).toThrow(/More than 100 frequent itemsets.*raise minSupport/);
  });

  it('names a bad argument', () => {
    expect(() => fpGrowth(csr([[0]], 1), { minCount: 0, maxLength: 2, maxItemsets: 10 })).toThrow('minCount must be an integer ≥ 1, got 0');
  });
});

describe('rule metrics (mlxtend definitions), hand-computed', () => {
  it('A in 4 of 10 baskets, C in 5, both in 3', () => {
    const m = ruleMetrics(0.4, 0.5, 0.3);
    expect(m.confidence).toBeCloseTo(0.75, 12);
    expect(m.lift).toBeCloseTo(1.5, 12);
    expect(m.leverage).toBeCloseTo(0.1, 12);
    expect(m.conviction).toBeCloseTo(0.5 / 0.25, 12);
    // Zhang: 0.1 / max(0.3·0.6, 0.4·0.2) = 0.1 / 0.18
    expect(m.zhangsMetric).toBeCloseTo(0.1 / 0.18, 12);
  });
  it('confidence 1: conviction is infinite; a denominator of 0 gives Zhang 0', () => {
    expect(ruleMetrics(0.2, 0.5, 0.2).conviction).toBe(Infinity);
    expect(ruleMetrics(1, 1, 1).zhangsMetric).toBe(0);
  });
  it('negative association: Zhang below 0', () => {
    expect(ruleMetrics(0.5, 0.5, 0.1).zhangsMetric).toBeCloseTo((0.1 - 0.25) / Math.max(0.1 * 0.5, 0.5 * 0.4), 12);
  });
});

describe('rules from itemsets', () => {
  const baskets = [[0, 1, 2], [0, 1], [0, 2], [1, 2], [0, 1, 2], [3]];
  it('every split of every itemset, with supports from the counts', () => {
    const m = mineRules(csr(baskets, 4), { minSupport: 2 / 6 });
    // itemsets ≥ 2 baskets: {0},{1},{2},{0,1},{0,2},{1,2},{0,1,2}
    expect(m.itemsets.count.length).toBe(7);
    // 3 pairs × 2 + 1 triple × 6 = 12 rules
    expect(m.rules.itemset.length).toBe(12);
    const rows = Array.from(m.rules.itemset, (k, r) => {
      const len = m.itemsets.start[k + 1] - m.itemsets.start[k];
      return `${pick(m.itemsets, k, m.rules.antecedentMask[r])}>${pick(m.itemsets, k, ((1 << len) - 1) & ~m.rules.antecedentMask[r])}`;
    });
    expect(new Set(rows).size).toBe(12);
    expect(rows).toContain('0,1>2');
    expect(rows).toContain('2>0,1');
  });
  it('minConfidence and minLift filter', () => {
    // conf(0,1 → 2) = 2/3; conf(0 → 1) = 3/4; lift(0 → 1) = 0.75 / (4/6) = 1.125
    const strict = mineRules(csr(baskets, 4), { minSupport: 2 / 6, minConfidence: 0.7 });
    expect(strict.rules.itemset.length).toBe(6); // the six pair rules have confidence 3/4
    expect(mineRules(csr(baskets, 4), { minSupport: 2 / 6, minLift: 1.2 }).rules.itemset.length).toBe(0);
  });
  it('minCount is the smallest count whose fraction reaches minSupport', () => {
    expect(minCountOf(0.07, 100)).toBe(7);
    expect(minCountOf(0.01, 9835)).toBe(99);
    expect(minCountOf(0.001, 9835)).toBe(10);
    expect(minCountOf(0.5, 3)).toBe(2);
  });
});

describe('long tail', () => {
  it('excludeTop removes the most common items and drops baskets left empty', () => {
    const t = longTail(csr([[0, 1], [0], [0, 2], [1, 2], [0, 1, 3]], 4), { excludeTop: 1, maxItemSupport: 1 });
    expect(t.excluded).toEqual([0]);
    expect(t.droppedBaskets).toBe(1);
    expect(Array.from(t.kept)).toEqual([0, 2, 3, 4]);
    expect(Array.from(t.baskets.items)).toEqual([1, 2, 1, 2, 1, 3]);
  });
  it('maxItemSupport removes items above that share', () => {
    const t = longTail(csr([[0, 1], [0], [0, 2], [1, 2], [0, 1, 3]], 4), { excludeTop: 0, maxItemSupport: 0.5 });
    expect(t.excluded).toEqual([0, 1]); // 4/5 and 3/5 > 0.5; item 2 at 2/5 stays
    expect(t.droppedBaskets).toBe(2); // [0, 1] and [0]
  });
  it('supports are fractions of the baskets that remain', () => {
    const m = mineRules(csr([[0, 1, 2], [0], [0, 1, 2], [0, 3]], 4), { excludeTop: 1, minSupport: 0.5 });
    expect(m.baskets).toBe(3);
    expect(m.droppedBaskets).toBe(1);
    expect(m.itemsets.count.length).toBe(3); // {1},{2},{1,2} in 2 of 3
  });
});
