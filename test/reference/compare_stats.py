#!/usr/bin/env python3
"""Reference outputs for the segment-comparison statistics (SciPy, R's p.adjust).

Run with Debian's python3-scipy / python3-numpy and r-base-core (for p.adjust):
    /usr/bin/python3 test/reference/compare_stats.py
Writes test/reference/fixtures/
  mannwhitney.json   scipy.stats.mannwhitneyu(x, y, alternative='two-sided', use_continuity=True,
                     method='asymptotic'): U1 (U of x), the p-value, and 2·U1/(n1·n2) − 1.
  chi2.json          scipy.stats.chi2_contingency(table) (Yates when dof == 1) and correction=False,
                     and scipy.stats.contingency.association(method='cramer'), all computed on the
                     table without its all-zero rows/columns; `expected` is padded back with zeros.
  norm-chi2-sf.json  scipy.stats.norm.sf(z) and scipy.stats.chi2.sf(x, df) on grids into the tails.
  p-adjust.json      R's p.adjust(p, 'holm') and p.adjust(p, 'BH') (NA in, NA out: JSON null).
Inputs are rounded to 8 decimals before the references are computed, so the JSON holds exactly
what was used. The tests read only these files; they need neither Python nor R.
"""
import json
import os
import subprocess

import numpy as np
import scipy
from scipy.stats import chi2, chi2_contingency, mannwhitneyu, norm
from scipy.stats.contingency import association

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
VERSIONS = {'scipy': scipy.__version__, 'numpy': np.__version__}


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump({'generator': 'test/reference/compare_stats.py', 'versions': VERSIONS, **payload}, f,
                  separators=(',', ':'), allow_nan=False)
    print(f'{name}: {os.path.getsize(path) / 1024:.0f} KB')


def num(v):
    """JSON number, or null for NaN."""
    v = float(v)
    return None if np.isnan(v) else v


# --------------------------------------------------------------------------- Mann–Whitney U
def mwu_case(name, x, y):
    x = np.round(np.asarray(x, dtype=np.float64), 8)
    y = np.round(np.asarray(y, dtype=np.float64), 8)
    with np.errstate(divide='ignore', invalid='ignore'):
        r = mannwhitneyu(x, y, alternative='two-sided', use_continuity=True, method='asymptotic')
    u = float(r.statistic)
    case = {'name': name, 'x': x.tolist(), 'y': y.tolist(), 'u': u, 'pValue': float(r.pvalue),
            'effect': 2 * u / (len(x) * len(y)) - 1}
    print(f'  mwu {name}: n={len(x)}/{len(y)} U1={u} p={r.pvalue:.6g}')
    return case


def zero_inflated(rng, n, p_zero, mu, sigma):
    v = rng.lognormal(mu, sigma, size=n)
    v[rng.random(n) < p_zero] = 0.0
    return np.round(v, 2)


def mannwhitney_fixture():
    rng = np.random.default_rng(20261130)
    cases = [
        mwu_case('small-distinct', [1.1, 2.3, 3.5, 4.2], [0.5, 2.0, 5.1, 6.2, 7.3]),
        mwu_case('small-ties', [1, 2, 2, 3, 3, 3], [2, 3, 4, 4]),
        mwu_case('single-each', [1.0], [2.0]),
        mwu_case('all-tied', [3, 3, 3], [3, 3]),
        mwu_case('ints-0-5', rng.integers(0, 6, size=40), rng.integers(1, 6, size=55)),
        mwu_case('ints-0-5-large', rng.integers(0, 6, size=5000), rng.choice(6, size=3000, p=[.15, .2, .2, .2, .15, .1])),
        mwu_case('spend-zero-inflated', zero_inflated(rng, 300, 0.8, 3.0, 1.0), zero_inflated(rng, 200, 0.7, 3.2, 1.0)),
        mwu_case('spend-zero-inflated-large', zero_inflated(rng, 5000, 0.85, 3.0, 1.2), zero_inflated(rng, 3000, 0.8, 3.0, 1.2)),
        mwu_case('spend-integers-large', np.round(zero_inflated(rng, 5000, 0.6, 2.0, 1.0)), np.round(zero_inflated(rng, 3000, 0.6, 2.1, 1.0))),
        mwu_case('normal-large', rng.normal(0.0, 1.0, size=5000), rng.normal(0.05, 1.0, size=3000)),
        mwu_case('very-different', rng.normal(0.0, 1.0, size=50), rng.normal(10.0, 1.0, size=60)),
        mwu_case('separated-600', rng.normal(0.0, 1.0, size=600), rng.normal(100.0, 1.0, size=600)),
        mwu_case('separated-large', rng.normal(100.0, 1.0, size=5000), rng.normal(0.0, 1.0, size=3000)),
    ]
    same = np.round(rng.normal(size=200), 8)
    cases.append(mwu_case('identical', same, same.copy()))
    write('mannwhitney.json', {'cases': cases})


# --------------------------------------------------------------------------- chi-square
def chi2_case(name, table):
    table = np.asarray(table, dtype=np.float64)
    keep_r = table.sum(axis=1) > 0
    keep_c = table.sum(axis=0) > 0
    reduced = table[keep_r][:, keep_c]
    d = chi2_contingency(reduced)
    u = chi2_contingency(reduced, correction=False)
    expected = np.zeros_like(table)
    expected[np.ix_(keep_r, keep_c)] = d.expected_freq
    with np.errstate(divide='ignore', invalid='ignore'):
        if min(reduced.shape) < 2:
            v = float('nan')
        elif np.all(reduced == np.round(reduced)):
            v = association(reduced.astype(np.int64), method='cramer')
        else:  # association() takes integer counts only; its formula, sqrt(χ²/(N·(min(r, c) − 1)))
            v = np.sqrt(u.statistic / (reduced.sum() * (min(reduced.shape) - 1)))
    case = {'name': name, 'table': table.tolist(), 'dof': int(d.dof), 'expected': expected.tolist(),
            'statistic': float(d.statistic), 'pValue': float(d.pvalue),
            'uncorrected': {'statistic': float(u.statistic), 'pValue': float(u.pvalue)},
            'cramersV': num(v)}
    print(f'  chi2 {name}: dof={d.dof} stat={d.statistic:.6g} p={d.pvalue:.6g} V={v:.6g}')
    return case


def chi2_fixture():
    rng = np.random.default_rng(20261131)
    cases = [
        chi2_case('2x2', [[12, 5], [7, 15]]),
        chi2_case('2x2-yates-clamped', [[5, 5], [5, 6]]),  # |O − E| < 0.5: Yates moves O onto E
        chi2_case('2x2-small', [[1, 4], [3, 0]]),
        chi2_case('2x2-tiny-p', [[1500, 1000], [1000, 1500]]),
        chi2_case('2x5', rng.poisson(4, size=(2, 5)) + 1),
        chi2_case('2x5-skewed', [[30, 12, 8, 3, 1], [10, 14, 16, 9, 7]]),
        chi2_case('3x7-small', rng.poisson(2.5, size=(3, 7)) + 1),
        chi2_case('3x7-fractional', np.round(rng.gamma(2.0, 3.0, size=(3, 7)), 8)),
        chi2_case('3x4-zero-column', [[4, 0, 7, 2], [3, 0, 1, 6], [5, 0, 2, 2]]),
        chi2_case('3x3-zero-row-and-column', [[6, 0, 2], [0, 0, 0], [3, 0, 9]]),
        chi2_case('reduces-to-1-row', [[3, 0, 4], [0, 0, 0]]),
        chi2_case('large-dof-tiny-p', rng.poisson(40, size=(6, 9)) * np.arange(1, 10) + np.arange(6)[:, None] * 30),
    ]
    write('chi2.json', {'cases': cases})


# --------------------------------------------------------------------------- sf grids
def sf_fixture():
    zs = [-40, -38, -10, -5, -2, -1, -0.66291, -0.5, -1e-3, -1e-12, 0, 1e-12, 1e-3, 0.1, 0.3, 0.5, 0.6629,
          0.66292, 0.7, 1, 1.5, 2, 2.5, 3, 4, 5, 5.6568, 5.6569, 6, 7, 8, 10, 12, 15, 20, 25, 26.5, 30, 33,
          35, 36, 37, 37.3]
    norm_grid = [{'z': float(z), 'sf': float(norm.sf(z))} for z in zs]
    dfs = [0.5, 1, 2, 2.5, 3, 4, 5, 7.3, 10, 12, 20, 35, 50, 100, 250, 500, 1000, 3000, 10000]
    rel = [1e-6, 1e-3, 0.1, 0.5, 0.8, 0.95, 1, 1.05, 1.2, 1.5, 2, 3, 5, 10, 20, 50]
    absx = [1e-10, 1e-4, 0.01, 0.5, 1, 2, 5, 10, 30, 100, 300, 700, 1000, 1300, 1400]
    chi_grid = []
    for df in dfs:
        for x in sorted(set([df * r for r in rel] + absx)):
            sf = float(chi2.sf(x, df))
            if sf >= 1e-300:
                chi_grid.append({'df': float(df), 'x': float(x), 'sf': sf})
    write('norm-chi2-sf.json', {'norm': norm_grid, 'chi2': chi_grid})
    print(f'  {len(norm_grid)} norm.sf, {len(chi_grid)} chi2.sf values')


# --------------------------------------------------------------------------- p.adjust (R)
def r_vec(p):
    return 'c(' + ','.join('NA' if v is None else repr(float(v)) for v in p) + ')'


def r_p_adjust(p, method):
    expr = f'cat(sprintf("%.17g", p.adjust({r_vec(p)}, "{method}")), sep="\\n")'
    out = subprocess.run(['Rscript', '-e', expr], check=True, capture_output=True, text=True).stdout.split()
    return [None if s == 'NA' else float(s) for s in out]


def p_adjust_fixture():
    rng = np.random.default_rng(20261132)
    raw = [
        ('single', [0.03]),
        ('hand-4', [0.01, 0.04, 0.03, 0.005]),
        ('ties', [0.02, 0.02, 0.02, 0.5, 0.01, 0.01]),
        ('with-na', [0.01, None, 0.04, 0.03, None, 0.2]),
        ('all-na', [None, None]),
        ('ones-and-zeros', [1, 0, 1, 0.5, 0]),
        ('tiny', [1e-300, 1e-200, 3e-17, 0.049, 0.051]),
        ('uniform-50', np.round(rng.random(50), 8).tolist()),
        ('mixed-200', np.round(np.concatenate([rng.random(150), rng.random(50) * 1e-3]), 8).tolist()),
    ]
    cases = []
    for name, p in raw:
        case = {'name': name, 'p': p, 'holm': r_p_adjust(p, 'holm'), 'bh': r_p_adjust(p, 'BH')}
        cases.append(case)
        print(f'  p.adjust {name}: {len(p)} values')
    r_version = subprocess.run(['Rscript', '-e', 'cat(R.version.string)'], check=True, capture_output=True, text=True).stdout
    path = 'p-adjust.json'
    with open(os.path.join(OUT, path), 'w') as f:
        json.dump({'generator': 'test/reference/compare_stats.py', 'versions': {'R': r_version}, 'cases': cases}, f,
                  separators=(',', ':'), allow_nan=False)
    print(f'{path}: {os.path.getsize(os.path.join(OUT, path)) / 1024:.0f} KB')


if __name__ == '__main__':
    mannwhitney_fixture()
    chi2_fixture()
    sf_fixture()
    p_adjust_fixture()
