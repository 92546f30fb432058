import { createRandom, sampleIndices } from '../common/random.js';
import type { SpendSplit } from '../../model/spend.js';

/** Split sizes (the contract's defaults: test = last 5 days, valid = the 10 days before, train = the 30 days before that). */
export interface SplitOptions {
  validDays: number;
  testDays: number;
  /** Days of the train period (the seed trained on one month). */
  trainDays: number;
  /** Train lines kept at most (a seeded sample when the period has more). */
  maxTrainLines: number;
  seed: number;
}

/** Day ranges (inclusive, project days) of the three periods. */
export type SplitPeriods = Record<SpendSplit, { from: number; to: number }>;

/**
 * The periods by time, counted back from the last day: test = (last − testDays, last],
 * valid = the validDays before, train = the trainDays before that. RangeError when the data is
 * shorter than validDays + testDays + 1 days.
 */
export function splitPeriods(firstDay: number, lastDay: number, o: Pick<SplitOptions, 'validDays' | 'testDays' | 'trainDays'>): SplitPeriods {
  for (const [k, v] of [['validDays', o.validDays], ['testDays', o.testDays], ['trainDays', o.trainDays]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`${k} must be a positive integer, got ${v}`);
  }
  const testFrom = lastDay - o.testDays + 1, validFrom = testFrom - o.validDays, trainTo = validFrom - 1;
  if (trainTo < firstDay) throw new RangeError(`the data spans ${lastDay - firstDay + 1} days, fewer than validDays + testDays + 1 = ${o.validDays + o.testDays + 1}; lower validDays or testDays`);
  return { train: { from: Math.max(firstDay, trainTo - o.trainDays + 1), to: trainTo }, valid: { from: validFrom, to: testFrom - 1 }, test: { from: testFrom, to: lastDay } };
}

/**
 * Row indices of each split given each row's day; the train rows are cut to maxTrainLines by a
 * seeded sample (kept in their original order). `dropped` counts the train rows left out.
 */
export function splitRows(day: ArrayLike<number>, periods: SplitPeriods, o: Pick<SplitOptions, 'maxTrainLines' | 'seed'>): Record<SpendSplit, Int32Array> & { dropped: number } {
  if (!(Number.isInteger(o.maxTrainLines) && o.maxTrainLines >= 1)) throw new RangeError(`maxTrainLines must be a positive integer, got ${o.maxTrainLines}`);
  const rows: Record<SpendSplit, number[]> = { train: [], valid: [], test: [] };
  for (let i = 0; i < day.length; i++) {
    for (const s of ['train', 'valid', 'test'] as const) if (day[i] >= periods[s].from && day[i] <= periods[s].to) rows[s].push(i);
  }
  let train = Int32Array.from(rows.train);
  const dropped = Math.max(0, train.length - o.maxTrainLines);
  if (dropped > 0) {
    const keep = sampleIndices(createRandom(o.seed), train.length, o.maxTrainLines).sort();
    train = Int32Array.from(keep, (k) => train[k]);
  }
  return { train, valid: Int32Array.from(rows.valid), test: Int32Array.from(rows.test), dropped };
}
