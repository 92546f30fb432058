/**
 * A small BFGS minimiser (Nocedal & Wright 2006, Algorithm 6.1: inverse-Hessian update with a
 * backtracking Armijo line search) for the few-parameter likelihoods of this folder. The BTYD
 * fits minimise −LL/n over log-parameters, so every step stays in the positive domain, as the
 * R package BTYD and the Python package lifetimes do (both optimise log-parameters; lifetimes with
 * scipy's BFGS, BTYD with Nelder–Mead).
 */

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** True when the gradient norm fell under `gradTol` (else the run stopped on maxIterations or a stalled line search). */
  converged: boolean;
}

export const MINIMISE_DEFAULTS = { maxIterations: 1000, gradTol: 1e-9 };

/**
 * Minimises f from x0. `fg(x, grad)` returns f(x) and writes ∇f(x) into grad; a non-finite
 * value is treated as +∞ (the line search backs off). Deterministic: no randomness.
 */
export function minimiseBfgs(fg: (x: Float64Array, grad: Float64Array) => number, x0: ArrayLike<number>, options: Partial<typeof MINIMISE_DEFAULTS> = {}): MinimiseResult {
  const o = { ...MINIMISE_DEFAULTS, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  if (!Number.isFinite(f)) throw new RangeError('the objective is not finite at the starting point');
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const p = new Float64Array(n), xNew = new Float64Array(n), gNew = new Float64Array(n), s = new Float64Array(n), y = new Float64Array(n), Hy = new Float64Array(n);
  let it = 0;
  for (; it < o.maxIterations; it++) {
    if (maxAbs(g) < o.gradTol) return { x, value: f, iterations: it, converged: true };
    // p = −H g; reset H when it is not a descent direction.
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j] * g[j];
      p[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        p[i] = -g[i];
      }
      slope = -dot(g, g);
    }
    let step = 1, fNew = Infinity, accepted = false;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * p[i];
      fNew = fg(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) return { x, value: f, iterations: it, converged: maxAbs(g) < Math.sqrt(o.gradTol) };
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-300) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
    }
    [x, g] = [Float64Array.from(xNew), Float64Array.from(gNew)];
    const done = Math.abs(f - fNew) <= 1e-15 * Math.max(1, Math.abs(f)) && maxAbs(g) < Math.sqrt(o.gradTol);
    f = fNew;
    if (done) return { x, value: f, iterations: it + 1, converged: true };
  }
  return { x, value: f, iterations: it, converged: maxAbs(g) < o.gradTol };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
