// Benchmark of the recommender baselines (issue #5; `node bench/recommend.mjs [customers] [products]`),
// never part of `npm test`: figures depend on the machine. Random sparse receipts (Zipf-like product
// popularity, seeded), then wall times of: EASE's dense solve alone (easeWeights on 2,000 items),
// each baseline's fit, and top-10 lists for every customer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const U = Number(process.argv[2] || 30000);
const P = Number(process.argv[3] || 5000);

async function load() {
  const out = path.join(os.tmpdir(), `swb-bench-recommend-${process.pid}.mjs`);
  await build({ entryPoints: [path.join(root, 'core/analysis/recommend/index.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' });
  try {
    return await import(out);
  } finally {
    fs.rmSync(out, { force: true });
  }
}

const rec = await load();
const { createRandom } = await (async () => {
  const out = path.join(os.tmpdir(), `swb-bench-random-${process.pid}.mjs`);
  await build({ entryPoints: [path.join(root, 'core/analysis/common/random.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning' });
  try { return await import(out); } finally { fs.rmSync(out, { force: true }); }
})();

// Receipts: 1–20 per customer, 1–8 distinct products each; product j drawn with weight ∝ 1/(j+10).
const rnd = createRandom(1);
const cum = new Float64Array(P);
for (let j = 0, s = 0; j < P; j++) { s += 1 / (j + 10); cum[j] = s; }
const draw = () => {
  const x = rnd.next() * cum[P - 1];
  let lo = 0, hi = P - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
};
const rc = [], rs = [0], ri = [];
for (let u = 0; u < U; u++) {
  const n = 1 + rnd.int(20);
  for (let r = 0; r < n; r++) {
    const basket = new Set();
    const m = 1 + rnd.int(8);
    while (basket.size < m) basket.add(draw());
    rc.push(u); ri.push(...basket); rs.push(ri.length);
  }
}
const codes = Array.from({ length: P }, (_, j) => `P${j}`);
const train = { codes, customerCount: U, receiptCustomer: Int32Array.from(rc), receiptStart: Int32Array.from(rs), receiptItems: Int32Array.from(ri) };
console.log(`${U} customers, ${P} products, ${rc.length} receipts, ${ri.length} lines`);

const time = (label, f) => {
  const t = performance.now();
  const r = f();
  console.log(`${label.padEnd(40)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
  return r;
};

// The dense solve alone: a random SPD Gram matrix of 2,000 items.
const n = 2000;
const X = new Float64Array(n * n);
for (let u = 0; u < 3000; u++) {
  const items = Array.from({ length: 6 }, () => rnd.int(n));
  for (const a of items) for (const b of items) X[a * n + b] += 1;
}
time(`easeWeights n=${n} (Cholesky + inverse)`, () => rec.easeWeights(X, n, 200));

for (const [label, model] of [
  ['g-topfreq', rec.gTopFreq()],
  ['p-topfreq', rec.pTopFreq()],
  ['segment-pop (10 segments)', rec.segmentPop(Int32Array.from({ length: U }, (_, u) => u % 10))],
  ['item-knn (100 neighbours)', rec.itemKnn()],
  ['ease (λ 200, 2,000 items)', rec.ease({ lambda: 200, maxItems: 2000 })],
]) {
  time(`${label}: fit`, () => model.fit(train));
  time(`${label}: top-10 for all customers`, () => { for (let u = 0; u < U; u++) model.recommend(u, 10); });
}
