import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbscan } from '../../../../core/analysis/segment/dbscan/index.js';

interface Run { eps: number; minSamples: number; labels: number[]; core: number[]; clusters: number; noise: number }
interface Fixture { n: number; d: number; data: number[]; runs: Run[] }
const load = (name: string): Fixture => JSON.parse(readFileSync(new URL(`../../../reference/fixtures/${name}`, import.meta.url), 'utf8')) as Fixture;

/** Labels equal up to renumbering: noise exactly equal, and a bijection between cluster ids. */
function expectSamePartition(ours: Int32Array, theirs: number[]): void {
  expect(ours.length).toBe(theirs.length);
  const fwd = new Map<number, number>(), back = new Map<number, number>();
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i], b = theirs[i];
    if (a === -1 || b === -1) {
      if (a !== b) throw new Error(`point ${i}: ours ${a}, scikit-learn ${b}`);
      continue;
    }
    if ((fwd.get(a) ?? b) !== b || (back.get(b) ?? a) !== a) throw new Error(`point ${i}: cluster ${a} ↔ ${b} breaks the bijection`);
    fwd.set(a, b);
    back.set(b, a);
  }
}

describe('dbscan against scikit-learn DBSCAN', () => {
  for (const file of ['dbscan-blobs.json', 'dbscan-moons.json', 'dbscan-varied5d.json']) {
    const f = load(file);
    for (const run of f.runs) {
      it(`${file} eps=${run.eps} minSamples=${run.minSamples}`, () => {
        const r = dbscan(Float64Array.from(f.data), f.n, f.d, { eps: run.eps, minSamples: run.minSamples });
        expect(Array.from(r.core)).toEqual(run.core);
        expectSamePartition(r.labels, run.labels);
        expect(r.clusters).toBe(run.clusters);
      });
    }
  }
});

describe('dbscan rules', () => {
  it('counts the point itself and uses ≤ eps', () => {
    // 0, 1, 2 on a line: with eps = 1 the middle point has 3 points within reach, the ends 2.
    const data = Float64Array.from([0, 1, 2]);
    expect(Array.from(dbscan(data, 3, 1, { eps: 1, minSamples: 3 }).core)).toEqual([0, 1, 0]);
    expect(Array.from(dbscan(data, 3, 1, { eps: 1, minSamples: 3 }).labels)).toEqual([0, 0, 0]);
    expect(Array.from(dbscan(data, 3, 1, { eps: 0.99, minSamples: 2 }).labels)).toEqual([-1, -1, -1]);
  });
  it('gives a border point to the cluster found first, as scikit-learn', () => {
    // Two dense groups with a border point at 5, within eps of a core point of each (1 and 9).
    const data = Float64Array.from([0, 0.3, 0.6, 1, 5, 9, 9.4, 9.7, 10]);
    const r = dbscan(data, 9, 1, { eps: 4, minSamples: 4 });
    expect(r.core[3] && r.core[5]).toBe(1);
    expect(r.clusters).toBe(2);
    expect(r.core[4]).toBe(0);
    expect(r.labels[4]).toBe(r.labels[0]);
    const flipped = dbscan(Float64Array.from(Array.from(data).reverse()), 9, 1, { eps: 4, minSamples: 4 });
    expect(flipped.labels[4]).toBe(flipped.labels[0]);
  });
  it('names the argument it rejects', () => {
    const data = Float64Array.from([0, 1, 2, 3]);
    expect(() => dbscan(data, 2, 2, { eps: -1 })).toThrow(/eps must be a finite number ≥ 0, got -1/);
    expect(() => dbscan(data, 2, 2, { eps: 1, minSamples: 0 })).toThrow(/minSamples must be a positive integer, got 0/);
    expect(() => dbscan(data, 3, 2, { eps: 1 })).toThrow(/data must hold n·d = 6 values, got 4/);
    expect(() => dbscan(Float64Array.from([0, NaN]), 2, 1, { eps: 1 })).toThrow(/data must be finite, got NaN at row 1, column 0/);
    expect(() => dbscan(data, 0, 2, { eps: 1 })).toThrow(/n must be a positive integer, got 0/);
  });
});
