import { LRFMV_WORDS_EN, lrfmvPattern, lrfmvPatternWords } from '../../model/segment.js';

/**
 * The names of seed 004 (/work/shared/seeds/004, "솔루션 제안") for the high (+) / low (−) pattern
 * of L, R, F, M, V against the overall mean: royal (로열 고객) L+ R− F+ M+ V+; high-performing
 * (고성과 고객) L− R+ F− M− V+; general (범용 고객) L+ R− F+ M+ V−; low-performing (저성과 고객)
 * L− R+ F− M− V−. R high means lapsed, so the good direction of R is −.
 */
export const LRFMV_PATTERNS: readonly { name: string; signs: readonly number[] }[] = [
  { name: 'royal', signs: [1, -1, 1, 1, 1] },
  { name: 'high-performing', signs: [-1, 1, -1, -1, 1] },
  { name: 'general', signs: [1, -1, 1, 1, -1] },
  { name: 'low-performing', signs: [-1, 1, -1, -1, -1] },
];

export interface LrfmvName {
  name: string;
  /** "L+ R− F+ M+ V+": the signs of the segment's mean z-scores (z ≥ 0 counts as +). */
  pattern: string;
}

/**
 * Names that tell the truth (issue #10 point 4). A segment's pattern is the sign of each mean
 * z-score. A seed name is given only
 * 1. when the pattern matches the name's definition on all five signs — if several segments share
 *    the pattern, only the one that fits it best (largest Σ sign·z) gets the name; or
 * 2. when the pattern matches no seed definition exactly but one on four signs, the name is still
 *    free, and the fifth sign is said ("royal, but R+"); again the best-fitting segment wins.
 * Every other segment gets a descriptive name from its signs, with its pattern
 * ("short, lapsed, light: L− R+ F− M− V−"; a repeat gets " (2)", " (3)"…). A pattern within one
 * sign of a seed definition is within one sign of no other (royal/general and high-/low-performing
 * differ in V only, the two pairs in four signs), so the greedy choice per name is the best one.
 */
export function nameLrfmvSegments(meanZ: readonly (readonly number[])[]): LrfmvName[] {
  const k = meanZ.length;
  const signs = meanZ.map((z) => z.map((v) => (v >= 0 ? 1 : -1)));
  const score = (s: number, p: number) => LRFMV_PATTERNS[p].signs.reduce((acc, sign, f) => acc + sign * meanZ[s][f], 0);
  const mismatches = (s: number, p: number) => LRFMV_PATTERNS[p].signs.reduce((acc, sign, f) => acc + (sign === signs[s][f] ? 0 : 1), 0);
  const names = new Array<string | null>(k).fill(null);
  const taken = new Set<number>();
  const exact = (s: number) => LRFMV_PATTERNS.some((_, p) => mismatches(s, p) === 0);
  for (const allowed of [0, 1]) {
    const candidates: { s: number; p: number; score: number }[] = [];
    for (let s = 0; s < k; s++) {
      if (names[s] !== null || (allowed === 1 && exact(s))) continue;
      for (let p = 0; p < LRFMV_PATTERNS.length; p++) if (mismatches(s, p) === allowed) candidates.push({ s, p, score: score(s, p) });
    }
    candidates.sort((a, b) => b.score - a.score || a.s - b.s);
    for (const c of candidates) {
      if (names[c.s] !== null || taken.has(c.p)) continue;
      taken.add(c.p);
      const off = LRFMV_PATTERNS[c.p].signs.findIndex((sign, f) => sign !== signs[c.s][f]);
      names[c.s] = off < 0 ? LRFMV_PATTERNS[c.p].name : `${LRFMV_PATTERNS[c.p].name}, but ${lrfmvPattern(signs[c.s]).split(' ')[off]}`;
    }
  }
  const repeats = new Map<string, number>();
  return signs.map((sg, s) => {
    const pattern = lrfmvPattern(sg);
    let name = names[s];
    if (name === null) {
      const count = (repeats.get(pattern) ?? 0) + 1;
      repeats.set(pattern, count);
      name = `${lrfmvPatternWords(sg).map((w) => LRFMV_WORDS_EN[w]).join(', ')}: ${pattern}${count > 1 ? ` (${count})` : ''}`;
    }
    return { name, pattern };
  });
}
