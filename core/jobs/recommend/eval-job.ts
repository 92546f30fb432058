import type { z } from 'zod';
import { chooseTifu, clusterKnn, DEFAULT_TIFU_GRID, tifuKnn, preferenceRecommender, scoreModelRecommender, evaluate, gTopFreq, historyOf, itemKnn, pTopFreq, segmentPop, type Recommender } from '../../analysis/recommend/index.js';
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
import { choiceList, date, defineParams, int, intList, number, numberList, runId } from '../param-spec.js';
import { describeTraining, sequenceModel, sequenceParams, trainingOf } from './sequence-inputs.js';
import { categoryCodes, readBaskets, requireProducts, temporalSplit, type Holdout } from './split.js';
import { chooseSegmentation, describeSegmentation, fitTrainingSegmentation, type TrainingSegmentation } from './training-segments.js';
import { compareWithBaselines } from './versus-baseline.js';
import { sampleCustomers } from './ease-eval.js';
import { startEase } from './ease-thread.js';

const slowModels = Object.entries(SLOW_MODEL_SECONDS).map(([id, sec]) => `${id} ≈ ${Math.round((sec as number) / 60)} min`).join(', ');
const { schema: params, info: paramInfo } = defineParams({
  cutoff: date({
    label: { en: 'First day of the test period', ko: '평가 기간 첫날' },
    help: { en: 'Models learn from the purchases before this day and are scored on those from it on (YYYY-MM-DD); default: 4 weeks before the last purchase day.', ko: '이날 이전 구매로 학습하고 이날부터의 구매로 평가합니다(YYYY-MM-DD). 기본값은 마지막 구매일 4주 전.' },
  }),
  k: intList({
    min: 1, max: 100, default: [5, 10],
    label: { en: 'List lengths scored', ko: '평가할 추천 목록 길이' },
    help: { en: 'Lengths of the recommendation lists to score, comma-separated (hit rate, nDCG and recall at each).', ko: '평가할 추천 목록 길이, 쉼표로 구분(길이마다 적중률, nDCG, 재현율).' },
  }),
  models: choiceList(['all', ...MODEL_IDS], {
    default: [...QUICK_MODEL_IDS],
    label: { en: 'Models', ko: '모델' },
    help: {
      en: `Models to evaluate, comma-separated: ${MODEL_IDS.join(', ')}, or all. Default: the quick ones; the slow ones take minutes on the full demo (${slowModels}; segment-pop and cluster-knn refit a segmentation on the training period) and run only when named or with all.`,
      ko: `평가할 모델, 쉼표로 구분: ${MODEL_IDS.join(', ')}, 또는 all. 기본값은 빠른 모델들이며, 느린 모델은 전체 데모에서 몇 분씩 걸리므로(${slowModels}; segment-pop과 cluster-knn은 학습 기간으로 세그먼테이션을 다시 적합) 이름을 적거나 all일 때만 돌립니다.`,
    },
  }),
  segmentRun: runId({
    text: 'coerce', type: 'integer',
    label: { en: 'Segmentation for segment popularity', ko: '세그먼트 인기 모델의 세그먼테이션' },
    help: {
      en: 'segment-pop: a kmeans or stratified-kmeans run whose method and settings are fitted again on the training period (never the test period); default: the newest such run on this data, else stratified-kmeans with its defaults (kmeans on RFM without categories).',
      ko: 'segment-pop: 방법과 설정을 학습 기간에 다시 적합할 kmeans 또는 stratified-kmeans 실행(평가 기간은 쓰지 않음). 기본값은 이 데이터의 최신 실행, 없으면 stratified-kmeans 기본 설정(카테고리가 없으면 RFM kmeans).',
    },
  }),
  clusterRun: runId({
    text: 'coerce', type: 'integer',
    label: { en: 'Clustering for cluster neighbours', ko: '군집 이웃 모델의 군집화' },
    help: { en: 'cluster-knn: a stratified-kmeans run whose settings are fitted again on the training period; default: the newest on this data, else the defaults.', ko: 'cluster-knn: 설정을 학습 기간에 다시 적합할 stratified-kmeans 실행. 기본값은 이 데이터의 최신 실행, 없으면 기본 설정.' },
  }),
  validationDays: int({
    text: 'coerce', min: 1, max: 365, default: 28,
    label: { en: 'Tuning days', ko: '조정용 일수' },
    help: { en: 'EASE and TIFU-KNN: the last days before the test period, used to choose their settings (never the test period).', ko: 'EASE와 TIFU-KNN: 설정을 고르는 데 쓰는 평가 기간 직전 일수(평가 기간은 쓰지 않음).' },
  }),
  validationCustomers: int({
    text: 'coerce', min: 100, max: 10_000_000, default: 5000,
    label: { en: 'Tuning customers', ko: '조정용 고객 수' },
    help: { en: 'EASE and TIFU-KNN: settings are chosen on at most this many customers of the tuning days (a seeded sample).', ko: 'EASE와 TIFU-KNN: 조정용 기간 고객 중 최대 이만큼(시드 고정 표본)으로 설정을 고릅니다.' },
  }),
  lambdas: numberList({
    above: 0, default: [100, 400, 1600],
    label: { en: 'EASE: penalties tried', ko: 'EASE: 비교할 규제 값' },
    help: { en: 'EASE: candidate penalties λ, comma-separated; the one with the best nDCG on the tuning days is used.', ko: 'EASE: 비교할 규제 값 λ, 쉼표로 구분. 조정용 기간에 nDCG가 가장 좋은 값을 씁니다.' },
  }),
  easeItems: int({
    text: 'coerce', min: 10, max: 5000, default: 2000,
    label: { en: 'EASE: products modelled', ko: 'EASE: 모델링할 상품 수' },
    help: { en: 'EASE: model only this many of the most popular products (the solve grows with the cube of it).', ko: 'EASE: 가장 인기 있는 상품 이만큼만 모델링합니다(계산량이 이 수의 세제곱으로 늘어납니다).' },
  }),
  tifuK: intList({
    min: 1, max: 5000, default: [...DEFAULT_TIFU_GRID.k],
    label: { en: 'TIFU-KNN: neighbours tried', ko: 'TIFU-KNN: 비교할 이웃 수' },
    help: { en: 'TIFU-KNN: candidate numbers of nearest customers k, chosen on the tuning days.', ko: 'TIFU-KNN: 비교할 최근접 고객 수 k 후보. 조정용 기간에 고릅니다.' },
  }),
  tifuGroup: intList({
    min: 1, max: 100, default: [...DEFAULT_TIFU_GRID.groupSize],
    label: { en: 'TIFU-KNN: group sizes tried', ko: 'TIFU-KNN: 비교할 그룹 크기' },
    help: { en: 'TIFU-KNN: candidate numbers of baskets per group m.', ko: 'TIFU-KNN: 그룹당 장바구니 수 m 후보.' },
  }),
  tifuGroupDecay: numberList({
    min: 0, max: 1, default: [...DEFAULT_TIFU_GRID.groupDecay],
    label: { en: 'TIFU-KNN: decays across groups tried', ko: 'TIFU-KNN: 비교할 그룹 간 감쇠' },
    help: { en: 'TIFU-KNN: candidate decays from one group of baskets to the previous (rg in the paper).', ko: 'TIFU-KNN: 한 장바구니 그룹에서 이전 그룹으로 갈 때의 감쇠 후보(논문의 rg).' },
  }),
  tifuAlpha: numberList({
    min: 0, max: 1, default: [...DEFAULT_TIFU_GRID.alpha],
    label: { en: 'TIFU-KNN: own-history weights tried', ko: 'TIFU-KNN: 비교할 본인 이력 가중치' },
    help: { en: 'TIFU-KNN: candidate weights α of the customer’s own history against the neighbours’.', ko: 'TIFU-KNN: 이웃 대비 고객 본인 이력의 가중치 α 후보.' },
  }),
  tifuWithinDecay: number({
    text: 'coerce', min: 0, max: 1, default: DEFAULT_TIFU_GRID.withinDecay,
    label: { en: 'TIFU-KNN: decay within a group', ko: 'TIFU-KNN: 그룹 안 감쇠' },
    help: { en: 'TIFU-KNN: decay from one basket to the previous within a group (rb in the paper; fixed, not tuned).', ko: 'TIFU-KNN: 그룹 안에서 한 장바구니에서 이전 장바구니로 갈 때의 감쇠(논문의 rb, 고정).' },
  }),
  ...sequenceParams,
  seed: int({
    text: 'coerce', listed: 1,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'score-model and sequence: seed of the initial weights, held-out pairs or sessions, and batch order; also the tuning sample of EASE and TIFU-KNN and the paired bootstrap (1,000 resamples of customers).', ko: 'score-model과 sequence: 초기 가중치, 검증용 쌍·세션, 배치 순서의 시드. EASE·TIFU-KNN 조정용 표본과 대응 부트스트랩(고객 1,000회 재표집)에도 씁니다.' },
  }),
});
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
function assessAs(id: string, per: PerCustomer, model: Recommender, h: Holdout, history: (customer: number) => Set<number>, ks: number[], products: number): Omit<ModelResult, 'id'> {
  const t0 = performance.now();
  model.fit(h.train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const kMax = Math.max(...ks);
  const e = evaluate((u) => model.recommend(u, kMax), h.truth, history, ks, products);
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
  titleKo: '추천 모델 평가',
  description: 'Temporal holdout (train before the cutoff, truth = products bought on or after it): HR, nDCG and Recall at K and catalogue coverage for every model beside the baselines (global and personal popularity, segment popularity, item-kNN, EASE), split into repeat and new items; each model against the best baseline with a 95% paired-bootstrap interval (wins only when it lies above 0); segmentations refitted on the training period.',
  descriptionKo: '시간 기준 홀드아웃(기준일 전으로 학습하고, 기준일 이후에 산 상품을 정답으로)으로 모든 모델과 기준 모델(전체·개인 인기도, 세그먼트 인기도, 아이템 kNN, EASE)의 HR, nDCG, Recall@K와 카탈로그 커버리지를 재구매 상품과 새 상품으로 나누어 구합니다. 각 모델을 가장 좋은 기준 모델과 95% 대응 부트스트랩 구간으로 비교하며(구간이 0보다 위일 때만 우세), 세그먼트는 학습 기간으로 다시 나눕니다.',
  isAnalysis: true,
  params,
  paramInfo,
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
      // The evaluated customers' training products, once for every model (the holdout is the same).
      const history = historyOf(h.train);
      // Segmentations refitted on the training period, shared by segment-pop and cluster-knn when they ask for the same one.
      const fitted = new Map<string, TrainingSegmentation | string>();
      const segmentation = async (runId: number | undefined, only?: 'stratified-kmeans'): Promise<TrainingSegmentation | string> => {
        const choice = chooseSegmentation(db, runId, only);
        if (typeof choice === 'string') return choice;
        const key = JSON.stringify(choice);
        if (!fitted.has(key)) fitted.set(key, await fitTrainingSegmentation(db, ctx, b, cutoff, choice));
        return fitted.get(key)!;
      };
      // EASE (λ fits and scoring, the largest share of the default work) runs on the second core
      // from the start, while this thread evaluates the other models (issue #16).
      const easeRun = wanted.includes('ease') ? startEase({
        b: { productCodes: b.productCodes, customerIds: b.customerIds, receiptCustomer: b.receiptCustomer, receiptDay: b.receiptDay, receiptStart: b.receiptStart, receiptItems: b.receiptItems },
        cutoff, ks, validationDays: p.validationDays, validationCustomers: p.validationCustomers, lambdas: p.lambdas, easeItems: p.easeItems, seed: p.seed ?? 1,
      }, () => ctx.throwIfCancelled()) : null;
      const stopEase = () => void easeRun?.stop();
      ctx.signal.addEventListener('abort', stopEase, { once: true });
      let easeAt = -1;
      try {
        let step = 0;
        for (const id of wanted) {
          ctx.throwIfCancelled();
          ctx.progress({ phase: 'evaluate', done: step++, total: wanted.length, unit: 'models', message: id });
          const assess = (model: Recommender) => assessAs(id, per, model, h, history, ks, P);
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
            // Evaluated on its own thread since the start (ease-thread.ts); its result takes this place in the list.
            easeAt = results.length;
            results.push({ id });
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
        if (easeRun && easeAt >= 0) {
          ctx.progress({ phase: 'evaluate', done: wanted.length - 1, total: wanted.length, unit: 'models', message: 'ease' });
          // A cancel ends the thread; report it as the cancel it is, not as the thread's exit.
          const e = await easeRun.result.catch((err: unknown) => { ctx.throwIfCancelled(); throw err; });
          results[easeAt] = { id: 'ease', ...e.result };
          per.set('ease', e.perCustomer);
        }
      } finally {
        ctx.signal.removeEventListener('abort', stopEase);
        await easeRun?.stop();
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

function toDay(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  const day = epochDay(y, m, d);
  if (day === undefined) throw new WorkbenchError('invalid-input', `cutoff ${s} is not a calendar date.`);
  return day;
}
