#!/usr/bin/env python3
"""Reference outputs for DBSCAN (scikit-learn) and the two-sample KS test (SciPy).

Run with Debian's python3-sklearn / python3-scipy / python3-numpy:
    /usr/bin/python3 test/reference/dbscan_ks.py
Writes test/reference/fixtures/dbscan-*.json and ks-*.json. Inputs are rounded to 8 decimals
and the references are computed on the rounded values, so the JSON holds exactly what was used.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import ks_2samp
from sklearn.cluster import DBSCAN
from sklearn.datasets import make_blobs, make_moons

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
VERSIONS = {'sklearn': sklearn.__version__, 'scipy': scipy.__version__, 'numpy': np.__version__}


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump({'generator': 'test/reference/dbscan_ks.py', 'versions': VERSIONS, **payload}, f, separators=(',', ':'))
    print(f'{name}: {os.path.getsize(path) / 1024:.0f} KB')


def dbscan_fixture(name, X, settings):
    X = np.round(np.asarray(X, dtype=np.float64), 8)
    runs = []
    for eps, min_samples in settings:
        model = DBSCAN(eps=eps, min_samples=min_samples).fit(X)
        core = np.zeros(len(X), dtype=int)
        core[model.core_sample_indices_] = 1
        labels = model.labels_
        runs.append({'eps': eps, 'minSamples': min_samples, 'labels': labels.tolist(), 'core': core.tolist(),
                     'clusters': int(labels.max() + 1), 'noise': int((labels == -1).sum())})
        print(f'  {name} eps={eps} min_samples={min_samples}: {runs[-1]["clusters"]} clusters, {runs[-1]["noise"]} noise')
    write(f'dbscan-{name}.json', {'n': X.shape[0], 'd': X.shape[1], 'data': X.ravel().tolist(), 'runs': runs})


def ks_fixture(name, pairs):
    cases = []
    for label, x, y in pairs:
        x = np.round(np.asarray(x, dtype=np.float64), 8)
        y = np.round(np.asarray(y, dtype=np.float64), 8)
        r = ks_2samp(x, y)
        cases.append({'name': label, 'x': x.tolist(), 'y': y.tolist(), 'statistic': float(r.statistic), 'pvalue': float(r.pvalue)})
        print(f'  {name}/{label}: n={len(x)},{len(y)} D={r.statistic:.6g} p={r.pvalue:.6g}')
    write(f'ks-{name}.json', {'cases': cases})


def main():
    rng = np.random.default_rng(20261123)

    # Blobs with uniform background noise, ~400 × 2.
    blobs, _ = make_blobs(n_samples=360, centers=[[0, 0], [4, 4], [-3, 5]], cluster_std=[0.5, 0.8, 0.6], random_state=1)
    noise = rng.uniform(-6, 8, size=(40, 2))
    dbscan_fixture('blobs', np.vstack([blobs, noise]), [(0.3, 5), (0.5, 10), (0.7, 30), (1.0, 30)])

    # Two moons, 300 × 2.
    moons, _ = make_moons(n_samples=300, noise=0.08, random_state=2)
    dbscan_fixture('moons', moons, [(0.1, 5), (0.15, 10), (0.2, 30), (0.3, 30)])

    # 5-d clusters of varying density plus scattered points, 600 × 5.
    dense, _ = make_blobs(n_samples=[250, 180, 120], n_features=5, centers=[[0] * 5, [6] * 5, [-6, 6, -6, 6, -6]],
                          cluster_std=[0.5, 1.0, 1.8], random_state=3)
    scatter = rng.uniform(-10, 10, size=(50, 5))
    dbscan_fixture('varied5d', np.vstack([dense, scatter]), [(1.0, 10), (1.5, 30), (2.5, 30), (3.5, 30)])

    # KS: small samples with ties, unequal sizes.
    ks_fixture('small', [
        ('ties-equal-20', rng.integers(0, 5, 20), rng.integers(0, 6, 20)),
        ('ties-equal-8', [1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 3, 4, 5, 5, 6, 6]),
        ('equal-300-shift', rng.normal(0, 1, 300), rng.normal(0.3, 1, 300)),
        ('unequal-50-70', rng.normal(0, 1, 50), rng.normal(0.5, 1.2, 70)),
        ('unequal-37-113', rng.standard_t(3, 37), rng.normal(0, 1, 113)),
        ('unequal-ties-40-65', rng.integers(0, 10, 40), rng.integers(1, 11, 65)),
        ('tiny-3-4', [0.1, 0.5, 0.9], [0.2, 0.3, 1.5, 2.0]),
        ('identical-10', np.arange(10), np.arange(10)),
    ])
    # Lognormal "spend" samples of 3,000 and 5,000 (exact path, unequal sizes).
    ks_fixture('spend', [
        ('lognormal-3000-5000', rng.lognormal(10.0, 1.0, 3000), rng.lognormal(10.05, 1.05, 5000)),
    ])
    # max(n) > 10,000: the asymptotic path (kstwo.sf with N = round(n1·n2/(n1+n2))).
    ks_fixture('asymp', [
        ('normal-12000-3000', rng.normal(0, 1, 12000), rng.normal(0.02, 1, 3000)),
    ])
    # ... and its tail (n·D² ≥ 2.2: 2 × the one-sided Smirnov probability).
    ks_fixture('asymp-tail', [
        ('normal-11000-4000-shift', rng.normal(0, 1, 11000), rng.normal(0.12, 1, 4000)),
    ])
    # Small N = round(n1·n2/(n1+n2)) ≤ 140: the Durbin-matrix and Pomeranz branches.
    ks_fixture('asymp-small', [
        ('normal-10500-120', rng.normal(0, 1, 10500), rng.normal(0.1, 1, 120)),
        ('normal-10200-60-shift', rng.normal(0, 1, 10200), rng.normal(0.45, 1, 60)),
    ])
    # kstwo.sf(x, n) on a grid that reaches every branch (Ruben–Gambino ends, Durbin matrix,
    # Pomeranz, Pelz–Good, 2·Smirnov), checked directly.
    from scipy.stats import kstwo
    grid = []
    for n in [1, 2, 5, 20, 60, 119, 140, 141, 500, 2400, 20000, 150000]:
        for x in [0.3 / n, 0.7 / n, 1.0 / n, 0.02, 0.05, 0.08, 0.12, 0.2, 0.3, 0.45, 0.6, 0.9, 1 - 0.5 / n]:
            if 0 < x < 1:
                grid.append({'n': n, 'x': x, 'sf': float(kstwo.sf(x, n))})
    write('ks-kstwo.json', {'grid': grid})
    print(f'  kstwo grid: {len(grid)} points')


if __name__ == '__main__':
    main()
