import { describe, expect, it } from 'vitest';
import { createRandom, sampleIndices } from '../../../core/analysis/common/random.js';

describe('seeded randomness', () => {
  it('repeats a stream for a seed and differs between seeds', () => {
    const a = createRandom(42), b = createRandom(42), c = createRandom(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('is roughly uniform', () => {
    const r = createRandom(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.int(10)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
  it('samples distinct indices', () => {
    const s = sampleIndices(createRandom(3), 100, 30);
    expect(new Set(s).size).toBe(30);
    expect([...s].every((i) => i >= 0 && i < 100)).toBe(true);
    expect(() => sampleIndices(createRandom(3), 5, 6)).toThrow(RangeError);
  });
});
