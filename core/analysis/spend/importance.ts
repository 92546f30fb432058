import type { SpendImportance } from '../../model/spend.js';
import { createRandom } from '../common/random.js';
import { rmsle } from './metrics.js';
import type { FeatureMatrix, Regressor } from './regressor.js';

/**
 * Permutation importance (Breiman 2001, "Random Forests", §10; Fisher, Rudin & Dominici 2019's
 * model reliance): for each feature, the RMSLE increase on `x` (the validation rows, true amounts
 * `amount[rows]`) when that column alone is shuffled (seeded Fisher–Yates, one permutation per
 * feature). Largest first; ties keep the feature order.
 */
export function permutationImportance(model: Regressor, x: FeatureMatrix, amount: ArrayLike<number>, rows: ArrayLike<number>, seed: number, onFeature?: (done: number, total: number) => void): SpendImportance[] {
  const base = rmsle(model.predict(x), amount, rows);
  const random = createRandom(seed);
  const out: SpendImportance[] = [];
  const values = Float64Array.from(x.values);
  const shuffled: FeatureMatrix = { ...x, values };
  for (let j = 0; j < x.cols; j++) {
    const column = new Float64Array(x.rows);
    for (let r = 0; r < x.rows; r++) column[r] = x.values[r * x.cols + j];
    for (let i = x.rows - 1; i > 0; i--) {
      const k = random.int(i + 1);
      const t = column[i];
      column[i] = column[k];
      column[k] = t;
    }
    for (let r = 0; r < x.rows; r++) values[r * x.cols + j] = column[r];
    out.push({ feature: x.names[j], value: rmsle(model.predict(shuffled), amount, rows) - base });
    for (let r = 0; r < x.rows; r++) values[r * x.cols + j] = x.values[r * x.cols + j];
    onFeature?.(j + 1, x.cols);
  }
  return out.map((v, i) => ({ v, i })).sort((a, b) => b.v.value - a.v.value || a.i - b.i).map((e) => e.v);
}
