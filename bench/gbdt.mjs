// `npm run bench -- gbdt [--rows N] [--trees M] [--no-sklearn]`: the histogram gradient-boosted
// trees (core/analysis/gbdt, issue #13) at the spend model's scale. Target: 400,000 rows × 25
// features × 200 trees in well under 2 minutes.
// Data: N training rows (default 400,000) + 100,000 test rows, 25 features (seeded mulberry32):
// 20 numeric (uniform, normal, log-normal, 5 % NaN in four of them), 3 integer-valued, 2
// categorical codes (12 and 40 levels); y = a sum of non-linear terms, interactions, a category
// effect and Gaussian noise (σ 0.5).
// 1. In this process (core/analysis/gbdt bundled by esbuild): fitGbdt with the defaults (no
//    early stopping), wall and CPU time, binning time alone, predict time, peak RSS, test RMSE.
// 2. The same data through scikit-learn's HistGradientBoostingRegressor (Debian python3-sklearn at
//    /usr/bin/python3, same hyper-parameters, early_stopping=False, its OpenMP threads on every
//    core) when it is installed: fit time and test RMSE.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const N = Number(opt('--rows', '400000'));
const TREES = Number(opt('--trees', '200'));
const NT = 100_000;
const P = 25;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-gbdt-'));

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(17);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const catEffect = Array.from({ length: 40 }, () => normal());

function make(rows) {
  const values = new Float64Array(rows * P);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = values.subarray(r * P, (r + 1) * P);
    for (let j = 0; j < 20; j++) v[j] = j % 3 === 0 ? rnd() : j % 3 === 1 ? normal() : Math.exp(normal());
    for (let j = 20; j < 23; j++) v[j] = Math.floor(rnd() * (j === 20 ? 7 : j === 21 ? 24 : 31));
    v[23] = Math.floor(rnd() * 12);
    v[24] = Math.floor(rnd() * 40);
    let t = Math.sin(3 * v[0]) + v[1] * v[3] + Math.log1p(v[2]) + (v[4] > 0 ? 0.8 : -0.3) + 0.5 * Math.abs(v[5]) + 0.3 * v[6] * (v[22] > 15 ? 1 : -1)
      + 0.4 * Math.cos((2 * Math.PI * v[21]) / 24) + 0.2 * (v[20] >= 5 ? 1 : 0) + catEffect[v[24]] + 0.1 * v[23];
    t += 0.5 * normal();
    y[r] = t;
    for (const j of [1, 4, 8, 12]) if (rnd() < 0.05) v[j] = NaN;
  }
  const names = Array.from({ length: P }, (_, j) => `f${j}`);
  const categorical = names.map((_, j) => j >= 23);
  return { x: { rows, cols: P, values, names, categorical }, y };
}

const train = make(N);
const test = make(NT);
const bundle = path.join(dir, 'gbdt.mjs');
await build({ entryPoints: [path.join(root, 'core/analysis/gbdt/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'error' });
const { fitGbdt, binMatrix } = await import(pathToFileURL(bundle).href);

const rmse = (p, y) => Math.sqrt(p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length);
console.log(`  load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}; data: ${N.toLocaleString('en-US')} training rows + ${NT.toLocaleString('en-US')} test rows × ${P} features (2 categorical, NaN in 4), ${TREES} trees, defaults otherwise; ${os.cpus().length} cores, Node ${process.version}`);
let t0 = performance.now();
let c0 = process.cpuUsage();
binMatrix(train.x, 255, 200_000, 0);
const binCpu = process.cpuUsage(c0);
console.log(`  binning alone: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((binCpu.user + binCpu.system) / 1e6).toFixed(2)} s CPU`);
c0 = process.cpuUsage();
t0 = performance.now();
const model = fitGbdt(train.x, train.y, { maxIter: TREES });
const fitS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
t0 = performance.now();
const p0 = process.cpuUsage();
const pred = model.predict(test.x);
const predS = (performance.now() - t0) / 1000;
const predCpu = process.cpuUsage(p0);
const ours = rmse(pred, test.y);
console.log(`  ours: fit ${fitS.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (one thread); predict ${NT.toLocaleString('en-US')} rows ${predS.toFixed(2)} s wall, ${((predCpu.user + predCpu.system) / 1e6).toFixed(2)} s CPU; test RMSE ${ours.toFixed(4)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

if (!args.includes('--no-sklearn')) {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) console.log('  scikit-learn: not installed (apt-get install python3-sklearn), skipped');
  else {
    fs.writeFileSync(path.join(dir, 'xtr.f64'), train.x.values);
    fs.writeFileSync(path.join(dir, 'ytr.f64'), train.y);
    fs.writeFileSync(path.join(dir, 'xte.f64'), test.x.values);
    fs.writeFileSync(path.join(dir, 'yte.f64'), test.y);
    const py = `
import numpy as np, time, sklearn, os
from sklearn.ensemble import HistGradientBoostingRegressor
d = ${JSON.stringify(dir)}
X = np.fromfile(os.path.join(d, 'xtr.f64')).reshape(-1, ${P}); y = np.fromfile(os.path.join(d, 'ytr.f64'))
Xt = np.fromfile(os.path.join(d, 'xte.f64')).reshape(-1, ${P}); yt = np.fromfile(os.path.join(d, 'yte.f64'))
m = HistGradientBoostingRegressor(learning_rate=0.1, max_iter=${TREES}, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=0, max_bins=255, early_stopping=False, categorical_features=[j >= 23 for j in range(${P})], random_state=0)
t = time.perf_counter(); c = time.process_time(); m.fit(X, y); fs = time.perf_counter() - t; fc = time.process_time() - c
p = m.predict(Xt)
print(f"  scikit-learn {sklearn.__version__}: fit {fs:.1f} s wall, {fc:.1f} s CPU (OpenMP, all cores); test RMSE {np.sqrt(np.mean((p - yt) ** 2)):.4f}")
`;
    const r = spawnSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(r.stdout);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
