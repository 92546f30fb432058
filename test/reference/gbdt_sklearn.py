#!/usr/bin/env python3
"""Reference predictions for the histogram gradient-boosted trees (issue #13), from scikit-learn's
HistGradientBoostingRegressor.

Run with Debian's python3-sklearn / python3-numpy (not a virtualenv):
    /usr/bin/python3 test/reference/gbdt_sklearn.py
It writes test/reference/fixtures/gbdt_{synthetic,uci}.json; test/unit/gbdt/sklearn-reference.test.ts
fits our core/analysis/gbdt on the same rows and compares (CI has no Python).

Every input is rounded (4 decimals) before sklearn sees it, so the fixture holds exactly the
input of both sides; NaN is written as null.

Data sets:
  synthetic  3,000 rows (2,000 train, 1,000 test), numpy default_rng(13):
               x0 ~ U(0,1); x1 ~ N(0,1) with 10 % NaN; x2 ~ LogNormal(0,1); x3 integer hour 0..23;
               x4 categorical code 0..7; x5 ~ U(0,1) (pure noise)
             y = sin(3 x0) + (x1 if present else 1.5) + 0.5 log1p(x2) + 0.4 cos(2 pi x3 / 24)
                 + effect[x4] + N(0, 0.3), effect = (-1, -0.5, 0, 0.2, 0.4, 0.8, 1.2, -0.8)
  uci        UCI Online Retail (../shared/data/online_retail/online_retail.csv), lines with
             Quantity > 0 and UnitPrice > 0, every 130th such line in file order (about 4,000);
             features quantity, unit price, hour, weekday (0 = Monday), country (categorical, code
             = rank of the country name among the sampled lines); y = log1p(Quantity * UnitPrice).
             The first 75 % (in time order) train, the rest test.
Hyper-parameters of both sides: learning_rate 0.1, max_iter 200, max_leaf_nodes 31,
min_samples_leaf 20, l2_regularization 0, max_bins 255, no early stopping, squared error.
"""
import csv
import datetime as dt
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
UCI = os.path.join(HERE, "..", "..", "..", "shared", "data", "online_retail", "online_retail.csv")
PARAMS = dict(learning_rate=0.1, max_iter=200, max_leaf_nodes=31, min_samples_leaf=20,
              l2_regularization=0.0, max_bins=255, early_stopping=False, random_state=0)


def synthetic():
    rng = np.random.default_rng(13)
    n = 3000
    x0 = rng.uniform(0, 1, n)
    x1 = rng.normal(0, 1, n)
    x2 = rng.lognormal(0, 1, n)
    x3 = rng.integers(0, 24, n).astype(float)
    x4 = rng.integers(0, 8, n).astype(float)
    x5 = rng.uniform(0, 1, n)
    noise = rng.normal(0, 0.3, n)
    miss = rng.uniform(0, 1, n) < 0.1
    effect = np.array([-1, -0.5, 0, 0.2, 0.4, 0.8, 1.2, -0.8])
    X = np.round(np.column_stack([x0, x1, x2, x3, x4, x5]), 4)
    X[miss, 1] = np.nan
    x1v = np.where(miss, 1.5, X[:, 1])
    y = np.sin(3 * X[:, 0]) + x1v + 0.5 * np.log1p(X[:, 2]) + 0.4 * np.cos(2 * np.pi * X[:, 3] / 24) \
        + effect[X[:, 4].astype(int)] + noise
    y = np.round(y, 4)
    names = ["x0", "x1_nan", "x2_lognormal", "x3_hour", "x4_category", "x5_noise"]
    return X[:2000], y[:2000], X[2000:], y[2000:], names, [False, False, False, False, True, False]


def uci():
    rows = []
    with open(UCI, newline="", encoding="utf-8", errors="replace") as f:
        k = 0
        for r in csv.DictReader(f):
            q, p = float(r["Quantity"]), float(r["UnitPrice"])
            if q <= 0 or p <= 0:
                continue
            if k % 130 == 0:
                t = dt.datetime.strptime(r["InvoiceDate"], "%Y-%m-%d %H:%M:%S")
                rows.append((q, p, t.hour, t.weekday(), r["Country"], np.log1p(q * p)))
            k += 1
    countries = sorted({r[4] for r in rows})
    code = {c: i for i, c in enumerate(countries)}
    X = np.array([[q, p, h, w, code[c]] for q, p, h, w, c, _ in rows], dtype=float)
    y = np.round(np.array([r[5] for r in rows]), 6)
    X = np.round(X, 4)
    cut = int(len(rows) * 0.75)
    return X[:cut], y[:cut], X[cut:], y[cut:], ["quantity", "unit_price", "hour", "weekday", "country"], [False] * 4 + [True]


def nan_to_none(a):
    return [[None if np.isnan(v) else float(v) for v in row] for row in a]


def write(name, Xtr, ytr, Xte, yte, names, categorical, source):
    m = HistGradientBoostingRegressor(categorical_features=categorical, **PARAMS).fit(Xtr, ytr)
    p = m.predict(Xte)
    out = {
        "source": source,
        "sklearn": sklearn.__version__,
        "params": {k: v for k, v in PARAMS.items()},
        "names": names,
        "categorical": categorical,
        "train": {"x": nan_to_none(Xtr), "y": [float(v) for v in ytr]},
        "test": {"x": nan_to_none(Xte), "y": [float(v) for v in yte]},
        "binThresholds": [[float(t) for t in th] if not c else None
                          for th, c in zip(m._bin_mapper.bin_thresholds_, categorical)],
        "nIter": int(m.n_iter_),
        "predictions": [float(v) for v in p],
        "testRmse": float(np.sqrt(np.mean((p - yte) ** 2))),
        "trainRmse": float(np.sqrt(np.mean((m.predict(Xtr) - ytr) ** 2))),
    }
    path = os.path.join(OUT, f"gbdt_{name}.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(f"{path}: {len(ytr)} train, {len(yte)} test, test RMSE {out['testRmse']:.5f}")


write("synthetic", *synthetic(), "test/reference/gbdt_sklearn.py, synthetic (numpy default_rng(13))")
if os.path.exists(UCI):
    write("uci", *uci(), "test/reference/gbdt_sklearn.py, UCI Online Retail (Chen, Sain & Guo 2012; CC BY 4.0), every 130th line")
else:
    print(f"{UCI} absent: gbdt_uci.json not regenerated")
