import { describe, expect, it } from 'vitest';
import { elbowK } from '../../../../core/analysis/segment/elbow.js';

describe('elbowK (largest second difference of inertia)', () => {
  it('picks the k after which the curve flattens most', () => {
    // Δ = 50, 40, 5, 3, 2 → Δ_i − Δ_{i+1} = 10, 35, 2, 1 at k = 3, 4, 5, 6.
    expect(elbowK([2, 3, 4, 5, 6, 7], [200, 150, 110, 105, 102, 100])).toBe(4);
  });

  it('finds a sharp knee', () => {
    // Δ = 200, 600, 10, 5 → scores −400, 590, 5 at k = 2, 3, 4.
    expect(elbowK([1, 2, 3, 4, 5], [1000, 800, 200, 190, 185])).toBe(3);
    // Δ = 600, 300, 10, 5 → 300 at k = 2 beats 290 at k = 3: the rule looks at the change of the drop.
    expect(elbowK([1, 2, 3, 4, 5], [1000, 400, 100, 90, 85])).toBe(2);
  });

  it('breaks ties toward the smallest k', () => {
    // A straight line: every second difference is 0.
    expect(elbowK([2, 3, 4, 5], [40, 30, 20, 10])).toBe(3);
    // Two equal elbows: Δ = 10, 0, 10, 0 → scores 10, −10, 10 at k = 3, 4, 5.
    expect(elbowK([2, 3, 4, 5, 6], [40, 30, 30, 20, 20])).toBe(3);
  });

  it('never picks the first or the last k, and allows gaps in ks', () => {
    expect(elbowK([2, 5, 10], [100, 10, 9])).toBe(5);
    expect(elbowK([2, 3, 4], [100, 99, 0])).toBe(3);
  });

  it('checks its input', () => {
    expect(() => elbowK([2, 3], [1, 0])).toThrow('ks must hold at least 3 values, got 2');
    expect(() => elbowK([2, 3, 4], [1, 0])).toThrow(RangeError);
    expect(() => elbowK([2, 4, 3], [3, 2, 1])).toThrow('ks must be strictly increasing, got 4 then 3');
    expect(() => elbowK([2, 3, 4], [3, NaN, 1])).toThrow(RangeError);
  });
});
