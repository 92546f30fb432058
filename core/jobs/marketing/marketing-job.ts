import { marketingResponse, type MarketingInput, type SpendSeries } from '../../analysis/marketing/index.js';
import { sha256Text } from '../../data/hash.js';
import { isoDate } from '../../data/import/values.js';
import { writeMarketingCustomers } from '../../data/store/marketing-results.js';
import { openProject, type Db } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason } from '../../data/store/queries/capabilities.js';
import { customerDayAmounts, type CustomerDayAmounts } from '../../data/store/queries/customer-days.js';
import { readMarketingSpend } from '../../data/store/queries/marketing-inputs.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { segmentsOf } from '../../data/store/segments.js';
import type { MarketingSummary } from '../../model/marketing.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext, JobDefinition } from '../types.js';
import { marketingParamInfo, marketingParams, type MarketingParams } from './params.js';

/** The refusal when the project has no marketing spend (issue #11: one sentence that says how to import it). */
export const NO_MARKETING_REASON = "marketing-response needs a daily marketing spend file, which this project does not have; import one with `import --project P.sqlite --role marketing --map date=Date FILE.csv` (a date column and one numeric column per channel).";

/** The stored spend as the analysis's series: the days with any channel's spend, NaN where a channel has no row. */
export function spendSeries(db: Db): SpendSeries {
  const s = readMarketingSpend(db);
  if (s.channels.length === 0) throw new WorkbenchError('invalid-input', NO_MARKETING_REASON);
  const days: number[] = [];
  for (let d = 0; d <= s.lastDay - s.firstDay; d++) if (s.channels.some((c) => !Number.isNaN(s.spend[c][d]))) days.push(d);
  return {
    days: Int32Array.from(days, (d) => s.firstDay + d),
    channels: s.channels,
    values: s.channels.map((c) => Float64Array.from(days, (d) => s.spend[c][d])),
  };
}

/** Parts: every customer as 'all', or the segments of `segmentRun` (customers it sets aside or lacks are in none). */
function partsOf(db: Db, p: MarketingParams, c: CustomerDayAmounts): { part: Int32Array; parts: MarketingInput['parts']; segmentIds: number[] } {
  if (p.segmentRun === undefined) return { part: new Int32Array(c.ids.length), parts: [{ segment: null, name: 'all' }], segmentIds: [-1] };
  const { segmentOf, ids, nameOf } = segmentsOf(db, p.segmentRun);
  const index = new Map(ids.map((s, i) => [s, i]));
  const part = Int32Array.from(c.ids, (cid) => index.get(segmentOf.get(cid) ?? -1) ?? -1);
  return { part, parts: ids.map((s) => ({ segment: s, name: nameOf(s) })), segmentIds: ids };
}

/**
 * Marketing response (issue #11, seed 004 §3): the stored daily spend and each customer's daily
 * net amounts → per customer the online response and offline responding tier, per segment their
 * distributions and a distributed-lag regression of daily sales on spend with Newey–West
 * intervals (core/analysis/marketing). Stored as a run: the summary holds the per-segment
 * figures, run_artifacts the per-customer measures (the `marketing` export).
 */
export const marketingJob: JobDefinition<MarketingParams, MarketingSummary> = {
  id: 'marketing-response',
  title: 'Marketing response (online / offline spend)',
  titleKo: '마케팅 반응 (온라인 / 오프라인 광고비)',
  description: "Online response (share of online spend on a customer's purchase days, min–max scaled) and offline responding tier (amount per occurrence of low / mid / high spend), per segment; and a daily regression of sales on each channel's spend at lags 0–7 with Newey–West intervals and R².",
  descriptionKo: '세그먼트별 온라인 반응(고객의 구매일에 온라인 광고비가 차지하는 비율, 최소–최대 척도)과 오프라인 반응 등급(광고비 낮음·중간·높음일 때 회당 구매액), 그리고 채널별 광고비의 시차 0–7일에 대한 일별 매출 회귀(Newey–West 구간과 R²)를 구합니다.',
  isAnalysis: true,
  params: marketingParams,
  paramInfo: marketingParamInfo,
  async run(ctx: JobContext, p: MarketingParams) {
    const t0 = performance.now();
    const db = openProject(ctx.project);
    try {
      const reason = missingFieldReason(dataCapabilities(db), 'marketing-response', ['lines', 'customers', 'dates', 'amounts']);
      if (reason) throw new WorkbenchError('invalid-input', reason);
      ctx.progress({ phase: 'read', done: 0, total: 2, message: 'marketing spend' });
      const spend = spendSeries(db);
      ctx.progress({ phase: 'read', done: 1, total: 2, message: 'daily amounts per customer' });
      const c = customerDayAmounts(db, () => ctx.throwIfCancelled());
      ctx.throwIfCancelled();
      const { part, parts, segmentIds } = partsOf(db, p, c);
      let result;
      try {
        result = marketingResponse(
          { spend, purchases: { start: c.start, day: c.day, amount: c.amount }, part, parts },
          { onlineChannel: p.onlineChannel ?? null, offlineChannel: p.offlineChannel ?? null, offlineTierBounds: p.offlineTierBounds ?? null, regressionChannels: p.channels ?? null, maxLag: p.maxLag, hacLag: p.hacLag ?? null },
          (done, total) => {
            ctx.throwIfCancelled();
            ctx.progress({ phase: 'measure', done, total, unit: 'segments', message: parts[done]?.name ?? '' });
          },
        );
      } catch (err) {
        if (err instanceof RangeError) throw new WorkbenchError('invalid-input', err.message);
        throw err;
      }
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'store', done: 0, total: 1, message: 'measures' });
      const keep: number[] = [];
      result.measured.forEach((m, i) => m && keep.push(i));
      const nan = (a: Float64Array | null, i: number) => (a ? a[i] : NaN);
      const fingerprint = dataFingerprint(db, sha256Text);
      const spendDays = spend.days;
      return recordRunWith(db, ctx, 'marketing-response', { ...p }, fingerprint, (runId): MarketingSummary => {
        writeMarketingCustomers(db, runId, {
          customers: Int32Array.from(keep, (i) => c.ids[i]),
          segments: Int32Array.from(keep, (i) => (part[i] >= 0 && p.segmentRun !== undefined ? segmentIds[part[i]] : -1)),
          onlineShare: Float64Array.from(keep, (i) => nan(result.onlineShare, i)),
          onlineScaled: Float64Array.from(keep, (i) => nan(result.onlineScaled, i)),
          perTier: Float64Array.from(keep.flatMap((i) => [0, 1, 2].map((t) => (result.offline ? result.offline.perTier[i * 3 + t] : NaN)))),
          tier: Int32Array.from(keep, (i) => (result.offline ? result.offline.tier[i] : -2)),
        });
        const o = result.offline;
        let outside = 0;
        for (let i = 0; i < c.ids.length; i++) if (!result.measured[i] && c.start[i + 1] > c.start[i]) outside++;
        return {
          runId, customers: keep.length, channels: spend.channels,
          onlineChannel: result.onlineChannel, offlineChannel: result.offlineChannel, regressionChannels: result.regressionChannels, maxLag: p.maxLag,
          tierBounds: o ? o.bounds : null, tierBoundsDefault: result.tierBoundsDefault,
          tierDays: o ? { low: o.tierDays[0], mid: o.tierDays[1], high: o.tierDays[2] } : { low: 0, mid: 0, high: 0 },
          offlineLevels: result.offlineLevels.slice(0, 50),
          spendFirstDay: isoDate(spendDays[0]), spendLastDay: isoDate(spendDays[spendDays.length - 1]),
          periodFirstDay: result.period ? isoDate(result.period.first) : null, periodLastDay: result.period ? isoDate(result.period.last) : null,
          customersOutside: outside, segmentRun: p.segmentRun ?? null, segments: result.segments, notes: result.notes,
          seconds: (performance.now() - t0) / 1000,
        };
      }).summary;
    } finally {
      db.close();
    }
  },
};
