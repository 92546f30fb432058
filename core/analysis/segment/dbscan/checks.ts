/** Input checks shared by dbscan and epsForNoiseShare; each names the argument and its value. */
export function checkMatrix(data: Float64Array, n: number, d: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`d must be a positive integer, got ${d}`);
  if (data.length !== n * d) throw new RangeError(`data must hold n·d = ${n * d} values, got ${data.length}`);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw new RangeError(`data must be finite, got ${data[i]} at row ${Math.floor(i / d)}, column ${i % d}`);
  }
}

export function checkMinSamples(minSamples: number): void {
  if (!(Number.isInteger(minSamples) && minSamples >= 1)) throw new RangeError(`minSamples must be a positive integer, got ${minSamples}`);
}
