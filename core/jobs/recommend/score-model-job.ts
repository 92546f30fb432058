import type { z } from 'zod';
import { createRandom } from '../../analysis/common/random.js';
import {
  pairsFromScores, pickRetailer, preferenceTable, SCORE_MODEL_DEFAULTS, stampMission, topPredictions, trainScoreModel, weightedSampleTop,
  type Prediction, type PurchaseColumns, type ScoreModel,
} from '../../analysis/recommend/index.js';
import { sha256Text } from '../../data/hash.js';
import { openProject } from '../../data/store/open.js';
import { customerCodes, customerDemographics, productInfo, retailerPurchases, retailerSpend } from '../../data/store/queries/score-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import type { ScoreModelExample, ScoreModelProduct, ScoreModelRetailer, ScoreModelSummary } from '../../model/recommend.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import { defineParams, int, number, text } from '../param-spec.js';
import type { JobDefinition } from '../types.js';
import { categoryCodes, requireProducts } from './split.js';

const { schema: params, info: paramInfo } = defineParams({
  seed: int({
    text: 'coerce', default: SCORE_MODEL_DEFAULTS.seed,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'Seed of the initial weights, the held-out pairs, the batch order and the example draws: same seed, same run.', ko: '초기 가중치, 검증용 쌍, 배치 순서, 예시 추첨의 시드. 시드가 같으면 결과도 같습니다.' },
  }),
  epochs: int({
    text: 'coerce', min: 1, max: 200, default: SCORE_MODEL_DEFAULTS.epochs,
    label: { en: 'Training passes', ko: '학습 횟수' },
    help: { en: 'Passes over the training pairs.', ko: '학습용 쌍을 몇 번 훑을지.' },
  }),
  dim: int({
    text: 'coerce', min: 1, max: 256, default: SCORE_MODEL_DEFAULTS.dim,
    label: { en: 'Embedding size', ko: '임베딩 크기' },
    help: { en: 'Size of the customer and product embeddings.', ko: '고객·상품 임베딩의 크기.' },
  }),
  hidden: int({
    text: 'coerce', min: 1, max: 512, default: SCORE_MODEL_DEFAULTS.hidden,
    label: { en: 'Hidden units', ko: '은닉 유닛 수' },
    help: { en: 'Hidden units (ReLU) of the network.', ko: '신경망 은닉층(ReLU)의 유닛 수.' },
  }),
  lr: number({
    text: 'coerce', above: 0, max: 1, default: SCORE_MODEL_DEFAULTS.lr,
    label: { en: 'Learning rate', ko: '학습률' },
    help: { en: 'Step size of the Adam optimiser.', ko: 'Adam 최적화의 학습률.' },
  }),
  batch: int({
    text: 'coerce', min: 1, max: 65536, default: SCORE_MODEL_DEFAULTS.batch,
    label: { en: 'Batch size', ko: '배치 크기' },
    help: { en: 'Pairs per training step.', ko: '학습 한 단계에 쓰는 쌍의 수.' },
  }),
  validShare: number({
    text: 'coerce', min: 0, max: 0.5, default: SCORE_MODEL_DEFAULTS.validShare,
    label: { en: 'Share held out for checking', ko: '검증용으로 떼어 둘 비율' },
    help: { en: 'Share of the customer–product pairs held out for the validation error (RMSE); the original study used 0.1.', ko: '검증 오차(RMSE)를 재려고 떼어 둘 고객–상품 쌍의 비율. 원래 분석은 0.1.' },
  }),
  l2: number({
    text: 'coerce', min: 0, default: SCORE_MODEL_DEFAULTS.l2,
    label: { en: 'Embedding penalty (L2)', ko: '임베딩 규제(L2)' },
    help: { en: 'L2 penalty on the embeddings: larger values keep them smaller.', ko: '임베딩에 거는 L2 규제. 클수록 임베딩 값이 작게 유지됩니다.' },
  }),
  customer: text({
    min: 1,
    label: { en: 'Customer to show', ko: '보여 줄 고객' },
    help: { en: 'Show the drawn retailer, the sampled product and the stamp mission for this customer code; default: the first customers by code.', ko: '이 고객 코드에 대해 추첨된 매장, 추천 상품 표본, 스탬프 미션을 보여 줍니다. 기본값은 코드 순 첫 고객들.' },
  }),
  examples: int({
    text: 'coerce', min: 1, max: 50, default: 3,
    label: { en: 'Customers shown', ko: '보여 줄 고객 수' },
    help: { en: 'Without customer: for how many customers (first by code) to show the drawn retailer, sampled product and stamp mission.', ko: 'customer가 없을 때: 추첨된 매장, 추천 상품 표본, 스탬프 미션을 보여 줄 고객 수(코드 순).' },
  }),
});
export type ScoreModelParams = z.output<typeof params>;

/** The seed's numbers: sample among the top 30; stamp mission of 5 categories × 4 products. */
const SAMPLE_TOP = 30, MISSION_CATEGORIES = 5, MISSION_PRODUCTS = 4;

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const round = (x: number, d = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/**
 * Seed 002's learned score model (SPEC §3.3; model in core/analysis/recommend/score-model.ts):
 * per retailer, the 0–5 preference score of every (customer, product) pair with purchases (as of the
 * day after the last purchase), a network trained on a 90/10 split of those pairs (RMSE beside the
 * mean baseline), and the seed's three uses for a few customers: a retailer drawn by spend share,
 * one product sampled among the top 30 never-bought predictions, and the stamp mission.
 */
export const scoreModelJob: JobDefinition<ScoreModelParams, ScoreModelSummary> = {
  id: 'score-model',
  title: 'Learned preference score',
  titleKo: '학습된 선호 점수',
  description: "Per retailer, a neural network (customer and product embeddings + age and gender) trained on a 90/10 split of the 0–5 preference scores, validation RMSE beside the mean baseline, and what the score is used for: a retailer drawn by spend share, a weighted sample among the top 30 never-bought products, and a stamp mission.",
  descriptionKo: '유통사별로 0–5 선호 점수를 90/10으로 나누어 신경망(고객·상품 임베딩 + 나이·성별)을 학습하고, 검증 RMSE를 평균 기준과 나란히 보여 줍니다. 점수의 쓰임새도 보여 줍니다: 구매액 비중으로 뽑은 유통사, 사 본 적 없는 상위 30개 상품 중 가중 추출, 스탬프 미션.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    const db = openProject(ctx.project);
    try {
      requireProducts(db, 'score-model');
      ctx.progress({ phase: 'read', done: 0, total: 1, message: 'purchases' });
      db.exec('BEGIN');
      let rows, spend, codes, info;
      try {
        rows = retailerPurchases(db);
        spend = retailerSpend(db);
        codes = customerCodes(db);
        info = productInfo(db);
      } finally {
        db.exec('COMMIT');
      }
      const n = rows.customer.length;
      if (n === 0) throw new WorkbenchError('invalid-input', 'score-model needs purchases; this project has none.');
      ctx.throwIfCancelled();

      // Dense customers and products (internal ids ascending), categories and demographics.
      const customerIds = Int32Array.from(new Set(rows.customer)).sort();
      const productIds = Int32Array.from(new Set(rows.product)).sort();
      const cIndex = new Map<number, number>(), pIndex = new Map<number, number>();
      customerIds.forEach((id, u) => cIndex.set(id, u));
      productIds.forEach((id, q) => pIndex.set(id, q));
      const U = customerIds.length, P = productIds.length;
      const products = Array.from(productIds, (id) => info.get(id)!);
      const category = categoryCodes(products.map((x) => x.category));
      const demo = customerDemographics(db, customerIds);
      let lastDay = -Infinity;
      for (let i = 0; i < n; i++) if (rows.day[i] > lastDay) lastDay = rows.day[i];
      const reference = lastDay + 1;

      // Example customers and the retailer each one draws (use 1), by spend share.
      const R = rows.retailers.length;
      const share = new Map<number, Float64Array>();
      const rIndex = new Map(rows.retailers.map((r, i) => [r, i]));
      for (const [cid, ret, amount] of spend) {
        const u = cIndex.get(cid), ri = rIndex.get(ret);
        if (u === undefined || ri === undefined) continue;
        (share.get(u) ?? share.set(u, new Float64Array(R)).get(u)!)[ri] += amount;
      }
      let examples: number[];
      if (p.customer !== undefined) {
        const u = customerIds.findIndex((id) => codes.get(id) === p.customer);
        if (u < 0) throw new WorkbenchError('invalid-input', `customer ${p.customer} has no purchases in this project.`);
        examples = [u];
      } else {
        const byCode = Array.from({ length: U }, (_, u) => u).sort((a, b) => { const x = codes.get(customerIds[a])!, y = codes.get(customerIds[b])!; return x < y ? -1 : x > y ? 1 : 0; });
        examples = byCode.slice(0, p.examples);
      }
      const random = createRandom(p.seed);
      const picked = examples.map((u) => {
        const s = share.get(u) ?? new Float64Array(R);
        const total = s.reduce((a, b) => a + b, 0);
        return total > 0 ? pickRetailer(s.map((x) => x / total), random) : -1;
      });

      // Per retailer: scores, model, uses for the examples that drew it.
      const named = (q: number, score: number): ScoreModelProduct => ({ code: products[q].code, name: products[q].name, category: products[q].category, score: round(score, 3)! });
      const retailers: ScoreModelRetailer[] = [];
      const uses = new Map<number, Pick<ScoreModelExample, 'sampled' | 'top' | 'mission'>>();
      const opts = { dim: p.dim, hidden: p.hidden, epochs: p.epochs, lr: p.lr, batch: p.batch, validShare: p.validShare, l2: p.l2, seed: p.seed };
      for (let ri = 0; ri < R; ri++) {
        ctx.throwIfCancelled();
        const retailer = rows.retailers[ri];
        const t0 = performance.now();
        let count = 0;
        for (let i = 0; i < n; i++) if (rows.retailer[i] === ri) count++;
        if (count === 0) continue;
        const purchases: PurchaseColumns = { customer: new Int32Array(count), product: new Int32Array(count), day: new Int32Array(count) };
        for (let i = 0, j = 0; i < n; i++) {
          if (rows.retailer[i] !== ri) continue;
          purchases.customer[j] = cIndex.get(rows.customer[i])!;
          purchases.product[j] = pIndex.get(rows.product[i])!;
          purchases.day[j++] = rows.day[i];
        }
        ctx.progress({ phase: 'score', done: ri, total: R, unit: 'retailers', message: `${retailer}: preference scores` });
        const scores = preferenceTable(purchases, category, reference);
        const pairs = pairsFromScores(scores);
        const model: ScoreModel = trainScoreModel(pairs, U, P, { age: demo.age, gender: demo.gender, genderLevels: demo.genderLevels.length }, {
          ...opts,
          onEpoch: (e) => ctx.progress({
            phase: 'train', done: ri * p.epochs + e.epoch, total: R * p.epochs, unit: 'epochs',
            message: `${retailer}: epoch ${e.epoch}/${p.epochs}, loss (train RMSE) ${e.trainRmse.toFixed(3)}, validation RMSE ${Number.isFinite(e.validRmse) ? e.validRmse.toFixed(3) : '–'}`,
          }),
          shouldStop: () => { ctx.throwIfCancelled(); return false; },
        });
        const seconds = (performance.now() - t0) / 1000;
        const customersHere = new Set(pairs.customer).size, productsHere = new Set(pairs.product).size;
        retailers.push({
          retailer, pairs: scores.customer.length, customers: customersHere, products: productsHere, trainPairs: model.trainPairs, validPairs: model.validPairs,
          trainRmse: round(model.trainRmse), validRmse: round(model.validRmse), baselineRmse: round(model.baselineRmse),
          history: model.history.map((h) => ({ epoch: h.epoch, trainRmse: round(h.trainRmse), validRmse: round(h.validRmse) })),
          seconds: Math.round(seconds * 1000) / 1000,
        });
        // The retailer's catalogue: products someone bought there; candidates = those the customer never bought there.
        const sold = new Uint8Array(P);
        for (const q of pairs.product) sold[q] = 1;
        examples.forEach((u, e) => {
          if (picked[e] !== ri) return;
          const own = new Set<number>();
          scores.customer.forEach((c, j) => { if (c === u) own.add(scores.product[j]); });
          const all = model.predictAll(u);
          const preds: Prediction[] = [];
          for (let q = 0; q < P; q++) if (sold[q] && !own.has(q)) preds.push({ product: q, score: all[q] });
          const sampled = weightedSampleTop(preds, SAMPLE_TOP, random);
          uses.set(e, {
            sampled: sampled ? named(sampled.product, sampled.score) : null,
            top: topPredictions(preds, 5).map((x) => named(x.product, x.score)),
            mission: stampMission(preds, category, MISSION_CATEGORIES, MISSION_PRODUCTS).map((c) => ({ category: products[c.products[0].product].category ?? '', meanScore: round(c.mean, 3)!, products: c.products.map((x) => named(x.product, x.score)) })),
          });
        });
      }
      const exampleRows: ScoreModelExample[] = examples.map((u, e) => {
        const s = share.get(u) ?? new Float64Array(R);
        const total = s.reduce((a, b) => a + b, 0);
        return {
          customer: codes.get(customerIds[u])!,
          age: Number.isFinite(demo.age[u]) ? demo.age[u] : null,
          gender: demo.gender[u] >= 0 ? demo.genderLevels[demo.gender[u]] : null,
          shares: rows.retailers.map((retailer, ri) => ({ retailer, share: total > 0 ? round(s[ri] / total)! : 0 })).filter((x) => x.share > 0),
          retailer: picked[e] >= 0 ? rows.retailers[picked[e]] : null,
          ...(uses.get(e) ?? { sampled: null, top: [], mission: [] }),
        };
      });
      ctx.progress({ phase: 'train', done: R * p.epochs, total: R * p.epochs, unit: 'epochs' });
      return recordRunWith(db, ctx, 'score-model', p, dataFingerprint(db, sha256Text), (runId): ScoreModelSummary => ({
        runId, reference: iso(reference), seed: p.seed, settings: { dim: p.dim, hidden: p.hidden, epochs: p.epochs, lr: p.lr, batch: p.batch, validShare: p.validShare, l2: p.l2 },
        retailers, examples: exampleRows, seconds: Math.round(Date.now() - ctx.startedAt.getTime()) / 1000,
      })).summary;
    } finally {
      db.close();
    }
  },
};
