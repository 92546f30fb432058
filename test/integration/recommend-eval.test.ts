import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyDemo, runCli, tempDir, UCI_CSV } from '../helpers/project.js';

interface Versus { baseline: string; metric: string; diff: number; low: number; high: number }
interface Model { id: string; versusBestBaseline?: Versus; metrics?: Record<string, number>; repeat?: Record<string, number>; new?: Record<string, number>; trainSeconds?: number; skipped?: string; notes?: string; training?: { epochs: number; losses: number[]; valid: { hr5: number; ndcg5: number }[] } }
interface Summary { runId: number; cutoff: string; customers: number; models: Model[]; wins: string[]; verdict: string }
const BASELINES = ['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease'];
const KEYS = ['hr@5', 'ndcg@5', 'recall@5', 'hr@10', 'ndcg@10', 'recall@10'];

function evalRun(project: string, extra: string[] = []): Summary {
  const r = runCli(['run', 'recommend-eval', '--project', project, ...extra, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Summary;
}

describe('recommend-eval on the tiny demo (contract of issue #5 §1)', () => {
  let dir: string, project: string;
  beforeAll(() => ({ dir, project } = makeTinyDemo()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates the quick models by default; the slow ones (minutes on the full demo) only when named or with all (issue #14, #16)', () => {
    const s = evalRun(project, ['--param', 'k=10', '--param', 'validationCustomers=100']);
    expect(s.models.map((m) => m.id)).toEqual(['g-topfreq', 'p-topfreq', 'item-knn', 'ease', 'preference-score', 'rules']);
    const info = JSON.parse(runCli(['analyses', '--json']).stdout) as { id: string; params: { name: string; default: unknown; help: string }[] }[];
    const models = info.find((a) => a.id === 'recommend-eval')!.params.find((p) => p.name === 'models')!;
    expect(models.default).toEqual(['g-topfreq', 'p-topfreq', 'item-knn', 'ease', 'preference-score', 'rules']);
    expect(models.help).toMatch(/score-model ≈ \d+ min, sequence ≈ \d+ min, tifu-knn ≈ \d+ min, segment-pop ≈ \d+ min, cluster-knn ≈ \d+ min/);
  });

  it('prints the summary names the outside checks read; every model is evaluated (models=all), segment-pop and cluster-knn on segmentations fitted on the training period', () => {
    const s = evalRun(project, ['--param', 'models=all']);
    expect(s.cutoff).toBe('2021-12-03'); // 4 weeks before the last day, 2021-12-31
    expect(s.customers).toBeGreaterThan(100);
    expect(s.models.map((m) => m.id)).toEqual(['g-topfreq', 'p-topfreq', 'segment-pop', 'item-knn', 'ease', 'cluster-knn', 'preference-score', 'score-model', 'sequence', 'tifu-knn', 'rules']);
    expect(s.models.filter((m) => m.skipped)).toEqual([]);
    // Issue #10 §5 contract: every model against the best baseline with a paired-bootstrap interval; wins = low > 0.
    const best = s.models.filter((m) => BASELINES.includes(m.id)).sort((a, b) => b.metrics!['ndcg@10'] - a.metrics!['ndcg@10'])[0];
    for (const m of s.models) {
      const v = m.versusBestBaseline!;
      expect(Object.keys(v).sort()).toEqual(['baseline', 'diff', 'high', 'low', 'metric']);
      expect(v.metric).toBe('ndcg@10');
      const against = m.id === best.id ? s.models.filter((x) => BASELINES.includes(x.id) && x.id !== best.id).sort((a, b) => b.metrics!['ndcg@10'] - a.metrics!['ndcg@10'])[0] : best;
      expect(v.baseline).toBe(against.id);
      // The observed mean paired difference over the same customers is the difference of the means.
      expect(v.diff).toBeCloseTo(m.metrics!['ndcg@10'] - against.metrics!['ndcg@10'], 12);
      expect(v.low).toBeLessThanOrEqual(v.diff);
      expect(v.high).toBeGreaterThanOrEqual(v.diff);
    }
    expect(s.wins).toEqual(s.models.filter((m) => m.versusBestBaseline!.low > 0).map((m) => m.id));
    for (const m of s.models.filter((x) => x.versusBestBaseline!.low <= 0 && x.versusBestBaseline!.high >= 0 && x.versusBestBaseline!.baseline === best.id)) {
      expect(s.verdict).toContain(`${m.id} ties`);
      expect(s.verdict).not.toContain(`${m.id} wins`);
    }
    for (const id of s.wins) expect(s.verdict).toMatch(new RegExp(`${id} wins on nDCG@10 over [a-z-]+ \\(diff \\+0\\.\\d{4}, 95% CI 0\\.\\d{4}…0\\.\\d{4}\\)`));
    for (const m of s.models.filter((x) => !x.skipped)) {
      expect(Object.keys(m.metrics!).sort()).toEqual([...KEYS, 'coverage'].sort());
      expect(Object.keys(m.repeat!).sort()).toEqual([...KEYS].sort());
      expect(Object.keys(m.new!).sort()).toEqual([...KEYS].sort());
      for (const k of KEYS) {
        expect(m.metrics![k]).toBeGreaterThanOrEqual(0);
        expect(m.metrics![k]).toBeLessThanOrEqual(1);
      }
      expect(m.metrics!['hr@10']).toBeGreaterThanOrEqual(m.metrics!['hr@5']);
      expect(typeof m.trainSeconds).toBe('number');
    }
    expect(s.models.find((m) => m.id === 'segment-pop')!.notes).toMatch(/^segments refitted on the training period only \(purchases before 2021-12-03; never the holdout\): stratified-kmeans with its defaults/);
    // The sequence model reports its training: a loss per epoch, falling, and held-out next-session metrics.
    const seq = s.models.find((m) => m.id === 'sequence')!;
    expect(seq.training!.epochs).toBe(5);
    expect(seq.training!.losses[4]).toBeLessThan(seq.training!.losses[0]);
    expect(seq.training!.valid).toHaveLength(5);
    expect(seq.notes).toMatch(/held-out next session: HR@5 0\.\d+, nDCG@5 0\.\d+/);
    expect(s.models.find((m) => m.id === 'cluster-knn')!.notes).toMatch(/training period only .*stratified-kmeans with its defaults/);
    expect(s.models.find((m) => m.id === 'tifu-knn')!.notes).toMatch(/^k = \d+ neighbours, group size m = \d, r_b = 0\.9, r_g = [\d.]+, α = [\d.]+: chosen among 72 settings/);
    expect(s.verdict).toMatch(/(wins on nDCG@10 over|no model beats)/);
  });

  it('refits the newest segmentation\'s method and parameters on the training period for segment-pop; planted repurchase cycles: p-topfreq beats g-topfreq on repeat items', () => {
    const k = runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=4', '--json']);
    expect(k.code).toBe(0);
    const runId = (JSON.parse(k.stdout) as { runId: number }).runId;
    const s = evalRun(project, ['--param', 'models=g-topfreq,p-topfreq,segment-pop']);
    expect(s.models.map((m) => m.id)).toEqual(['g-topfreq', 'p-topfreq', 'segment-pop']);
    const by = new Map(s.models.map((m) => [m.id, m]));
    expect(by.get('segment-pop')!.skipped).toBeUndefined();
    expect(by.get('segment-pop')!.notes).toMatch(new RegExp(`kmeans with the parameters of run ${runId}, \\d+ customers, k = 4$`));
    expect(by.get('p-topfreq')!.repeat!['ndcg@10']).toBeGreaterThan(by.get('g-topfreq')!.repeat!['ndcg@10']);
    // Personal popularity recommends what was bought before: its hits are repeat items.
    expect(by.get('p-topfreq')!.metrics!.coverage).toBeGreaterThan(by.get('g-topfreq')!.metrics!.coverage);
  });

  it('cluster-knn recommends within the clusters of the newest stratified-kmeans run (refitted on the training period)', () => {
    const run = runCli(['run', 'stratified-kmeans', '--project', project, '--param', 'minSamples=10', '--param', 'kMax=6', '--json']);
    expect(run.code).toBe(0);
    const s = evalRun(project, ['--param', 'models=g-topfreq,cluster-knn']);
    const knn = s.models.find((m) => m.id === 'cluster-knn')!;
    expect(knn.skipped).toBeUndefined();
    expect(knn.notes).toContain(`stratified-kmeans with the parameters of run ${(JSON.parse(run.stdout) as { runId: number }).runId}`);
    expect(knn.metrics!['hr@10']).toBeGreaterThan(0);
    // It never recommends what the customer bought before: no repeat hits.
    expect(knn.repeat!['hr@10']).toBe(0);
    const r = runCli(['run', 'recommend', '--project', project, '--param', 'model=cluster-knn', '--param', 'top=5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout) as { runId: number; short: number; customers: number };
    // Noise and outlier customers have no cluster, so no list: the summary counts them as short.
    expect(rec.short).toBeGreaterThan(0);
    const out = path.join(dir, 'knn.csv');
    expect(runCli(['export', '--project', project, '--run', String(rec.runId), '--what', 'campaign', '--out', out]).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/bought by [123] of your 3 most similar customers in (offline-only|online) · spend Q\d · \d/);
  });

  it('chooses EASE\'s λ on a seeded sample of the validation customers, and says so', () => {
    const notes = (n: number) => evalRun(project, ['--param', 'models=ease', '--param', `validationCustomers=${n}`]).models[0].notes ?? '';
    const sampled = notes(100);
    expect(sampled).toMatch(/^λ = \d+ chosen on the 28 days before the cutoff \(100 of (\d+) validation customers; nDCG@10: /);
    const all = Number(/100 of (\d+) validation/.exec(sampled)![1]);
    expect(all).toBeGreaterThan(100);
    const untimed = (text: string) => text.replace(/; [\d.]+ s\)/, ')');
    expect(untimed(notes(100))).toBe(untimed(sampled)); // the same sample, the same scores
    expect(notes(all + 1000)).toMatch(new RegExp(`\\(${all} of ${all} validation customers;`));
  });

  it('refuses a cutoff outside the data with a clear message', () => {
    const r = runCli(['run', 'recommend-eval', '--project', project, '--param', 'cutoff=2030-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cutoff 2030-01-01 must fall/);
  });
});

const present = fs.existsSync(UCI_CSV);
describe.skipIf(!present)('recommend-eval on UCI Online Retail, cutoff 2011-11-09', () => {
  let dir: string;
  let project: string;
  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'uci.sqlite');
    expect(runCli(['import', '--project', project, UCI_CSV]).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('evaluates the customers with a purchase before and on/after the cutoff (recounted here in SQL), and g-topfreq as recomputed by hand', () => {
    const s = evalRun(project, ['--param', 'cutoff=2011-11-09', '--param', 'models=g-topfreq,p-topfreq']);
    const db = new Database(project, { readonly: true });
    try {
      const cut = Date.UTC(2011, 10, 9) / 86_400_000;
      const buy = 'customer_id IS NOT NULL AND quantity > 0 AND amount > 0 AND flags & 31 = 0';
      const n = db.prepare(`SELECT count(*) AS n FROM (SELECT customer_id FROM lines WHERE ${buy} GROUP BY customer_id HAVING min(day) < ? AND max(day) >= ?)`).get(cut, cut) as { n: number };
      expect(s.customers).toBe(n.n);
      // g-topfreq: products by receipts containing them before the cutoff, ties by code; HR@5 = share of
      // evaluated customers who bought one of those five on or after the cutoff.
      const top = (db.prepare(`SELECT p.code FROM lines l JOIN products p ON p.id = l.product_id WHERE ${buy.replace(/customer_id/, 'l.customer_id').replace(/quantity/, 'l.quantity').replace(/amount/, 'l.amount').replace(/flags/, 'l.flags')} AND l.day < ? GROUP BY p.code ORDER BY count(DISTINCT l.receipt_id) DESC, p.code ASC LIMIT 5`).all(cut) as { code: string }[]).map((r) => r.code);
      const hits = db.prepare(`SELECT count(*) AS n FROM (SELECT l.customer_id FROM lines l JOIN products p ON p.id = l.product_id WHERE l.customer_id IS NOT NULL AND l.quantity > 0 AND l.amount > 0 AND l.flags & 31 = 0 AND l.day >= ? AND p.code IN (${top.map(() => '?').join(',')})
        AND l.customer_id IN (SELECT customer_id FROM lines WHERE ${buy} GROUP BY customer_id HAVING min(day) < ? AND max(day) >= ?) GROUP BY l.customer_id)`).get(cut, ...top, cut, cut) as { n: number };
      expect(s.models[0].metrics!['hr@5']).toBeCloseTo(hits.n / n.n, 12);
    } finally {
      db.close();
    }
    expect(s.models[1].metrics!['ndcg@10']).toBeGreaterThan(s.models[0].metrics!['ndcg@10']);
  });

  it('TIFU-KNN (with the setting the validation days chose, docs/recommend.md) beats the best baseline p-topfreq: its interval lies above 0', () => {
    const s = evalRun(project, ['--param', 'cutoff=2011-11-09', '--param', 'models=p-topfreq,tifu-knn', '--param', 'tifuK=100', '--param', 'tifuGroup=3', '--param', 'tifuGroupDecay=0.6', '--param', 'tifuAlpha=0.3']);
    const tifu = s.models.find((m) => m.id === 'tifu-knn')!;
    expect(tifu.versusBestBaseline!.baseline).toBe('p-topfreq');
    expect(tifu.versusBestBaseline!.low).toBeGreaterThan(0);
    expect(s.wins).toContain('tifu-knn');
    expect(s.verdict).toMatch(/tifu-knn wins on nDCG@10 over p-topfreq \(diff \+0\.0\d{3}, 95% CI 0\.0\d{3}…0\.0\d{3}\)/);
  });
});
