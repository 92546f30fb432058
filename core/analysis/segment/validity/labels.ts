/** Renumbers arbitrary integer labels to 0..K−1 in order of first appearance; checks 2 ≤ K ≤ maxK. */
export function compactLabels(labels: ArrayLike<number>, n: number, maxK: number): { ids: Int32Array; k: number } {
  if (labels.length !== n) throw new RangeError(`labels must hold n = ${n} values, got ${labels.length}`);
  const map = new Map<number, number>();
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!Number.isInteger(l)) throw new RangeError(`labels must be integers, got ${l} at index ${i}`);
    let id = map.get(l);
    if (id === undefined) map.set(l, (id = map.size));
    ids[i] = id;
  }
  const k = map.size;
  if (!(k >= 2 && k <= maxK)) throw new RangeError(`the number of distinct labels must be in 2..${maxK}, got ${k}`);
  return { ids, k };
}

/** Cluster sizes and row-major k×d centroids (means) of `data` under compact labels. */
export function centroids(data: Float64Array, n: number, d: number, ids: Int32Array, k: number): { sizes: Float64Array; centers: Float64Array } {
  const sizes = new Float64Array(k), centers = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = ids[i];
    sizes[c]++;
    for (let q = 0; q < d; q++) centers[c * d + q] += data[i * d + q];
  }
  for (let c = 0; c < k; c++) for (let q = 0; q < d; q++) centers[c * d + q] /= sizes[c];
  return { sizes, centers };
}
