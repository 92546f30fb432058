/**
 * P(D_n ≤ x) by the three finite-n methods SciPy's kstwo uses (scipy/stats/_ksstats.py, SciPy 1.10);
 * each ported step for step, including SciPy's scaling by 2^±128 against over- and underflow.
 */
const E128 = 128, EP128 = 2 ** 128, EM128 = 2 ** -128;
const SQRT2PI = Math.sqrt(2 * Math.PI), PI2 = Math.PI ** 2, PI4 = Math.PI ** 4, PI6 = Math.PI ** 6;
const clip = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p);

/**
 * Durbin (1968) matrix method as Marsaglia, Tsang & Wang (2003), J. Stat. Softw. 8(18): with
 * x = (k − h)/n, the k-th diagonal entry of (n!/nⁿ)·Hⁿ for an m×m matrix H, m = 2k − 1.
 */
export function durbinMatrixCdf(n: number, x: number): number {
  if (x >= 1) return 1;
  const nd = n * x;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd), h = k - nd, m = 2 * k - 1;
  let H: Float64Array = new Float64Array(m * m);
  const v = new Float64Array(m), w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let P: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let nn = n, expnt = 0, hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      P = matmul(P, H, m);
      expnt += hExpnt;
    }
    H = matmul(H, H, m);
    hExpnt *= 2;
    if (Math.abs(H[(k - 1) * m + k - 1]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p *= 2 ** expnt;
  return clip(p);
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += ail * b[l * m + j];
    }
  }
  return c;
}

/** Pomeranz (1974) recursion: n!·V[n] after 2n + 1 convolutions with Poisson-like weights. */
export function pomeranzCdf(n: number, x: number): number {
  const t = n * x, ll = Math.floor(t), f = t - ll, g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0, roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gp = new Float64Array(npwrs), twog = new Float64Array(npwrs), onem2g = new Float64Array(npwrs);
  gp[0] = twog[0] = onem2g[0] = 1;
  const a1 = g / n, a2 = (2 * g) / n, a3 = (1 - 2 * g) / n;
  for (let k = 1; k < npwrs; k++) {
    gp[k] = (gp[k - 1] * a1) / k;
    twog[k] = (twog[k - 1] * a2) / k;
    onem2g[k] = (onem2g[k - 1] * a3) / k;
  }
  let V0 = new Float64Array(npwrs), V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0, V1s = 0, expnt = 0;
  let [j1] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    const [nj1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    j1 = nj1;
    const pw = i === 1 || i === 2 * n + 1 ? gp : i % 2 ? twog : onem2g;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const start = j1 - k1, len = j2 - j1 + 1, off = k1 - V0s;
      // V1[0..len) = (V0[off..off+ln2) ⊛ pw[0..ln2))[start..start+len), full convolution.
      let max = -Infinity;
      for (let r = 0; r < len; r++) {
        const c = start + r;
        let s = 0;
        for (let u = Math.max(0, c - ln2 + 1); u <= Math.min(c, ln2 - 1); u++) if (off + u < V0.length) s += V0[off + u] * pw[c - u];
        V1[r] = s;
      }
      for (let r = 0; r < V1.length; r++) if (V1[r] > max) max = V1[r];
      if (max > 0 && max < EM128) {
        for (let r = 0; r < V1.length; r++) V1[r] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let k = 1; k <= n; k++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= k;
  }
  if (expnt !== 0) ans *= 2 ** expnt;
  return clip(ans);
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number, j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2), odd = (i + 1) % 2;
    if (odd === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * Pelz & Good (1976) expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2}, z = x√n, each term
 * written with Jacobi theta functions so the series converge fast for small z.
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2, z3 = z ** 3, z4 = z ** 4, z6 = z ** 6;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2, k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4, k2b = ((2 * z4 - 5 * z2) * PI2) / 4, k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64, k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4, k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1, m2 = m ** 2, m4 = m ** 4, m6 = m ** 6;
    const qp = Math.pow(q, 8 * k);
    const c = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qp + c[i];
  }
  const den = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT2PI) / den[i];
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = Math.sqrt(3) * z;
  let k2extra = 0, k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k, qk = q ** k2, kpi = Math.PI * k;
    k2extra += k2 * qk;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  K[2] += k2extra * ((PI2 * SQRT2PI) / (-36 * z3));
  K[3] += k3extra * ((PI2 * SQRT2PI) / (216 * z6));
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}
