// Benchmark of the per-customer aggregates (issue #16, docs/decisions/0020):
// `node bench/aggregates.mjs --project COPY.sqlite [--runs 3] [--pragmas] [--lines] [--baseline OLD.ts]`,
// never part of `npm test`. The project is WRITTEN (migrated to the current schema, meta flags
// toggled): pass a copy of the full demo.
//
// 1. Opens the project with openProject (timed: on an older project this runs the migrations, e.g.
//    9, which builds customer_cells and customer_receipt_facts), then times the import's rebuild
//    steps on it: rebuildCustomerCategorySums (with the cells it packs) and rebuildCustomerReceiptFacts.
// 2. Alternates cold child processes (a new process and connection each) that time customerBase +
//    categoryPivot level 1 + level 2 — the features every segmentation reads:
//    - `table`: today's readers (the aggregates);
//    - `pragmas` (--pragmas): the same with mmap_size = 1 GiB, temp_store = MEMORY, cache_size 64 MiB;
//    - `lines` (--lines): every aggregate flag off, so the readers group lines and receipts (before 0020);
//    - `baseline` (--baseline FILE): an earlier customer-base.ts (its relative imports made absolute),
//      e.g. `git show REV:core/data/store/queries/customer-base.ts`, on the same project.
// Prints each run and the median per variant, with the load average and the child's CPU time.
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
const baselineBundle = path.join(os.tmpdir(), 'swb-bench-aggregates-baseline.mjs');

async function makeBundle(out, reader) {
  const entry = path.join(os.tmpdir(), `swb-bench-aggregates-entry-${path.basename(out, '.mjs')}.ts`);
  fs.writeFileSync(entry, [
    `export { openProject } from '${root}/core/data/store/open.ts';`,
    `export { customerBase, categoryPivot } from '${reader}';`,
    `export { rebuildCustomerCategorySums } from '${root}/core/data/import/aggregates.ts';`,
    `export { rebuildCustomerReceiptFacts } from '${root}/core/data/store/customer-aggregates.ts';`,
  ].join('\n'));
  await build({
    entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
    plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  fs.rmSync(entry, { force: true });
}

const secs = (t0) => (performance.now() - t0) / 1000;

if (argv[0] === '--child') {
  const [, project, variant] = argv;
  const t0 = performance.now();
  const m = await import(variant === 'baseline' ? baselineBundle : bundle);
  const db = m.openProject(project, { readonly: true });
  if (variant === 'pragmas') {
    db.pragma('mmap_size = 1073741824');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
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
  for (const a of [base.amount, base.days, base.first, base.partners, p1.data, p2.data]) for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) % 1e9;
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ variant, customers: base.ids.length, c1: p1.categories.length, c2: p2.categories.length, checksum: h, base: tBase, pivot1: tP1, pivot2: tP2, features: tBase + tP1 + tP2, process: secs(t0), cpu: (cpu.user + cpu.system) / 1e6 }));
  process.exit(0);
}

const project = opt('project');
if (!project || !fs.existsSync(project)) throw new Error('--project COPY.sqlite (a copy of the full demo; it is written) is required');
const runs = Number(opt('runs', 3));
const baseline = opt('baseline');
await makeBundle(bundle, `${root}/core/data/store/queries/customer-base.ts`);
if (baseline) await makeBundle(baselineBundle, path.resolve(baseline));
const m = await import(bundle);
const load = () => os.loadavg()[0].toFixed(1);
let t = performance.now();
let db = m.openProject(project);
console.log(`open (the migrations when the project was older): ${secs(t).toFixed(2)} s, load ${load()}`);
if (!argv.includes('--no-rebuild')) {
  t = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const rows = m.rebuildCustomerCategorySums(db);
  db.exec('COMMIT');
  console.log(`rebuildCustomerCategorySums (+ customer_cells): ${secs(t).toFixed(2)} s (${rows} rows), load ${load()}`);
  t = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const facts = m.rebuildCustomerReceiptFacts(db);
  db.exec('COMMIT');
  console.log(`rebuildCustomerReceiptFacts: ${secs(t).toFixed(2)} s (${facts} customers), load ${load()}`);
}
db.close();

const flags = () => {
  const w = m.openProject(project);
  const rows = w.prepare("SELECT key, value FROM meta WHERE key IN ('customer_category_sums', 'customer_receipt_facts')").all();
  w.close();
  return rows;
};
const saved = flags();
const setFlags = (off) => {
  const w = m.openProject(project);
  const put = w.prepare('UPDATE meta SET value = ? WHERE key = ?');
  for (const r of saved) put.run(off ? 'off' : r.value, r.key);
  w.close();
};
const variants = ['table', ...(argv.includes('--pragmas') ? ['pragmas'] : []), ...(baseline ? ['baseline'] : []), ...(argv.includes('--lines') ? ['lines'] : [])];
const results = Object.fromEntries(variants.map((v) => [v, []]));
try {
  for (let r = 0; r < runs; r++) {
    for (const v of variants) {
      setFlags(v === 'lines');
      const c = spawnSync(process.execPath, [import.meta.filename, '--child', project, v], { encoding: 'utf8' });
      if (c.status !== 0) throw new Error(c.stderr);
      const x = JSON.parse(c.stdout.trim().split('\n').pop());
      results[v].push(x);
      console.log(`${v.padEnd(8)} base ${x.base.toFixed(2)} s  pivot1 ${x.pivot1.toFixed(2)} s  pivot2 ${x.pivot2.toFixed(2)} s  features ${x.features.toFixed(2)} s  (cold process ${x.process.toFixed(2)} s, CPU ${x.cpu.toFixed(2)} s; ${x.customers} customers, ${x.c1}/${x.c2} categories, checksum ${x.checksum}), load ${load()}`);
    }
  }
} finally {
  setFlags(false);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\nmedian of', runs, 'cold runs:');
for (const v of variants) console.log(`${v.padEnd(8)} ${['base', 'pivot1', 'pivot2', 'features', 'process', 'cpu'].map((k) => `${k} ${median(results[v].map((x) => x[k])).toFixed(2)} s`).join('  ')}`);
fs.rmSync(bundle, { force: true });
fs.rmSync(baselineBundle, { force: true });
