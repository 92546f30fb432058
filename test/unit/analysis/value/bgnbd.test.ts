import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdExpected, bgnbdExpectedDirect, bgnbdLogLik, bgnbdLogLikGrad, bgnbdPAlive, fitBgNbd, gammaGammaExpectedSpend, gammaGammaLogLik, gammaGammaLogLikGrad, type BgNbdParams, type GammaGammaParams } from '../../../../core/analysis/value/index.js';
import { PUBLISHED, readCdnow } from './cdnow.js';

interface RRef {
  bgnbdLogLik: number;
  gammaGammaLogLik: number;
  first: { n: number; pAlive: number[]; expected39: number[]; spend: number[] };
  groups: { frequency: number; customers: number; actual: number; predicted: number }[];
}
const R = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/cdnow/cdnow-bgnbd-r.json'), 'utf8')) as RRef;
const d = readCdnow();
const P: BgNbdParams = PUBLISHED.bgnbd;
const G: GammaGammaParams = PUBLISHED.gammaGamma;

describe('BG/NBD formulas', () => {
  it('log-likelihood of one customer equals eq. (6) evaluated by hand', () => {
    // x = 2, t_x = 30.43, T = 38.86 at r = 0.243, α = 4.414, a = 0.793, b = 2.426, written out term by term
    // with the lnΓ values from R's lgamma (lnΓ(2.243), lnΓ(0.243), lnΓ(3.219), lnΓ(4.426), lnΓ(5.219), lnΓ(2.426)).
    const lg = { r2: 0.1208775615866553, r: 1.3180435846996699, ab: 0.90444873576738449, b2: 2.3516453273111031, ab2: 3.5131176212262578, b: 0.23400811688731632 };
    const A1 = lg.r2 - lg.r + 0.243 * Math.log(4.414);
    const A2 = lg.ab + lg.b2 - lg.b - lg.ab2;
    const A3 = -2.243 * Math.log(4.414 + 38.86);
    const A4 = Math.log(0.793) - Math.log(2.426 + 1) - 2.243 * Math.log(4.414 + 30.43);
    expect(bgnbdLogLik(P, { frequency: [2], recency: [30.43], T: [38.86] })).toBeCloseTo(A1 + A2 + Math.log(Math.exp(A3) + Math.exp(A4)), 10);
    // x = 0: the A₄ term is absent.
    expect(bgnbdLogLik(P, { frequency: [0], recency: [0], T: [38.86] })).toBeCloseTo(0.243 * Math.log(4.414) - 0.243 * Math.log(4.414 + 38.86), 12);
  });

  it('log-likelihood of the CDNOW summary equals R\'s (test/reference/cdnow_bgnbd.R)', () => {
    expect(bgnbdLogLik(P, { frequency: d.x, recency: d.tx, T: d.T })).toBeCloseTo(R.bgnbdLogLik, 6);
  });

  it('analytic gradient equals central finite differences', () => {
    const data = { frequency: d.x.slice(0, 400), recency: d.tx.slice(0, 400), T: d.T.slice(0, 400) };
    for (const p of [P, { r: 1.3, alpha: 0.7, a: 2.2, b: 0.4 }, { r: 0.05, alpha: 30, a: 0.2, b: 9 }]) {
      const g = new Float64Array(4);
      bgnbdLogLikGrad(p, data, g);
      (['r', 'alpha', 'a', 'b'] as const).forEach((k, i) => {
        const h = 1e-6 * p[k];
        const up = bgnbdLogLikGrad({ ...p, [k]: p[k] + h }, data), down = bgnbdLogLikGrad({ ...p, [k]: p[k] - h }, data);
        expect(g[i], `${k} at ${JSON.stringify(p)}`).toBeCloseTo((up - down) / (2 * h), 3);
        expect(Math.abs(g[i] - (up - down) / (2 * h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(g[i])));
      });
    }
  });

  it('P(alive) and E[Y(39)] equal R with GSL\'s 2F1 for the first 50 customers', () => {
    for (let i = 0; i < R.first.n; i++) {
      expect(bgnbdPAlive(P, d.x[i], d.tx[i], d.T[i])).toBeCloseTo(R.first.pAlive[i], 12);
      expect(bgnbdExpected(P, 39, d.x[i], d.tx[i], d.T[i])).toBeCloseTo(R.first.expected39[i], 10);
    }
  });

  it('the paper\'s worked example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks', () => {
    expect(bgnbdExpected(P, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('Euler-transformed and direct conditional expectation agree, and the transformed one survives large x', () => {
    for (const [x, tx, T, t] of [[0, 0, 20, 5], [1, 3, 30, 52], [7, 25, 30, 200], [40, 300, 320, 365]]) {
      expect(bgnbdExpected(P, t, x, tx, T)).toBeCloseTo(bgnbdExpectedDirect(P, t, x, tx, T), 9);
    }
    // 1500 repeat purchases in 365 time units, the last one a unit ago; (1 − z)^{−(r+x)} is past 1e308.
    const q = { r: 2, alpha: 3, a: 0.5, b: 5 };
    const big = bgnbdExpected(q, 365, 1500, 364, 365);
    expect(Number.isFinite(bgnbdExpectedDirect(q, 365, 1500, 364, 365))).toBe(false);
    // Almost surely alive and buying ~4 times a unit: close to 1500 more in the next 365.
    expect(bgnbdPAlive(q, 1500, 364, 365)).toBeGreaterThan(0.95);
    expect(big).toBeGreaterThan(1000);
    expect(big).toBeLessThan(1510);
  });

  it('a customer without repeat purchases is alive; P(alive) falls as the last purchase ages', () => {
    expect(bgnbdPAlive(P, 0, 0, 30)).toBe(1);
    expect(bgnbdPAlive(P, 3, 30, 31)).toBeGreaterThan(bgnbdPAlive(P, 3, 10, 31));
  });

  it('the fit reaches the same optimum from a different start', () => {
    const data = { frequency: d.x, recency: d.tx, T: d.T };
    const a = fitBgNbd(data), b = fitBgNbd(data, { r: 3, alpha: 20, a: 0.3, b: 8 });
    expect(b.logLik).toBeCloseTo(a.logLik, 6);
    expect(b.params.r).toBeCloseTo(a.params.r, 4);
  });

  it('refuses bad input in one sentence naming the argument', () => {
    expect(() => bgnbdLogLik({ ...P, r: -1 }, { frequency: [0], recency: [0], T: [1] })).toThrow('r must be a positive finite number, got -1');
    expect(() => bgnbdLogLik(P, { frequency: [1.5], recency: [1], T: [2] })).toThrow('frequency must be a non-negative integer, got 1.5 at 0');
    expect(() => bgnbdLogLik(P, { frequency: [1], recency: [3], T: [2] })).toThrow('recency must be in 0..T, got 3 (T 2) at 0');
    expect(() => fitBgNbd({ frequency: [], recency: [], T: [] })).toThrow('at least one customer');
  });
});

describe('Gamma-Gamma formulas', () => {
  const keep = d.x.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
  const data = { frequency: keep.map((i) => d.x[i]), monetary: keep.map((i) => d.m[i]) };

  it('log-likelihood equals R\'s on the 946 repeat customers', () => {
    expect(gammaGammaLogLik(G, data)).toBeCloseTo(R.gammaGammaLogLik, 6);
  });

  it('analytic gradient equals central finite differences', () => {
    for (const p of [G, { p: 1.2, q: 0.8, gamma: 40 }]) {
      const g = new Float64Array(3);
      gammaGammaLogLikGrad(p, data, g);
      (['p', 'q', 'gamma'] as const).forEach((k, i) => {
        const h = 1e-6 * p[k];
        const fd = (gammaGammaLogLikGrad({ ...p, [k]: p[k] + h }, data) - gammaGammaLogLikGrad({ ...p, [k]: p[k] - h }, data)) / (2 * h);
        expect(Math.abs(g[i] - fd), k).toBeLessThan(1e-6 * Math.max(1, Math.abs(g[i])));
      });
    }
  });

  it('expected spend is the weighted mean of the population mean pγ/(q − 1) and the customer\'s mean (R for the first 50)', () => {
    for (let i = 0; i < R.first.n; i++) expect(gammaGammaExpectedSpend(G, d.x[i], d.m[i])).toBeCloseTo(R.first.spend[i], 10);
    const pop = (G.p * G.gamma) / (G.q - 1);
    expect(gammaGammaExpectedSpend(G, 0, 0)).toBeCloseTo(pop, 12);
    const w = (G.p * 4) / (G.p * 4 + G.q - 1);
    expect(gammaGammaExpectedSpend(G, 4, 100)).toBeCloseTo(w * 100 + (1 - w) * pop, 10);
    expect(() => gammaGammaExpectedSpend({ ...G, q: 0.9 }, 1, 1)).toThrow('q must be above 1');
  });
});
