import type { z } from 'zod';
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
import { choice, defineParams, int, number, runId } from '../param-spec.js';
import { describeTraining, sequenceModel, sequenceParams } from './sequence-inputs.js';
import { categoryCodes, readBaskets, requireProducts, temporalSplit } from './split.js';

const { schema: params, info: paramInfo } = defineParams({
  model: choice(MODEL_IDS, {
    required: true, type: 'string',
    label: { en: 'Recommender', ko: '추천 모델' },
    help: { en: `The recommender: ${MODEL_IDS.join(', ')}.`, ko: `추천 모델: ${MODEL_IDS.join(', ')}.` },
  }),
  top: int({
    text: 'coerce', min: 1, max: 100, default: 10,
    label: { en: 'Products per customer', ko: '고객당 상품 수' },
    help: { en: 'How many products are recommended to each customer.', ko: '고객마다 추천할 상품 수.' },
  }),
  lang: choice(REASON_LANGS, {
    default: 'en', type: 'string',
    label: { en: 'Language of the reasons', ko: '추천 이유의 언어' },
    help: { en: 'Language of the reason given with each product: en or ko.', ko: '상품마다 붙는 추천 이유의 언어: en 또는 ko.' },
  }),
  segmentRun: runId({
    text: 'coerce', type: 'integer',
    label: { en: 'Segmentation for segment popularity', ko: '세그먼트 인기 모델의 세그먼테이션' },
    help: { en: 'segment-pop: the segmentation run; default: the newest on this data.', ko: 'segment-pop: 사용할 세그먼테이션 실행. 기본값은 이 데이터의 최신 실행.' },
  }),
  clusterRun: runId({
    text: 'coerce', type: 'integer',
    label: { en: 'Clustering for cluster neighbours', ko: '군집 이웃 모델의 군집화' },
    help: { en: 'cluster-knn: the stratified-kmeans run; default: the newest on this data.', ko: 'cluster-knn: 사용할 stratified-kmeans 실행. 기본값은 이 데이터의 최신 실행.' },
  }),
  lambda: number({
    text: 'coerce', above: 0, default: 100,
    label: { en: 'EASE: penalty', ko: 'EASE: 규제 값' },
    help: { en: 'ease: the penalty λ (recommend-eval chooses it on its tuning days; 100 won on the UCI and demo data).', ko: 'ease: 규제 값 λ(recommend-eval이 조정용 기간에 고릅니다. UCI와 데모 데이터에서는 100이 가장 좋았습니다).' },
  }),
  easeItems: int({
    text: 'coerce', min: 10, max: 5000, default: 2000,
    label: { en: 'EASE: products modelled', ko: 'EASE: 모델링할 상품 수' },
    help: { en: 'ease: model only this many of the most popular products.', ko: 'ease: 가장 인기 있는 상품 이만큼만 모델링합니다.' },
  }),
  seed: int({
    text: 'coerce', listed: SCORE_MODEL_DEFAULTS.seed,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'score-model and sequence: seed of the initial weights, the held-out part and the batch order.', ko: 'score-model과 sequence: 초기 가중치, 검증용 부분, 배치 순서의 시드.' },
  }),
  epochs: int({
    text: 'coerce', min: 1, max: 200, listed: SCORE_MODEL_DEFAULTS.epochs,
    label: { en: 'Score model: training passes', ko: '점수 모델: 학습 횟수' },
    help: { en: 'score-model: passes over the training pairs.', ko: 'score-model: 학습용 쌍을 몇 번 훑을지.' },
  }),
  tifuK: int({
    text: 'coerce', min: 1, max: 5000, default: TIFU_DEFAULTS.k,
    label: { en: 'TIFU-KNN: neighbours', ko: 'TIFU-KNN: 이웃 수' },
    help: { en: 'tifu-knn: nearest customers k (recommend-eval chooses k, group size, decays and weight on its tuning days and prints them in its notes).', ko: 'tifu-knn: 최근접 고객 수 k(recommend-eval이 조정용 기간에 k, 그룹 크기, 감쇠, 가중치를 골라 메모에 적습니다).' },
  }),
  tifuGroup: int({
    text: 'coerce', min: 1, max: 100, default: TIFU_DEFAULTS.groupSize,
    label: { en: 'TIFU-KNN: group size', ko: 'TIFU-KNN: 그룹 크기' },
    help: { en: 'tifu-knn: baskets per group m.', ko: 'tifu-knn: 그룹당 장바구니 수 m.' },
  }),
  tifuWithinDecay: number({
    text: 'coerce', min: 0, max: 1, default: TIFU_DEFAULTS.withinDecay,
    label: { en: 'TIFU-KNN: decay within a group', ko: 'TIFU-KNN: 그룹 안 감쇠' },
    help: { en: 'tifu-knn: decay from one basket to the previous within a group (rb in the paper).', ko: 'tifu-knn: 그룹 안에서 이전 장바구니로 갈 때의 감쇠(논문의 rb).' },
  }),
  tifuGroupDecay: number({
    text: 'coerce', min: 0, max: 1, default: TIFU_DEFAULTS.groupDecay,
    label: { en: 'TIFU-KNN: decay across groups', ko: 'TIFU-KNN: 그룹 간 감쇠' },
    help: { en: 'tifu-knn: decay from one group of baskets to the previous (rg in the paper).', ko: 'tifu-knn: 이전 장바구니 그룹으로 갈 때의 감쇠(논문의 rg).' },
  }),
  tifuAlpha: number({
    text: 'coerce', min: 0, max: 1, default: TIFU_DEFAULTS.alpha,
    label: { en: 'TIFU-KNN: own-history weight', ko: 'TIFU-KNN: 본인 이력 가중치' },
    help: { en: 'tifu-knn: weight α of the customer’s own history against the neighbours’ mean.', ko: 'tifu-knn: 이웃 평균 대비 고객 본인 이력의 가중치 α.' },
  }),
  ...sequenceParams,
});
export type RecommendParams = z.output<typeof params>;


/**
 * Trains a model on all purchases and stores its top-N list for every customer, each product with
 * the model's score and reason (issue #5 §4); `export --what campaign` writes them as a campaign.
 */
export const recommendJob: JobDefinition<RecommendParams, RecommendSummary> = {
  id: 'recommend',
  title: 'Recommendations',
  titleKo: '추천',
  description: 'Trains a recommender on all purchases and stores the top-N products for every customer with a score and the reason; export them with `export --what campaign`.',
  descriptionKo: '전체 구매로 추천 모델을 학습하고 고객마다 상위 N개 상품을 점수와 추천 이유와 함께 저장합니다. `export --what campaign`으로 내보냅니다.',
  isAnalysis: true,
  params,
  paramInfo,
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
