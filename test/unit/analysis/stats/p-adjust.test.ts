import { describe, expect, it } from 'vitest';
import { adjustPValues, type PAdjustMethod } from '../../../../core/analysis/stats/p-adjust.js';
import { readFixture } from '../../../helpers/reference.js';

/** R's output; NA is JSON null and stands for NaN. */
interface PCase { name: string; p: (number | null)[]; holm: (number | null)[]; bh: (number | null)[] }
const { cases } = readFixture<{ cases: PCase[] }>('p-adjust.json');
const nan = (v: (number | null)[]): number[] => v.map((x) => (x === null ? NaN : x));

function expectSame(got: number[], want: number[], rel = 1e-15): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (Number.isNaN(want[i])) expect(g, `at ${i}`).toBeNaN();
    else expect(Math.abs(g - want[i]), `at ${i}: got ${g}, R ${want[i]}`).toBeLessThanOrEqual(rel * want[i]);
  });
}

describe("adjustPValues against R's p.adjust", () => {
  for (const c of cases) {
    for (const method of ['holm', 'bh'] as PAdjustMethod[]) {
      it(`${c.name} ${method}`, () => expectSame(adjustPValues(nan(c.p), method), nan(c[method])));
    }
  }
});

describe('adjustPValues by hand', () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  it('holm: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, running max', () => {
    // 0.02, 0.03, 0.06, 0.04 → cummax 0.02, 0.03, 0.06, 0.06.
    expectSame(adjustPValues(p, 'holm'), [0.03, 0.06, 0.06, 0.02], 1e-15);
  });
  it('bh: sorted times 4/1, 4/2, 4/3, 4/4, running min from the top', () => {
    // 0.02, 0.02, 0.04, 0.04 → 0.02, 0.02, 0.04, 0.04.
    expectSame(adjustPValues(p, 'bh'), [0.02, 0.04, 0.04, 0.02], 1e-15);
  });
  it('is monotone in p, ≥ p, capped at 1, and leaves its input alone', () => {
    const q = Array.from({ length: 60 }, (_, i) => ((i * 37) % 61) / 61);
    const copy = q.slice();
    for (const method of ['holm', 'bh'] as PAdjustMethod[]) {
      const a = adjustPValues(q, method);
      for (let i = 0; i < q.length; i++) {
        expect(a[i]).toBeGreaterThanOrEqual(q[i]);
        expect(a[i]).toBeLessThanOrEqual(1);
        for (let j = 0; j < q.length; j++) if (q[i] < q[j]) expect(a[i]).toBeLessThanOrEqual(a[j]);
      }
      // Holm multiplies the second-largest p (59/61) by 2: capped. BH leaves the largest p as it is.
      expect(Math.max(...a)).toBe(method === 'holm' ? 1 : Math.max(...q));
    }
    expect(q).toEqual(copy);
  });
  it('NaN stays NaN and does not count towards m', () => {
    const a = adjustPValues([0.01, NaN, 0.02], 'holm');
    expect(a[0]).toBeCloseTo(0.02, 15);
    expect(a[1]).toBeNaN();
    expect(a[2]).toBeCloseTo(0.02, 15);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });
  it('rejects p-values outside [0, 1] and unknown methods', () => {
    expect(() => adjustPValues([0.2, 1.5], 'holm')).toThrow(/p-values must be in \[0, 1\] or NaN, got 1.5 at 1/);
    expect(() => adjustPValues([-0.1], 'bh')).toThrow(RangeError);
    expect(() => adjustPValues([Infinity], 'bh')).toThrow(RangeError);
    expect(() => adjustPValues([0.1], 'BH' as PAdjustMethod)).toThrow(/method must be 'holm' or 'bh', got BH/);
  });
});
