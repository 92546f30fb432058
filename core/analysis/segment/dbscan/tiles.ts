/**
 * Rows grouped into tiles of near rows, for the eps search's k-nearest-neighbour pass
 * (eps-search.ts): the leaves of a k-d tree (Bentley 1975, "Multidimensional binary search trees
 * used for associative searching", CACM 18(9)) built by halving the rows, again and again, at the
 * median of the coordinate with the largest variance, until a part fits one tile. Every tile gets a
 * bounding ball — its centroid and the largest distance from it to a member — so that
 * ‖x − y‖ ≥ ‖c_I − c_J‖ − R_I − R_J for any x in tile I and y in tile J: a pair of tiles whose
 * gap exceeds both tiles' current k-th-neighbour distances cannot change any heap and is skipped.
 *
 * Why a tree: the tiles were first cut from the rows sorted by their distance to one pivot, whose
 * shells hold far-apart rows in 60 dimensions, so no tile pair of the full demo could be skipped
 * (446 M row pairs, all of them computed). Tree tiles are compact, but in 60 dimensions they still
 * skip almost nothing on the full demo (measured: 48,107 of 48,516 tile pairs computed); the gain of
 * the eps search comes from its per-pair screens on the principal axes (eps-search.ts), and the tree
 * helps only on lower-dimensional data. Which tiles are formed changes only which pairs are
 * computed, never a distance, so the search's result is the same (dbscan-eps tests).
 *
 * All of it is deterministic: ties in a split keep the rows' order.
 */
export interface Tiles {
  /** order[pos] = the row at position pos; a tile is a run of positions. */
  order: Int32Array;
  /** Tile t covers positions start[t] … start[t + 1] − 1 (count + 1 values). */
  start: Int32Array;
  count: number;
  /** Centroid of each tile (count × d, in the coordinates given). */
  centre: Float64Array;
  /** Largest distance from a member of the tile to its centroid, rounded up a hair. */
  radius: Float64Array;
}

/**
 * Tiles of at most `size` rows (all full but the last, so blocked passes stay aligned) over the
 * row-major n×d matrix `x` (the eps search passes its column-centred copy).
 */
export function buildTiles(x: Float64Array, n: number, d: number, size: number): Tiles {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const starts: number[] = [];
  const key = new Float64Array(n);
  const split = (lo: number, hi: number): void => {
    const m = hi - lo, tiles = Math.ceil(m / size);
    if (tiles <= 1) { starts.push(lo); return; }
    // The coordinate of largest variance among these rows.
    let axis = 0, best = -1;
    for (let q = 0; q < d; q++) {
      let mean = 0;
      for (let p = lo; p < hi; p++) mean += x[order[p] * d + q];
      mean /= m;
      let v = 0;
      for (let p = lo; p < hi; p++) { const t = x[order[p] * d + q] - mean; v += t * t; }
      if (v > best) { best = v; axis = q; }
    }
    for (let p = lo; p < hi; p++) key[order[p]] = x[order[p] * d + axis];
    const part = order.subarray(lo, hi);
    part.set(Array.from(part).sort((a, b) => key[a] - key[b] || a - b));
    // The left part takes whole tiles: every tile but the very last is full.
    const mid = lo + size * Math.ceil(tiles / 2);
    split(lo, mid);
    split(mid, hi);
  };
  if (n > 0) split(0, n);
  const count = starts.length;
  const start = Int32Array.from([...starts, n]);
  const centre = new Float64Array(count * d), radius = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    const a = start[t], b = start[t + 1], c = t * d;
    for (let p = a; p < b; p++) for (let q = 0; q < d; q++) centre[c + q] += x[order[p] * d + q];
    for (let q = 0; q < d; q++) centre[c + q] /= b - a;
    let far = 0;
    for (let p = a; p < b; p++) {
      let s = 0;
      for (let q = 0; q < d; q++) { const e = x[order[p] * d + q] - centre[c + q]; s += e * e; }
      if (s > far) far = s;
    }
    radius[t] = Math.sqrt(far) * (1 + 1e-9);
  }
  return { order, start, count, centre, radius };
}

/** ‖c_I − c_J‖ − R_I − R_J: no two members of tiles I and J are nearer than this (up to rounding). */
export function tileGap(tiles: Tiles, d: number, a: number, b: number): number {
  const { centre, radius } = tiles;
  let s = 0;
  for (let q = 0; q < d; q++) { const e = centre[a * d + q] - centre[b * d + q]; s += e * e; }
  return Math.sqrt(s) - radius[a] - radius[b];
}
