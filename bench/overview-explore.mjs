// Benchmark of the Overview for every file (`node bench/overview-explore.mjs project.sqlite [runs]`),
// never part of `npm test`: times overviewExplore (every panel, as getOverviewExplore answers it) and
// overviewCustomers (a click-through) under several filters on a project, read-only. Made for the full
// demo (29,913 customers, ~4.3M lines, 1.86M receipts): copy it first, never point it at a shared file.
import os from 'node:os';
// Wall and process CPU (user + system) of every case, with the 1-minute load average beside it: on
// this 2-core machine shared by other work, wall alone says more about the neighbours than the code.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = process.argv[2];
const runs = Number(process.argv[3] || 3);
if (!project || !fs.existsSync(project)) throw new Error('usage: node bench/overview-explore.mjs PROJECT.sqlite [runs]');

// The service module is TypeScript: bundle it (better-sqlite3 stays external, by absolute path).
const sqlite = path.join(root, 'node_modules/better-sqlite3/lib/index.js');
const out = path.join(os.tmpdir(), `swb-bench-explore-${process.pid}.mjs`);
await build({
  entryPoints: [path.join(root, 'core/service/overview-explore.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
  plugins: [{ name: 'sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
const svc = await import(out);
fs.rmSync(out, { force: true });
const { default: Database } = await import(sqlite);
const db = new Database(project, { readonly: true });
db.pragma('cache_size = -32768');

// The unfiltered answer as getOverviewExplore gives it (exploreAnswer): read from the latest unfiltered
// overview run on the same data when there is one (`segment-workbench run overview` stores it), else computed.
const t0 = performance.now();
const answered = svc.exploreAnswer(db, {});
const storedMs = performance.now() - t0;
const first = svc.overviewExplore(db, {});
const sameAsComputed = JSON.stringify({ ...answered, ms: 0 }) === JSON.stringify({ ...first, ms: 0 });
console.log(`no filter via exploreAnswer (stored with the overview run if any): ${storedMs.toFixed(0)} ms; identical to computing it: ${sameAsComputed}`);
const segRun = first.options.segmentRuns[0]?.id;
const month = first.monthly.periods[Math.floor(first.monthly.periods.length / 2)];
const cases = [
  ['no filter', {}],
  ['period: one quarter', { from: `${month}-01`, to: first.options.lastDay }],
  ...(first.options.regions.length > 0 ? [[`one quarter + region ${first.options.regions[0]}`, { from: `${month}-01`, to: first.options.lastDay, region: first.options.regions[0] }]] : []),
  ...(first.options.regions.length > 0 ? [[`region ${first.options.regions[0]}`, { region: first.options.regions[0] }]] : []),
  ...(first.options.retailers.length > 0 ? [[`retailer ${first.options.retailers[0]}`, { retailer: first.options.retailers[0] }]] : []),
  ...(first.options.categories.length > 0 ? [[`category ${first.options.categories[0]}`, { category: first.options.categories[0] }]] : []),
  ...(segRun !== undefined ? [[`segments of run ${segRun}, segment 0`, { segmentRun: segRun, segment: 0 }]] : []),
];
const time = (fn) => {
  const ms = [], cpu = [];
  let r;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    r = fn();
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { best: ms[0], median: ms[Math.floor(ms.length / 2)], cpu: cpu[0], r };
};
console.log(`${project}: ${first.totals.customers} customers, ${first.totals.receipts} purchase receipts; ${runs} runs each\n`);
// With a filter the answer also holds every other Overview panel under it (`panels`, issue #14).
console.log('case'.padEnd(40), 'panels best/median ms'.padStart(24), 'CPU ms'.padStart(8), 'load'.padStart(6), 'click (month) best ms'.padStart(24), 'customers');
for (const [name, filters] of cases) {
  const p = time(() => svc.overviewExplore(db, filters));
  const load = os.loadavg()[0].toFixed(1);
  const c = time(() => svc.overviewCustomers(db, filters, { dimension: 'month', value: month }));
  console.log(name.padEnd(40), `${p.best.toFixed(0)} / ${p.median.toFixed(0)}`.padStart(24), p.cpu.toFixed(0).padStart(8), load.padStart(6), c.best.toFixed(0).padStart(24), c.r.total, p.r.panels ? `(KPI customers ${p.r.panels.kpis.customers})` : '');
}
const top = first.products?.bySales?.[0] ?? first.products?.byReceipts[0];
if (top) console.log(`\nclick on product ${top.code}: best ${time(() => svc.overviewCustomers(db, {}, { dimension: 'product', value: top.code })).best.toFixed(0)} ms`);
db.close();
