import type { BinnedMatrix } from './binning.js';
import type { Histogram } from './histogram.js';

/** The best split of a node. Rows with bin ≤ `bin` go left (numeric); `catLeft[bin]` = 1 go left (categorical). */
export interface SplitInfo {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  /** Per bin (maxBins + 1 entries, the NaN bin included) 1 = left; null for a numeric split. */
  catLeft: Uint8Array | null;
  gradLeft: number;
  countLeft: number;
  gradRight: number;
  countRight: number;
}

export interface SplitParams {
  minSamplesLeaf: number;
  l2: number;
  stride: number;
}

/** sklearn's MIN_CAT_SUPPORT (= LightGBM's cat_smooth and min_data_per_group) and MAX_CAT_THRESHOLD. */
const CAT_SUPPORT = 10;
const MAX_CAT_LEFT = 32;

/**
 * Gain of a split under squared error (hessian = count): G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ),
 * the loss reduction of Chen & Guestrin 2016 (XGBoost) eq. 7 without its ½ and γ, as sklearn's
 * `_split_gain`.
 */
export function splitGain(gl: number, hl: number, gr: number, hr: number, l2: number): number {
  return (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - ((gl + gr) * (gl + gr)) / (hl + hr + l2);
}

/**
 * Best split of a node with gradient sum `sumG` over `count` rows, over every feature, as
 * sklearn's `Splitter.find_node_split`: for a numeric feature a left-to-right scan of bin
 * thresholds with NaN going right (the last threshold = "non-missing left, NaN right"), then,
 * when the feature had NaN in training, a right-to-left scan with NaN going left; for a
 * categorical feature the categories with ≥ 10 rows (NaN one of them) sorted by G/(H + 10) and
 * the best prefix of that order, from either end, of at most min(32, ⌈used/2⌉) categories
 * (Fisher 1958's ordering for one-dimensional partitions, as LightGBM and sklearn). Both sides
 * need ≥ minSamplesLeaf rows; a split must have gain > 0. Ties keep the first found.
 * Returns null when nothing qualifies.
 */
export function findBestSplit(binned: BinnedMatrix, hist: Histogram, sumG: number, count: number, p: SplitParams): SplitInfo | null {
  let best: SplitInfo | null = null;
  let bestGain = 0;
  const h = hist.sums;
  const parentTerm = (sumG * sumG) / (count + p.l2);
  const min = p.minSamplesLeaf;
  for (let f = 0; f < binned.cols; f++) {
    const base = f * p.stride;
    const nb = binned.nonMissingBins[f];
    const miss = binned.hasMissing[f];
    if (binned.categorical[f]) {
      const s = categoricalSplit(binned, hist, f, sumG, count, p, parentTerm);
      if (s && s.gain > bestGain) { best = s; bestGain = s.gain; }
      continue;
    }
    // Left to right, NaN right.
    let gl = 0, nl = 0;
    const end = miss ? nb : nb - 1;
    for (let b = 0; b < end; b++) {
      gl += h[2 * (base + b)];
      nl += h[2 * (base + b) + 1];
      const nr = count - nl;
      if (nl < min) continue;
      if (nr < min) break;
      const gr = sumG - gl;
      const gain = (gl * gl) / (nl + p.l2) + (gr * gr) / (nr + p.l2) - parentTerm;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin: b, missingLeft: false, catLeft: null, gradLeft: gl, countLeft: nl, gradRight: gr, countRight: nr };
      }
    }
    if (!miss) continue;
    // Right to left, NaN left.
    let gr = 0, nr = 0;
    for (let b = nb - 2; b >= 0; b--) {
      gr += h[2 * (base + b + 1)];
      nr += h[2 * (base + b + 1) + 1];
      const nl2 = count - nr;
      if (nr < min) continue;
      if (nl2 < min) break;
      const gl2 = sumG - gr;
      const gain = (gl2 * gl2) / (nl2 + p.l2) + (gr * gr) / (nr + p.l2) - parentTerm;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin: b, missingLeft: true, catLeft: null, gradLeft: gl2, countLeft: nl2, gradRight: gr, countRight: nr };
      }
    }
  }
  return best;
}

function categoricalSplit(binned: BinnedMatrix, hist: Histogram, f: number, sumG: number, count: number, p: SplitParams, parentTerm: number): SplitInfo | null {
  const base = f * p.stride;
  const h = hist.sums;
  const grad = (b: number): number => h[2 * (base + b)];
  const cnt = (b: number): number => h[2 * (base + b) + 1];
  const used: number[] = [];
  for (let b = 0; b < binned.nonMissingBins[f]; b++) if (cnt(b) >= CAT_SUPPORT) used.push(b);
  if (binned.hasMissing[f] && cnt(binned.missingBin) >= CAT_SUPPORT) used.push(binned.missingBin);
  if (used.length <= 1) return null;
  const ratio = (b: number): number => grad(b) / (cnt(b) + CAT_SUPPORT);
  used.sort((a, b) => ratio(a) - ratio(b) || a - b);
  const maxLeft = Math.min(MAX_CAT_LEFT, Math.floor((used.length + 1) / 2));
  let best: { gain: number; dir: number; k: number; gl: number; nl: number } | null = null;
  for (const dir of [1, -1]) {
    let gl = 0, nl = 0;
    for (let i = 0; i < maxLeft; i++) {
      const b = used[dir === 1 ? i : used.length - 1 - i];
      gl += grad(b);
      nl += cnt(b);
      const nr = count - nl;
      if (nl < p.minSamplesLeaf) continue;
      if (nr < p.minSamplesLeaf) break;
      const gr = sumG - gl;
      const gain = (gl * gl) / (nl + p.l2) + (gr * gr) / (nr + p.l2) - parentTerm;
      if (gain > (best?.gain ?? 0)) best = { gain, dir, k: i, gl, nl };
    }
  }
  if (!best) return null;
  const catLeft = new Uint8Array(p.stride);
  for (let i = 0; i <= best.k; i++) catLeft[used[best.dir === 1 ? i : used.length - 1 - i]] = 1;
  return {
    gain: best.gain, feature: f, bin: -1, missingLeft: catLeft[binned.missingBin] === 1, catLeft,
    gradLeft: best.gl, countLeft: best.nl, gradRight: sumG - best.gl, countRight: count - best.nl,
  };
}
