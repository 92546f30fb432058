import { describe, expect, it } from 'vitest';
import { median, predictPairMean, predictProductMedian, productMedians } from '../../../core/analysis/spend/baselines.js';
import { splitPeriods, splitRows } from '../../../core/analysis/spend/split.js';

describe('spend split', () => {
  it('takes test = the last testDays, valid = the validDays before, train = trainDays before that', () => {
    expect(splitPeriods(0, 99, { validDays: 10, testDays: 5, trainDays: 30 })).toEqual({ train: { from: 55, to: 84 }, valid: { from: 85, to: 94 }, test: { from: 95, to: 99 } });
    // Shorter data: train starts at the first day.
    expect(splitPeriods(80, 99, { validDays: 10, testDays: 5, trainDays: 30 }).train).toEqual({ from: 80, to: 84 });
    expect(() => splitPeriods(90, 99, { validDays: 10, testDays: 5, trainDays: 30 })).toThrow(/spans 10 days, fewer than validDays \+ testDays \+ 1 = 16/);
    expect(() => splitPeriods(0, 99, { validDays: 0, testDays: 5, trainDays: 30 })).toThrow(/validDays must be a positive integer, got 0/);
  });

  it('cuts the train rows to maxTrainLines by a seeded sample in row order, and counts the dropped', () => {
    const day = Array.from({ length: 100 }, (_, i) => Math.floor(i / 10)); // days 0..9, 10 rows each
    const periods = { train: { from: 0, to: 6 }, valid: { from: 7, to: 8 }, test: { from: 9, to: 9 } };
    const all = splitRows(day, periods, { maxTrainLines: 1000, seed: 1 });
    expect([all.train.length, all.valid.length, all.test.length, all.dropped]).toEqual([70, 20, 10, 0]);
    const cut = splitRows(day, periods, { maxTrainLines: 25, seed: 1 });
    expect(cut.train.length).toBe(25);
    expect(cut.dropped).toBe(45);
    expect(Array.from(cut.train)).toEqual([...cut.train].sort((a, b) => a - b));
    expect(Array.from(splitRows(day, periods, { maxTrainLines: 25, seed: 1 }).train)).toEqual(Array.from(cut.train));
    expect(Array.from(splitRows(day, periods, { maxTrainLines: 25, seed: 2 }).train)).not.toEqual(Array.from(cut.train));
  });
});

describe('spend baselines', () => {
  it('predicts the product median of train lines, else the global median, on log1p scale', () => {
    // products of lines 0..5; train rows 0..4 (line 5 is not train)
    const product = [0, 0, 0, 1, 1, 2], amount = [9, 99, 999, 19, 39, 5];
    const m = productMedians(3, product, amount, [0, 1, 2, 3, 4]);
    expect(m.product[0]).toBeCloseTo(Math.log(100), 12);
    expect(m.product[1]).toBeCloseTo((Math.log(20) + Math.log(40)) / 2, 12);
    expect(m.product[2]).toBeNaN();
    expect(m.global).toBeCloseTo(Math.log(40), 12); // median of 9, 19, 39, 99, 999
    expect(Array.from(predictProductMedian(m, [2, 1]))).toEqual([m.global, m.product[1]]);
    expect(Array.from(predictPairMean(m, [0, 2], [1.5, NaN]))).toEqual([1.5, m.global]);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
