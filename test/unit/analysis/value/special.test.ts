import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, minimiseBfgs } from '../../../../core/analysis/value/index.js';

describe('special functions', () => {
  it('digamma at known values (A&S 6.3.2, 6.3.3) and the recurrence ψ(x + 1) = ψ(x) + 1/x', () => {
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 13);
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.LN2, 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13);
    for (const x of [0.01, 0.3, 2.7, 7.5, 123.4]) expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 11);
    expect(() => digamma(0)).toThrow('x must be a positive finite number, got 0');
  });

  it('2F1 against closed forms: −ln(1 − z)/z, (1 − z)^{−a}, arcsin', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 11);
      expect(hyp2f1(2.5, 3, 3, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 8);
      expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(z === 0 ? 1 : Math.asin(z) / z, 11);
    }
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow('z must be in [0, 1), got 1');
  });
});

describe('BFGS', () => {
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1)', () => {
    const res = minimiseBfgs((x, g) => {
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
      g[1] = 200 * (x[1] - x[0] * x[0]);
      return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2;
    }, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
  });

  it('backs off where the objective is not finite', () => {
    const res = minimiseBfgs((x, g) => {
      g[0] = 2 * (x[0] - 3);
      return x[0] > 5 ? Infinity : (x[0] - 3) ** 2;
    }, [0]);
    expect(res.x[0]).toBeCloseTo(3, 8);
  });
});
