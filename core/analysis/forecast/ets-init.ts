import type { EtsParams, EtsSpec } from './ets-recursion.js';

/**
 * Starting values for the ETS optimiser, as R's forecast::ets (`initstate` and `initparam`):
 * seasonal states from a classical decomposition of the first min(n, 3m) values (a centred moving
 * average of order m, then the mean de-trended value per season position, normalised to sum 0 or
 * average 1), level and growth from a least-squares line through the first max(10, 2m) seasonally
 * adjusted values; α = 0.2/m-way into its range, β = 0.1·α, γ = 0.05·(1−α), φ = 0.978 (R's 0.99 of
 * the way from 0.8 to 0.98).
 */
export function etsStart(y: ArrayLike<number>, spec: EtsSpec): EtsParams {
  const m = spec.season === 'N' ? 1 : spec.m;
  const n = y.length;
  const adjusted = Array.from(y as ArrayLike<number>);
  let s0: number[] = [];
  if (spec.season !== 'N') {
    const len = Math.min(n, 3 * m);
    const ma = centredMovingAverage(y, len, m);
    const sums = new Array<number>(m).fill(0);
    const counts = new Array<number>(m).fill(0);
    for (let t = 0; t < len; t++) {
      if (Number.isNaN(ma[t])) continue;
      const d = spec.season === 'A' ? y[t] - ma[t] : ma[t] !== 0 ? y[t] / ma[t] : 1;
      sums[t % m] += d;
      counts[t % m]++;
    }
    const raw = sums.map((v, i) => (counts[i] > 0 ? v / counts[i] : spec.season === 'A' ? 0 : 1));
    const centre = raw.reduce((a, b) => a + b, 0) / m;
    const seasonal = raw.map((v) => (spec.season === 'A' ? v - centre : v / centre));
    for (let t = 0; t < n; t++) adjusted[t] = spec.season === 'A' ? y[t] - seasonal[t % m] : y[t] / seasonal[t % m];
    // s[0] is the state of the period just before the data (position m−1), s[m−1] that of position 0.
    s0 = Array.from({ length: m }, (_, j) => seasonal[m - 1 - j]);
  }
  const k = Math.min(Math.max(10, 2 * m), n);
  let l0: number;
  let b0 = 0;
  if (spec.trend === 'N') {
    l0 = adjusted.slice(0, k).reduce((a, b) => a + b, 0) / k;
  } else {
    const xm = (k + 1) / 2;
    const ym = adjusted.slice(0, k).reduce((a, b) => a + b, 0) / k;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < k; i++) {
      sxy += (i + 1 - xm) * (adjusted[i] - ym);
      sxx += (i + 1 - xm) ** 2;
    }
    b0 = sxx > 0 ? sxy / sxx : 0;
    l0 = ym - b0 * xm;
  }
  const alpha = 1e-4 + (0.2 * (0.9999 - 1e-4)) / m;
  return { alpha, beta: 0.1 * alpha, gamma: 0.05 * (1 - alpha), phi: 0.978, l0, b0, s0 };
}

/** Centred moving average of order m (2×m when m is even) over the first `len` values; NaN at the ends. */
function centredMovingAverage(y: ArrayLike<number>, len: number, m: number): number[] {
  const out = new Array<number>(len).fill(Number.NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t + half < len; t++) {
    let sum = 0;
    if (m % 2 === 1) {
      for (let j = -half; j <= half; j++) sum += y[t + j];
      out[t] = sum / m;
    } else {
      for (let j = -half + 1; j < half; j++) sum += y[t + j];
      sum += 0.5 * (y[t - half] + y[t + half]);
      out[t] = sum / m;
    }
  }
  return out;
}
