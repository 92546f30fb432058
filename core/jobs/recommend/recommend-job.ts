import { z } from 'zod';
import { clusterKnn, tifuKnn, TIFU_DEFAULTS, gTopFreq, itemKnn, preferenceRecommender, pTopFreq, scoreModelRecommender, segmentPop, ease, SCORE_MODEL_DEFAULTS, REASON_LANGS, type Recommender } from '../../analysis/recommend/index.js';
import type { SequenceRecommender } from '../../analysis/recommend/sequence.js';
import { rulesRecommender, RULES_RECOMMENDER_DEFAULTS } from '../../analysis/rules/recommender.js';
import { sha256Text } from '../../data/hash.js';
import { openProject } from '../../data/store/open.js';
import { customerDemographics } from '../../data/store/queries/score-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { MODEL_IDS, type RecommendSummary } from '../../model/recommend.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobDefinition } from '../types.js';
import { segmentsFor } from './eval-job.js';
import { clusterInputs } from './cluster-inputs.js';
import { describeTraining, sequenceModel, sequenceParamInfo, sequenceParams } from './sequence-inputs.js';
import { categoryCodes, readBaskets, requireProducts, temporalSplit } from './split.js';

const params = z
  .object({
    model: z.enum(MODEL_IDS),
    top: z.coerce.number().int().min(1).max(100).default(10),
    lang: z.enum(REASON_LANGS).default('en'),
    segmentRun: z.coerce.number().int().positive().optional(),
    clusterRun: z.coerce.number().int().positive().optional(),
    lambda: z.coerce.number().positive().default(100),
    easeItems: z.coerce.number().int().min(10).max(5000).default(2000),
    seed: z.coerce.number().int().optional(),
    epochs: z.coerce.number().int().min(1).max(200).optional(),
    tifuK: z.coerce.number().int().min(1).max(5000).default(TIFU_DEFAULTS.k),
    tifuGroup: z.coerce.number().int().min(1).max(100).default(TIFU_DEFAULTS.groupSize),
    tifuWithinDecay: z.coerce.number().min(0).max(1).default(TIFU_DEFAULTS.withinDecay),
    tifuGroupDecay: z.coerce.number().min(0).max(1).default(TIFU_DEFAULTS.groupDecay),
    tifuAlpha: z.coerce.number().min(0).max(1).default(TIFU_DEFAULTS.alpha),
    ...sequenceParams,
  })
  .strict();
export type RecommendParams = z.output<typeof params>;


/**
 * Trains a model on all purchases and stores its top-N list for every customer, each product with
 * the model's score and reason (issue #5 §4); `export --what campaign` writes them as a campaign.
 */
export const recommendJob: JobDefinition<RecommendParams, RecommendSummary> = {
  id: 'recommend',
  title: 'Recommendations',
  description: 'Trains a recommender on all purchases and stores the top-N products for every customer with a score and the reason; export them with `export --what campaign`.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'model', type: 'string', default: null, help: `The recommender: ${MODEL_IDS.join(', ')}.` },
    { name: 'top', type: 'integer', default: 10, help: 'Products per customer.' },
    { name: 'lang', type: 'string', default: 'en', help: 'Language of the reasons: en or ko.' },
    { name: 'segmentRun', type: 'integer', default: null, help: 'segment-pop: the segmentation run; default the newest on this data.' },
    { name: 'clusterRun', type: 'integer', default: null, help: 'cluster-knn: the stratified-kmeans run; default the newest on this data.' },
    { name: 'lambda', type: 'number', default: 100, help: 'ease: λ (recommend-eval chooses it on a validation split; 100 won on UCI and the demo data).' },
    { name: 'easeItems', type: 'integer', default: 2000, help: 'ease: model only this many most popular products.' },
    { name: 'seed', type: 'integer', default: SCORE_MODEL_DEFAULTS.seed, help: 'score-model and sequence: seed of initialisation, split and batch order.' },
    { name: 'epochs', type: 'integer', default: SCORE_MODEL_DEFAULTS.epochs, help: 'score-model: passes over the training pairs.' },
    { name: 'tifuK', type: 'integer', default: TIFU_DEFAULTS.k, help: 'tifu-knn: nearest customers k (recommend-eval chooses k, m, r_g and α on its validation days and prints them in its notes).' },
    { name: 'tifuGroup', type: 'integer', default: TIFU_DEFAULTS.groupSize, help: 'tifu-knn: baskets per group m.' },
    { name: 'tifuWithinDecay', type: 'number', default: TIFU_DEFAULTS.withinDecay, help: 'tifu-knn: decay within a group r_b.' },
    { name: 'tifuGroupDecay', type: 'number', default: TIFU_DEFAULTS.groupDecay, help: 'tifu-knn: decay across groups r_g.' },
    { name: 'tifuAlpha', type: 'number', default: TIFU_DEFAULTS.alpha, help: 'tifu-knn: weight α of the customer\'s own vector against the neighbours\' mean.' },
    ...sequenceParamInfo,
  ],
  async run(ctx, p) {
    const db = openProject(ctx.project);
    let sequence: SequenceRecommender | undefined;
    try {
      requireProducts(db, 'recommend');
      const b = readBaskets(db, ctx, 'recommend');
      let notes: string | undefined;
      let model: Recommender;
      if (p.model === 'g-topfreq') model = gTopFreq();
      else if (p.model === 'p-topfreq') model = pTopFreq();
      else if (p.model === 'item-knn') model = itemKnn();
      else if (p.model === 'ease') model = ease({ lambda: p.lambda, maxItems: p.easeItems });
      else if (p.model === 'tifu-knn') {
        model = tifuKnn({ k: p.tifuK, groupSize: p.tifuGroup, withinDecay: p.tifuWithinDecay, groupDecay: p.tifuGroupDecay, alpha: p.tifuAlpha });
        notes = `k = ${p.tifuK}, m = ${p.tifuGroup}, r_b = ${p.tifuWithinDecay}, r_g = ${p.tifuGroupDecay}, α = ${p.tifuAlpha}`;
      }
      else if (p.model === 'preference-score') {
        model = preferenceRecommender(categoryCodes(b.productCategories));
      } else if (p.model === 'score-model') {
        const demo = customerDemographics(db, b.customerIds);
        model = scoreModelRecommender({
          category: categoryCodes(b.productCategories), age: demo.age, gender: demo.gender, genderLevels: demo.genderLevels.length, seed: p.seed, epochs: p.epochs,
          onEpoch: (e) => ctx.progress({ phase: 'train', done: e.epoch, total: p.epochs ?? SCORE_MODEL_DEFAULTS.epochs, unit: 'epochs', message: `score-model: epoch ${e.epoch}, loss (train RMSE) ${e.trainRmse.toFixed(3)}` }),
          shouldStop: () => { ctx.throwIfCancelled(); return false; },
        });
        notes = 'one model on all retailers pooled; never-bought products only, by predicted preference score';
      } else if (p.model === 'sequence') {
        model = sequence = await sequenceModel(db, b, ctx, p);
      } else if (p.model === 'cluster-knn') {
        const c = clusterInputs(db, b, p.clusterRun);
        if (typeof c === 'string') throw new WorkbenchError('invalid-input', `cluster-knn: ${c}.`);
        model = clusterKnn({ cluster: c.cluster, vectors: c.vectors, d: c.d, clusterName: (k) => c.names.get(k) ?? `segment ${k}` });
        notes = `clusters of stratified-kmeans run ${c.runId}`;
      } else if (p.model === 'rules') {
        model = rulesRecommender();
        notes = `association rules of the receipts (minSupport ${RULES_RECOMMENDER_DEFAULTS.minSupport}, minConfidence ${RULES_RECOMMENDER_DEFAULTS.minConfidence}, maxLength ${RULES_RECOMMENDER_DEFAULTS.maxLength}); popular products fill lists no rule reaches`;
      }
      else {
        const s = segmentsFor(db, b, p.segmentRun);
        if (typeof s === 'string') throw new WorkbenchError('invalid-input', `segment-pop: ${s}.`);
        model = segmentPop(s.segments);
        notes = `segments of run ${s.runId}`;
      }
      // Reasons name the products they cite by name and code.
      const train = { ...temporalSplit(b, b.lastDay + 1).train, labels: b.productCodes.map((code, i) => (b.productNames[i] ? `${b.productNames[i]} (${code})` : code)) };
      ctx.progress({ phase: 'train', done: 0, total: 1, message: p.model });
      const t0 = performance.now();
      model.fit(train);
      const trainSeconds = Math.round(performance.now() - t0) / 1000;
      ctx.throwIfCancelled();
      if (sequence) notes = describeTraining(sequence.report()!);
      const productIds = db.prepare('SELECT id, code FROM products').raw().all() as [number, string][];
      const idOf = new Map(productIds.map(([id, code]) => [code, id]));
      const U = b.customerIds.length;
      const { summary } = recordRunWith(db, ctx, 'recommend', p, dataFingerprint(db, sha256Text), (runId): RecommendSummary => {
        let short = 0;
        const insert = db.prepare('INSERT INTO recommendations (run_id, customer_id, rank, product_id, score, reason) VALUES (?, ?, ?, ?, ?, ?)');
        for (let u = 0; u < U; u++) {
          if (u % 500 === 0) {
            ctx.throwIfCancelled();
            ctx.progress({ phase: 'recommend', done: u, total: U, unit: 'customers' });
          }
          const list = model.recommend(u, p.top);
          if (list.length < p.top) short++;
          list.forEach((product, rank) => insert.run(runId, b.customerIds[u], rank + 1, idOf.get(b.productCodes[product]), model.score?.(u, product) ?? null, model.reason?.(u, product, p.lang) ?? ''));
        }
        return { runId, model: p.model, top: p.top, customers: U, short, trainSeconds, seconds: Math.round(Date.now() - ctx.startedAt.getTime()) / 1000, ...(notes ? { notes } : {}) };
      });
      ctx.progress({ phase: 'recommend', done: U, total: U, unit: 'customers' });
      return summary;
    } finally {
      sequence?.dispose();
      db.close();
    }
  },
};
