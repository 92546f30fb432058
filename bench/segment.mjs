// Benchmark of the segmentations on the `full` demo (issue #4, performance; `npm run bench -- segment`
// or `node bench/segment.mjs [options]`), never part of `npm test`: figures depend on the machine.
//
// 1. Makes a full demo project (29,913 customers) in the temp dir from the cached CSVs
//    (bench/.cache/full-seed1, written once by `demo --out`), or reuses --project P.
// 2. Runs, one after another through the built CLI as a user does, each in a child process with
//    its wall time and peak RSS (bench/maxrss.mjs: main thread and the job's worker thread):
//      run stratified-kmeans                                 target: whole pipeline < 40 s (issue #16)
//      run kprototypes --param k=auto                        target: < 20 s (issue #16; k=auto is the app's default)
//      run lrfmv-kmedoids --param k=4                        target: < 20 s (issue #16; k=4 is the default)
//      run kmeans --param features=rfm --param k=auto        target: < 20 s (issue #16; the app's default run)
//      run kmeans --param features=category --param k=auto   (not a default: no target)
//    The job's progress lines on stderr (a line per phase change, else at most one per 2 s) are
//    timestamped: features (SQL) → cluster → profile (profiles, PCA, store).
// 3. Steps of stratified-kmeans in process (--phases, on by default): customerBase + categoryPivot
//    and stratifiedKMeans bundled from core/ (as bench/overview.mjs does), timed at each onStep.
//    This is the current source, which may be newer than dist/.
// 4. The pandas + scikit-learn reference (bench/segment_sklearn.py) with Debian's /usr/bin/python3,
//    at the eps our run found, with OMP_NUM_THREADS=1 and 2; skipped with a message when pandas,
//    scikit-learn or SciPy is missing. Then the table ours vs pandas + scikit-learn per step.
//
// OMP_WAIT_POLICY and other variables of the environment reach the Python runs (on a shared 2-core
// machine, libgomp's default spinning made OMP_NUM_THREADS=2 K-means 30× slower; passive fixes that).
//
// Options: --project P (reuse/keep; made there if missing)  --only stratified,kprototypes,lrfmv,rfm,category
//          --no-phases  --no-python  --threads 1,2  --python /usr/bin/python3  --json FILE (raw results)
//          --from-json FILE (only re-print the tables of an earlier --json FILE)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cache, csvFiles, makeProject as makeFullProject, root, runCli as runCliIn } from './full-project.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
};
const flag = (name) => argv.includes(`--${name}`);
const python = opt('python', '/usr/bin/python3');
const threads = String(opt('threads', '1,2')).split(',').filter(Boolean);
const only = opt('only', null)?.split(',');
const keep = Boolean(opt('project', false));
const project = keep ? path.resolve(opt('project')) : path.join(os.tmpdir(), `swb-bench-segment-${process.pid}.sqlite`);

let RUNS = [
  { id: 'stratified', args: ['stratified-kmeans'], target: 40 },
  { id: 'kprototypes', args: ['kprototypes', '--param', 'k=auto'], target: 20 },
  { id: 'lrfmv', args: ['lrfmv-kmedoids', '--param', 'k=4'], target: 20 },
  { id: 'rfm', args: ['kmeans', '--param', 'features=rfm', '--param', 'k=auto'], target: 20 },
  { id: 'category', args: ['kmeans', '--param', 'features=category', '--param', 'k=auto'] },
].filter((r) => !only || only.includes(r.id));


const runCli = (args) => runCliIn(project, args);
const makeProject = () => makeFullProject(project);

/** Seconds at which each job phase (features, cluster, profile) first appears on stderr, and the end. */
function phasesOf(r) {
  const first = (p) => r.lines.find((l) => l.line.startsWith(p))?.t;
  const f = first('features'), c = first('cluster'), p = first('profile');
  return {
    start: f ?? 0,
    features: f !== undefined && c !== undefined ? c - f : null,
    cluster: c !== undefined && p !== undefined ? p - c : null,
    profile: p !== undefined ? r.seconds - p : null,
  };
}

// The stratified steps in process: bundle a small entry of core modules (TypeScript) and load it.
const sqlitePath = path.join(root, 'node_modules/better-sqlite3/lib/index.js');
async function loadCore() {
  const { build } = await import('esbuild');
  const entry = path.join(os.tmpdir(), `swb-bench-segment-entry-${process.pid}.ts`);
  const out = path.join(os.tmpdir(), `swb-bench-segment-${process.pid}.mjs`);
  fs.writeFileSync(entry, [
    `export { customerBase, categoryPivot } from ${JSON.stringify(path.join(root, 'core/data/store/queries/customer-base.ts'))};`,
    `export { stratifiedKMeans } from ${JSON.stringify(path.join(root, 'core/analysis/segment/stratified.ts'))};`,
  ].join('\n'));
  try {
    await build({
      entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
      plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlitePath, external: true })) }],
    });
    return await import(pathToFileURL(out).href);
  } finally {
    fs.rmSync(entry, { force: true });
    fs.rmSync(out, { force: true });
  }
}

async function stratifiedPhases() {
  const core = await loadCore();
  const { default: Database } = await import(sqlitePath);
  const db = new Database(project, { readonly: true });
  const steps = {}, cpu = {};
  let t = performance.now(), c = process.cpuUsage();
  const lap = (name) => {
    const now = performance.now(), cn = process.cpuUsage();
    steps[name] = (steps[name] ?? 0) + (now - t) / 1000;
    cpu[name] = (cpu[name] ?? 0) + (cn.user + cn.system - c.user - c.system) / 1e6;
    t = now;
    c = cn;
  };
  db.exec('BEGIN');
  const base = core.customerBase(db);
  lap('customers (SQL)');
  const pivot = core.categoryPivot(db, base.ids, 1);
  lap('pivot (SQL)');
  db.exec('COMMIT');
  db.close();
  const n = base.ids.length, d = pivot.categories.length;
  const online = Uint8Array.from(base.online, (v) => (v > 0 ? 1 : 0));
  let current = null;
  const r = core.stratifiedKMeans(pivot.data, n, d, base.amount, online, {
    minSamples: 30, noiseShare: 0.05, kMin: 2, kMax: 20, nInit: 10, seed: 0, smallCluster: 3, silhouetteSample: 5000,
    onStep: (message) => {
      if (/ k = /.test(message)) return;
      if (current) lap(current);
      else { t = performance.now(); c = process.cpuUsage(); }
      current = message.replace(/^stratum \d\/8: /, 'strata: ').replace(/^eps search.*/, 'eps search').replace(/^DBSCAN$/, 'dbscan');
    },
  });
  if (current) lap(current);
  return { n, d, steps, cpu, eps: r.eps, noise: r.noise.reduce((a, b) => a + b, 0), strata: r.strata.map((s) => ({ channel: s.channel, grade: s.grade, customers: s.rows.length, k: s.k, outliers: s.outliers })) };
}

function pythonReference(eps) {
  const probe = spawnSync(python, ['-c', 'import pandas, sklearn, scipy; print(pandas.__version__, sklearn.__version__, scipy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log(`\npandas + scikit-learn reference skipped: ${python} lacks pandas, scikit-learn or SciPy (apt-get install -y python3-pandas python3-sklearn python3-scipy).`);
    return null;
  }
  const versions = probe.stdout.trim();
  const out = {};
  threads.forEach((th, i) => {
    // The first run also measures sklearn's DBSCAN on subsamples, counts the eps-neighbourhoods,
    // and runs it on all customers with algorithm='ball_tree' under a 10 GB address-space cap
    // (brute force, the default, would need ≈ 11 GB here; it is only extrapolated).
    const extra = i === 0 ? ['--pairs', '--dbscan-full', 'ball_tree'] : ['--dbscan-sizes', ''];
    console.log(`running bench/segment_sklearn.py with OMP_NUM_THREADS=${th} (pandas, scikit-learn, SciPy ${versions}) …`);
    const env = { ...process.env, OMP_NUM_THREADS: th, OPENBLAS_NUM_THREADS: th, MKL_NUM_THREADS: th };
    const t0 = performance.now();
    const r = spawnSync(python, [path.join(root, 'bench/segment_sklearn.py'), '--csv-dir', cache, '--eps', String(eps), ...extra], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
    if (r.status !== 0) {
      console.log(`  failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      return;
    }
    out[th] = JSON.parse(r.stdout);
    out[th].wallSeconds = (performance.now() - t0) / 1000;
    out[th].versions = versions;
  });
  return out;
}

const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(1));
const f2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2));
const pad = (s, w) => String(s).padStart(w);

async function main() {
  const saved = opt('from-json', null);
  if (saved) {
    // Re-print the tables of an earlier --json FILE without running anything.
    const j = JSON.parse(fs.readFileSync(saved, 'utf8'));
    report(j.results, j.phases, j.py);
    return;
  }
  const made = !fs.existsSync(project);
  if (made) makeProject();
  else console.log(`reusing ${project}`);
  const results = {};
  try {
    for (const r of RUNS) {
      console.log(`run ${r.args.join(' ')} …`);
      results[r.id] = await runCli(r.args);
      const s = results[r.id].summary;
      console.log(`  ${results[r.id].seconds.toFixed(1)} s, peak ${results[r.id].peakMb.toFixed(0)} MB${s ? `; ${s.segments} segments, ${s.noise} outliers/noise${s.eps ? `, eps ${s.eps}` : ''}` : ''}`);
    }
    let phases = null;
    if (!flag('no-phases') && results.stratified) {
      console.log('stratified-kmeans steps in process (core/ source bundled) …');
      phases = await stratifiedPhases();
    }
    let py = null;
    const eps = results.stratified?.summary?.eps ?? phases?.eps;
    if (!flag('no-python')) {
      if (eps === undefined) console.log('\npandas + scikit-learn reference skipped: it needs the eps of a stratified-kmeans run (drop --only or add stratified).');
      else if (csvFiles().length !== 6) console.log(`\npandas + scikit-learn reference skipped: the CSVs are not in ${cache} (delete the project to have them written).`);
      else py = pythonReference(eps);
    }
    report(results, phases, py);
    const json = opt('json', null);
    if (json) fs.writeFileSync(json, JSON.stringify({ results, phases, py }, null, 2));
  } finally {
    if (made && !keep) for (const ext of ['', '-wal', '-shm']) fs.rmSync(project + ext, { force: true });
  }
}

function report(results, phases, py) {
  RUNS = RUNS.filter((r) => results[r.id]);
  console.log('\nCLI runs on the full demo (wall time of the whole child process, peak RSS of main + worker thread):');
  console.log('analysis                                  wall s   CPU s  features  cluster  profile   peak MB  target');
  for (const r of RUNS) {
    const x = results[r.id];
    const p = phasesOf(x);
    const over = r.target && x.seconds > r.target ? `  OVER by ${(x.seconds - r.target).toFixed(1)} s` : '';
    console.log(`${r.args.join(' ').padEnd(40)} ${pad(f1(x.seconds), 7)} ${pad(f1(x.cpuSeconds), 7)} ${pad(f1(p.features), 9)} ${pad(f1(p.cluster), 8)} ${pad(f1(p.profile), 8)} ${pad(x.peakMb.toFixed(0), 9)}  ${r.target ? `< ${r.target} s${over}` : ''}`);
  }
  console.log('(features/cluster/profile: from the progress lines on stderr, ±2 s when a phase has several messages)');
  console.log(`load average (1 min) at start/end of each run: ${RUNS.map((r) => (results[r.id].load ?? [NaN, NaN]).map((x) => x.toFixed(1)).join('/')).join(', ')} on ${os.cpus().length} cores`);
  if (!results.stratified) return;

  const s = results.stratified.summary;
  const ours = phases?.steps ?? {};
  const strataSum = Object.entries(ours).filter(([k]) => k.startsWith('strata')).reduce((a, [, v]) => a + v, 0);
  if (phases) {
    console.log(`\nstratified-kmeans in process: ${phases.n} customers × ${phases.d} categories, eps ${phases.eps}, noise ${phases.noise}`);
    for (const [k, v] of Object.entries(ours)) console.log(`  ${k.padEnd(22)} ${pad(f2(v), 8)} s`);
  }
  const cols = py ? Object.keys(py) : [];
  const oc = phases?.cpu ?? {};
  const sumOf = (o, pre) => Object.entries(o).filter(([k]) => k.startsWith(pre)).reduce((a, [, v]) => a + v, 0);
  const all = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  console.log(`\nstratified-kmeans, ours vs pandas + scikit-learn (same data, same eps ${s?.eps ?? phases?.eps}); wall s / CPU s:`);
  console.log(['step'.padEnd(44), pad('ours', 15), ...cols.map((t) => pad(`sklearn ${t} thr`, 15))].join(' '));
  const cell = (w, c) => pad(`${f2(w)} / ${f2(c)}`, 15);
  const row = (name, w, c, get) => console.log([name.padEnd(44), cell(w, c), ...cols.map((t) => { const x = get(py[t]); return x ? cell(x.seconds, x.cpuSeconds) : pad('—', 15); })].join(' '));
  const p = phasesOf(results.stratified);
  const st = (name) => (x) => x.steps[name];
  row('0 load CSVs (ours: imported beforehand)', null, null, st('load'));
  row('1 customer facts + pivot', phases ? ours['customers (SQL)'] + ours['pivot (SQL)'] : p.features, phases ? oc['customers (SQL)'] + oc['pivot (SQL)'] : null, st('pivot'));
  row(ours.dbscan === undefined ? '2 eps search + noise (sklearn: noise at eps)' : '2a eps search (sklearn: eps given)', ours['eps search'], oc['eps search'], ours.dbscan === undefined ? st('dbscan') : () => null);
  if (ours.dbscan !== undefined) row('2b DBSCAN noise (sklearn: NearestNeighbors)', ours.dbscan, oc.dbscan, st('dbscan'));
  row('3 KS test', ours['KS test'], oc['KS test'], st('ks'));
  row('4 qcut (ours: inside step 5)', null, null, st('qcut'));
  row('5 K-means k = 2…20 + validity, 8 strata', phases ? strataSum : null, phases ? sumOf(oc, 'strata') : null, st('kmeans'));
  row('   of which KMeans fits', null, null, (x) => ({ seconds: x.steps.kmeans.fitSeconds }));
  row('   of which silhouette/CH/DB', null, null, (x) => ({ seconds: x.steps.kmeans.validitySeconds }));
  row('ours: profiles, PCA, store (CLI phase)', p.profile, null, () => null);
  row('steps 1–5 (sklearn: without load)', phases ? all(ours) : null, phases ? all(oc) : null, (x) => ({ seconds: x.pipelineSecondsWithoutLoad, cpuSeconds: x.pipelineCpuSeconds - x.steps.load.cpuSeconds }));
  row('whole run (ours: CLI; sklearn: + imports)', results.stratified.seconds, results.stratified.cpuSeconds, (x) => ({ seconds: x.pipelineSeconds + x.importSeconds, cpuSeconds: x.pipelineCpuSeconds }));
  console.log([`${'peak RSS MB'.padEnd(44)}`, pad(results.stratified.peakMb.toFixed(0), 15), ...cols.map((t) => pad(py[t].peakMb.toFixed(0), 15))].join(' '));
  if (!py) return;
  const first = py[cols[0]];
  console.log(`\nsame result? ours: eps ${s?.eps}, noise ${s?.noise}; pandas+sklearn at that eps: noise ${first.steps.dbscan.noise} (${(100 * first.steps.dbscan.noiseShare).toFixed(2)} %), core ${first.steps.dbscan.core}`);
  console.log(`  KS ours ${s?.ksStatistic?.toFixed?.(5)} p ${s?.ksPValue?.toExponential?.(3)}; scipy ${first.steps.ks.statistic.toFixed(5)} p ${first.steps.ks.pvalue.toExponential(3)}`);
  if (phases) console.log(`  k per stratum ours ${phases.strata.map((x) => x.k).join(',')}; sklearn ${first.steps.kmeans.strata.map((x) => x.k).join(',')}`);
  console.log(`  stratum sizes ours ${phases ? phases.strata.map((x) => x.customers).join(',') : '?'}; pandas ${first.steps.qcut.sizes.join(',')}`);
  if (first.sklearnDbscanSubsamples) {
    console.log(`\nscikit-learn DBSCAN(eps ${s?.eps}, min_samples 30) on seeded subsamples (child processes, OMP_NUM_THREADS=${cols[0]}):`);
    console.log('     n  algorithm   seconds  peak MB  before fit  grown MB  noise %  Σ|N_eps| pairs  bytes/pair');
    for (const r of first.sklearnDbscanSubsamples) {
      if (r.error) { console.log(`${pad(r.n, 6)}  ${r.algorithm.padEnd(10)} failed: ${r.error}`); continue; }
      const pairs = first.pairs?.subsamples?.[String(r.n)];
      const grown = r.peakMb - r.baseMb;
      console.log(`${pad(r.n, 6)}  ${r.algorithm.padEnd(10)} ${pad(f2(r.seconds), 7)} ${pad(r.peakMb.toFixed(0), 8)} ${pad(r.baseMb.toFixed(0), 11)} ${pad(grown.toFixed(0), 9)} ${pad((100 * r.noiseShare).toFixed(2), 8)} ${pad(pairs?.toLocaleString('en-US') ?? '—', 15)} ${pad(pairs ? (grown * 2 ** 20 / pairs).toFixed(1) : '—', 11)}`);
    }
    for (const r of first.sklearnDbscanFull ?? []) {
      if (r.error) console.log(`${pad(r.n, 6)}  ${r.algorithm.padEnd(10)} failed under a ${r.asLimitGb} GB address-space cap: ${r.error}`);
      else console.log(`${pad(r.n, 6)}  ${r.algorithm.padEnd(10)} ${pad(f2(r.seconds), 7)} ${pad(r.peakMb.toFixed(0), 8)} ${pad(r.baseMb.toFixed(0), 11)} ${pad((r.peakMb - r.baseMb).toFixed(0), 9)} ${pad((100 * r.noiseShare).toFixed(2), 8)} ${pad(first.pairs?.pairs?.toLocaleString('en-US') ?? '—', 15)} ${pad(first.pairs ? ((r.peakMb - r.baseMb) * 2 ** 20 / first.pairs.pairs).toFixed(1) : '—', 11)}  (all customers, cap ${r.asLimitGb} GB)`);
    }
    if (first.pairs) {
      const pr = first.pairs;
      console.log(`full n = ${pr.n}: Σ|N_eps| = ${pr.pairs.toLocaleString('en-US')} (mean ${pr.meanNeighbours.toFixed(0)} neighbours per customer, ${(100 * pr.meanNeighbours / pr.n).toFixed(0)} % of all; counted in ${f1(pr.seconds)} s by chunked brute force)`);
      for (const algo of [...new Set(first.sklearnDbscanSubsamples.map((r) => r.algorithm))]) {
        const big = first.sklearnDbscanSubsamples.filter((r) => !r.error && r.algorithm === algo).sort((a, b) => b.n - a.n)[0];
        if (!big) continue;
        const sub = pr.subsamples[String(big.n)], grown = big.peakMb - big.baseMb;
        const secs = big.seconds * pr.pairs / sub;
        console.log(`extrapolated, not measured — sklearn DBSCAN(algorithm='${algo}') at n = ${pr.n}: ≈ ${(grown * pr.pairs / sub / 1024).toFixed(1)} GB on top of the data (its growth at n = ${big.n}, ${grown.toFixed(0)} MB, × ${(pr.pairs / sub).toFixed(1)}, the ratio of neighbourhood pairs), ≈ ${secs.toFixed(0)} s`);
      }
    }
  }
}

await main();
