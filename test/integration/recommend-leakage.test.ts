import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildCustomerCategorySums } from '../../core/data/import/aggregates.js';
import { openProject, type Db } from '../../core/data/store/open.js';
import { purchaseBaskets } from '../../core/data/store/queries/baskets.js';
import { customerBase } from '../../core/data/store/queries/customer-base.js';
import { fitTrainingSegmentation, type TrainingSegmentation } from '../../core/jobs/recommend/training-segments.js';
import type { JobContext } from '../../core/jobs/types.js';
import { makeTinyDemo, runCli } from '../helpers/project.js';

const ctx = (project: string): JobContext => ({ jobId: 't', project, signal: new AbortController().signal, startedAt: new Date(), progress: () => undefined, throwIfCancelled: () => undefined, runId: null });
const KMEANS = { method: 'kmeans' as const, params: { features: 'rfm', k: 3 }, fromRun: null };
const STRATIFIED = { method: 'stratified-kmeans' as const, params: { minSamples: 10, kMax: 6 }, fromRun: null };

async function fit(db: Db, project: string, cutoff: number, choice: typeof KMEANS | typeof STRATIFIED): Promise<{ s: TrainingSegmentation; ids: Int32Array }> {
  const b = purchaseBaskets(db);
  const s = await fitTrainingSegmentation(db, ctx(project), b, cutoff, choice);
  if (typeof s === 'string') throw new Error(s);
  return { s, ids: b.customerIds };
}

/** Segment by internal customer id (−1: none). */
const byId = (r: { s: TrainingSegmentation; ids: Int32Array }) => new Map(Array.from(r.ids, (id, u) => [id, r.s.segments[u]]));

describe('recommend-eval fits its segmentations on the training period only (issue #10 §5, no leakage)', () => {
  let dir: string, project: string, db: Db, cutoff: number;
  beforeAll(() => {
    ({ dir, project } = makeTinyDemo());
    db = openProject(project);
    cutoff = (db.prepare('SELECT max(day) AS d FROM receipts').get() as { d: number }).d - 28;
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('inflating every holdout purchase changes the full-data customer base but not the harness\'s segmentation', async () => {
    const before = { kmeans: byId(await fit(db, project, cutoff, KMEANS)), stratified: byId(await fit(db, project, cutoff, STRATIFIED)) };
    const fullBefore = customerBase(db).amount.reduce((a, x) => a + x, 0);
    const trainBefore = customerBase(db, cutoff).amount.reduce((a, x) => a + x, 0);
    db.prepare('UPDATE lines SET amount = amount * 1000, quantity = quantity * 7 WHERE day >= ?').run(cutoff);
    db.prepare('UPDATE receipts SET amount = amount * 1000 WHERE day >= ?').run(cutoff);
    // Changed data reaches a project through an import, which rebuilds the customer × category sums
    // the full-data reads use (migration 7); this test changed the lines by hand, so it rebuilds them.
    rebuildCustomerCategorySums(db);
    expect(customerBase(db).amount.reduce((a, x) => a + x, 0)).toBeGreaterThan(fullBefore * 10); // a full-data fit would see it
    expect(customerBase(db, cutoff).amount.reduce((a, x) => a + x, 0)).toBe(trainBefore);
    expect(byId(await fit(db, project, cutoff, KMEANS))).toEqual(before.kmeans);
    expect(byId(await fit(db, project, cutoff, STRATIFIED))).toEqual(before.stratified);
  });

  it('a customer whose purchases all fall on or after the cutoff is not segmented', async () => {
    const who = (db.prepare('SELECT customer_id AS c FROM receipts WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING min(day) < ? ORDER BY customer_id LIMIT 1').get(cutoff) as { c: number }).c;
    expect(byId(await fit(db, project, cutoff, KMEANS)).get(who)).toBeGreaterThanOrEqual(0);
    db.prepare('UPDATE lines SET day = ? WHERE customer_id = ?').run(cutoff + 1, who);
    db.prepare('UPDATE receipts SET day = ? WHERE customer_id = ?').run(cutoff + 1, who);
    expect(Array.from(customerBase(db, cutoff).ids)).not.toContain(who);
    expect(Array.from(customerBase(db).ids)).toContain(who);
    expect(byId(await fit(db, project, cutoff, KMEANS)).get(who)).toBe(-1);
    expect(byId(await fit(db, project, cutoff, STRATIFIED)).get(who)).toBe(-1);
  });
});

describe('files without products or amounts (issue #10 §2)', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without amounts the recommenders still work: purchases are the lines with a positive quantity', () => {
    const run = () => runCli(['run', 'recommend-eval', '--project', project, '--param', 'models=g-topfreq,p-topfreq,tifu-knn', '--param', 'tifuK=50', '--param', 'tifuGroup=3', '--param', 'tifuGroupDecay=1', '--param', 'tifuAlpha=0.7', '--json']);
    const withAmounts = run();
    expect(withAmounts.code, withAmounts.stderr).toBe(0);
    const db = openProject(project);
    db.prepare('UPDATE lines SET amount = NULL').run();
    db.close();
    const r = run();
    expect(r.code, r.stderr).toBe(0);
    const [a, b] = [withAmounts, r].map((x) => JSON.parse(x.stdout) as { customers: number; models: { id: string; metrics: Record<string, number> }[] });
    // The demo's purchase lines all have a positive amount, so the same lines are purchases either way.
    expect(b.customers).toBe(a.customers);
    expect(b.models.map((m) => m.metrics['ndcg@10'])).toEqual(a.models.map((m) => m.metrics['ndcg@10']));
    const p = runCli(['run', 'preference-score', '--project', project, '--json']);
    expect(p.code, p.stderr).toBe(0);
  });

  it('without products recommend-eval, recommend, preference-score and score-model refuse with one sentence', () => {
    const copy = path.join(dir, 'no-products.sqlite');
    fs.copyFileSync(project, copy);
    const db = openProject(copy);
    db.prepare('UPDATE lines SET product_id = NULL').run();
    db.close();
    for (const [analysis, extra] of [['recommend-eval', []], ['recommend', ['--param', 'model=p-topfreq']], ['preference-score', []], ['score-model', []]] as const) {
      const r = runCli(['run', analysis, '--project', copy, ...extra]);
      expect(r.code, analysis).toBe(1);
      expect(r.stderr).toContain(`${analysis} needs products (no product column was imported), which this project's data does not have.`);
    }
  });
});
