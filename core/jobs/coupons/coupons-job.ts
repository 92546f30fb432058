import { couponSensitivity, matchOffers, monthLabel, sensitiveShareBySegment, TooFewProfilesError, type CouponResult } from '../../analysis/coupons/index.js';
import { sha256Text } from '../../data/hash.js';
import { writeCouponCustomers } from '../../data/store/coupon-results.js';
import { openProject, type Db } from '../../data/store/open.js';
import { couponInputsPresent, readCouponLines } from '../../data/store/queries/coupon-lines.js';
import { readCouponOffers } from '../../data/store/queries/marketing-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { requireSegmentationRun, segmentsOf } from '../../data/store/segments.js';
import type { CouponSegmentShare, CouponSummary } from '../../model/coupons.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { couponParamInfo, couponParams, type CouponParams } from './params.js';

/** The three inputs, each refused in one sentence that says what to import. */
function checkInputs(db: Db): void {
  const has = couponInputsPresent(db);
  if (!has.offers) throw new WorkbenchError('invalid-input', 'coupon-sensitivity needs coupon offers, which this project does not have; import them with `import --role coupons` (month or from/to, category, code, discount).');
  if (!has.statuses) throw new WorkbenchError('invalid-input', "coupon-sensitivity needs each purchase line's coupon status (used / clicked / not used), which this project's data does not have; import the lines with `--map coupon=COLUMN`.");
  if (!has.categories) throw new WorkbenchError('invalid-input', "coupon-sensitivity needs product categories (offers apply to a category), which this project's data does not have.");
}

/** Share of sensitive customers per segment of `segmentRun`. */
function segmentShares(db: Db, segmentRun: number, r: CouponResult): CouponSegmentShare[] {
  const { segmentOf, ids, nameOf } = segmentsOf(db, segmentRun);
  const customers = Array.from(r.rows, (row) => r.profiles.customers[row]);
  const sensitive = Array.from(r.rows, (row) => r.clusters[r.cluster[row]].sensitive);
  return sensitiveShareBySegment(customers, sensitive, segmentOf, ids).map((s) => ({ ...s, name: nameOf(s.segment) }));
}

/**
 * Coupon sensitivity (issue #11; seed 004 §4): the lines with a coupon status and their offers
 * (store queries), matched by category and date (matchOffers), per-customer use rates by discount
 * level clustered and described (core/analysis/coupons); stored as a run with its per-customer
 * counts in run_artifacts.
 */
export const couponsJob: JobDefinition<CouponParams, CouponSummary> = {
  id: 'coupon-sensitivity',
  title: 'Coupon sensitivity',
  titleKo: '쿠폰 민감도',
  description: 'Per customer the coupon use rate at each discount level (and month); customers clustered on those profiles (k-means, or DTW on the monthly series); each cluster\'s slope of use on the discount with a bootstrap interval; the share of sensitive customers per segment.',
  descriptionKo: '고객마다 할인율별(그리고 월별) 쿠폰 사용률을 구하고, 그 프로필로 고객을 군집화합니다(K-평균, 또는 월별 계열에 DTW). 군집마다 할인율에 대한 사용률의 기울기를 부트스트랩 구간과 함께 구하고, 세그먼트별 민감 고객의 비율을 보여 줍니다.',
  isAnalysis: true,
  params: couponParams,
  paramInfo: couponParamInfo,
  async run(ctx: JobContext, p: CouponParams) {
    const t0 = performance.now();
    const db = openProject(ctx.project);
    try {
      checkInputs(db);
      if (p.segmentRun !== undefined) {
        requireSegmentationRun(db, p.segmentRun);
      }
      ctx.progress({ phase: 'read', done: 0, total: 1, message: 'lines with a coupon status' });
      const rows = readCouponLines(db);
      const offers = readCouponOffers(db);
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'match', done: 0, total: rows.day.length, unit: 'lines', message: `${offers.length} offers` });
      const match = matchOffers({ day: rows.day, category: rows.category }, offers);
      ctx.throwIfCancelled();
      let r: CouponResult;
      try {
        r = couponSensitivity({ customer: rows.customer, day: rows.day, discount: match.discount, status: rows.status }, p, (phase, done, total) => {
          ctx.throwIfCancelled();
          ctx.progress({ phase, done, total, message: phase === 'dtw' ? 'DTW distances' : phase });
        });
      } catch (err) {
        if (err instanceof TooFewProfilesError || (err instanceof RangeError && /discount levels|method=dtw/.test(err.message))) throw new WorkbenchError('invalid-input', `coupon-sensitivity: ${err.message}.`);
        throw err;
      }
      ctx.throwIfCancelled();
      const segments = p.segmentRun === undefined ? [] : segmentShares(db, p.segmentRun, r);
      ctx.progress({ phase: 'store', done: 0, total: 1, message: 'coupon profiles' });
      const fingerprint = dataFingerprint(db, sha256Text);
      const pr = r.profiles;
      return recordRunWith(db, ctx, 'coupon-sensitivity', { ...p }, fingerprint, (runId): CouponSummary => {
        writeCouponCustomers(db, runId, { customers: pr.customers, cluster: r.cluster, offered: pr.offered, used: pr.used, clicked: pr.clicked });
        return {
          runId, method: p.method, k: p.k, minOffers: p.minOffers,
          customers: r.rows.length, customersWithOffers: pr.customers.length, excludedCustomers: pr.customers.length - r.rows.length,
          levels: pr.levels, months: pr.months.map(monthLabel),
          offeredLines: pr.offeredLines, unmatchedLines: pr.unmatchedLines, overlappingLines: match.overlapping,
          clusters: r.clusters.map((c, id) => ({ id, ...c })),
          slope: r.slope, slopeLow: r.slopeLow, slopeHigh: r.slopeHigh, risesWithDiscount: r.risesWithDiscount, verdict: r.verdict,
          bootstrap: p.bootstrap, confidence: p.confidence, segmentRun: p.segmentRun ?? null, segments,
          seconds: (performance.now() - t0) / 1000,
        };
      }).summary;
    } finally {
      db.close();
    }
  },
};
