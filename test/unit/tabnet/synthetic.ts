import type { FeatureMatrix } from '../../../core/analysis/spend/regressor.js';

/**
 * Seeded synthetic regression set for the TabNet tests: 8 features, of which only two drive y —
 * column 0 (numeric) and column 5 (categorical, 4 levels) — y = 1.5·x₀ + effect[x₅] + N(0, 0.1²).
 * Column 2 is numeric with 10 % missing values and column 6 is a categorical distractor (6 levels).
 */
export function synthetic(rows: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const cols = 8;
  const effect = [-1.5, -0.5, 0.5, 1.5];
  const values = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) values[r * cols + j] = normal();
    values[r * cols + 5] = Math.floor(u() * 4);
    values[r * cols + 6] = Math.floor(u() * 6);
    if (u() < 0.1) values[r * cols + 2] = NaN;
    y[r] = 1.5 * values[r * cols] + effect[values[r * cols + 5]] + 0.1 * normal();
  }
  const names = Array.from({ length: cols }, (_, j) => `f${j}`);
  const categorical = names.map((_, j) => j === 5 || j === 6);
  return { x: { rows, cols, values, names, categorical }, y };
}

export function rmse(pred: ArrayLike<number>, y: ArrayLike<number>): number {
  let se = 0;
  for (let i = 0; i < y.length; i++) se += (pred[i] - y[i]) ** 2;
  return Math.sqrt(se / y.length);
}
