import type { BinnedMatrix } from './binning.js';
import { buildHistogram, subtractHistogram, type Histogram, type HistogramPool } from './histogram.js';
import { findBestSplit, type SplitInfo } from './split.js';
import { Tree } from './tree.js';

/** Buffers shared by every tree of a fit (no per-row objects, no per-tree row arrays). */
export interface GrowWorkspace {
  binned: BinnedMatrix;
  stride: number;
  pool: HistogramPool;
  /** Row indices; each node owns the slice idx[start..stop). */
  idx: Uint32Array;
  buf: Uint32Array;
  ordered: Float64Array;
}

export interface GrowParams {
  learningRate: number;
  maxLeafNodes: number;
  maxDepth: number | null;
  minSamplesLeaf: number;
  l2: number;
}

interface Node {
  start: number;
  stop: number;
  sumG: number;
  count: number;
  depth: number;
  hist: Histogram | null;
  split: SplitInfo | null;
  /** Index in the output arrays. */
  id: number;
}

/**
 * Grows one tree on the gradients `g` (squared error: g = prediction − y, hessian 1), best-first
 * (Shi 2007; LightGBM's leaf-wise growth, sklearn's TreeGrower): the leaf whose best split gains
 * most is split next, until `maxLeafNodes` leaves or no positive gain. Only the smaller child's
 * histogram is built from rows; the larger one is the parent's minus it. Adds the new leaf values
 * to `raw` (the training predictions) through the rows each leaf holds.
 */
export function growTree(ws: GrowWorkspace, g: Float64Array, p: GrowParams, raw: Float64Array): Tree {
  const { binned, stride, pool, idx } = ws;
  const n = binned.rows;
  for (let i = 0; i < n; i++) idx[i] = i;
  let sumG = 0;
  for (let i = 0; i < n; i++) sumG += g[i];
  const out = { feature: [] as number[], threshold: [] as number[], missingLeft: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[], count: [] as number[], gain: [] as number[], cat: [] as (Uint32Array | null)[] };
  const add = (sum: number, count: number): number => {
    out.feature.push(-1); out.threshold.push(0); out.missingLeft.push(0); out.left.push(-1); out.right.push(-1);
    out.value.push((-p.learningRate * sum) / (count + p.l2)); out.count.push(count); out.gain.push(0); out.cat.push(null);
    return out.value.length - 1;
  };
  const splitParams = { minSamplesLeaf: p.minSamplesLeaf, l2: p.l2, stride };
  const canSplit = (count: number, depth: number): boolean => count >= 2 * p.minSamplesLeaf && (p.maxDepth === null || depth < p.maxDepth);
  const leaves: Node[] = [];
  const heap: Node[] = [];
  const consider = (node: Node): void => {
    node.split = findBestSplit(binned, node.hist as Histogram, node.sumG, node.count, splitParams);
    if (node.split) heap.push(node);
    else { pool.give(node.hist); node.hist = null; leaves.push(node); }
  };

  const root: Node = { start: 0, stop: n, sumG, count: n, depth: 0, hist: null, split: null, id: add(sumG, n) };
  if (canSplit(n, 0)) {
    root.hist = pool.take();
    buildHistogram(binned, stride, idx, 0, n, g, root.hist);
    consider(root);
  } else leaves.push(root);

  let nLeaves = 1;
  while (heap.length > 0 && nLeaves < p.maxLeafNodes) {
    let bi = 0;
    for (let i = 1; i < heap.length; i++) if (heap[i].split!.gain > heap[bi].split!.gain) bi = i;
    const node = heap.splice(bi, 1)[0];
    const s = node.split as SplitInfo;
    const mid = partition(ws, node, s);
    const left: Node = { start: node.start, stop: mid, sumG: s.gradLeft, count: mid - node.start, depth: node.depth + 1, hist: null, split: null, id: add(s.gradLeft, mid - node.start) };
    const right: Node = { start: mid, stop: node.stop, sumG: s.gradRight, count: node.stop - mid, depth: node.depth + 1, hist: null, split: null, id: add(s.gradRight, node.stop - mid) };
    record(out, node.id, left.id, right.id, s, binned);
    nLeaves++;
    const open = nLeaves < p.maxLeafNodes;
    const needL = open && canSplit(left.count, left.depth);
    const needR = open && canSplit(right.count, right.depth);
    if (needL || needR) {
      const [small, large] = left.count <= right.count ? [left, right] : [right, left];
      small.hist = pool.take();
      for (let i = small.start; i < small.stop; i++) ws.ordered[i - small.start] = g[idx[i]];
      buildHistogram(binned, stride, idx, small.start, small.stop, ws.ordered, small.hist);
      if (large === left ? needL : needR) {
        large.hist = pool.take();
        subtractHistogram(node.hist as Histogram, small.hist, large.hist);
      }
      if (!(small === left ? needL : needR)) { pool.give(small.hist); small.hist = null; }
    }
    pool.give(node.hist);
    node.hist = null;
    for (const child of [left, right]) {
      if (child.hist) consider(child);
      else leaves.push(child);
    }
  }
  for (const node of heap) { pool.give(node.hist); node.hist = null; leaves.push(node); }
  for (const leaf of leaves) {
    const v = out.value[leaf.id];
    for (let i = leaf.start; i < leaf.stop; i++) raw[idx[i]] += v;
  }
  return new Tree(Int32Array.from(out.feature), Float64Array.from(out.threshold), Uint8Array.from(out.missingLeft), Int32Array.from(out.left), Int32Array.from(out.right), Float64Array.from(out.value), Int32Array.from(out.count), Float64Array.from(out.gain), out.cat);
}

/** Stable partition of idx[start..stop) by the split: left rows first. Returns the first right position. */
function partition(ws: GrowWorkspace, node: Node, s: SplitInfo): number {
  const { idx, buf, binned } = ws;
  const col = s.feature * binned.rows;
  const bins = binned.bins;
  const missing = binned.missingBin;
  let nl = node.start, nr = 0;
  if (s.catLeft) {
    const cat = s.catLeft;
    for (let i = node.start; i < node.stop; i++) {
      const r = idx[i];
      if (cat[bins[col + r]] === 1) idx[nl++] = r;
      else buf[nr++] = r;
    }
  } else {
    const t = s.bin, ml = s.missingLeft;
    for (let i = node.start; i < node.stop; i++) {
      const r = idx[i];
      const b = bins[col + r];
      if (b === missing ? ml : b <= t) idx[nl++] = r;
      else buf[nr++] = r;
    }
  }
  idx.set(buf.subarray(0, nr), nl);
  return nl;
}

/** Writes the split into the tree arrays, with its real-valued threshold and NaN direction. */
function record(out: { feature: number[]; threshold: number[]; missingLeft: number[]; left: number[]; right: number[]; gain: number[]; cat: (Uint32Array | null)[] }, id: number, l: number, r: number, s: SplitInfo, binned: BinnedMatrix): void {
  const f = s.feature;
  out.feature[id] = f;
  out.left[id] = l;
  out.right[id] = r;
  out.gain[id] = s.gain;
  // Without NaN in training, NaN at prediction follows the larger child (sklearn).
  out.missingLeft[id] = (binned.hasMissing[f] ? s.missingLeft : s.countLeft > s.countRight) ? 1 : 0;
  if (s.catLeft) {
    const bits = new Uint32Array(8);
    for (let b = 0; b < binned.missingBin; b++) if (s.catLeft[b] === 1) bits[b >>> 5] |= 1 << (b & 31);
    out.cat[id] = bits;
  } else {
    const t = binned.thresholds[f];
    out.threshold[id] = s.bin < t.length ? t[s.bin] : Infinity;
  }
}
