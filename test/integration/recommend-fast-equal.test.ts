import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterKnn, ease, evaluate, historyOf, itemKnn, pTopFreq, type Recommender } from '../../core/analysis/recommend/index.js';
import { codeRanks, customerItems } from '../../core/analysis/recommend/ranking.js';
import { openProject, type Db } from '../../core/data/store/open.js';
import { PURCHASE_LINE, purchaseBaskets, type Baskets } from '../../core/data/store/queries/baskets.js';
import { temporalSplit } from '../../core/jobs/recommend/split.js';
import { fitTrainingSegmentation, type TrainingSegmentation } from '../../core/jobs/recommend/training-segments.js';
import type { JobContext } from '../../core/jobs/types.js';
import { makeTinyDemo } from '../helpers/project.js';
import * as referenceKernels from '../unit/analysis/recommend/ease-reference.js';

// issue #16: recommend-eval's faster paths (one-pass basket reader, blocked EASE kernels, a Gram
// matrix and customer histories shared between fits, symmetric cluster-knn neighbours) give the
// same baskets, weights, lists and metrics as the code before them on the tiny demo.

/** The basket reader as it was before issue #16: one ORDER BY receipt_id walk through the index, two DISTINCT scans. */
function referenceBaskets(db: Db): Baskets {
  const products = db.prepare(`SELECT id, code, name, category FROM products WHERE id IN (SELECT DISTINCT product_id FROM lines WHERE ${PURCHASE_LINE})`).raw().all() as [number, string, string | null, string | null][];
  products.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const productIndex = new Map(products.map((p, i) => [p[0], i]));
  const customers = db.prepare(`SELECT c.id, c.code FROM customers c WHERE c.id IN (SELECT DISTINCT customer_id FROM lines WHERE ${PURCHASE_LINE}) ORDER BY c.id`).raw().all() as [number, string][];
  const customerIndex = new Map(customers.map((c, i) => [c[0], i]));
  const rows = db.prepare(`SELECT receipt_id, customer_id, day, product_id FROM lines WHERE ${PURCHASE_LINE} ORDER BY receipt_id`).raw().iterate() as IterableIterator<[number, number, number, number]>;
  const rc: number[] = [], rd: number[] = [], start: number[] = [0], items: number[] = [];
  let current = -1;
  let seen = new Set<number>();
  let firstDay = Infinity, lastDay = -Infinity;
  for (const [receipt, customer, day, product] of rows) {
    if (receipt !== current) {
      if (current !== -1) start.push(items.length);
      current = receipt;
      seen = new Set();
      rc.push(customerIndex.get(customer) as number);
      rd.push(day);
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    const p = productIndex.get(product) as number;
    if (!seen.has(p)) {
      seen.add(p);
      items.push(p);
    }
  }
  if (current !== -1) start.push(items.length);
  return {
    productCodes: products.map((p) => p[1]), productNames: products.map((p) => p[2]), productCategories: products.map((p) => p[3]),
    customerIds: Int32Array.from(customers, (c) => c[0]), customerCodes: customers.map((c) => c[1]),
    receiptCustomer: Int32Array.from(rc), receiptDay: Int32Array.from(rd), receiptStart: Int32Array.from(start), receiptItems: Int32Array.from(items),
    firstDay: Number.isFinite(firstDay) ? firstDay : 0, lastDay: Number.isFinite(lastDay) ? lastDay : 0,
  };
}

const ctx = (project: string): JobContext => ({ jobId: 't', project, signal: new AbortController().signal, startedAt: new Date(), progress: () => undefined, throwIfCancelled: () => undefined, runId: null });

/** Every list of `model` for the holdout customers, in the truth's order. */
const lists = (model: Recommender, customers: number[], k: number) => customers.map((u) => Array.from(model.recommend(u, k)));

describe('recommend-eval faster paths equal the former code on the tiny demo (issue #16)', () => {
  let dir: string, project: string, db: Db, b: Baskets;
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    db = openProject(project);
    b = purchaseBaskets(db);
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the same baskets as the ORDER BY receipt_id reader', () => {
    const r = referenceBaskets(db);
    expect(b.receiptCustomer.length).toBeGreaterThan(1000);
    for (const key of Object.keys(r) as (keyof Baskets)[]) {
      const x = b[key], y = r[key];
      expect(typeof x === 'number' ? x : Array.from(x as ArrayLike<unknown>), key).toEqual(typeof y === 'number' ? y : Array.from(y as ArrayLike<unknown>));
    }
  });

  it('EASE: the same weights as the row-by-row kernels, the same lists, with λ fits sharing one Gram matrix', () => {
    const h = temporalSplit(b, b.lastDay - 28);
    const customers = [...h.truth.keys()];
    for (const lambda of [100, 1600]) {
      const m = ease({ lambda, maxItems: 300 });
      m.fit(h.train);
      // The reference: G = XᵀX over the same items, weights by the former kernels.
      const n = m.items.length;
      const col = new Int32Array(b.productCodes.length).fill(-1);
      m.items.forEach((p, a) => (col[p] = a));
      const ci = customerItems(h.train, b.productCodes.length, codeRanks(h.train.codes));
      const G = new Float64Array(n * n);
      for (let u = 0; u < h.train.customerCount; u++) {
        const cols: number[] = [];
        for (let q = ci.start[u]; q < ci.start[u + 1]; q++) if (col[ci.items[q]] >= 0) cols.push(col[ci.items[q]]);
        for (const a of cols) for (const c of cols) G[a * n + c] += 1;
      }
      const B = referenceKernels.easeWeights(G, n, lambda);
      let diff = 0;
      for (let i = 0; i < B.length; i++) if (!Object.is(B[i], m.weights[i])) diff++;
      expect(diff, `λ = ${lambda}`).toBe(0);
      // A fresh fit on a copy of the receipts (no cache) ranks the same.
      const fresh = ease({ lambda, maxItems: 300 });
      fresh.fit({ ...h.train });
      expect(lists(m, customers, 10)).toEqual(lists(fresh, customers, 10));
    }
  });

  it('cluster-knn: the same neighbours as every customer against every other of its cluster', async () => {
    const cutoff = b.lastDay - 28;
    const h = temporalSplit(b, cutoff);
    const s = await fitTrainingSegmentation(db, ctx(project), b, cutoff, { method: 'stratified-kmeans', params: { minSamples: 10, kMax: 6 }, fromRun: null }) as TrainingSegmentation;
    expect(typeof s).toBe('object');
    const m = clusterKnn({ cluster: s.segments, vectors: s.vectors!, d: s.d });
    m.fit(h.train);
    const U = s.segments.length, d = s.d;
    let compared = 0;
    for (let u = 0; u < U; u++) {
      if (s.segments[u] < 0) continue;
      // Reference: the 3 most similar others of the cluster by cosine, ties by the lower index.
      const norm = (x: number) => Math.sqrt(Array.from({ length: d }, (_, q) => s.vectors![x * d + q] ** 2).reduce((a, v) => a + v, 0));
      const scored: { v: number; sim: number }[] = [];
      for (let v = 0; v < U; v++) {
        if (v === u || s.segments[v] !== s.segments[u]) continue;
        let dot = 0;
        for (let q = 0; q < d; q++) dot += s.vectors![u * d + q] * s.vectors![v * d + q];
        const nu = norm(u), nv = norm(v);
        scored.push({ v, sim: nu > 0 && nv > 0 ? dot / (nu * nv) : 0 });
      }
      scored.sort((x, y) => y.sim - x.sim || x.v - y.v);
      expect(Array.from(m.neighboursOf(u)), `customer ${u}`).toEqual(scored.slice(0, 3).map((x) => x.v));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('models fitted on one holdout share the customer histories and give the metrics of separate fits', () => {
    const h = temporalSplit(b, b.lastDay - 28);
    const shared = historyOf(h.train);
    for (const make of [() => pTopFreq(), () => itemKnn(), () => ease({ lambda: 100, maxItems: 300 })]) {
      const a = make(), c = make();
      a.fit(h.train);
      c.fit({ ...h.train }); // another object: nothing cached from the first
      const ea = evaluate((u) => a.recommend(u, 10), h.truth, shared, [5, 10], b.productCodes.length);
      const ec = evaluate((u) => c.recommend(u, 10), h.truth, historyOf({ ...h.train }), [5, 10], b.productCodes.length);
      expect(ea.all).toEqual(ec.all);
      expect(ea.repeat).toEqual(ec.repeat);
      expect(ea.new).toEqual(ec.new);
      expect(Array.from(ea.perCustomer)).toEqual(Array.from(ec.perCustomer));
    }
  });
});
