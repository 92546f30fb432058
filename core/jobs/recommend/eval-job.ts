import { z } from 'zod';
import { createRandom } from '../../analysis/common/random.js';
import { chooseLambda, clusterKnn, ease, preferenceRecommender, scoreModelRecommender, evaluate, gTopFreq, historyOf, itemKnn, pTopFreq, segmentPop, type Recommender } from '../../analysis/recommend/index.js';
import { sha256Text } from '../../data/hash.js';
import { epochDay } from '../../data/import/values.js';
import { openProject, type Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { customerDemographics } from '../../data/store/queries/score-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { readMembers } from '../../data/store/segments.js';
import { WorkbenchError } from '../../model/result.js';
import { MODEL_IDS, type ModelResult, type RecommendEvalSummary } from '../../model/recommend.js';
import { SEGMENT_ANALYSES } from '../../model/segment.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { clusterInputs } from './cluster-inputs.js';
import { describeTraining, sequenceModel, sequenceParamInfo, sequenceParams, trainingOf } from './sequence-inputs.js';
import { categoryCodes, readBaskets, temporalSplit, type Holdout } from './split.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).min(1));
const params = z
  .object({
    cutoff: isoDay.optional(),
    k: list(z.coerce.number().int().min(1).max(100)).default([5, 10]),
    models: list(z.enum(['all', ...MODEL_IDS])).default(['all']),
    segmentRun: z.coerce.number().int().positive().optional(),
    clusterRun: z.coerce.number().int().positive().optional(),
    validationDays: z.coerce.number().int().min(1).max(365).default(28),
    validationCustomers: z.coerce.number().int().min(100).max(10_000_000).default(5000),
    lambdas: list(z.coerce.number().positive()).default([100, 400, 1600]),
    easeItems: z.coerce.number().int().min(10).max(5000).default(2000),
    ...sequenceParams,
    seed: z.coerce.number().int().optional(),
  })
  .strict();
export type RecommendEvalParams = z.output<typeof params>;



const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** The newest segmentation run (or the given one) as a segment per dense customer index, or why not. */
export function segmentsFor(db: Db, b: Baskets, runId: number | undefined): { segments: Int32Array; runId: number } | string {
  const fp = dataFingerprint(db, sha256Text);
  const row = (runId === undefined
    ? db.prepare(`SELECT id FROM runs WHERE status = 'done' AND data_fingerprint = ? AND analysis IN (${SEGMENT_ANALYSES.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`).get(fp, ...SEGMENT_ANALYSES)
    : db.prepare(`SELECT id FROM runs WHERE status = 'done' AND id = ? AND analysis IN (${SEGMENT_ANALYSES.map(() => '?').join(', ')})`).get(runId, ...SEGMENT_ANALYSES)) as { id: number } | undefined;
  if (!row) return runId === undefined ? 'no segmentation run on this data yet (run kmeans, lrfmv-kmedoids, kprototypes or stratified-kmeans first)' : `run ${runId} is not a finished segmentation run`;
  const m = readMembers(db, row.id);
  const index = new Map<number, number>();
  b.customerIds.forEach((id, u) => index.set(id, u));
  const segments = new Int32Array(b.customerIds.length).fill(-1);
  m.customers.forEach((c, i) => {
    const u = index.get(c);
    if (u !== undefined && !m.outlier[i]) segments[u] = m.segments[i];
  });
  return { segments, runId: row.id };
}

/** Fits on the training part and scores every evaluated customer's top-max(k) list. */
function assess(model: Recommender, h: Holdout, ks: number[], products: number): Omit<ModelResult, 'id'> {
  const t0 = performance.now();
  model.fit(h.train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const kMax = Math.max(...ks);
  const e = evaluate((u) => model.recommend(u, kMax), h.truth, historyOf(h.train), ks, products);
  return { metrics: e.all, repeat: e.repeat, new: e.new, trainSeconds: Math.round(trainSeconds * 1000) / 1000, evaluated: e.counts };
}

/**
 * Honest evaluation of recommenders (issue #5 §1–2): a temporal holdout at `cutoff` (default 4
 * weeks before the last purchase day), the same customers for every model, HR/nDCG/Recall at each
 * K and catalogue coverage, split into repeat and new items; the baselines always beside the models.
 */
export const recommendEvalJob: JobDefinition<RecommendEvalParams, RecommendEvalSummary> = {
  id: 'recommend-eval',
  title: 'Recommender evaluation',
  description: 'Temporal holdout (train before the cutoff, truth = products bought on or after it): HR, nDCG and Recall at K and catalogue coverage for every model beside the baselines (global and personal popularity, segment popularity, item-kNN, EASE), split into repeat and new items.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'cutoff', type: 'date', default: null, help: 'First day of the holdout (YYYY-MM-DD); default: 4 weeks before the last purchase day.' },
    { name: 'k', type: 'string[]', default: [5, 10], help: 'List lengths to score (comma-separated).' },
    { name: 'models', type: 'string[]', default: ['all'], help: `Models to evaluate (comma-separated): ${MODEL_IDS.join(', ')}, or all.` },
    { name: 'segmentRun', type: 'integer', default: null, help: 'Segmentation run for segment-pop; default: the newest on this data.' },
    { name: 'clusterRun', type: 'integer', default: null, help: 'stratified-kmeans run for cluster-knn; default: the newest on this data.' },
    { name: 'validationDays', type: 'integer', default: 28, help: 'EASE: the last days before the cutoff used to choose λ (never the holdout).' },
    { name: 'validationCustomers', type: 'integer', default: 5000, help: 'EASE: λ is chosen on at most this many of the validation customers (a seeded sample).' },
    { name: 'lambdas', type: 'string[]', default: [100, 400, 1600], help: 'EASE: λ candidates, chosen by nDCG at the largest K on the validation days.' },
    { name: 'easeItems', type: 'integer', default: 2000, help: 'EASE: model only this many most popular products (the dense solve is cubic in it).' },
    ...sequenceParamInfo,
    { name: 'seed', type: 'integer', default: 1, help: 'score-model and sequence: seed of initialisation, held-out pairs or sessions, and batch order.' },
  ],
  async run(ctx: JobContext, p) {
    const db = openProject(ctx.project);
    try {
      const b = readBaskets(db, ctx, 'recommend-eval');
      const cutoff = p.cutoff === undefined ? b.lastDay - 28 : toDay(p.cutoff);
      if (!(cutoff > b.firstDay && cutoff <= b.lastDay)) throw new WorkbenchError('invalid-input', `cutoff ${p.cutoff ?? iso(cutoff)} must fall after the first purchase day (${iso(b.firstDay)}) and on or before the last (${iso(b.lastDay)}).`);
      const h = temporalSplit(b, cutoff);
      if (h.truth.size === 0) throw new WorkbenchError('invalid-input', `No customer bought both before and on or after ${iso(cutoff)}; choose another cutoff.`);
      const ks = [...new Set(p.k)].sort((x, y) => x - y);
      const wanted = p.models.includes('all') ? [...MODEL_IDS] : MODEL_IDS.filter((id) => p.models.includes(id));
      const P = b.productCodes.length;
      const results: ModelResult[] = [];
      let step = 0;
      for (const id of wanted) {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'evaluate', done: step++, total: wanted.length, unit: 'models', message: id });
        if (id === 'g-topfreq') results.push({ id, ...assess(gTopFreq(), h, ks, P) });
        else if (id === 'p-topfreq') results.push({ id, ...assess(pTopFreq(), h, ks, P) });
        else if (id === 'item-knn') results.push({ id, ...assess(itemKnn(), h, ks, P) });
        else if (id === 'segment-pop') {
          const s = segmentsFor(db, b, p.segmentRun);
          if (typeof s === 'string') results.push({ id, skipped: s });
          else results.push({ id, ...assess(segmentPop(s.segments), h, ks, P), notes: `segments of run ${s.runId}` });
        } else if (id === 'cluster-knn') {
          const c = clusterInputs(db, b, p.clusterRun);
          if (typeof c === 'string') results.push({ id, skipped: c });
          else results.push({ id, ...assess(clusterKnn({ cluster: c.cluster, vectors: c.vectors, d: c.d }), h, ks, P), notes: `clusters and scaled category vectors of stratified-kmeans run ${c.runId} (segmented on all data, so the features include the holdout period)` });
        } else if (id === 'preference-score') {
          results.push({ id, ...assess(preferenceRecommender(categoryCodes(b.productCategories)), h, ks, P), notes: "the customer's own products by their 0–5 preference score at the cutoff (buy level + category share + repurchase interval); never-bought products are not scored" });
        } else if (id === 'score-model') {
          const demo = customerDemographics(db, b.customerIds);
          const m = scoreModelRecommender({ category: categoryCodes(b.productCategories), age: demo.age, gender: demo.gender, genderLevels: demo.genderLevels.length, seed: p.seed, shouldStop: () => { ctx.throwIfCancelled(); return false; } });
          const r = assess(m, h, ks, P);
          const f = m.fitted!;
          results.push({ id, ...r, notes: `recommends never-bought products only, so judge it on new items; one model on all retailers pooled, trained on the 0–5 preference scores at the cutoff (${f.trainPairs + f.validPairs} pairs; validation RMSE ${fmt(f.validRmse)} vs ${fmt(f.baselineRmse)} for the mean)` });
        } else if (id === 'sequence') {
          const m = await sequenceModel(db, b, ctx, p);
          try {
            const r = assess(m, h, ks, P);
            const report = m.report()!;
            results.push({ id, ...r, notes: describeTraining(report), training: trainingOf(report) });
          } finally {
            m.dispose();
          }
        } else if (id === 'ease') {
          const t0 = performance.now();
          const val = temporalSplit(b, cutoff - p.validationDays, cutoff);
          const truth = sampleCustomers(val.truth, p.validationCustomers, p.seed ?? 1);
          const history = historyOf(val.train);
          const kMax = Math.max(...ks);
          const chosen = truth.size === 0
            ? { lambda: p.lambdas[0], scores: [] }
            : chooseLambda(p.lambdas, (lambda) => {
                ctx.throwIfCancelled();
                const m = ease({ lambda, maxItems: p.easeItems });
                m.fit(val.train);
                return evaluate((u) => m.recommend(u, kMax), truth, history, [kMax], P).all[`ndcg@${kMax}`];
              });
          const selectSeconds = (performance.now() - t0) / 1000;
          const r = assess(ease({ lambda: chosen.lambda, maxItems: p.easeItems }), h, ks, P);
          results.push({ id, ...r, notes: `λ = ${chosen.lambda} chosen on the ${p.validationDays} days before the cutoff (${truth.size.toLocaleString('en')} of ${val.truth.size.toLocaleString('en')} validation customers; nDCG@${kMax}: ${chosen.scores.map((s) => `${s.lambda} → ${s.score.toFixed(4)}`).join(', ')}; ${selectSeconds.toFixed(1)} s); ${Math.min(p.easeItems, P)} most popular products modelled` });
        }
      }
      const kMax = Math.max(...ks);
      const scored = results.filter((r) => r.metrics);
      const best = [...scored].sort((x, y) => (y.metrics![`ndcg@${kMax}`] ?? -1) - (x.metrics![`ndcg@${kMax}`] ?? -1))[0];
      const bestNew = [...scored].sort((x, y) => (y.new![`ndcg@${kMax}`] || -1) - (x.new![`ndcg@${kMax}`] || -1))[0];
      const verdict = best ? `${best.id} wins on nDCG@${kMax} (${best.metrics![`ndcg@${kMax}`].toFixed(4)}) over all evaluated customers; on new items only, ${bestNew.id} (${(bestNew.new![`ndcg@${kMax}`] ?? 0).toFixed(4)}).` : 'no model was evaluated.';
      ctx.progress({ phase: 'evaluate', done: wanted.length, total: wanted.length, unit: 'models' });
      return recordRunWith(db, ctx, 'recommend-eval', p, dataFingerprint(db, sha256Text), (runId): RecommendEvalSummary => ({
        runId, cutoff: iso(cutoff), customers: h.truth.size, products: P, trainReceipts: h.train.receiptCustomer.length,
        testDays: b.lastDay - cutoff + 1, ks, models: results, verdict,
      })).summary;
    } finally {
      db.close();
    }
  },
};

/** At most `n` entries of `truth`, drawn without replacement by a seeded shuffle of the customers (all when fewer). */
function sampleCustomers(truth: Map<number, Set<number>>, n: number, seed: number): Map<number, Set<number>> {
  if (truth.size <= n) return truth;
  const keys = [...truth.keys()].sort((a, b) => a - b);
  const random = createRandom(seed);
  for (let i = 0; i < n; i++) {
    const j = i + random.int(keys.length - i);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return new Map(keys.slice(0, n).map((u) => [u, truth.get(u)!]));
}

function toDay(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  const day = epochDay(y, m, d);
  if (day === undefined) throw new WorkbenchError('invalid-input', `cutoff ${s} is not a calendar date.`);
  return day;
}
