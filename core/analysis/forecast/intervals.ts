import type { ModelForecast } from '../../model/forecast.js';

/** Standard normal quantiles of the two-sided 80% and 95% intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Gaussian 80% and 95% bounds mean ± z·sd (every model here but Prophet assumes normal errors). */
export function bands(mean: number[], sd: number[]): Pick<ModelForecast, 'lower80' | 'upper80' | 'lower95' | 'upper95'> {
  return {
    lower80: mean.map((v, i) => v - Z80 * sd[i]),
    upper80: mean.map((v, i) => v + Z80 * sd[i]),
    lower95: mean.map((v, i) => v - Z95 * sd[i]),
    upper95: mean.map((v, i) => v + Z95 * sd[i]),
  };
}
