import { spendModel } from '../../analysis/spend/index.js';
import { sha256Text } from '../../data/hash.js';
import { openProject } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../../data/store/queries/capabilities.js';
import { spendLines } from '../../data/store/queries/spend-lines.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { writeSpend } from '../../data/store/spend-results.js';
import { WorkbenchError } from '../../model/result.js';
import type { SpendSummary } from '../../model/spend.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { spendFitters } from './fitters.js';
import { spendParamInfo, spendParams, type SpendParams } from './params.js';

/**
 * Seed 001's spend prediction (issue #13, SPEC §3.4): the purchase lines from the store (one scan,
 * typed arrays), the features, split, baselines and learned models of core/analysis/spend, stored
 * as a run with the prediction state, the models' JSON and the test table in run_artifacts. Needs
 * customers, products, dates and amounts.
 */
export const spendJob: JobDefinition<SpendParams, SpendSummary> = {
  id: 'spend-model',
  title: 'Spend prediction (boosted trees, TabNet)',
  titleKo: '구매액 예측 (부스팅 트리, TabNet)',
  description: "Predicts the amount of each purchase line (customer × product × day) from the customer's history with the product before that day and the day's context; boosted trees and TabNet against two baselines, RMSLE/RMSE/MAE per time split, permutation importance, and a verdict with a bootstrap interval over customers.",
  descriptionKo: '구매 행(고객 × 상품 × 일)마다 그날 이전 고객의 해당 상품 구매 이력과 그날의 맥락으로 구매액을 예측합니다. 부스팅 트리와 TabNet을 두 기준 모델과 비교하고, 시간 분할별 RMSLE/RMSE/MAE, 순열 중요도, 고객 부트스트랩 구간에 따른 판정을 보여 줍니다.',
  isAnalysis: true,
  params: spendParams,
  paramInfo: spendParamInfo,
  async run(ctx: JobContext, p: SpendParams) {
    const db = openProject(ctx.project);
    try {
      const reason = missingFieldReason(dataCapabilities(db), 'spend-model', ['lines', 'customers', 'products', 'dates', 'amounts']);
      if (reason) throw new WorkbenchError('invalid-input', reason);
      ctx.progress({ phase: 'read', done: 0, total: 1, message: 'purchase lines' });
      const data = spendLines(db, (rows) => {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'read', done: rows, total: 0, message: `${rows} lines` });
      });
      ctx.throwIfCancelled();
      let out;
      try {
        out = await spendModel(data, { ...p, models: [...p.models] }, spendFitters(p.seed), (phase, done, total, message) => {
          ctx.throwIfCancelled();
          ctx.progress({ phase, done, total, message });
        });
      } catch (err) {
        if (err instanceof RangeError) throw new WorkbenchError('invalid-input', `spend-model: ${err.message}.`);
        throw err;
      }
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'store', done: 0, total: 1, message: 'spend-model' });
      const fingerprint = dataFingerprint(db, sha256Text);
      // Test customers as indices into their own code list (the export's first column).
      const slot = new Map<number, number>(), codes: string[] = [];
      const customer = Int32Array.from(out.test.customer, (c) => {
        let s = slot.get(c);
        if (s === undefined) slot.set(c, (s = codes.push(data.customerCodes[c]) - 1));
        return s;
      });
      return recordRunWith(db, ctx, 'spend-model', { ...p }, fingerprint, (runId): SpendSummary => {
        writeSpend(db, runId, out.state, out.fitted, { customerCodes: codes, customer, product: out.test.product, day: out.test.day, actual: out.test.actual, models: out.test.predictions });
        return { runId, ...out.summary };
      }).summary;
    } finally {
      db.close();
    }
  },
};
