// Benchmark of the aggregate table customer_category_sums (issue #16, docs/decisions/0020):
// `node bench/aggregates.mjs --project COPY.sqlite [--runs 3] [--pragmas]`, never part of `npm test`.
// The project is WRITTEN (migrated to schema 7, its meta flag toggled): pass a copy of the full demo.
//
// 1. Opens the project with openProject (timed: on a schema-6 project this is migration 7, which
//    builds the table from the lines), then times rebuildCustomerCategorySums (the import's step).
// 2. Alternates cold child processes (a new process and connection each) that time customerBase +
//    categoryPivot level 1 + level 2 — the features every segmentation reads — once with meta
//    'customer_category_sums' = 'inexact' (the readers group the lines: today's SQL, "before") and
//    once with 'exact' (the readers read the table, "after"). `--pragmas` adds a third variant:
//    the table with mmap_size = 1 GiB and temp_store = MEMORY.
// Prints each run and the median per variant, with the load average (a shared machine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : argv[i + 1];
};
const sqlite = path.join(root, 'node_modules/better-sqlite3/lib/index.js');
const bundle = path.join(os.tmpdir(), 'swb-bench-aggregates.mjs');

async function makeBundle() {
  const entry = path.join(os.tmpdir(), 'swb-bench-aggregates-entry.ts');
  fs.writeFileSync(entry, [
    `export { openProject } from '${root}/core/data/store/open.ts';`,
    `export { customerBase, categoryPivot } from '${root}/core/data/store/queries/customer-base.ts';`,
    `export { rebuildCustomerCategorySums } from '${root}/core/data/import/aggregates.ts';`,
  ].join('\n'));
  await build({
    entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
    plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

const secs = (t0) => (performance.now() - t0) / 1000;

if (argv[0] === '--child') {
  const [, project, variant] = argv;
  const t0 = performance.now();
  const m = await import(bundle);
  const db = m.openProject(project, { readonly: true });
  if (variant === 'pragmas') {
    db.pragma('mmap_size = 1073741824');
    db.pragma('temp_store = MEMORY');
  }
  const t1 = performance.now();
  const base = m.customerBase(db);
  const tBase = secs(t1);
  const t2 = performance.now();
  const p1 = m.categoryPivot(db, base.ids, 1);
  const tP1 = secs(t2);
  const t3 = performance.now();
  const p2 = m.categoryPivot(db, base.ids, 2);
  const tP2 = secs(t3);
  let h = 0;
  for (const a of [base.amount, p1.data, p2.data]) for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) % 1e9;
  console.log(JSON.stringify({ variant, customers: base.ids.length, c1: p1.categories.length, c2: p2.categories.length, checksum: h, base: tBase, pivot1: tP1, pivot2: tP2, features: tBase + tP1 + tP2, process: secs(t0) }));
  process.exit(0);
}

const project = opt('project');
if (!project || !fs.existsSync(project)) throw new Error('--project COPY.sqlite (a copy of the full demo; it is written) is required');
const runs = Number(opt('runs', 3));
await makeBundle();
const m = await import(bundle);
const load = () => os.loadavg()[0].toFixed(1);
let t = performance.now();
let db = m.openProject(project);
console.log(`open (migration 7 when the project was at schema 6): ${secs(t).toFixed(2)} s, load ${load()}`);
t = performance.now();
db.exec('BEGIN IMMEDIATE');
const rows = m.rebuildCustomerCategorySums(db);
db.exec('COMMIT');
console.log(`rebuildCustomerCategorySums: ${secs(t).toFixed(2)} s (${rows} rows), load ${load()}`);
db.close();

const setFlag = (value) => {
  const w = m.openProject(project);
  w.prepare("UPDATE meta SET value = ? WHERE key = 'customer_category_sums'").run(value);
  w.close();
};
const variants = ['lines', 'table', ...(argv.includes('--pragmas') ? ['pragmas'] : [])];
const results = Object.fromEntries(variants.map((v) => [v, []]));
for (let r = 0; r < runs; r++) {
  for (const v of variants) {
    setFlag(v === 'lines' ? 'inexact' : 'exact');
    const c = spawnSync(process.execPath, [import.meta.filename, '--child', project, v], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(c.stderr);
    const x = JSON.parse(c.stdout.trim().split('\n').pop());
    results[v].push(x);
    console.log(`${v.padEnd(8)} base ${x.base.toFixed(2)} s  pivot1 ${x.pivot1.toFixed(2)} s  pivot2 ${x.pivot2.toFixed(2)} s  features ${x.features.toFixed(2)} s  (cold process ${x.process.toFixed(2)} s; ${x.customers} customers, ${x.c1}/${x.c2} categories, checksum ${x.checksum}), load ${load()}`);
  }
}
setFlag('exact');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\nmedian of', runs, 'cold runs:');
for (const v of variants) console.log(`${v.padEnd(8)} ${['base', 'pivot1', 'pivot2', 'features'].map((k) => `${k} ${median(results[v].map((x) => x[k])).toFixed(2)} s`).join('  ')}`);
fs.rmSync(bundle, { force: true });
