import { readFileSync } from 'node:fs';

/**
 * The reference fixtures written by test/reference/*.py|*.R (scikit-learn, SciPy, R); tests
 * read them and compute nothing of the reference themselves.
 */
const dir = new URL('../reference/fixtures/', import.meta.url);

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;
}

/** A data set with scikit-learn's KMeans(n_init=10, random_state=0) result for each k. */
export interface KMeansFixture {
  n: number;
  d: number;
  data: number[];
  k: Record<string, { inertia: number; labels: number[] }>;
}

export const kmeansFixture = (set: string): KMeansFixture => readFixture(`kmeans-${set}.json`);
