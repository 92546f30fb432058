// `npm run bench -- value [--customers N] [--cli PATH]`: the `clv` analysis (issue #13, BG/NBD +
// Gamma-Gamma) at scale. Target: 30k customers fitted in under 5 s.
// Data: N customers (default 30,000) simulated from the models themselves with the CDNOW
// parameters (BG/NBD r 0.243, α 4.414 /week, a 0.793, b 2.426; Gamma-Gamma p 6.25, q 3.74,
// γ 15.44), first purchases spread over the first 12 weeks, 78 weeks in all, purchase times in
// whole days (same-day purchases merge, as the summary does), seeded (mulberry32).
// 1. In this process (core/analysis/value bundled by esbuild): the whole clvModel — summaries,
//    both fits, holdout check, predictions over 365 days — best of 3, wall and CPU, and how well the
//    fit recovers the parameters the data came from.
// 2. Through the built CLI as a user runs it: import the simulated CSV (customer,date,amount),
//    `run clv` (the job's own `seconds` and the process wall time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cli as builtCli, root } from './full-project.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const N = Number(opt('--customers', '30000'));
const cli = path.resolve(opt('--cli', builtCli));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-value-'));

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(13);
function normal() {
  const u = 1 - rnd(), v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 by the boost Γ(k + 1)·U^{1/k}. */
function gamma(k) {
  if (k < 1) return gamma(k + 1) * Math.pow(1 - rnd(), 1 / k);
  const d = k - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x, v;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rnd();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
const TRUE = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, gamma: 15.44 };
const START = Date.UTC(2023, 0, 2) / 86400000, WEEKS = 78, CAL_WEEKS = 52;

/** One customer's purchase days (epoch days) and amounts, from the BG/NBD and Gamma-Gamma. */
function customer() {
  const lambda = gamma(TRUE.r) / TRUE.alpha;
  const ga = gamma(TRUE.a), p = ga / (ga + gamma(TRUE.b));
  const nu = gamma(TRUE.q) / TRUE.gamma;
  const birth = rnd() * 12;
  const times = [birth];
  for (let t = birth; ; ) {
    t += -Math.log(1 - rnd()) / lambda;
    if (t > WEEKS) break;
    times.push(t);
    if (rnd() < p) break;
  }
  return times.map((t) => [START + Math.floor(t * 7), Math.round((gamma(TRUE.p) / nu) * 100) / 100]);
}

const rows = [];
for (let c = 0; c < N; c++) for (const [d, a] of customer()) rows.push([c, d, a]);
// Merge same-day purchases, sorted by customer then day.
const merged = [];
for (const [c, d, a] of rows) {
  const last = merged[merged.length - 1];
  if (last && last[0] === c && last[1] === d) last[2] += a;
  else merged.push([c, d, a]);
}
merged.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
const data = { customer: Int32Array.from(merged, (r) => r[0]), day: Int32Array.from(merged, (r) => r[1]), amount: Float64Array.from(merged, (r) => r[2]) };
console.log(`${N.toLocaleString('en')} simulated customers, ${rows.length.toLocaleString('en')} purchases on ${merged.length.toLocaleString('en')} customer-days, weeks 0–${WEEKS}, calibration to week ${CAL_WEEKS}`);

const bundle = path.join(dir, 'value.mjs');
await build({ entryPoints: [path.join(root, 'core/analysis/value/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'error' });
const { clvModel } = await import(pathToFileURL(bundle).href);
const calibrationEnd = START + CAL_WEEKS * 7 - 1;
for (const timeUnit of ['week', 'day']) {
  let best = Infinity, cpu = 0, m;
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    m = clvModel(data, N, { calibrationEnd, timeUnit, horizonDays: 365, monthlyDiscount: 0.01 });
    const wall = (performance.now() - t0) / 1000;
    if (wall < best) {
      best = wall;
      const c = process.cpuUsage(c0);
      cpu = (c.user + c.system) / 1e6;
    }
  }
  const f = m.bgnbd.params, g = m.gammaGamma.params;
  const alpha = timeUnit === 'day' ? f.alpha / 7 : f.alpha;
  console.log(`\nclvModel in process, timeUnit=${timeUnit}: best of 3 ${best.toFixed(2)} s wall (${cpu.toFixed(2)} s CPU) — target < 5 s: ${best < 5 ? 'met' : 'NOT met'}`);
  console.log(`  BG/NBD r ${f.r.toFixed(3)} (true ${TRUE.r}), α ${alpha.toFixed(3)} /week (true ${TRUE.alpha}), a ${f.a.toFixed(3)} (true ${TRUE.a}), b ${f.b.toFixed(3)} (true ${TRUE.b}); ${m.bgnbd.iterations} BFGS iterations`);
  console.log(`  Gamma-Gamma p ${g.p.toFixed(3)} (true ${TRUE.p}), q ${g.q.toFixed(3)} (true ${TRUE.q}), γ ${g.gamma.toFixed(3)} (true ${TRUE.gamma}) on ${m.spendCustomers.toLocaleString('en')} repeat customers`);
  console.log(`  holdout (${(m.check.length).toFixed(1)} ${timeUnit}s): actual ${m.check.actualTotal.toLocaleString('en')} purchases, predicted ${m.check.predictedTotal.toFixed(0)} (${((m.check.predictedTotal / m.check.actualTotal - 1) * 100).toFixed(1)} %), MAE ${m.check.mae.toFixed(3)}`);
}

if (!fs.existsSync(cli)) {
  console.log(`\nCLI part skipped: ${cli} is missing (npm run build).`);
} else {
  const csv = path.join(dir, 'sim.csv');
  const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
  fs.writeFileSync(csv, 'customer,date,amount\n' + rows.map(([c, d, a]) => `C${String(c).padStart(6, '0')},${iso(d)},${a.toFixed(2)}`).join('\n') + '\n');
  const project = path.join(dir, 'sim.sqlite');
  const imp = spawnSync(process.execPath, [cli, 'import', '--project', project, csv, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (imp.status !== 0) throw new Error(imp.stderr);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'run', 'clv', '--project', project, '--param', `calibrationEnd=${iso(calibrationEnd)}`, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.log(`\nCLI run clv failed (${cli}): ${r.stderr.trim().split('\n').pop()}`);
  } else {
    const s = JSON.parse(r.stdout);
    console.log(`\nCLI \`run clv\` on ${s.customers.toLocaleString('en')} customers: job ${s.seconds.toFixed(2)} s (read, fit, predict, store), process ${wall.toFixed(2)} s wall — target < 5 s: ${s.seconds < 5 ? 'met' : 'NOT met'}`);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
