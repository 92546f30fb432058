import { clvModel } from '../../analysis/value/index.js';
import { sha256Text } from '../../data/hash.js';
import { openProject } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../../data/store/queries/capabilities.js';
import { purchaseDays } from '../../data/store/queries/purchase-days.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { writeClv } from '../../data/store/value-results.js';
import { WorkbenchError } from '../../model/result.js';
import type { ClvSummary } from '../../model/value.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { clvParamInfo, clvParams, type ClvParams } from './params.js';

const iso = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);
const epochDay = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86400000;

/**
 * Customer lifetime value (issue #13): purchase days from the store (SQL aggregation), the BG/NBD
 * and Gamma-Gamma fitted on the calibration period with the holdout check, and per customer
 * P(alive), expected purchases and discounted value over the horizon (core/analysis/value);
 * stored as a run with the per-customer table in run_artifacts. Needs customer, date and amount
 * only.
 */
export const clvJob: JobDefinition<ClvParams, ClvSummary> = {
  id: 'clv',
  title: 'Customer lifetime value (BG/NBD + Gamma-Gamma)',
  titleKo: '고객 생애 가치 (BG/NBD + Gamma-Gamma)',
  description: 'Repeat purchases by the BG/NBD (Fader, Hardie & Lee 2005) and spend per purchase by the Gamma-Gamma (Fader & Hardie 2013), fitted by maximum likelihood on a calibration period and checked on the holdout; per customer P(alive), expected purchases and discounted value over a horizon.',
  descriptionKo: '재구매를 BG/NBD(Fader, Hardie & Lee 2005)로, 회당 구매액을 Gamma-Gamma(Fader & Hardie 2013)로 보정 기간에 최대우도 적합하고 홀드아웃 기간으로 확인합니다. 고객별 생존 확률, 기대 구매 횟수, 기간 동안의 할인된 가치를 구합니다.',
  isAnalysis: true,
  params: clvParams,
  paramInfo: clvParamInfo,
  async run(ctx: JobContext, p: ClvParams) {
    const t0 = performance.now();
    const db = openProject(ctx.project);
    try {
      const reason = missingFieldReason(dataCapabilities(db), 'clv', ['lines', 'customers', 'dates', 'amounts']);
      if (reason) throw new WorkbenchError('invalid-input', reason);
      ctx.progress({ phase: 'read', done: 0, total: 1, message: 'purchase days' });
      const rows = purchaseDays(db);
      if (rows.day.length === 0) throw new WorkbenchError('invalid-input', 'clv needs purchases with a positive amount by identified customers, and this project has none.');
      ctx.throwIfCancelled();
      let first = Infinity, last = -Infinity;
      for (const d of rows.day) {
        first = Math.min(first, d);
        last = Math.max(last, d);
      }
      const cal = p.calibrationEnd === undefined ? null : epochDay(p.calibrationEnd);
      if (cal !== null && cal < first) throw new WorkbenchError('invalid-input', `calibrationEnd ${p.calibrationEnd} is before the first purchase (${iso(first)}); choose a day between ${iso(first)} and ${iso(last)}.`);
      let model;
      try {
        model = clvModel({ customer: rows.customer, day: rows.day, amount: rows.amount }, rows.ids.length, { calibrationEnd: cal, horizonDays: p.horizonDays, timeUnit: p.timeUnit, monthlyDiscount: p.monthlyDiscount }, (phase) => {
          ctx.throwIfCancelled();
          ctx.progress({ phase, done: 0, total: 1, message: phase });
        });
      } catch (err) {
        if (err instanceof RangeError) throw new WorkbenchError('invalid-input', `clv: ${err.message}.`);
        throw err;
      }
      ctx.throwIfCancelled();
      const c = model.customers;
      const keep: number[] = [];
      for (let i = 0; i < rows.ids.length; i++) if (c.included[i]) keep.push(i);
      const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
      ctx.progress({ phase: 'store', done: 0, total: 1, message: 'clv' });
      const fingerprint = dataFingerprint(db, sha256Text);
      const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
      const bg = model.bgnbd, gg = model.gammaGamma;
      return recordRunWith(db, ctx, 'clv', { ...p }, fingerprint, (runId): ClvSummary => {
        writeClv(db, runId, {
          ids: Int32Array.from(keep, (i) => rows.ids[i]), frequency: pick(c.frequency), recency: pick(c.recency), T: pick(c.T), monetary: pick(c.monetary),
          pAlive: pick(c.pAlive), expectedPurchases: pick(c.expectedPurchases), expectedValue: pick(c.expectedValue),
        });
        return {
          runId,
          bgnbd: { ...bg.params, logLik: bg.logLik, converged: bg.converged, iterations: bg.iterations },
          gammaGamma: { ...gg.params, logLik: gg.logLik, converged: gg.converged, iterations: gg.iterations, customers: model.spendCustomers },
          customers: keep.length, calibrationCustomers: model.calibrationCustomers, timeUnit: p.timeUnit,
          calibrationEnd: iso(model.calibrationEnd), firstDay: iso(first), lastDay: iso(last), horizonDays: p.horizonDays, monthlyDiscount: p.monthlyDiscount,
          check: model.check, expectedPurchases: sum(c.expectedPurchases), expectedValue: sum(c.expectedValue),
          seconds: (performance.now() - t0) / 1000,
        };
      }).summary;
    } finally {
      db.close();
    }
  },
};
