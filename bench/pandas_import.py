"""Baseline of issue #2: pandas read_csv + to_sql of the L.point PDDE file into SQLite.

Prints wall time and peak memory (ru_maxrss). Run by bench/run.mjs when pandas is installed.
"""
import os
import resource
import sqlite3
import sys
import tempfile
import time

import pandas as pd

path = sys.argv[1]
db = os.path.join(tempfile.mkdtemp(), "pandas.sqlite")
t0 = time.perf_counter()
df = pd.read_csv(path, dtype={"cust": str, "rct_no": str, "br_c": str, "pd_c": str, "de_dt": str})
con = sqlite3.connect(db)
df.to_sql("pdde", con, index=False, chunksize=100_000)
con.commit()
con.close()
seconds = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} s, {peak_mb:.0f} MB peak, {len(df):,} rows (measured now)")
