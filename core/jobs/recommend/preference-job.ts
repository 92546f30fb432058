import type { z } from 'zod';
import { preferenceScores, validationTable, type PreferencePurchase } from '../../analysis/recommend/index.js';
import { sha256Text } from '../../data/hash.js';
import { epochDay } from '../../data/import/values.js';
import { openProject } from '../../data/store/open.js';
import { PURCHASE_LINE } from '../../data/store/queries/baskets.js';
import { dataFingerprint } from '../../data/store/runs.js';
import type { PreferenceValidation } from '../../model/recommend.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import { date, defineParams } from '../param-spec.js';
import type { JobDefinition } from '../types.js';
import { requireProducts } from './split.js';

const { schema: params, info: paramInfo } = defineParams({
  split: date({
    label: { en: 'First day of the “bought again” period', ko: '재구매 확인 기간 첫날' },
    help: {
      en: 'Scores use the purchases before this day and are checked against what was bought from it on; default: 91 days before the last purchase day (1 October for a calendar year).',
      ko: '이날 이전 구매로 점수를 계산하고 이날부터의 구매로 확인합니다. 기본값은 마지막 구매일 91일 전(한 해 데이터면 10월 1일).',
    },
  }),
});


const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Seed 002's check of its preference score (SPEC §3.3; definitions in
 * core/analysis/recommend/preference.ts): per retailer, scores of every (customer, product) pair
 * from the purchases before `split` (default: the last 92 days are held out — for a calendar year,
 * January–September against October–December, as the seed), and for thresholds 0.0…4.5 the share
 * of pairs scoring at least that which the customer bought again at that retailer from `split` on.
 */
export const preferenceJob: JobDefinition<z.output<typeof params>, PreferenceValidation> = {
  id: 'preference-score',
  title: 'Preference score validation',
  titleKo: '선호 점수 검증',
  description: 'Per retailer, the 0–5 preference score (buy level + category share + repurchase interval) from the earlier months, and for thresholds 0.0…4.5 the share of customer–product pairs bought again in the last months.',
  descriptionKo: '유통사별로 앞선 몇 달의 0–5 선호 점수(구매 수준 + 카테고리 비중 + 재구매 간격)를 구하고, 임계값 0.0…4.5마다 마지막 몇 달에 다시 구매된 고객–상품 쌍의 비율을 보여 줍니다.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    const db = openProject(ctx.project);
    try {
      requireProducts(db, 'preference-score');
      ctx.progress({ phase: 'read', done: 0, total: 1, message: 'purchases' });
      const rows = db
        .prepare(
          `SELECT coalesce(r.retailer, 'all'), l.customer_id, l.product_id, l.day, coalesce(pr.category, '') FROM lines l
           JOIN receipts r ON r.id = l.receipt_id JOIN products pr ON pr.id = l.product_id
           WHERE ${PURCHASE_LINE.replace(/\b(customer_id|quantity|amount|flags)\b/g, 'l.$1')} GROUP BY l.receipt_id, l.product_id`,
        )
        .raw()
        .all() as [string, number, number, number, string][];
      if (rows.length === 0) throw new WorkbenchError('invalid-input', 'preference-score needs purchases; this project has none.');
      const lastDay = rows.reduce((m, r) => Math.max(m, r[3]), -Infinity);
      const firstDay = rows.reduce((m, r) => Math.min(m, r[3]), Infinity);
      let split = lastDay - 91;
      if (p.split !== undefined) {
        const [y, m, d] = p.split.split('-').map(Number);
        split = epochDay(y, m, d) ?? NaN;
      }
      if (!(split > firstDay && split <= lastDay)) throw new WorkbenchError('invalid-input', `split ${p.split ?? iso(split)} must fall after the first purchase day (${iso(firstDay)}) and on or before the last (${iso(lastDay)}).`);
      // Category index per product id (−1: none), for the category share and the category's largest gap.
      const catIndex = new Map<string, number>();
      const category = new Int32Array(rows.reduce((m, r) => Math.max(m, r[2]), 0) + 1).fill(-1);
      for (const r of rows) if (r[4] !== '') category[r[2]] = catIndex.get(r[4]) ?? catIndex.set(r[4], catIndex.size).get(r[4])!;
      const byRetailer = new Map<string, { before: PreferencePurchase[]; after: Set<string> }>();
      for (const [retailer, customer, product, day] of rows) {
        let g = byRetailer.get(retailer);
        if (!g) byRetailer.set(retailer, (g = { before: [], after: new Set() }));
        if (day < split) g.before.push({ customer, product, day });
        else g.after.add(`${customer}:${product}`);
      }
      const retailers: PreferenceValidation['retailers'] = [];
      const names = [...byRetailer.keys()].sort();
      names.forEach((retailer, i) => {
        ctx.throwIfCancelled();
        ctx.progress({ phase: 'score', done: i, total: names.length, unit: 'retailers', message: retailer });
        const g = byRetailer.get(retailer)!;
        const scores = preferenceScores(g.before, category, split);
        retailers.push({ retailer, pairs: scores.length, table: validationTable(scores, (c, pr) => g.after.has(`${c}:${pr}`)) });
      });
      return recordRunWith(db, ctx, 'preference-score', p, dataFingerprint(db, sha256Text), (runId): PreferenceValidation => ({ runId, split: iso(split), reference: iso(split), retailers })).summary;
    } finally {
      db.close();
    }
  },
};
