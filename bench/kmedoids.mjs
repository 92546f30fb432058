// Benchmark of K-medoids at scale (issue #10, point 6; `npm run bench -- kmedoids` or
// `node bench/kmedoids.mjs [options]`), never part of `npm test`: figures depend on the machine.
//
// 1. Makes a full demo project (29,913 customers, 29,873 with LRFMV) in the temp dir from the cached
//    CSVs (bench/full-project.mjs), or reuses --project P.
// 2. Through the built CLI, as a user runs it (child process; wall, CPU, peak RSS):
//      run lrfmv-kmedoids --param k=4                  (method auto → FasterPAM beyond 5,000)
//      run lrfmv-kmedoids --param k=4 --param method=clara
//    and `export --what features` of the first: the LRFMV z-scores the job clustered.
// 3. In process, on the first --n rows (default 25,000) of that export — the rows
//    test/reference/fasterpam_ref.R --exact gives to R's cluster::pam — timed one after another
//    (wall and CPU of this process) with the current source of core/analysis/segment/kmedoids:
//      fasterPam (defaults: 'sample' start) for each --seeds, fasterPam from LAB alone (the
//      paper's start), clara (5 and 50 samples × 1,000; 5 is the job's CLARA default), and the
//      exact PAM result: pamLarge, PAM's BUILD + best-swap SWAP from FasterPAM's deltas (FastPAM1;
//      R's medoids on every fixture), minutes at 25k (--no-pam skips it).
// 4. The total deviation (Σ of distances to the medoid) of each against the exact PAM optimum:
//    R's from test/reference/fixtures/pam-lrfmv-25000x5.json when present for the same n, else
//    pamLarge's, else the best found here; and the targets: within 0.2 % of it, under 30 s.
//
// Options: --project P (reuse/keep)  --n 25000  --seeds 0,1,2  --no-pam  --no-clara-run (skip the CLI CLARA run)
//          --json FILE (raw results)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cli, makeProject, root, runCli } from './full-project.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
};
const keep = Boolean(opt('project', false));
const project = keep ? path.resolve(opt('project')) : path.join(os.tmpdir(), `swb-bench-kmedoids-${process.pid}.sqlite`);
const rows = Number(opt('n', 25000));
const seeds = String(opt('seeds', '0,1,2')).split(',').filter(Boolean).map(Number);
const exactFixture = path.join(root, 'test/reference/fixtures/pam-lrfmv-25000x5.json');

async function loadKmedoids() {
  const { build } = await import('esbuild');
  const out = path.join(os.tmpdir(), `swb-bench-kmedoids-${process.pid}.mjs`);
  await build({ entryPoints: [path.join(root, 'core/analysis/segment/kmedoids/index.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function readFeatures(file, n) {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  const header = lines[0].split(',');
  const total = lines.length - 1;
  if (n > total) throw new Error(`--n ${n} exceeds the ${total} customers of the export`);
  const d = header.length - 1;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    for (let c = 0; c < d; c++) data[i * d + c] = Number(cells[c + 1]);
  }
  return { data, n, d, total };
}

function timed(fn) {
  const c0 = process.cpuUsage(), t0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { result, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 };
}

const fmt = (x, digits = 1) => x.toFixed(digits);
const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg() }, rows, cli: [], inProcess: [] };

const made = !fs.existsSync(project);
if (made) makeProject(project);
const featuresCsv = path.join(os.tmpdir(), `swb-bench-kmedoids-${process.pid}.csv`);
try {
  console.log(`\nK-medoids on the full demo (project ${project}; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}):`);
  {
    const runs = [['auto (FasterPAM)', []], ['clara', ['--param', 'method=clara']]];
    for (const [label, extra] of argv.includes('--no-clara-run') ? runs.slice(0, 1) : runs) {
      const r = await runCli(project, ['lrfmv-kmedoids', '--param', 'k=4', ...extra]);
      const cost = r.summary.curve.find((c) => c.k === 4)?.cost;
      results.cli.push({ label, seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakMb: r.peakMb, customers: r.summary.customers, method: r.summary.method, cost, runId: r.summary.runId });
      console.log(`  run lrfmv-kmedoids k=4, ${label}: ${fmt(r.seconds)} s wall, ${fmt(r.cpuSeconds)} s CPU, peak ${r.peakMb.toFixed(0)} MB; ${r.summary.customers.toLocaleString('en-US')} customers, method ${r.summary.method}, total deviation ${cost?.toFixed(2)}`);
    }
    const first = results.cli[0];
    const ex = spawnSync(process.execPath, [cli, 'export', '--project', project, '--run', String(first.runId), '--what', 'features', '--out', featuresCsv], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    if (ex.status !== 0) throw new Error(`export failed: ${ex.stderr}`);
  }

  const km = await loadKmedoids();
  const { data, n, d, total } = readFeatures(featuresCsv, rows);
  console.log(`\n  in process, the first ${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers' LRFMV z-scores, k = 4 (current source):`);
  const line = (label, t) => {
    results.inProcess.push({ label, seconds: t.seconds, cpuSeconds: t.cpuSeconds, totalDeviation: t.result.totalDeviation, medoids: [...t.result.medoids], swaps: t.result.iterations, passes: t.result.passes });
    console.log(`    ${label.padEnd(34)} ${fmt(t.seconds).padStart(6)} s wall ${fmt(t.cpuSeconds).padStart(6)} s CPU   total deviation ${t.result.totalDeviation.toFixed(4)}${t.result.passes ? `  (${t.result.iterations} swaps, ${t.result.passes} passes)` : ''}`);
  };
  for (const seed of seeds) line(`fasterPam seed ${seed}`, timed(() => km.fasterPam(data, n, d, { k: 4, seed })));
  line('fasterPam init lab, seed 0', timed(() => km.fasterPam(data, n, d, { k: 4, init: 'lab', seed: 0 })));
  line('clara 5 × 1,000, seed 0', timed(() => km.clara(data, n, d, { k: 4, samples: 5, sampleSize: 1000, seed: 0 })));
  line('clara 50 × 1,000, seed 0', timed(() => km.clara(data, n, d, { k: 4, samples: 50, sampleSize: 1000, seed: 0 })));
  if (!argv.includes('--no-pam')) line('exact PAM (pamLarge)', timed(() => km.pamLarge(data, n, d, { k: 4 })));

  const exact = fs.existsSync(exactFixture) ? JSON.parse(fs.readFileSync(exactFixture, 'utf8')) : null;
  const useExact = exact && exact.n === n;
  const ours = results.inProcess.find((r) => r.label.startsWith('exact PAM'));
  const ref = useExact ? exact.totalDeviation : ours ? ours.totalDeviation : Math.min(...results.inProcess.map((r) => r.totalDeviation));
  results.reference = useExact ? { kind: 'R cluster::pam', totalDeviation: ref, source: exact.source, rSeconds: exact.rSeconds } : { kind: ours ? 'pamLarge' : 'best found here', totalDeviation: ref };
  const what = useExact ? `R's exact pam optimum ${ref.toFixed(4)} (${exact.source}; R took ${exact.rSeconds} s)`
    : ours ? `the exact PAM optimum by pamLarge, ${ref.toFixed(4)}` : `the best total deviation found here, ${ref.toFixed(4)}`;
  console.log(`\n  against ${what}:`);
  for (const r of results.inProcess) {
    r.gapPercent = (r.totalDeviation / ref - 1) * 100;
    console.log(`    ${r.label.padEnd(34)} ${r.gapPercent >= 0 ? '+' : ''}${r.gapPercent.toFixed(3)} %`);
  }
  console.log('  targets (issue #10): within 0.2 % of the exact optimum, under 30 s, on 25k customers');
  const jsonOut = opt('json', null);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
} finally {
  fs.rmSync(featuresCsv, { force: true });
  if (made && !keep) for (const ext of ['', '-wal', '-shm']) fs.rmSync(project + ext, { force: true });
}
