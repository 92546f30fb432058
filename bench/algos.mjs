// Benchmark of our own clustering modules (`node bench/algos.mjs [options]`), never part of
// `npm test`. Two deterministic 30,000 × 60 sets — 8 Gaussian clusters and uniform [0, 1) noise —
// and, on each: the k = 2…20 sweep of kmeans with nInit 10, seed 0 (decision 0006 compares it with
// scikit-learn single-threaded), and epsForNoiseShare(minSamples 30, targetNoise 0.05) followed by
// dbscan at that eps. Prints a table; the inertia sum and noise counts let two versions be compared.
//
// Options: --sets=gauss,uniform  --parts=kmeans,eps  --kmin=2 --kmax=20 --ninit=10 --n=30000
//          --src=DIR (another checkout's root, e.g. a copy of the code before a change)
// Run on an otherwise idle machine: the timings are single-threaded but the machine has 2 cores.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const sets = (args.sets ?? 'gauss,uniform').split(',');
const parts = (args.parts ?? 'kmeans,eps').split(',');
const kmin = Number(args.kmin ?? 2), kmax = Number(args.kmax ?? 20), nInit = Number(args.ninit ?? 10);
const n = Number(args.n ?? 30000), d = 60;
const src = path.resolve(args.src ?? root);

// The modules are TypeScript: bundle one small entry into a temporary file and load that.
async function load() {
  const entry = path.join(os.tmpdir(), `swb-bench-algos-entry-${process.pid}.ts`);
  const out = path.join(os.tmpdir(), `swb-bench-algos-${process.pid}.mjs`);
  const seg = path.join(src, 'core/analysis/segment');
  fs.writeFileSync(entry, [
    `export { kmeans } from ${JSON.stringify(path.join(seg, 'kmeans/index.ts'))};`,
    `export { dbscan, epsForNoiseShare } from ${JSON.stringify(path.join(seg, 'dbscan/index.ts'))};`,
  ].join('\n'));
  try {
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' });
    return await import(pathToFileURL(out).href);
  } finally {
    fs.rmSync(entry, { force: true });
    fs.rmSync(out, { force: true });
  }
}

/** mulberry32: a small deterministic generator for the data (independent of the code under test). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeSet(name) {
  const data = new Float64Array(n * d);
  if (name === 'uniform') {
    const r = rng(1);
    for (let i = 0; i < data.length; i++) data[i] = r();
    return data;
  }
  // 8 clusters: centres uniform in [−5, 5)^60, unit standard deviation, sizes in turn (i mod 8).
  const r = rng(2);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const centres = Float64Array.from({ length: 8 * d }, () => 10 * r() - 5);
  for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) data[i * d + q] = centres[(i % 8) * d + q] + gauss();
  return data;
}

const mod = await load();
const rows = [];
// Wall time; the CPU time of this process (user + system) is printed beside it, as the machine may be shared.
const time = (f) => {
  const t0 = performance.now(), c0 = process.cpuUsage();
  const v = f();
  const c = process.cpuUsage(c0);
  return [v, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
};
console.log(`src ${src}, n = ${n}, d = ${d}, node ${process.version}`);
for (const set of sets) {
  const data = makeSet(set);
  if (parts.includes('kmeans')) {
    let inertiaSum = 0, iterSum = 0;
    const perK = [];
    const [, secs, cpu] = time(() => {
      for (let k = kmin; k <= kmax; k++) {
        const [res, s] = time(() => mod.kmeans(data, n, d, { k, nInit, seed: 0 }));
        inertiaSum += res.inertia;
        iterSum += res.iterations;
        perK.push(`${k}:${s.toFixed(1)}`);
        if (args.verbose) console.log(`  ${set} k=${k} ${s.toFixed(2)} s inertia ${res.inertia} iterations ${res.iterations}`);
      }
    });
    rows.push({ set, step: `kmeans k=${kmin}…${kmax} nInit ${nInit}`, seconds: secs.toFixed(1), cpu: cpu.toFixed(1), result: `Σ inertia ${inertiaSum.toPrecision(15)}, Σ iter ${iterSum}` });
    console.log(`  ${set} per k (s): ${perK.join(' ')}`);
  }
  if (parts.includes('eps')) {
    const [e, s1, c1] = time(() => mod.epsForNoiseShare(data, n, d, { minSamples: 30, targetNoise: 0.05 }));
    rows.push({ set, step: 'epsForNoiseShare(30, 0.05)', seconds: s1.toFixed(1), cpu: c1.toFixed(1), result: `eps ${e.eps}, noise ${e.noise}` });
    const [db, s2, c2] = time(() => mod.dbscan(data, n, d, { eps: e.eps, minSamples: 30 }));
    let noise = 0;
    for (const l of db.labels) if (l < 0) noise++;
    rows.push({ set, step: 'dbscan at that eps', seconds: s2.toFixed(1), cpu: c2.toFixed(1), result: `${db.clusters} clusters, noise ${noise}` });
  }
  for (const r of rows.filter((x) => x.set === set)) console.log(`  ${r.set} ${r.step}: ${r.seconds} s, cpu ${r.cpu} s (${r.result})`);
}
console.table(rows);
