/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * reflection 1, expansion 2, contraction ½, shrink ½ as R's `optim(method = "Nelder-Mead")`).
 * Used for the ETS parameters, as R's forecast::ets does. Deterministic: no random restarts.
 */
export interface NelderMeadOptions {
  /** Maximum function evaluations. */
  maxEval: number;
  /** Stop when the simplex's function values span less than tol·(|f_best| + tol). */
  tol: number;
  /** Initial step per coordinate (absolute). */
  step: number[];
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evals: number;
}

export function nelderMead(f: (x: number[]) => number, x0: number[], options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n === 0) return { x: [], f: f([]), evals: 1 };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += options.step[i] ?? 0.1;
    simplex.push(p);
  }
  const values = simplex.map((p) => f(p));
  let evals = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  while (evals < options.maxEval) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    if (Math.abs(values[worst] - values[best]) <= options.tol * (Math.abs(values[best]) + options.tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = simplex[order[k]];
      for (let i = 0; i < n; i++) centroid[i] += p[i] / n;
    }
    const along = (t: number): number[] => centroid.map((c, i) => c + t * (simplex[worst][i] - c));
    const reflected = along(-1);
    const fr = f(reflected);
    evals++;
    if (fr < values[best]) {
      const expanded = along(-2);
      const fe = f(expanded);
      evals++;
      if (fe < fr) {
        simplex[worst] = expanded;
        values[worst] = fe;
      } else {
        simplex[worst] = reflected;
        values[worst] = fr;
      }
    } else if (fr < values[second]) {
      simplex[worst] = reflected;
      values[worst] = fr;
    } else {
      const outside = fr < values[worst];
      const contracted = along(outside ? -0.5 : 0.5);
      const fc = f(contracted);
      evals++;
      if (fc < (outside ? fr : values[worst])) {
        simplex[worst] = contracted;
        values[worst] = fc;
      } else {
        for (let k = 1; k <= n; k++) {
          const j = order[k];
          simplex[j] = simplex[j].map((v, i) => simplex[best][i] + 0.5 * (v - simplex[best][i]));
          values[j] = f(simplex[j]);
          evals++;
        }
      }
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: simplex[bestIndex], f: values[bestIndex], evals };
}
