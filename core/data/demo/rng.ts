/**
 * The generator's only source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Counter,
 * PractRand-clean, 128-bit state) in pure 32-bit integer arithmetic, so the same seed gives the
 * same stream on every platform and Node version. Math.random is never used.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Folds a (safe) integer seed and a stream number into one 32-bit key. */
function key(seed: number, stream: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(mix32(lo ^ 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15) ^ mix32(stream + 0x632be5ab));
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  /**
   * Independent streams for one seed (e.g. one per customer), so a customer's data does not
   * depend on how many random numbers the customers before it consumed.
   */
  constructor(seed: number, stream = 0) {
    const k = key(seed, stream);
    this.a = mix32(k ^ 0x243f6a88);
    this.b = mix32(k ^ 0x85a308d3);
    this.c = mix32(k ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal by the Box–Muller transform (the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** exp(sigma·N(0,1)): a multiplicative spread with median 1. */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** Poisson count (Knuth's product method; means here stay below ~60). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Geometric-like count ≥ 1 with the given mean (rounded exponential). */
  countAtLeastOne(mean: number): number {
    return 1 + Math.floor(-Math.log(1 - this.next()) * Math.max(0, mean - 1) + 0.5);
  }

  /** Index i with cum[i-1] ≤ u < cum[i] for u uniform over [cum[from-1], cum[to-1]). */
  pick(cum: Float64Array, from = 0, to = cum.length): number {
    const base = from === 0 ? 0 : cum[from - 1];
    const u = base + this.next() * (cum[to - 1] - base);
    let lo = from;
    let hi = to - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

/** Cumulative sums of non-negative weights, for Rng.pick. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += Math.max(0, weights[i]);
    cum[i] = s;
  }
  return cum;
}
