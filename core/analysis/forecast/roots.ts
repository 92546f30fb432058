/**
 * Smallest root modulus of 1 + c₁z + … + c_k z^k, by the Durand–Kerner (Weierstrass) iteration on
 * the monic reversed polynomial. Used as R's auto.arima uses polyroot: a fit whose AR or MA
 * polynomial has a root with |z| < 1.01 is refused (near non-stationary / non-invertible).
 */
export function minRootModulus(c: number[]): number {
  let k = c.length;
  while (k > 0 && Math.abs(c[k - 1]) < 1e-12) k--;
  if (k === 0) return Number.POSITIVE_INFINITY;
  // Roots of 1 + c1 z + … + ck z^k are the reciprocals of the roots of z^k + c1 z^{k-1} + … + ck.
  const a = c.slice(0, k);
  const re = new Array<number>(k);
  const im = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const angle = (2 * Math.PI * i) / k + 0.4;
    re[i] = 0.9 * Math.cos(angle);
    im[i] = 0.9 * Math.sin(angle);
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let i = 0; i < k; i++) {
      // p(z) = z^k + a1 z^{k-1} + … + ak by Horner.
      let pr = 1;
      let pi = 0;
      for (let j = 0; j < k; j++) {
        const nr = pr * re[i] - pi * im[i] + a[j];
        pi = pr * im[i] + pi * re[i];
        pr = nr;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const xr = re[i] - re[j];
        const xi = im[i] - im[j];
        const nr = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = nr;
      }
      const den = dr * dr + di * di || 1e-300;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      re[i] -= qr;
      im[i] -= qi;
      moved = Math.max(moved, Math.hypot(qr, qi));
    }
    if (moved < 1e-14) break;
  }
  let largest = 0;
  for (let i = 0; i < k; i++) largest = Math.max(largest, Math.hypot(re[i], im[i]));
  return largest > 0 ? 1 / largest : Number.POSITIVE_INFINITY;
}
