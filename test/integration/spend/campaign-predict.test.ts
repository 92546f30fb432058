import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject, type Db } from '../../../core/data/store/open.js';
import type { SpendModelId } from '../../../core/model/spend.js';
import { campaignSpendPredictor } from '../../../core/service/campaign-spend.js';
import { spendPredictions, spendPredictor } from '../../../core/service/spend.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';

type Row = Record<string, string>;
type Pair = { customer: string; product: string };

/** |a − b| ≤ 1e-12 · max(|a|, |b|): the new path may only differ by rounding (issue #13 speed). */
function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Issue #13, speed of the campaign's expectedSpend: the fast path (state and model read once, each
 * customer's lines once, modes once per customer, no contributions, one matrix per batch) must give
 * exactly what spendPredictions gave pair by pair — the reference here is spendPredictions asked
 * one customer at a time, with contributions, which is how a pair was predicted before (a pair's
 * features depend only on its own customer's lines and the run's product totals).
 */
describe('campaign expectedSpend equals spendPredictions, pair for pair', () => {
  let dir: string, project: string, recRun: number, spendRun: number, db: Db;
  let rows: Row[] = [];

  beforeAll(() => {
    ({ dir, project } = makeTinyDemo('swb-campaign-predict-'));
    const rec = runCli(['run', 'recommend', '--project', project, '--param', 'model=p-topfreq', '--param', 'top=10', '--json']);
    expect(rec.code, rec.stderr).toBe(0);
    recRun = (JSON.parse(rec.stdout) as { runId: number }).runId;
    const spend = runCli(['run', 'spend-model', '--project', project, '--param', 'models=baseline,gbdt', '--json']);
    expect(spend.code, spend.stderr).toBe(0);
    spendRun = (JSON.parse(spend.stdout) as { runId: number }).runId;
    const out = path.join(dir, 'campaign.csv');
    const e = runCli(['export', '--project', project, '--run', String(recRun), '--what', 'campaign', '--param', `spendRun=${spendRun}`, '--out', out]);
    expect(e.code, e.stderr).toBe(0);
    rows = Papa.parse<Row>(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    db = openProject(project);
  }, 300_000);
  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** spendPredictions one customer at a time (the reference), in the pairs' order. */
  function reference(pairs: Pair[], model?: SpendModelId) {
    const byCustomer = new Map<string, number[]>();
    pairs.forEach((p, i) => byCustomer.set(p.customer, [...(byCustomer.get(p.customer) ?? []), i]));
    const out = new Array<ReturnType<typeof spendPredictions>[number]>(pairs.length);
    for (const idx of byCustomer.values()) {
      const got = spendPredictions(db, spendRun, idx.map((i) => pairs[i]), model);
      idx.forEach((i, k) => (out[i] = got[k]));
    }
    return out;
  }

  it('writes for every campaign row the expected spend spendPredictions gives that customer', () => {
    expect(rows.length).toBeGreaterThan(1000);
    const pairs = rows.map((r) => ({ customer: r.customer, product: r.product }));
    const ref = reference(pairs);
    const bad = rows.filter((r, i) => !close(Number(r.expectedSpend), ref[i].expectedSpend));
    expect(bad.slice(0, 5)).toEqual([]);
    // The campaign's predictor over the same rows in small batches, and in one batch.
    const fast = campaignSpendPredictor(db, spendRun);
    const small: number[] = [];
    for (let i = 0; i < pairs.length; i += 97) small.push(...fast(pairs.slice(i, i + 97)));
    const whole = fast(pairs);
    expect(small.filter((v, i) => !close(v, ref[i].expectedSpend))).toEqual([]);
    expect(whole.filter((v, i) => !close(v, ref[i].expectedSpend))).toEqual([]);
  }, 300_000);

  it('predicts a batch mixing customers, unknown customers and unknown products as each alone, for every fitted model', () => {
    const pairs: Pair[] = [...rows.slice(0, 300).map((r) => ({ customer: r.customer, product: r.product })), { customer: 'nobody', product: rows[0].product }, { customer: rows[0].customer, product: 'no-such-product' }, { customer: 'nobody-2', product: 'no-such-product' }];
    for (const model of ['gbdt', 'baseline-pair-mean', 'baseline-product-median'] as const) {
      const ref = reference(pairs, model);
      const batch = spendPredictions(db, spendRun, pairs, model);
      expect(batch.map((p) => [p.customer, p.product])).toEqual(pairs.map((p) => [p.customer, p.product]));
      expect(batch.filter((p, i) => !close(p.expectedSpend, ref[i].expectedSpend)).map((p) => p.customer)).toEqual([]);
      // Contributions are the same numbers whichever customers share the batch.
      expect(batch.map((p) => p.top)).toEqual(ref.map((p) => p.top));
    }
  });

  it('skips the contributions unless asked, leaving the expected spend alone', () => {
    const pairs = rows.slice(0, 50).map((r) => ({ customer: r.customer, product: r.product }));
    const asked = spendPredictions(db, spendRun, pairs, 'gbdt');
    expect(asked.every((p) => p.top.length > 0 && p.top.length <= 5)).toBe(true);
    const plain = spendPredictor(db, spendRun, 'gbdt', { contributions: false })(pairs);
    expect(plain.every((p) => p.top.length === 0)).toBe(true);
    expect(plain.map((p) => p.expectedSpend)).toEqual(asked.map((p) => p.expectedSpend));
    expect(spendPredictor(db, spendRun, 'gbdt')(pairs).every((p) => p.top.length === 0)).toBe(true);
  });
});
