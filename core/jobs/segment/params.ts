import { z } from 'zod';
import type { ParamInfo } from '../types.js';

/** A number given as text by the CLI or as a number by the UI. */
const num = (schema: z.ZodNumber) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v), schema);

/** `k`: 'auto' (sweep kMin…kMax, elbow) or a fixed integer. */
export const kParam = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.union([z.literal('auto'), z.number().int().min(2).max(100)]));
export const intParam = (min: number, max: number) => num(z.number().int().min(min).max(max));
export const numberParam = (min: number, max: number) => num(z.number().min(min).max(max));

/** Parameters every K-means/K-medoids sweep shares. */
export const sweepShape = {
  kMin: intParam(2, 100).default(2),
  kMax: intParam(2, 100).default(20),
  nInit: intParam(1, 100).default(10),
  seed: intParam(0, 2 ** 31 - 1).default(0),
  silhouetteSample: intParam(100, 50_000).default(5000),
};

export const sweepInfo: ParamInfo[] = [
  { name: 'kMin', type: 'integer', default: 2, help: 'Smallest k of the sweep when k = auto.' },
  { name: 'kMax', type: 'integer', default: 20, help: 'Largest k of the sweep when k = auto (capped at customers − 1).' },
  { name: 'nInit', type: 'integer', default: 10, help: 'Independent k-means++ starts per k; the lowest inertia wins.' },
  { name: 'seed', type: 'integer', default: 0, help: 'Random seed: same seed and data, same result.' },
  { name: 'silhouetteSample', type: 'integer', default: 5000, help: 'Silhouette is exact up to this many customers and computed on a seeded sample of this size beyond.' },
];

export function checkKRange(p: { kMin: number; kMax: number }): void {
  if (p.kMin > p.kMax) throw new RangeError(`kMin (${p.kMin}) must not exceed kMax (${p.kMax})`);
}
