import { createRandom } from '../common/random.js';

/**
 * Prophet's predictive intervals, simulated as R/Python prophet does (`sample_predictive_trend`
 * and `sample_model` in prophet's forecaster): future changepoints arrive as a Poisson process with
 * the history's rate (S changepoints per unit of scaled time) on (1, T], their rate changes are
 * Laplace(0, λ) with λ = mean |δ| of the fitted changepoints, and each draw adds Gaussian noise
 * N(0, σ_obs); the interval is the empirical quantiles of the draws (linear interpolation, as
 * numpy). Ours and not augurs's: augurs draws from an unseeded generator, so the same fit gave
 * different intervals in two runs; here the draws come from the seeded project generator.
 */
export interface ProphetFitParams {
  /** Fitted changepoint rate changes δ (scaled units). */
  delta: ArrayLike<number>;
  /** Observation noise σ (scaled units). */
  sigmaObs: number;
}

export interface ProphetIntervalInput {
  /** Point forecasts ŷ of the future periods (original units). */
  mean: number[];
  /** Scaled time of each future period: (ds − first) / (last − first) of the history (> 1). */
  t: number[];
  /** Prophet's y scale (max |y| for its default "absMax" scaling). */
  yScale: number;
  params: ProphetFitParams;
  samples: number;
  seed: number;
}

/** Quantile of sorted values with linear interpolation between order statistics (numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function prophetIntervals(input: ProphetIntervalInput): { lower80: number[]; upper80: number[]; lower95: number[]; upper95: number[] } {
  const { mean, t, yScale, params, samples } = input;
  const h = mean.length;
  const random = createRandom(input.seed);
  const uniform = (): number => random.next();
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const S = params.delta.length;
  let lambda = 1e-8;
  for (let i = 0; i < S; i++) lambda += Math.abs(params.delta[i]) / Math.max(S, 1);
  const T = h > 0 ? t[h - 1] : 1;
  const draws = Array.from({ length: h }, () => new Float64Array(samples));
  for (let k = 0; k < samples; k++) {
    // Poisson(S·(T − 1)) new changepoints by inversion (the mean is small: a few per horizon).
    const rate = S * (T - 1);
    let count = 0;
    for (let p = Math.exp(-rate), c = p, u = uniform(); u > c && count < 10_000; ) {
      count++;
      p *= rate / count;
      c += p;
    }
    const times: number[] = [];
    const deltas: number[] = [];
    for (let j = 0; j < count; j++) {
      times.push(1 + uniform() * (T - 1));
      const u = uniform() - 0.5;
      deltas.push(-lambda * Math.sign(u) * Math.log(1 - 2 * Math.abs(u)));
    }
    for (let i = 0; i < h; i++) {
      let shift = 0;
      for (let j = 0; j < count; j++) if (t[i] >= times[j]) shift += deltas[j] * (t[i] - times[j]);
      draws[i][k] = mean[i] + yScale * (shift + params.sigmaObs * normal());
    }
  }
  const out = { lower80: [] as number[], upper80: [] as number[], lower95: [] as number[], upper95: [] as number[] };
  for (const d of draws) {
    d.sort();
    out.lower80.push(quantile(d, 0.1));
    out.upper80.push(quantile(d, 0.9));
    out.lower95.push(quantile(d, 0.025));
    out.upper95.push(quantile(d, 0.975));
  }
  return out;
}
