"""Reference of the `stratified-kmeans` pipeline in pandas + scikit-learn (issue #4, performance).

Reads the six L.point CSVs (only PDDE and PD_CLAC are needed) and runs the steps of
core/analysis/segment/stratified.ts, timing each (wall clock), then prints one JSON object:

  0. load      read_csv of PDDE (the columns used) and PD_CLAC
  1. pivot     customer × 대분류 net spend (negative cells floored at 0, NaN → 0); customers with
               positive total spend and at least one positive receipt (core/data/store/queries/
               customer-base.ts); offline-only vs any-online by the channel of positive receipts
  2. dbscan    the DBSCAN noise set at --eps (the eps our CLI found for 5 % noise), min_samples 30,
               on the raw pivot. scikit-learn's DBSCAN itself holds every eps-neighbourhood at once
               (O(Σ|N_eps|) ≈ O(n²) at this eps: > 19 GB at 30k) and is NOT run at full size here;
               the noise set is computed exactly with NearestNeighbors instead, in O(n · min_samples)
               memory: core ⇔ the min_samples-th neighbour (self included) is within eps; noise ⇔
               not core and no core point within eps. sklearn's DBSCAN is measured separately on
               subsamples (--dbscan-sizes) in child processes, each reporting its peak RSS.
  3. ks        scipy.stats.ks_2samp of total spend, offline-only vs any-online (noise left out)
  4. qcut      pd.qcut(q=4) of total spend within each channel group → 8 strata
  5. kmeans    per stratum: MinMaxScaler; KMeans(n_init=10, random_state=0) for k = 2…min(20, m−1)
               with inertia, silhouette_score (exact up to 5,000 rows, else a seeded 5,000 sample),
               calinski_harabasz_score, davies_bouldin_score; elbow = largest second difference
               of inertia; clusters of ≤ 3 customers → outliers

Usage: OMP_NUM_THREADS=1 python3 bench/segment_sklearn.py --csv-dir DIR --eps EPS
           [--min-samples 30] [--dbscan-sizes 2500,5000,10000,15000] [--dbscan-algorithms auto,ball_tree]
           [--dbscan-full ball_tree [--as-limit-gb 10]] [--pairs] [--kmax 20]
The DBSCAN children report their own peak (VmHWM, reset after loading the data: ru_maxrss would
carry the parent's peak across exec). --dbscan-full runs on all customers under an address-space
cap, so running out of memory is a MemoryError in the child. Do not pass `auto` there on a 24 GB
machine without a cap: brute force needs ≈ 11 GB at the 5 %-noise eps of the full demo.
Thread count: set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS before starting (bench/segment.mjs does).
"""
import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def proc_status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak():
    """Resets VmHWM (Linux ≥ 4.0: `echo 5 > /proc/self/clear_refs`); False when not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def dbscan_child(args):
    """One sklearn DBSCAN on a seeded subsample of the pivot saved in args.child: prints JSON."""
    import numpy as np
    from sklearn.cluster import DBSCAN

    if args.as_limit_gb:
        # A cap on the address space: past it numpy raises MemoryError instead of the machine
        # running out of memory (the full-size run of --dbscan-full).
        cap = int(args.as_limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    X = np.load(args.child)
    n = min(args.n, X.shape[0])
    idx = np.sort(np.random.RandomState(0).choice(X.shape[0], n, replace=False)) if n < X.shape[0] else np.arange(n)
    X = np.ascontiguousarray(X[idx])
    # Peak RSS of this process only: ru_maxrss survives exec, so a child forked from the 1 GB
    # parent would report the parent's peak. VmHWM belongs to the new address space; it is reset
    # here, once the data and libraries are loaded, so peak − base is what the fit itself added.
    reset = reset_peak()
    base = proc_status_kb("VmRSS")
    t0 = time.perf_counter()
    labels = DBSCAN(eps=args.eps, min_samples=args.min_samples, algorithm=args.algorithm).fit(X).labels_
    seconds = time.perf_counter() - t0
    out = {"n": int(n), "algorithm": args.algorithm, "seconds": seconds, "peakMb": proc_status_kb("VmHWM") / 1024,
           "baseMb": base / 1024, "peakReset": reset, "ruMaxrssMb": peak_kb() / 1024, "noiseShare": float((labels < 0).mean())}
    print(json.dumps(out))


def count_pairs(X, eps, chunk=1000):
    """Σ_i |N_eps(i)| (self included) by chunked brute force: the size of what DBSCAN stores."""
    import numpy as np

    sq = np.einsum("ij,ij->i", X, X)
    e2 = eps * eps
    total = 0
    counts = np.empty(X.shape[0], dtype=np.int64)
    for a in range(0, X.shape[0], chunk):
        b = min(a + chunk, X.shape[0])
        d2 = sq[a:b, None] - 2.0 * (X[a:b] @ X.T) + sq[None, :]
        counts[a:b] = (d2 <= e2 * (1 + 1e-12)).sum(axis=1)
        total += int(counts[a:b].sum())
    return total, counts


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv-dir")
    p.add_argument("--eps", type=float)
    p.add_argument("--min-samples", type=int, default=30)
    p.add_argument("--kmin", type=int, default=2)
    p.add_argument("--kmax", type=int, default=20)
    p.add_argument("--small-cluster", type=int, default=3)
    p.add_argument("--silhouette-sample", type=int, default=5000)
    p.add_argument("--dbscan-sizes", default="2500,5000,10000,15000")
    p.add_argument("--dbscan-algorithms", default="auto,ball_tree")
    p.add_argument("--dbscan-full", default="", help="algorithms to run sklearn's DBSCAN with on all customers, under --as-limit-gb (e.g. ball_tree)")
    p.add_argument("--as-limit-gb", type=float, default=0, help="address-space cap of the DBSCAN children (0: none; --dbscan-full uses 10)")
    p.add_argument("--pairs", action="store_true", help="count Σ|N_eps| at full size and for each subsample size (memory estimate)")
    p.add_argument("--child")
    p.add_argument("--n", type=int)
    p.add_argument("--algorithm", default="auto")
    args = p.parse_args()
    if args.child:
        return dbscan_child(args)

    t_start = time.perf_counter()
    import numpy as np
    import pandas as pd
    from scipy.stats import ks_2samp
    from sklearn.cluster import KMeans
    from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
    from sklearn.neighbors import NearestNeighbors
    from sklearn.preprocessing import MinMaxScaler
    import_seconds = time.perf_counter() - t_start

    steps = {}
    out = {"threads": os.environ.get("OMP_NUM_THREADS"), "importSeconds": import_seconds, "steps": steps}

    # 0. load
    t0, c0 = time.perf_counter(), time.process_time()
    pdde_path = glob.glob(os.path.join(args.csv_dir, "*PDDE*.csv"))[0]
    clac_path = glob.glob(os.path.join(args.csv_dir, "*PD_CLAC*.csv"))[0]
    pdde = pd.read_csv(pdde_path, usecols=["cust", "rct_no", "chnl_dv", "pd_c", "buy_am"],
                       dtype={"cust": str, "rct_no": str, "chnl_dv": "Int8", "pd_c": str, "buy_am": "float64"})
    clac = pd.read_csv(clac_path, usecols=["pd_c", "clac_hlv_nm"], dtype=str)
    steps["load"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "rows": int(len(pdde))}

    # 1. pivot and customer facts
    t0, c0 = time.perf_counter(), time.process_time()
    spend = pdde.groupby("cust", sort=True)["buy_am"].sum()
    rct = pdde.groupby(["cust", "rct_no"], sort=False).agg(amount=("buy_am", "sum"), chnl=("chnl_dv", "first"))
    rct = rct[rct["amount"] > 0]
    has_receipt = rct.index.get_level_values("cust").unique()
    online_custs = rct[rct["chnl"] == 2].index.get_level_values("cust").unique()
    custs = spend.index[(spend > 0).to_numpy() & spend.index.isin(has_receipt)]
    lines = pdde.merge(clac, on="pd_c", how="inner")
    lines = lines[lines["clac_hlv_nm"].notna() & (lines["clac_hlv_nm"] != "")]
    pivot = lines.pivot_table(index="cust", columns="clac_hlv_nm", values="buy_am", aggfunc="sum")
    pivot = pivot.reindex(index=custs, columns=sorted(pivot.columns)).fillna(0.0).clip(lower=0.0)
    X = np.ascontiguousarray(pivot.to_numpy(dtype=np.float64))
    total = spend.reindex(custs).to_numpy()
    online = np.asarray(custs.isin(online_custs))
    del lines, rct
    steps["pivot"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "customers": int(X.shape[0]), "categories": int(X.shape[1])}
    n, d = X.shape

    # 2. DBSCAN noise set at eps, O(n · min_samples) memory (see the docstring)
    t0, c0 = time.perf_counter(), time.process_time()
    ms = min(args.min_samples, n)
    nn = NearestNeighbors(n_neighbors=ms).fit(X)
    kth = nn.kneighbors(X, n_neighbors=ms, return_distance=True)[0][:, -1]  # self is the 1st
    core = kth <= args.eps
    noise = ~core
    cand = np.flatnonzero(~core)
    if core.any() and cand.size:
        near = NearestNeighbors(n_neighbors=1).fit(X[core]).kneighbors(X[cand], return_distance=True)[0][:, 0]
        noise[cand[near <= args.eps]] = False
    steps["dbscan"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "eps": args.eps, "core": int(core.sum()),
                       "noise": int(noise.sum()), "noiseShare": float(noise.mean()),
                       "method": "NearestNeighbors core/border test (the exact DBSCAN noise set), not sklearn.cluster.DBSCAN"}

    # 3. KS test of spend, offline-only vs any-online
    t0, c0 = time.perf_counter(), time.process_time()
    keep = ~noise
    off_idx = np.flatnonzero(keep & ~online)
    on_idx = np.flatnonzero(keep & online)
    ks = ks_2samp(total[off_idx], total[on_idx])
    steps["ks"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "statistic": float(ks.statistic), "pvalue": float(ks.pvalue),
                   "offline": int(off_idx.size), "online": int(on_idx.size)}

    # 4. spend grades: qcut(q=4) within each channel group
    t0, c0 = time.perf_counter(), time.process_time()
    strata = []
    for channel, idx in (("offline", off_idx), ("online", on_idx)):
        grade = pd.qcut(pd.Series(total[idx]), q=4, labels=False).to_numpy()
        for g in range(4):
            strata.append((channel, g + 1, idx[grade == g]))
    steps["qcut"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "sizes": [int(s[2].size) for s in strata]}

    # 5. per stratum: MinMaxScaler, KMeans sweep with validity, elbow, small clusters
    t0, c0 = time.perf_counter(), time.process_time()
    fit_s = 0.0
    valid_s = 0.0
    results = []
    for channel, grade, idx in strata:
        m = idx.size
        Xs = MinMaxScaler().fit_transform(X[idx])
        kmax = min(args.kmax, m - 1)
        if kmax < args.kmin + 1:
            results.append({"channel": channel, "grade": grade, "customers": int(m), "k": 1 if m > args.small_cluster else 0})
            continue
        ks_, inertia, labels_by_k, sil, ch, db = [], [], {}, [], [], []
        for k in range(args.kmin, kmax + 1):
            a = time.perf_counter()
            km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(Xs)
            b = time.perf_counter()
            fit_s += b - a
            ks_.append(k)
            inertia.append(float(km.inertia_))
            labels_by_k[k] = km.labels_
            if len(np.unique(km.labels_)) >= 2:
                sample = args.silhouette_sample if m > args.silhouette_sample else None
                sil.append(float(silhouette_score(Xs, km.labels_, sample_size=sample, random_state=0)))
                ch.append(float(calinski_harabasz_score(Xs, km.labels_)))
                db.append(float(davies_bouldin_score(Xs, km.labels_)))
            valid_s += time.perf_counter() - b
        sd = [inertia[i - 1] - 2 * inertia[i] + inertia[i + 1] for i in range(1, len(ks_) - 1)]
        k = ks_[1 + int(np.argmax(sd))]
        lab = labels_by_k[k]
        sizes = np.bincount(lab, minlength=k)
        outliers = int((sizes[lab] <= args.small_cluster).sum())
        results.append({"channel": channel, "grade": grade, "customers": int(m), "k": int(k), "outliers": outliers,
                        "inertia": inertia, "silhouette": sil})
    steps["kmeans"] = {"seconds": time.perf_counter() - t0, "cpuSeconds": time.process_time() - c0, "fitSeconds": fit_s, "validitySeconds": valid_s,
                       "strata": [{k: v for k, v in r.items() if k in ("channel", "grade", "customers", "k", "outliers")} for r in results]}
    out["pipelineSeconds"] = sum(s["seconds"] for s in steps.values())
    out["pipelineCpuSeconds"] = sum(s["cpuSeconds"] for s in steps.values())
    out["pipelineSecondsWithoutLoad"] = out["pipelineSeconds"] - steps["load"]["seconds"]
    out["peakMb"] = peak_kb() / 1024
    out["strataDetail"] = results

    # sklearn's own DBSCAN, measured on subsamples in child processes (not part of the pipeline);
    # the sizes ascend and stop after the first failure (e.g. out of memory).
    sizes = [int(s) for s in args.dbscan_sizes.split(",") if s]
    algos = [a for a in args.dbscan_algorithms.split(",") if a]
    extra = {}
    full_algos = [a for a in args.dbscan_full.split(",") if a]
    if sizes or args.pairs or full_algos:
        tmp = tempfile.mkdtemp()
        npy = os.path.join(tmp, "pivot.npy")
        np.save(npy, X)
        runs = []
        failed = False
        for size in sizes:
            if failed:
                break
            for algo in algos:
                r = subprocess.run([sys.executable, __file__, "--child", npy, "--n", str(size), "--eps", repr(args.eps),
                                    "--min-samples", str(args.min_samples), "--algorithm", algo],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    runs.append({"n": size, "algorithm": algo, "error": (r.stderr.strip().splitlines() or [f"exit {r.returncode}"])[-1]})
                    failed = True
                else:
                    runs.append(json.loads(r.stdout))
        extra["sklearnDbscanSubsamples"] = runs
        full = []
        for algo in full_algos:
            cap = str(args.as_limit_gb or 10)
            r = subprocess.run([sys.executable, __file__, "--child", npy, "--n", str(n), "--eps", repr(args.eps),
                                "--min-samples", str(args.min_samples), "--algorithm", algo, "--as-limit-gb", cap],
                               capture_output=True, text=True)
            if r.returncode != 0:
                full.append({"n": n, "algorithm": algo, "asLimitGb": float(cap), "error": (r.stderr.strip().splitlines() or [f"exit {r.returncode}"])[-1]})
            else:
                full.append({**json.loads(r.stdout), "asLimitGb": float(cap)})
        if full:
            extra["sklearnDbscanFull"] = full
        if args.pairs:
            t0 = time.perf_counter()
            pairs_full, counts = count_pairs(X, args.eps)
            extra["pairs"] = {"n": n, "pairs": pairs_full, "meanNeighbours": pairs_full / n, "seconds": time.perf_counter() - t0,
                              "coreByCount": int((counts >= ms).sum())}
            sub = {}
            for size in sizes:
                idx = np.sort(np.random.RandomState(0).choice(n, size, replace=False)) if size < n else np.arange(n)
                sub[str(size)] = count_pairs(np.ascontiguousarray(X[idx]), args.eps)[0]
            extra["pairs"]["subsamples"] = sub
        os.remove(npy)
        os.rmdir(tmp)
    out.update(extra)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
