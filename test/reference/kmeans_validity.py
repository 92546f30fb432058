#!/usr/bin/env python3
"""Reference values for K-means, validity indices and PCA (issue #4), from scikit-learn.

Run with Debian's python3-sklearn / python3-numpy (not a virtualenv):
    /usr/bin/python3 test/reference/kmeans_validity.py
It writes test/reference/fixtures/{kmeans,validity,pca}-<set>.json; the TypeScript tests read
them and compute nothing but our own side (CI has no Python).

Data sets (every matrix is rounded to 6 decimals and the rounded values are what sklearn sees,
so the fixture holds exactly the input of both sides):
  blobs  sklearn make_blobs(n_samples=500, n_features=4, centers=4, cluster_std=1.5, random_state=42)
  aniso  400x3: make_blobs(n_samples=400, n_features=3, centers=4, random_state=170) times a fixed
         shear matrix (scikit-learn's "anisotropically distributed blobs" example, in 3-D)
  uniform 400x3: uniform[0,1)^3 (RandomState(7)) times a fixed shear/scale matrix, no clusters at
         all: many local minima, so best-of-10 inertia varies by ~3% with the seed, for
         scikit-learn too (the test there compares over several seeds; see its comment)
  rfm    UCI Online Retail (../shared/data/online_retail/online_retail.csv), rows with a CustomerID
         (every other row, cancellations included, is kept). Per customer:
           Recency   = days from the calendar date of the last InvoiceDate to 2011-12-10
           Frequency = number of distinct InvoiceNo
           Monetary  = sum(Quantity * UnitPrice)
         then F' = log1p(F), M' = log1p(max(M, 0)) (a few customers net below zero after returns;
         clipping keeps them in without a NaN), and each of R, F', M' standardised with the
         population standard deviation (x - mean) / std (ddof = 0, as StandardScaler).
         Customers are ordered by CustomerID.
For each set and k in {3, 4, 5}: KMeans(n_clusters=k, n_init=10, random_state=0) inertia_ and
labels_, and silhouette_score / calinski_harabasz_score / davies_bouldin_score of those labels;
PCA(n_components=2) explained_variance_, explained_variance_ratio_, components_ and the first
100 rows of the scores.
"""
import csv
import datetime as dt
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'fixtures')
CSV = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'online_retail', 'online_retail.csv')
KS = [3, 4, 5]


def blobs():
    x, _ = make_blobs(n_samples=500, n_features=4, centers=4, cluster_std=1.5, random_state=42)
    return x


def aniso():
    x, _ = make_blobs(n_samples=400, n_features=3, centers=4, random_state=170)
    return x @ np.array([[0.6, -0.6, 0.2], [-0.4, 0.8, 0.1], [0.1, 0.3, 0.5]])


def uniform():
    rng = np.random.RandomState(7)
    shear = np.array([[1.0, 0.6, 0.0], [0.0, 0.4, 0.3], [0.0, 0.0, 0.15]])
    return rng.uniform(size=(400, 3)) @ shear


def rfm():
    ref = dt.date(2011, 12, 10)
    last, invoices, money = {}, {}, {}
    with open(CSV, newline='', encoding='utf-8', errors='replace') as f:
        for row in csv.DictReader(f):
            cid = row['CustomerID'].strip()
            if not cid:
                continue
            cid = int(float(cid))
            day = dt.datetime.strptime(row['InvoiceDate'], '%Y-%m-%d %H:%M:%S').date()
            if cid not in last or day > last[cid]:
                last[cid] = day
            invoices.setdefault(cid, set()).add(row['InvoiceNo'])
            money[cid] = money.get(cid, 0.0) + float(row['Quantity']) * float(row['UnitPrice'])
    ids = sorted(last)
    r = np.array([(ref - last[c]).days for c in ids], dtype=float)
    fq = np.log1p(np.array([len(invoices[c]) for c in ids], dtype=float))
    m = np.log1p(np.maximum(np.array([money[c] for c in ids]), 0.0))
    x = np.column_stack([r, fq, m])
    return (x - x.mean(axis=0)) / x.std(axis=0)


def dump(name, obj):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
        f.write('\n')


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {'sklearn': sklearn.__version__, 'numpy': np.__version__, 'python': sys.version.split()[0]}
    for name, make in [('blobs', blobs), ('aniso', aniso), ('uniform', uniform), ('rfm', rfm)]:
        x = np.round(make(), 6)
        n, d = x.shape
        km, va = {}, {}
        for k in KS:
            model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
            labels = model.labels_
            km[str(k)] = {'inertia': float(model.inertia_), 'labels': labels.tolist()}
            va[str(k)] = {
                'silhouette': float(silhouette_score(x, labels)),
                'calinskiHarabasz': float(calinski_harabasz_score(x, labels)),
                'daviesBouldin': float(davies_bouldin_score(x, labels)),
            }
        p = PCA(n_components=2).fit(x)
        dump(f'kmeans-{name}.json', {'meta': meta, 'set': name, 'n': n, 'd': d, 'data': x.ravel().tolist(), 'k': km})
        dump(f'validity-{name}.json', {'meta': meta, 'set': name, 'data': f'kmeans-{name}.json', 'k': va})
        dump(f'pca-{name}.json', {
            'meta': meta, 'set': name, 'data': f'kmeans-{name}.json', 'components': 2,
            'explainedVariance': p.explained_variance_.tolist(),
            'explainedVarianceRatio': p.explained_variance_ratio_.tolist(),
            'componentVectors': p.components_.ravel().tolist(),
            'scoresHead': p.transform(x)[:100].ravel().tolist(),
        })
        print(name, n, d, {k: round(v['inertia'], 4) for k, v in km.items()})


if __name__ == '__main__':
    main()
