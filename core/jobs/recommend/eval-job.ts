import { z } from 'zod';
import { createRandom } from '../../analysis/common/random.js';
import { chooseLambda, chooseTifu, clusterKnn, DEFAULT_TIFU_GRID, ease, tifuKnn, preferenceRecommender, scoreModelRecommender, evaluate, gTopFreq, historyOf, itemKnn, pTopFreq, segmentPop, type Recommender } from '../../analysis/recommend/index.js';
import { sha256Text } from '../../data/hash.js';
import { epochDay } from '../../data/import/values.js';
import { openProject, type Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { customerDemographics } from '../../data/store/queries/score-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { readMembers } from '../../data/store/segments.js';
import { WorkbenchError } from '../../model/result.js';
import { MODEL_IDS, QUICK_MODEL_IDS, SLOW_MODEL_SECONDS, type ModelResult, type RecommendEvalSummary } from '../../model/recommend.js';
import { rulesRecommender, RULES_RECOMMENDER_DEFAULTS } from '../../analysis/rules/recommender.js';
import { SEGMENT_ANALYSES } from '../../model/segment.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { describeTraining, sequenceModel, sequenceParamInfo, sequenceParams, trainingOf } from './sequence-inputs.js';
import { categoryCodes, readBaskets, requireProducts, temporalSplit, type Holdout } from './split.js';
import { chooseSegmentation, describeSegmentation, fitTrainingSegmentation, type TrainingSegmentation } from './training-segments.js';
import { compareWithBaselines } from './versus-baseline.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).min(1));
const params = z
  .object({
    cutoff: isoDay.optional(),
    k: list(z.coerce.number().int().min(1).max(100)).default([5, 10]),
    models: list(z.enum(['all', ...MODEL_IDS])).default([...QUICK_MODEL_IDS]),
    segmentRun: z.coerce.number().int().positive().optional(),
    clusterRun: z.coerce.number().int().positive().optional(),
    validationDays: z.coerce.number().int().min(1).max(365).default(28),
    validationCustomers: z.coerce.number().int().min(100).max(10_000_000).default(5000),
    lambdas: list(z.coerce.number().positive()).default([100, 400, 1600]),
    easeItems: z.coerce.number().int().min(10).max(5000).default(2000),
    tifuK: list(z.coerce.number().int().min(1).max(5000)).default([...DEFAULT_TIFU_GRID.k]),
    tifuGroup: list(z.coerce.number().int().min(1).max(100)).default([...DEFAULT_TIFU_GRID.groupSize]),
    tifuGroupDecay: list(z.coerce.number().min(0).max(1)).default([...DEFAULT_TIFU_GRID.groupDecay]),
    tifuAlpha: list(z.coerce.number().min(0).max(1)).default([...DEFAULT_TIFU_GRID.alpha]),
    tifuWithinDecay: z.coerce.number().min(0).max(1).default(DEFAULT_TIFU_GRID.withinDecay),
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

/** Per-customer nDCG at the largest K of each model, in the holdout's customer order (for the paired bootstrap). */
type PerCustomer = Map<string, Float64Array>;

/**
 * Fits on the training part and scores every evaluated customer's top-max(k) list; keeps the
 * per-customer nDCG at the largest K in `per` under `id` (typed arrays: 25k customers × ~10 models
 * on the full demo is 2 MB).
 */
function assessAs(id: string, per: PerCustomer, model: Recommender, h: Holdout, ks: number[], products: number): Omit<ModelResult, 'id'> {
  const t0 = performance.now();
  model.fit(h.train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const kMax = Math.max(...ks);
  const e = evaluate((u) => model.recommend(u, kMax), h.truth, historyOf(h.train), ks, products);
  per.set(id, e.perCustomer);
  return { metrics: e.all, repeat: e.repeat, new: e.new, trainSeconds: Math.round(trainSeconds * 1000) / 1000, evaluated: e.counts };
}

/**
 * Honest evaluation of recommenders (issue #5 §1–2, issue #10 §5): a temporal holdout at `cutoff`
 * (default 4 weeks before the last purchase day), the same customers for every model, HR/nDCG/Recall
 * at each K and catalogue coverage, split into repeat and new items; the baselines always beside the
 * models; each model against the best baseline with a paired-bootstrap interval (versus-baseline.ts);
 * the segmentations segment-pop and cluster-knn need fitted on the training period only
 * (training-segments.ts), never a stored run that saw the holdout.
 */
export const recommendEvalJob: JobDefinition<RecommendEvalParams, RecommendEvalSummary> = {
  id: 'recommend-eval',
  title: 'Recommender evaluation',
  description: 'Temporal holdout (train before the cutoff, truth = products bought on or after it): HR, nDCG and Recall at K and catalogue coverage for every model beside the baselines (global and personal popularity, segment popularity, item-kNN, EASE), split into repeat and new items; each model against the best baseline with a 95% paired-bootstrap interval (wins only when it lies above 0); segmentations refitted on the training period.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'cutoff', type: 'date', default: null, help: 'First day of the holdout (YYYY-MM-DD); default: 4 weeks before the last purchase day.' },
    { name: 'k', type: 'string[]', default: [5, 10], help: 'List lengths to score (comma-separated).' },
    { name: 'models', type: 'string[]', default: [...QUICK_MODEL_IDS], help: `Models to evaluate (comma-separated): ${MODEL_IDS.join(', ')}, or all. Default: the quick ones; the slow ones train for minutes on the full demo (${Object.entries(SLOW_MODEL_SECONDS).map(([id, sec]) => `${id} ≈ ${Math.round((sec as number) / 60)} min`).join(', ')}) and run only when named or with all.` },
    { name: 'segmentRun', type: 'integer', default: null, help: 'segment-pop: a kmeans or stratified-kmeans run whose method and parameters are refitted on the training period (never the holdout); default: the newest such run on this data, else stratified-kmeans defaults (kmeans on RFM without categories).' },
    { name: 'clusterRun', type: 'integer', default: null, help: 'cluster-knn: a stratified-kmeans run whose parameters are refitted on the training period; default: the newest on this data, else the defaults.' },
    { name: 'validationDays', type: 'integer', default: 28, help: 'EASE and TIFU-KNN: the last days before the cutoff used to choose λ (never the holdout).' },
    { name: 'validationCustomers', type: 'integer', default: 5000, help: 'EASE and TIFU-KNN: λ / the parameters are chosen on at most this many of the validation customers (a seeded sample).' },
    { name: 'lambdas', type: 'string[]', default: [100, 400, 1600], help: 'EASE: λ candidates, chosen by nDCG at the largest K on the validation days.' },
    { name: 'easeItems', type: 'integer', default: 2000, help: 'EASE: model only this many most popular products (the dense solve is cubic in it).' },
    { name: 'tifuK', type: 'string[]', default: [...DEFAULT_TIFU_GRID.k], help: 'TIFU-KNN: candidate numbers of nearest customers k, chosen on the validation days.' },
    { name: 'tifuGroup', type: 'string[]', default: [...DEFAULT_TIFU_GRID.groupSize], help: 'TIFU-KNN: candidate group sizes m (baskets per group).' },
    { name: 'tifuGroupDecay', type: 'string[]', default: [...DEFAULT_TIFU_GRID.groupDecay], help: 'TIFU-KNN: candidate decays across groups r_g.' },
    { name: 'tifuAlpha', type: 'string[]', default: [...DEFAULT_TIFU_GRID.alpha], help: 'TIFU-KNN: candidate weights α of the own vector against the neighbours.' },
    { name: 'tifuWithinDecay', type: 'number', default: DEFAULT_TIFU_GRID.withinDecay, help: 'TIFU-KNN: decay within a group r_b (fixed).' },
    ...sequenceParamInfo,
    { name: 'seed', type: 'integer', default: 1, help: 'score-model and sequence: seed of initialisation, held-out pairs or sessions, and batch order; also the validation sample of EASE and TIFU-KNN and the paired bootstrap (1,000 resamples of customers).' },
  ],
  async run(ctx: JobContext, p) {
    const db = openProject(ctx.project);
    try {
      requireProducts(db, 'recommend-eval');
      const b = readBaskets(db, ctx, 'recommend-eval');
      const cutoff = p.cutoff === undefined ? b.lastDay - 28 : toDay(p.cutoff);
      if (!(cutoff > b.firstDay && cutoff <= b.lastDay)) throw new WorkbenchError('invalid-input', `cutoff ${p.cutoff ?? iso(cutoff)} must fall after the first purchase day (${iso(b.firstDay)}) and on or before the last (${iso(b.lastDay)}).`);
      const h = temporalSplit(b, cutoff);
      if (h.truth.size === 0) throw new WorkbenchError('invalid-input', `No customer bought both before and on or after ${iso(cutoff)}; choose another cutoff.`);
      const ks = [...new Set(p.k)].sort((x, y) => x - y);
      const kMax = Math.max(...ks);
      const wanted = p.models.includes('all') ? [...MODEL_IDS] : MODEL_IDS.filter((id) => p.models.includes(id));
      const P = b.productCodes.length;
      const results: ModelResult[] = [];
      const per: PerCustomer = new Map();
      // Segmentations refitted on the training period, shared by segment-pop and cluster-knn when they ask for the same one.
      const fitted = new Map<string, TrainingSegmentation | string>();
      const segmentation = async (runId: number | undefined, only?: 'stratified-kmeans'): Promise<TrainingSegmentation | string> => {
        const choice = chooseSegmentation(db, runId, only);
        if (typeof choice === 'string') return choice;
        const key = JSON.stringify(choice);
        if (!fitted.has(key)) fitted.set(key, await fitTrainingSegmentation(db, ctx, b, cutoff, choice));
        return fitted.get(key)!;
      };
      let step = 0;
      for (const id of wanted) {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'evaluate', done: step++, total: wanted.length, unit: 'models', message: id });
        const assess = (model: Recommender) => assessAs(id, per, model, h, ks, P);
        if (id === 'g-topfreq') results.push({ id, ...assess(gTopFreq()) });
        else if (id === 'p-topfreq') results.push({ id, ...assess(pTopFreq()) });
        else if (id === 'item-knn') results.push({ id, ...assess(itemKnn()) });
        else if (id === 'rules') {
          const m = rulesRecommender();
          const r = assess(m);
          results.push({ id, ...r, notes: `${m.ruleCount.toLocaleString('en')} rules A → C of the training receipts (minSupport ${RULES_RECOMMENDER_DEFAULTS.minSupport}, minConfidence ${RULES_RECOMMENDER_DEFAULTS.minConfidence}, maxLength ${RULES_RECOMMENDER_DEFAULTS.maxLength}), best applicable rule first; popular products fill lists no rule reaches` });
        }
        else if (id === 'segment-pop') {
          const s = await segmentation(p.segmentRun);
          if (typeof s === 'string') results.push({ id, skipped: s });
          else results.push({ id, ...assess(segmentPop(s.segments)), notes: describeSegmentation(s, iso(cutoff)) });
        } else if (id === 'cluster-knn') {
          const s = await segmentation(p.clusterRun, 'stratified-kmeans');
          if (typeof s === 'string') results.push({ id, skipped: s });
          else results.push({ id, ...assess(clusterKnn({ cluster: s.segments, vectors: s.vectors!, d: s.d })), notes: `${describeSegmentation(s, iso(cutoff))}; neighbours by cosine of the scaled category vectors of the training period` });
        } else if (id === 'preference-score') {
          results.push({ id, ...assess(preferenceRecommender(categoryCodes(b.productCategories))), notes: "the customer's own products by their 0–5 preference score at the cutoff (buy level + category share + repurchase interval); never-bought products are not scored" });
        } else if (id === 'score-model') {
          const demo = customerDemographics(db, b.customerIds);
          const m = scoreModelRecommender({ category: categoryCodes(b.productCategories), age: demo.age, gender: demo.gender, genderLevels: demo.genderLevels.length, seed: p.seed, shouldStop: () => { ctx.throwIfCancelled(); return false; } });
          const r = assess(m);
          const f = m.fitted!;
          results.push({ id, ...r, notes: `recommends never-bought products only, so judge it on new items; one model on all retailers pooled, trained on the 0–5 preference scores at the cutoff (${f.trainPairs + f.validPairs} pairs; validation RMSE ${fmt(f.validRmse)} vs ${fmt(f.baselineRmse)} for the mean)` });
        } else if (id === 'sequence') {
          const m = await sequenceModel(db, b, ctx, p);
          try {
            const r = assess(m);
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
          const chosen = truth.size === 0
            ? { lambda: p.lambdas[0], scores: [] }
            : chooseLambda(p.lambdas, (lambda) => {
                ctx.throwIfCancelled();
                const m = ease({ lambda, maxItems: p.easeItems });
                m.fit(val.train);
                return evaluate((u) => m.recommend(u, kMax), truth, history, [kMax], P).all[`ndcg@${kMax}`];
              });
          const selectSeconds = (performance.now() - t0) / 1000;
          const r = assess(ease({ lambda: chosen.lambda, maxItems: p.easeItems }));
          results.push({ id, ...r, notes: `λ = ${chosen.lambda} chosen on the ${p.validationDays} days before the cutoff (${truth.size.toLocaleString('en')} of ${val.truth.size.toLocaleString('en')} validation customers; nDCG@${kMax}: ${chosen.scores.map((s) => `${s.lambda} → ${s.score.toFixed(4)}`).join(', ')}; ${selectSeconds.toFixed(1)} s); ${Math.min(p.easeItems, P)} most popular products modelled` });
        } else if (id === 'tifu-knn') {
          const t0 = performance.now();
          const val = temporalSplit(b, cutoff - p.validationDays, cutoff);
          const truth = sampleCustomers(val.truth, p.validationCustomers, p.seed ?? 1);
          const history = historyOf(val.train);
          const grid = { k: p.tifuK, groupSize: p.tifuGroup, groupDecay: p.tifuGroupDecay, alpha: p.tifuAlpha, withinDecay: p.tifuWithinDecay };
          const chosen = chooseTifu(val.train, [...truth.keys()], kMax, grid,
            (lists) => (truth.size === 0 ? NaN : evaluate(lists, truth, history, [kMax], P).all[`ndcg@${kMax}`]),
            () => ctx.throwIfCancelled());
          const selectSeconds = (performance.now() - t0) / 1000;
          const o = chosen.best;
          const top3 = [...chosen.scores].sort((x, y) => y.score - x.score).slice(0, 3).map((s) => `${s.score.toFixed(4)}`).join(', ');
          const r = assess(tifuKnn(o));
          results.push({ id, ...r, notes: `k = ${o.k} neighbours, group size m = ${o.groupSize}, r_b = ${o.withinDecay}, r_g = ${o.groupDecay}, α = ${o.alpha}: chosen among ${chosen.scores.length} settings (k ${grid.k.join('/')}, m ${grid.groupSize.join('/')}, r_g ${grid.groupDecay.join('/')}, α ${grid.alpha.join('/')}) by nDCG@${kMax} on the ${p.validationDays} days before the cutoff (${truth.size.toLocaleString('en')} of ${val.truth.size.toLocaleString('en')} validation customers; best three ${top3}; ${selectSeconds.toFixed(1)} s)` });
        }
      }
      const scored = results.filter((r) => r.metrics);
      const bestNew = [...scored].sort((x, y) => (y.new![`ndcg@${kMax}`] || -1) - (x.new![`ndcg@${kMax}`] || -1))[0];
      ctx.progress({ phase: 'compare', done: 0, total: 1, message: 'paired bootstrap against the best baseline' });
      const { wins, verdict: comparison } = compareWithBaselines(results, per, kMax, p.seed ?? 1);
      const verdict = bestNew ? `${comparison.replace(/\.$/, '')}; on new items only, ${bestNew.id} (${(bestNew.new![`ndcg@${kMax}`] ?? 0).toFixed(4)}).` : 'no model was evaluated.';
      ctx.progress({ phase: 'evaluate', done: wanted.length, total: wanted.length, unit: 'models' });
      return recordRunWith(db, ctx, 'recommend-eval', p, dataFingerprint(db, sha256Text), (runId): RecommendEvalSummary => ({
        runId, cutoff: iso(cutoff), customers: h.truth.size, products: P, trainReceipts: h.train.receiptCustomer.length,
        testDays: b.lastDay - cutoff + 1, ks, models: results, wins, verdict,
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
