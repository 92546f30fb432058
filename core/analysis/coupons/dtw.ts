/**
 * Dynamic time warping (Sakoe, H. & Chiba, S. (1978), "Dynamic programming algorithm
 * optimization for spoken word recognition", IEEE Trans. ASSP 26(1), 43–49) between two series
 * that may differ in length, with their Sakoe–Chiba band: cell (i, j) of the warping path is
 * allowed only when |i − j| ≤ max(window, |n − m|) (widened to the length difference so a path
 * always exists). The distance is tslearn's: √ of the smallest Σ (a_i − b_j)² over the allowed
 * paths (steps (1,0), (0,1), (1,1)).
 */
export function dtwDistance(a: ArrayLike<number>, b: ArrayLike<number>, window = Infinity): number {
  const n = a.length, m = b.length;
  if (n === 0 || m === 0) throw new RangeError(`series must not be empty, got lengths ${n} and ${m}`);
  if (!(window >= 0)) throw new RangeError(`window must be ≥ 0, got ${window}`);
  const w = Math.max(window, Math.abs(n - m));
  let prev = new Float64Array(m + 1).fill(Infinity), cur = new Float64Array(m + 1);
  prev[0] = 0;
  for (let i = 1; i <= n; i++) {
    cur.fill(Infinity);
    const lo = Math.max(1, i - w), hi = Math.min(m, i + w);
    for (let j = lo; j <= hi; j++) {
      const d = a[i - 1] - b[j - 1];
      cur[j] = d * d + Math.min(prev[j], cur[j - 1], prev[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return Math.sqrt(prev[m]);
}

/** The symmetric n × n DTW matrix of `series` as a Dissimilarity (row views of one buffer). */
export function dtwDissimilarity(series: readonly ArrayLike<number>[], window: number, onRow?: (i: number) => void): { n: number; row(i: number): Float64Array } {
  const n = series.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    onRow?.(i);
    for (let j = i + 1; j < n; j++) {
      const v = dtwDistance(series[i], series[j], window);
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  return { n, row: (i) => m.subarray(i * n, (i + 1) * n) };
}
