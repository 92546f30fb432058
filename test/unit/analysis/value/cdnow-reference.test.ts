import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma } from '../../../../core/analysis/value/index.js';
import { PUBLISHED, readCdnow } from './cdnow.js';

/** |got / want − 1| ≤ 1 % (the bar), with the figure in the message. */
function within1pct(got: number, want: number, name: string): void {
  expect(Math.abs(got / want - 1), `${name} = ${got} vs published ${want}`).toBeLessThanOrEqual(0.01);
}

describe('CDNOW reference (test/fixtures/cdnow, weekly, calibration to 1997-09-30)', () => {
  const d = readCdnow();

  it('the summary has the papers\' 2,357 customers, 946 of them with repeat purchases', () => {
    expect(d.x).toHaveLength(2357);
    expect(d.x.filter((x) => x > 0)).toHaveLength(946);
    expect(d.holdoutWeeks).toBe(39);
  });

  it('BG/NBD maximum likelihood gives the published r, α, a, b within 1 % (and LL −9582.4)', () => {
    const fit = fitBgNbd({ frequency: d.x, recency: d.tx, T: d.T });
    expect(fit.converged).toBe(true);
    within1pct(fit.params.r, PUBLISHED.bgnbd.r, 'r');
    within1pct(fit.params.alpha, PUBLISHED.bgnbd.alpha, 'alpha');
    within1pct(fit.params.a, PUBLISHED.bgnbd.a, 'a');
    within1pct(fit.params.b, PUBLISHED.bgnbd.b, 'b');
    // Fader, Hardie & Lee (2005), Table 1 / the BTYD vignette: LL = −9582.4.
    expect(fit.logLik).toBeCloseTo(-9582.4, 0);
  });

  it('Gamma-Gamma on the 946 repeat customers gives the published p, q, γ within 1 %', () => {
    const keep = d.x.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
    const fit = fitGammaGamma({ frequency: keep.map((i) => d.x[i]), monetary: keep.map((i) => d.m[i]) });
    expect(fit.converged).toBe(true);
    within1pct(fit.params.p, PUBLISHED.gammaGamma.p, 'p');
    within1pct(fit.params.q, PUBLISHED.gammaGamma.q, 'q');
    within1pct(fit.params.gamma, PUBLISHED.gammaGamma.gamma, 'gamma');
  });
});
