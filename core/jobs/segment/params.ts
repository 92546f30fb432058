import { int, kChoiceSchema, numericText } from '../param-spec.js';
import { z } from 'zod';

/** `k`: 'auto' (sweep kMin…kMax, elbow) or a fixed integer. */
export const kParam = kChoiceSchema;
/** An integer / a number in [min, max], given as text by the CLI or as a number by the UI. */
export const intParam = (min: number, max: number) => numericText(z.number().int().min(min).max(max));
export const numberParam = (min: number, max: number) => numericText(z.number().min(min).max(max));

/** The largest k of a sweep, as declared; jobs with a smaller default redeclare it with their own. */
export const KMAX = {
  min: 2, max: 100,
  label: { en: 'Largest k tried', ko: '비교할 최대 k' },
  help: { en: 'With k = auto, the sweep ends at this number of segments (at most the customers − 1).', ko: 'k = auto일 때 이 세그먼트 수까지 비교합니다(고객 수 − 1 이하).' },
} as const;

/** Parameters every K-means/K-medoids sweep shares (declarations for core/jobs/param-spec.ts). */
export const sweepParams = {
  kMin: int({
    min: 2, max: 100, default: 2,
    label: { en: 'Smallest k tried', ko: '비교할 최소 k' },
    help: { en: 'With k = auto, the sweep starts at this number of segments.', ko: 'k = auto일 때 이 세그먼트 수부터 비교합니다.' },
  }),
  kMax: int({ ...KMAX, default: 20 }),
  nInit: int({
    min: 1, max: 100, default: 10,
    label: { en: 'Starts per k', ko: 'k마다 시작 횟수' },
    help: { en: 'Independent k-means++ starts for each k; the one with the smallest within-segment spread (inertia) is kept.', ko: 'k마다 k-means++로 독립적으로 시작하는 횟수. 세그먼트 안의 퍼짐(관성)이 가장 작은 결과를 씁니다.' },
  }),
  seed: int({
    min: 0, max: 2 ** 31 - 1, default: 0,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'Same seed and same data, same result.', ko: '시드와 데이터가 같으면 결과도 같습니다.' },
  }),
  silhouetteSample: int({
    min: 100, max: 50_000, default: 5000,
    label: { en: 'Customers for the silhouette', ko: '실루엣 계산 고객 수' },
    help: { en: 'The silhouette score is exact up to this many customers and computed on a seeded sample of this size beyond.', ko: '고객이 이 수 이하면 실루엣 점수를 정확히 계산하고, 넘으면 이 크기의 고정 시드 표본으로 계산합니다.' },
  }),
};

export function checkKRange(p: { kMin: number; kMax: number }): void {
  if (p.kMin > p.kMax) throw new RangeError(`kMin (${p.kMin}) must not exceed kMax (${p.kMax})`);
}
