/**
 * The differencing tests of R's forecast::auto.arima (Hyndman & Khandakar 2008, §3.2):
 *  - d: the KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992) at 5%,
 *    as forecast::ndiffs (urca::ur.kpss, type "mu", lag ⌊3√n/13⌋), repeated on the differenced
 *    series up to d = 2;
 *  - D: the seasonal-strength heuristic of forecast::nsdiffs (its default test "seas", Wang, Smith &
 *    Hyndman 2006): D = 1 when F_S = max(0, 1 − Var(R)/Var(S + R)) > 0.64. R decomposes with STL
 *    (mstl); we use a centred moving-average trend and a locally weighted seasonal per season
 *    position (see seasonalStrength) — an approximation, checked against R's nsdiffs in the
 *    reference tests.
 */

/** KPSS level-stationarity statistic with Bartlett-weighted long-run variance over `lags` lags. */
export function kpssStatistic(x: ArrayLike<number>, lags = Math.trunc((3 * Math.sqrt(x.length)) / 13)): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] / n;
  const e = Array.from({ length: n }, (_, i) => x[i] - mean);
  let s = 0;
  let eta = 0;
  for (let i = 0; i < n; i++) {
    s += e[i];
    eta += s * s;
  }
  eta /= n * n;
  let lrv = e.reduce((a, v) => a + v * v, 0) / n;
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += e[t] * e[t - l];
    lrv += (2 * (1 - l / (lags + 1)) * c) / n;
  }
  return eta / lrv;
}

/** 5% critical value of the KPSS level test (Kwiatkowski et al. 1992, Table 1). */
const KPSS_5 = 0.463;

/** Lag-`lag` differences. */
export function diff(x: ArrayLike<number>, lag = 1): number[] {
  const out: number[] = [];
  for (let i = lag; i < x.length; i++) out.push(x[i] - x[i - lag]);
  return out;
}

function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/** Number of first differences the KPSS test asks for (0..maxD), as forecast::ndiffs. */
export function ndiffs(x: ArrayLike<number>, maxD = 2): number {
  let series = Array.from(x);
  let d = 0;
  while (d < maxD && !isConstant(series) && kpssStatistic(series) > KPSS_5) {
    series = diff(series);
    d++;
  }
  return d;
}

/** Seasonal strength F_S of a series with season m (see the file comment). */
export function seasonalStrength(x: ArrayLike<number>, m: number): number {
  const n = x.length;
  const half = Math.floor(m / 2);
  const trend = new Array<number>(n).fill(Number.NaN);
  for (let t = half; t + half < n; t++) {
    let sum = 0;
    if (m % 2 === 1) for (let j = -half; j <= half; j++) sum += x[t + j];
    else {
      for (let j = -half + 1; j < half; j++) sum += x[t + j];
      sum += 0.5 * (x[t - half] + x[t + half]);
    }
    trend[t] = sum / m;
  }
  // Seasonal: per season position, a locally weighted (tricube, 11 cycles: STL's s.window for one
  // season in R's mstl, degree 0) mean of the de-trended values of the same position.
  const detrendedAll = Array.from({ length: n }, (_, t) => x[t] - trend[t]);
  const seasonalAll = new Array<number>(n).fill(Number.NaN);
  const span = 5;
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    let num = 0;
    let den = 0;
    for (let j = -span; j <= span; j++) {
      const u = t + j * m;
      if (u < 0 || u >= n || Number.isNaN(trend[u])) continue;
      const w = (1 - (Math.abs(j) / (span + 1)) ** 3) ** 3;
      num += w * detrendedAll[u];
      den += w;
    }
    seasonalAll[t] = num / den;
  }
  const remainder: number[] = [];
  const detrended: number[] = [];
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    detrended.push(detrendedAll[t]);
    remainder.push(detrendedAll[t] - seasonalAll[t]);
  }
  const variance = (v: number[]): number => {
    const mu = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - mu) ** 2, 0) / (v.length - 1);
  };
  const total = variance(detrended);
  return total > 0 ? Math.max(0, Math.min(1, 1 - variance(remainder) / total)) : 0;
}

/** Seasonal differences (0 or 1) by the seasonal-strength heuristic; 0 with fewer than 2m + 1 values. */
export function nsdiffs(x: ArrayLike<number>, m: number): number {
  if (m <= 1 || x.length < 2 * m + 1 || isConstant(x)) return 0;
  return seasonalStrength(x, m) > 0.64 ? 1 : 0;
}
