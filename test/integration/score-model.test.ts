import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli } from '../helpers/project.js';
import { PURCHASE_LINE } from '../../core/data/store/queries/baskets.js';
import type { ScoreModelSummary } from '../../core/model/recommend.js';

/** Purchase lines (as the models read them) on `lines l`. */
const PURCHASE = PURCHASE_LINE.replace(/\b(customer_id|quantity|amount|flags)\b/g, 'l.$1');

/** seed 002's learned score (SPEC §3.3): the analysis, the harness and the recommend job, on the tiny demo. */
describe('score-model on the tiny demo', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains one model per retailer (finite RMSE, below the mean baseline) and shows the seed\'s three uses', () => {
    const r = runCli(['run', 'score-model', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ScoreModelSummary;
    expect(s.runId).toBeGreaterThan(0);
    expect(s.reference).toBe('2022-01-01'); // the day after the last purchase (2021-12-31)
    expect(s.settings).toMatchObject({ dim: 16, hidden: 32, epochs: 10, validShare: 0.1 });
    expect(s.retailers.map((x) => x.retailer)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06']);
    let model = 0, base = 0, n = 0;
    for (const x of s.retailers) {
      expect(x.trainPairs + x.validPairs).toBe(x.pairs);
      expect(x.validPairs).toBe(Math.round(x.pairs * 0.1));
      expect(x.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const v of [x.trainRmse, x.validRmse, x.baselineRmse]) {
        expect(Number.isFinite(v), x.retailer).toBe(true);
        expect(v!).toBeGreaterThan(0);
        expect(v!).toBeLessThan(5);
      }
      expect(x.seconds).toBeGreaterThanOrEqual(0);
      model += x.validRmse! ** 2 * x.validPairs;
      base += x.baselineRmse! ** 2 * x.validPairs;
      n += x.validPairs;
    }
    // Over all held-out pairs, and at the retailer with the most data, the model beats the mean.
    expect(Math.sqrt(model / n)).toBeLessThan(Math.sqrt(base / n));
    const biggest = [...s.retailers].sort((a, b) => b.pairs - a.pairs)[0];
    expect(biggest.validRmse!).toBeLessThan(biggest.baselineRmse!);

    // The uses: three customers by code, a retailer where they spend, never-bought products named with name and code.
    expect(s.examples).toHaveLength(3);
    expect(s.examples.map((e) => e.customer)).toEqual([...s.examples.map((e) => e.customer)].sort());
    const db = new Database(project, { readonly: true });
    try {
      for (const e of s.examples) {
        expect(e.shares.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 3);
        expect(e.shares.map((x) => x.retailer)).toContain(e.retailer);
        const bought = new Set((db.prepare(
          `SELECT DISTINCT p.code FROM lines l JOIN receipts r ON r.id = l.receipt_id JOIN products p ON p.id = l.product_id JOIN customers c ON c.id = l.customer_id WHERE c.code = ? AND r.retailer = ? AND ${PURCHASE}`,
        ).pluck().all(e.customer, e.retailer) as string[]));
        expect(bought.size).toBeGreaterThan(0);
        expect(e.sampled).not.toBeNull();
        expect(bought.has(e.sampled!.code)).toBe(false);
        expect(e.sampled!.name).toBeTruthy();
        expect(e.mission).toHaveLength(5);
        for (let i = 1; i < 5; i++) expect(e.mission[i].meanScore).toBeLessThanOrEqual(e.mission[i - 1].meanScore);
        for (const c of e.mission) {
          expect(c.products.length).toBeGreaterThan(0);
          expect(c.products.length).toBeLessThanOrEqual(4);
          for (const pr of c.products) {
            expect(pr.category).toBe(c.category);
            expect(bought.has(pr.code)).toBe(false);
          }
        }
      }
    } finally {
      db.close();
    }
    // Same seed → same run; the customer parameter picks the customer.
    const again = JSON.parse(runCli(['run', 'score-model', '--project', project, '--param', `customer=${s.examples[1].customer}`, '--json']).stdout) as ScoreModelSummary;
    expect(again.retailers.map((x) => x.validRmse)).toEqual(s.retailers.map((x) => x.validRmse));
    expect(again.examples.map((e) => e.customer)).toEqual([s.examples[1].customer]);
  });

  it('recommend-eval evaluates it beside g-topfreq, on new items', () => {
    const r = runCli(['run', 'recommend-eval', '--project', project, '--param', 'models=score-model,g-topfreq', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { models: { id: string; skipped?: string; metrics?: Record<string, number>; repeat?: Record<string, number>; new?: Record<string, number>; notes?: string }[] };
    expect(s.models.map((m) => m.id)).toEqual(['g-topfreq', 'score-model']);
    const m = s.models[1];
    expect(m.skipped).toBeUndefined();
    expect(m.metrics!['hr@10']).toBeGreaterThanOrEqual(0);
    expect(m.repeat!['hr@10']).toBe(0); // never recommends what the customer bought before the cutoff
    expect(m.new!['hr@10']).toBeGreaterThan(0);
    expect(m.notes).toMatch(/never-bought products only/);
  });

  it('recommend stores lists with no product the customer bought before', () => {
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=score-model', '--param', 'top=5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { runId: number; customers: number; model: string };
    expect(s.model).toBe('score-model');
    expect(s.customers).toBe(200);
    const db = new Database(project, { readonly: true });
    try {
      const rows = db.prepare('SELECT count(*) FROM recommendations WHERE run_id = ?').pluck().get(s.runId) as number;
      expect(rows).toBe(200 * 5);
      const overlap = db.prepare(
        `SELECT count(*) FROM recommendations x WHERE x.run_id = ? AND EXISTS (SELECT 1 FROM lines l WHERE l.customer_id = x.customer_id AND l.product_id = x.product_id AND ${PURCHASE})`,
      ).pluck().get(s.runId) as number;
      expect(overlap).toBe(0);
      const one = db.prepare('SELECT score, reason FROM recommendations WHERE run_id = ? AND rank = 1 LIMIT 1').get(s.runId) as { score: number; reason: string };
      expect(Number.isFinite(one.score)).toBe(true);
      expect(one.reason).toMatch(/^predicted score \d\.\d for a product you have not bought yet/);
    } finally {
      db.close();
    }
  });
});
