// `npm run bench -- rules [--project P]`: the `rules` analysis (issue #11) through the built CLI,
// as a user runs it — wall and CPU time, peak RSS of the whole process, the summary.
// 1. A Groceries-shaped basket set: the arules Groceries data (9,835 baskets, 169 items, mean
//    4.41 items a basket, whole milk in 25.6 % of baskets) is not on this offline machine, so a
//    seeded set of the same size and skew is written in the basket format and mined at
//    minSupport 0.001 (target: under 1 s). The committed 20-basket head of Groceries is in the tests.
// 2. The full demo (4.3M lines; bench/full-project.mjs builds it, or `--project P` reuses one) at
//    category2 level with receipt baskets (target: under 20 s and 500 MB), at minSupport 0.01 and
//    0.001, and the maxItemsets guard at product level with a support far too low.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cli, makeProject, root, runCli } from './full-project.mjs';

const args = process.argv.slice(2);
const given = args.includes('--project') ? args[args.indexOf('--project') + 1] : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-rules-'));

/** mulberry32: the same baskets on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 9,835 baskets over 169 items: sizes geometric with mean ≈ 4.4, items drawn with weight 1/(rank+2)^0.9 (top item in ≈ 25 % of baskets). */
function groceriesShaped(file) {
  const rnd = random(2024);
  const items = 169, n = 9835;
  const w = Array.from({ length: items }, (_, i) => 1 / (i + 2) ** 0.9);
  const total = w.reduce((a, b) => a + b, 0);
  const cum = [];
  w.reduce((s, x, i) => (cum[i] = s + x / total), 0);
  let text = '';
  for (let b = 0; b < n; b++) {
    let size = 1;
    while (rnd() < 1 - 1 / 4.4) size++;
    const set = new Set();
    for (let k = 0; k < size * 1.15 && set.size < size; k++) {
      const u = rnd();
      let lo = 0, hi = items - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      set.add(`item ${String(lo).padStart(3, '0')}`);
    }
    text += [...set].join(',') + '\n';
  }
  fs.writeFileSync(file, text);
}

function cliSync(argv) {
  const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const show = (label, r) => {
  const s = r.summary;
  // Read vs mine: the progress lines' arrival times (stderr, timestamped by runCli).
  const at = (phase) => r.lines.find((l) => l.line.startsWith(phase))?.t;
  const read = at('mine') !== undefined && at('read') !== undefined ? at('mine') - at('read') : NaN;
  const mine = at('store') !== undefined && at('mine') !== undefined ? at('store') - at('mine') : NaN;
  console.log(`  ${label}: ${s.baskets.toLocaleString('en-US')} baskets, ${s.items} items, ${s.itemsets.toLocaleString('en-US')} itemsets, ${s.rules.toLocaleString('en-US')} rules; read ${read.toFixed(2)} s, mine ${mine.toFixed(2)} s; job ${s.seconds.toFixed(2)} s, process wall ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.peakMb.toFixed(0)} MB (load ${r.load.map((x) => x.toFixed(1)).join('→')})`);
};

try {
  console.log(`rules benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}); figures are one run each, the machine may be shared (see load).`);
  const baskets = path.join(dir, 'groceries-shaped.txt');
  groceriesShaped(baskets);
  const g = path.join(dir, 'groceries.sqlite');
  cliSync(['import', '--project', g, baskets, '--format', 'baskets', '--json']);
  console.log('1. Groceries-shaped baskets (9,835 × 169 items), receipts at product level:');
  for (const minSupport of ['0.01', '0.001']) show(`minSupport ${minSupport}`, await runCli(g, ['rules', '--param', `minSupport=${minSupport}`]));
  // The mining alone, in this process (core/analysis/rules bundled by esbuild): best of 5, wall and CPU.
  const bundle = path.join(dir, 'rules.mjs');
  await build({ entryPoints: [path.join(root, 'core/analysis/rules/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'error' });
  const { mineRules } = await import(pathToFileURL(bundle).href);
  const lines = fs.readFileSync(baskets, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  const ids = new Map();
  const start = [0], items = [];
  for (const l of lines) {
    for (const name of l) items.push(ids.get(name) ?? ids.set(name, ids.size).get(name));
    start.push(items.length);
  }
  const set = { start: Int32Array.from(start), items: Int32Array.from(items), itemCount: ids.size };
  let best = { wall: Infinity, cpu: Infinity }, m = null;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    m = mineRules(set, { minSupport: 0.001 });
    const wall = (performance.now() - t0) / 1000, c = process.cpuUsage(c0);
    best = { wall: Math.min(best.wall, wall), cpu: Math.min(best.cpu, (c.user + c.system) / 1e6) };
  }
  console.log(`  mining alone at minSupport 0.001 (FP-growth + rules, in process, best of 5): ${m.itemsets.count.length.toLocaleString('en-US')} itemsets, ${m.rules.itemset.length.toLocaleString('en-US')} rules in ${best.wall.toFixed(3)} s wall, ${best.cpu.toFixed(3)} s CPU`);

  let project = given;
  if (!project) {
    project = path.join(dir, 'full.sqlite');
    makeProject(project);
  }
  console.log(`2. Full demo (${project}), receipt baskets at category2 level:`);
  for (const minSupport of ['0.01', '0.001']) show(`minSupport ${minSupport}`, await runCli(project, ['rules', '--param', 'level=category2', '--param', `minSupport=${minSupport}`]));
  show('customer-day baskets, category level, minSupport 0.01', await runCli(project, ['rules', '--param', 'basket=customer-day', '--param', 'level=category']));
  const t0 = performance.now();
  const guard = spawnSync(process.execPath, ['--import', path.join(path.dirname(cli), '../bench/maxrss.mjs'), cli, 'run', 'rules', '--project', project, '--param', 'basket=customer', '--param', 'level=category2', '--param', 'minSupport=0.0005', '--param', 'maxLength=8'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const kb = Number(/BENCH maxrss_kb=(\d+)/.exec(guard.stderr)?.[1] ?? NaN);
  const message = guard.stderr.split('\n').find((l) => l.includes('frequent itemsets')) ?? guard.stderr.slice(-300);
  console.log(`  guard: customer baskets, category2, minSupport 0.0005, maxLength 8 → exit ${guard.status} after ${((performance.now() - t0) / 1000).toFixed(1)} s, peak RSS ${(kb / 1024).toFixed(0)} MB: ${message.trim()}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
