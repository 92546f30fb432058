// `npm run bench -- marketing [--size tiny|demo|full ...] [--project P]`: the marketing-response
// analysis (issue #11) through the built CLI, as a user runs it — wall and CPU time, peak RSS of the
// whole process, and the job's own seconds — on demo projects built `--with marketing` (seed 1),
// or on a given project that already holds a marketing import. Three runs each; the best is shown
// (the machine has 2 shared cores: see the load figures). The coupon-sensitivity analysis shares
// this script (its mode is added beside `marketing`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, runCli } from './full-project.mjs';

const args = process.argv.slice(2);
const mode = args[0] && !args[0].startsWith('--') ? args.shift() : 'marketing';
const opt = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : null);
const given = opt('project');
const sizes = given ? [null] : args.filter((a, i) => args[i - 1] === '--size').length > 0 ? args.filter((a, i) => args[i - 1] === '--size') : ['tiny', 'demo'];

/** A demo project of that size with the marketing file, made once per benchmark run. */
function demoProject(size, dir) {
  const project = path.join(dir, `${size}.sqlite`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'demo', '--project', project, '--size', size, '--seed', '1', '--with', 'marketing', '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`demo --size ${size} --with marketing failed (${r.status}): ${r.stderr.slice(-2000)}`);
  console.log(`  made the ${size} demo --with marketing in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return project;
}

async function benchMarketing(project, label) {
  const results = [];
  for (let i = 0; i < 3; i++) results.push(await runCli(project, ['marketing-response']));
  const best = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const s = best.summary;
  const all = s.segments[0];
  const online = all.regression.coefficients.filter((c) => c.channel === s.onlineChannel);
  console.log(`  ${label}: ${s.customers.toLocaleString('en-US')} customers, ${s.channels.length} channels, ${all.regression.days} regression days; job ${s.seconds.toFixed(3)} s, process wall ${best.seconds.toFixed(2)} s, CPU ${best.cpuSeconds.toFixed(2)} s, peak RSS ${best.peakMb.toFixed(0)} MB (best of 3; walls ${results.map((r) => r.seconds.toFixed(2)).join(', ')}; load ${best.load.map((x) => x.toFixed(1)).join('→')})`);
  if (online.length > 0) console.log(`    all customers, ${s.onlineChannel} by lag: ${online.map((c) => `${c.lag}: ${c.estimate.toFixed(3)} [${c.low.toFixed(3)}, ${c.high.toFixed(3)}]`).join('; ')}`);
}

if (mode === 'coupons') {
  // coupon-sensitivity: Kaggle-shaped files and a demo built --with coupons (bench/coupons.mjs; its options follow the mode).
  await import('./coupons.mjs');
  process.exit(process.exitCode ?? 0);
}
if (mode !== 'marketing') throw new Error(`bench/response.mjs: unknown mode '${mode}' (known: marketing, coupons)`);
console.log(`marketing-response benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}:`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-response-'));
try {
  for (const size of sizes) await benchMarketing(given ?? demoProject(size, dir), given ? path.basename(given) : `${size} demo`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
