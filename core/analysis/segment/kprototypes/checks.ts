/** Input checks for k-prototypes: each names the argument and the offending value. */
export const MAX_CATEGORY_CODE = 1 << 20;

export function checkMixedData(num: Float64Array, cat: Int32Array, n: number, p: number, q: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(p) && p >= 0)) throw new RangeError(`p must be a non-negative integer, got ${p}`);
  if (!(Number.isInteger(q) && q >= 0)) throw new RangeError(`q must be a non-negative integer, got ${q}`);
  if (p + q === 0) throw new RangeError('p + q must be at least 1, got 0 features');
  if (num.length !== n * p) throw new RangeError(`num must hold n × p = ${n * p} values, got ${num.length}`);
  if (cat.length !== n * q) throw new RangeError(`cat must hold n × q = ${n * q} values, got ${cat.length}`);
  for (let i = 0; i < num.length; i++) {
    if (!Number.isFinite(num[i])) throw new RangeError(`num must be finite, got ${num[i]} at row ${Math.floor(i / p)}`);
  }
  for (let i = 0; i < cat.length; i++) {
    const c = cat[i];
    if (c < 0 || c >= MAX_CATEGORY_CODE) {
      throw new RangeError(`cat codes must be in 0..${MAX_CATEGORY_CODE - 1}, got ${c} at row ${Math.floor(i / q)}`);
    }
  }
}

export function checkInteger(name: string, value: number, min: number, max = Infinity): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Infinity ? `at least ${min}` : `in ${min}..${max}`;
    throw new RangeError(`${name} must be an integer ${range}, got ${value}`);
  }
}
