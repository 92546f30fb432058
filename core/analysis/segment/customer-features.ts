/**
 * Customer feature matrices of the segmentations, from per-customer facts (core/data/store/
 * queries/customer-base.ts). Definitions (SPEC §3.6, documented in docs/segmentation.md):
 * - Length L = last − first purchase day (days);
 * - Recency R = reference day − last purchase day, the reference day being the day after the last
 *   purchase day in the data (so R ≥ 1), unless given;
 * - Frequency F = purchase receipts;
 * - Monetary M = net spend;
 * - Volume V = net items bought ÷ purchase days (mean items per purchase day).
 * RFM is R, F, M as above.
 */
export interface CustomerFacts {
  amount: Float64Array;
  quantity: Float64Array;
  receipts: Float64Array;
  days: Float64Array;
  first: Float64Array;
  last: Float64Array;
}

export const LRFMV_NAMES = ['length', 'recency', 'frequency', 'monetary', 'volume'] as const;
export const RFM_NAMES = ['recency', 'frequency', 'monetary'] as const;

export function lrfmv(f: CustomerFacts, referenceDay: number): Float64Array {
  const n = f.amount.length;
  const out = new Float64Array(n * 5);
  for (let i = 0; i < n; i++) {
    out[i * 5] = f.last[i] - f.first[i];
    out[i * 5 + 1] = referenceDay - f.last[i];
    out[i * 5 + 2] = f.receipts[i];
    out[i * 5 + 3] = f.amount[i];
    out[i * 5 + 4] = f.days[i] > 0 ? Math.max(0, f.quantity[i]) / f.days[i] : 0;
  }
  return out;
}

export function rfm(f: CustomerFacts, referenceDay: number): Float64Array {
  const n = f.amount.length;
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = referenceDay - f.last[i];
    out[i * 3 + 1] = f.receipts[i];
    out[i * 3 + 2] = f.amount[i];
  }
  return out;
}

/**
 * The names of seed 004 for the high (↑) / low (↓) pattern of L, R, F, M, V against the mean:
 * royal L↑ R↓ F↑ M↑ V↑; high-performing L↓ R↑ F↓ M↓ V↑; general L↑ R↓ F↑ M↑ V↓;
 * low-performing L↓ R↑ F↓ M↓ V↓.
 */
export const LRFMV_PATTERNS: readonly { name: string; signs: readonly number[] }[] = [
  { name: 'royal', signs: [1, -1, 1, 1, 1] },
  { name: 'high-performing', signs: [-1, 1, -1, -1, 1] },
  { name: 'general', signs: [1, -1, 1, 1, -1] },
  { name: 'low-performing', signs: [-1, 1, -1, -1, -1] },
];

/**
 * Names for segments from their mean standardised L, R, F, M, V (z-scores against the overall
 * mean and SD): each pattern scores Σ sign·z; the assignment of distinct names maximising the total
 * score is chosen (all permutations; k ≤ 4). With k > 4, each remaining segment takes its best
 * pattern with a number ("general 2"). The pattern's arrows are returned so the UI can show why.
 */
export function nameLrfmvSegments(meanZ: readonly (readonly number[])[]): { name: string; arrows: string }[] {
  const k = meanZ.length;
  const score = (s: number, p: number) => LRFMV_PATTERNS[p].signs.reduce((acc, sign, f) => acc + sign * meanZ[s][f], 0);
  const arrows = (s: number) => meanZ[s].map((z, f) => `${'LRFMV'[f]}${z >= 0 ? '↑' : '↓'}`).join(' ');
  const assigned = new Array<number>(k).fill(-1);
  // Best injective assignment of patterns to the first min(k, 4) segments by total score.
  const P = LRFMV_PATTERNS.length;
  let best = -Infinity, bestPerm: number[] = [];
  const segs = Array.from({ length: k }, (_, s) => s);
  const choose = (perm: number[], used: Set<number>) => {
    if (perm.length === Math.min(k, P)) {
      // perm[p] = the segment given pattern p (for k ≥ P), or pattern of segment (k < P)
      const total = k >= P ? perm.reduce((a, s, p) => a + score(s, p), 0) : perm.reduce((a, p, s) => a + score(s, p), 0);
      if (total > best) { best = total; bestPerm = [...perm]; }
      return;
    }
    const pool = k >= P ? segs : Array.from({ length: P }, (_, p) => p);
    for (const x of pool) {
      if (used.has(x)) continue;
      used.add(x); perm.push(x);
      choose(perm, used);
      perm.pop(); used.delete(x);
    }
  };
  if (k <= 8) choose([], new Set());
  if (k >= P) bestPerm.forEach((s, p) => (assigned[s] = p));
  else bestPerm.forEach((p, s) => (assigned[s] = p));
  const counts = new Map<string, number>();
  return segs.map((s) => {
    let p = assigned[s];
    let name: string;
    if (p < 0) {
      p = 0;
      for (let q = 1; q < P; q++) if (score(s, q) > score(s, p)) p = q;
      const c = (counts.get(LRFMV_PATTERNS[p].name) ?? 1) + 1;
      counts.set(LRFMV_PATTERNS[p].name, c);
      name = `${LRFMV_PATTERNS[p].name} ${c}`;
    } else name = LRFMV_PATTERNS[p].name;
    return { name, arrows: arrows(s) };
  });
}
