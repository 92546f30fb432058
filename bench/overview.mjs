// Benchmark of the Overview panels (`node bench/overview.mjs [project.sqlite] [runs]`), never part
// of `npm test`. Times every step of computeOverview — the same code the `overview` job runs — on
// the full demo (29,913 customers, ~4.3M lines, 1.86M receipts). Target (issue): every panel under
// 2 s. The project is made once with the built CLI (`npm run build` first) from the cached full-demo
// CSVs (bench/.cache/full-seed1, written by `npm run bench`) or, without them, by `demo --size full`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = process.argv[2] || path.join(os.tmpdir(), 'swb-bench-overview-full.sqlite');
const runs = Number(process.argv[3] || 3);

function makeProject() {
  const cli = path.join(root, 'bin/segment-workbench.mjs');
  if (!fs.existsSync(path.join(root, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run `npm run build` first.');
  const cache = path.join(root, 'bench/.cache/full-seed1');
  const csvs = fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(cache, f)) : [];
  const args = csvs.length === 6 ? ['import', '--project', project, ...csvs, '--json'] : ['demo', '--project', project, '--size', 'full', '--json'];
  console.log(`making ${project} with \`segment-workbench ${args[0]}\` …`);
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
}

// The job module is TypeScript: bundle it to a temporary file and load that. better-sqlite3 (a
// native addon) stays external, imported by absolute path since the bundle lives outside the repo.
const sqlite = path.join(root, 'node_modules/better-sqlite3/lib/index.js');
async function loadJob() {
  const out = path.join(os.tmpdir(), `swb-bench-overview-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(root, 'core/jobs/overview-job.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
    plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  try {
    return await import(out);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

if (!fs.existsSync(project)) makeProject();
const job = await loadJob();
const { default: Database } = await import(sqlite);
const db = new Database(project, { readonly: true });
db.pragma('cache_size = -32768');
const counts = db.prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM lines) AS lines, (SELECT count(*) FROM receipts) AS receipts').get();
console.log(`${project}: ${counts.customers.toLocaleString('en-US')} customers, ${counts.lines.toLocaleString('en-US')} lines, ${counts.receipts.toLocaleString('en-US')} receipts; ${runs} runs\n`);

const times = new Map(job.OVERVIEW_STEPS.map((s) => [s, []]));
let result;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now(), c0 = process.cpuUsage();
  // The whole period: ALL_DAYS of core/data/store/queries/overview/calendar.ts.
  result = job.computeOverview(db, { from: -1e6, to: 1e6 }, { onStepDone: (step, ms) => times.get(step).push(ms) });
  const c = process.cpuUsage(c0);
  // Wall beside process CPU and the load average: on a shared machine wall alone misleads.
  console.log(`run ${i + 1}: ${(performance.now() - t0).toFixed(0)} ms in all, CPU ${((c.user + c.system) / 1000).toFixed(0)} ms, load ${os.loadavg()[0].toFixed(1)}`);
}
db.close();

console.log('\nstep              best ms  median ms  (target < 2000)');
let over = 0;
for (const [step, ms] of times) {
  const sorted = [...ms].sort((a, b) => a - b);
  const best = sorted[0], med = sorted[Math.floor(sorted.length / 2)];
  if (best >= 2000) over++;
  console.log(`${step.padEnd(16)} ${best.toFixed(0).padStart(8)} ${med.toFixed(0).padStart(10)}${best >= 2000 ? '  OVER' : ''}`);
}
const best = (step) => Math.min(...times.get(step));
console.log('\npanels made of several steps (sum of best ms):');
const sumOf = (...steps) => steps.reduce((s, x) => s + best(x), 0).toFixed(0);
console.log(`  topCategories  = receipt-layout + categories-1 + categories-2 = ${sumOf('receipt-layout', 'categories-1', 'categories-2')}`);
console.log(`  retailerThemes = receipt-layout + categories-1                = ${sumOf('receipt-layout', 'categories-1')}   (categories-1, the 대분류 × retailer pass, serves both)`);
console.log(`  priceSpread    = prices-1 + prices-2                          = ${sumOf('prices-1', 'prices-2')}`);
console.log(`headline: ${result.kpis.customers} customers, ${result.kpis.receipts} receipts, cohort ${result.cohort.cohort} / repeaters ${result.cohort.repeaters}, flagged ${result.priceSpread.flagged.map((f) => f.name).join(', ')}`);
if (over > 0) process.exitCode = 1;
