import { z } from 'zod';
import { LRFMV_NAMES, lrfmv, rfm, RFM_NAMES } from '../../analysis/segment/customer-features.js';
import { kmeans } from '../../analysis/segment/kmeans/index.js';
import { log1pColumns, rowShares, scale } from '../../analysis/segment/scaling.js';
import { chooseK, sweepK } from '../../analysis/segment/sweep.js';
import { openProject } from '../../data/store/open.js';
import type { CustomerBase } from '../../data/store/queries/customer-base.js';
import { KMEANS_FEATURE_SETS, type KChoice, type SegmentationSummary } from '../../model/segment.js';
import type { JobContext, JobDefinition } from '../types.js';
import { CLV_FEATURE_NAMES, clvFeatures } from '../value/clv-features.js';
import { monetaryName, readInputs, storeSegmentation } from './common.js';
import { checkKRange, kParam, sweepInfo, sweepShape } from './params.js';

const params = z
  .object({
    features: z.enum(KMEANS_FEATURE_SETS).default('rfm'),
    k: kParam.default('auto'),
    scale: z.enum(['auto', 'standard', 'minmax', 'none']).default('auto'),
    log: z.enum(['auto', 'true', 'false']).default('auto'),
    shares: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).default(false),
    ...sweepShape,
  })
  .strict();
export type KMeansParams = z.output<typeof params>;

/**
 * The matrix a feature set gives, and how it was transformed. RFM/LRFMV: log1p of the skewed
 * columns (F, M, V, L) then standardised — the usual treatment of heavy-tailed spend and counts;
 * category pivots: min–max per column as seed 000, or each customer's spend shares (`shares`),
 * which compare customers by what they buy rather than how much. CLV (`clv`, from
 * core/jobs/value/clv-features.ts): log1p of CLV and expected purchases, then standardised.
 */
export function featureMatrix(set: KMeansParams['features'], base: CustomerBase, pivot: { categories: string[]; data: Float64Array } | undefined, p: Pick<KMeansParams, 'scale' | 'log' | 'shares'>, clv?: Float64Array): { columns: string[]; data: Float64Array; scaling: string } {
  const n = base.ids.length;
  const ref = base.dataLastDay + 1;
  if (set === 'clv') {
    const data = Float64Array.from(clv as Float64Array);
    const log = p.log === 'auto' || p.log === 'true';
    if (log) log1pColumns(data, n, 3, [0, 2]);
    const how = p.scale === 'auto' ? 'standard' : p.scale;
    scale(data, n, 3, how);
    return { columns: [...CLV_FEATURE_NAMES], data, scaling: `${log ? 'log1p of clv, expected_purchases; ' : ''}${how}` };
  }
  if (set === 'rfm' || set === 'lrfmv') {
    const columns: string[] = set === 'rfm' ? [...RFM_NAMES] : [...LRFMV_NAMES];
    const data = set === 'rfm' ? rfm(base, ref) : lrfmv(base, ref);
    const d = columns.length;
    const log = p.log === 'auto' || p.log === 'true';
    const logged = columns.map((c, q) => (['frequency', 'monetary', 'volume', 'length'].includes(c) ? q : -1)).filter((q) => q >= 0);
    if (log) log1pColumns(data, n, d, logged);
    const how = p.scale === 'auto' ? 'standard' : p.scale;
    scale(data, n, d, how);
    // Without amounts M counts items: the column says so (docs/segmentation.md).
    const named = columns.map((c) => (c === 'monetary' ? monetaryName(base) : c));
    return { columns: named, data, scaling: `${log ? `log1p of ${logged.map((q) => columns[q]).join(', ')}; ` : ''}${how}` };
  }
  const pv = pivot as { categories: string[]; data: Float64Array };
  const d = pv.categories.length;
  const data = Float64Array.from(pv.data);
  if (p.shares) rowShares(data, n, d);
  if (p.log === 'true') log1pColumns(data, n, d, [...Array(d).keys()]);
  const how = p.scale === 'auto' ? (p.shares ? 'none' : 'minmax') : p.scale;
  scale(data, n, d, how);
  return { columns: pv.categories, data, scaling: `${p.shares ? 'spend shares per customer; ' : ''}${p.log === 'true' ? 'log1p; ' : ''}${how}` };
}

/** Fits k (given) or sweeps kMin…kMax and picks k by the elbow; labels of the chosen k. */
export function fitOrSweep(
  ctx: JobContext, data: Float64Array, n: number, d: number, p: { k: number | 'auto'; kMin: number; kMax: number; seed: number; silhouetteSample: number },
  fit: (k: number) => { labels: Int32Array; cost: number },
  validity = true,
): { labels: Int32Array; choice: KChoice; curve: SegmentationSummary['curve'] } {
  const kMax = Math.min(p.kMax, n - 1);
  const ks = p.k === 'auto' ? { kMin: p.kMin, kMax } : { kMin: p.k, kMax: p.k };
  const sweep = sweepK(data, n, d, {
    ...ks, seed: p.seed, silhouetteSample: p.silhouetteSample, validity, fit,
    onK: (k, i, total) => {
      ctx.throwIfCancelled();
      ctx.progress({ phase: 'cluster', done: i, total, unit: 'k', message: `k = ${k}` });
    },
  });
  if (p.k !== 'auto') return { labels: sweep.labels.get(p.k) as Int32Array, choice: { k: p.k, rule: 'given', why: `k = ${p.k} as given` }, curve: sweep.curve };
  const { k, why } = chooseK(sweep.curve);
  return { labels: sweep.labels.get(k) as Int32Array, choice: { k, rule: 'elbow', why }, curve: sweep.curve };
}

export const kmeansJob: JobDefinition<KMeansParams, SegmentationSummary> = {
  id: 'kmeans',
  title: 'K-means',
  description: 'Plain K-means (k-means++, best of nInit) on a chosen feature set: RFM, LRFMV, or category spend at level 1 or 2; k given or chosen by the elbow over k = 2…20, with silhouette, Calinski–Harabasz and Davies–Bouldin per k.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'features', type: 'string', default: 'rfm', help: 'rfm, lrfmv, category (대분류 spend), category2 (중분류 spend) or clv (CLV, P(alive), expected purchases: BG/NBD + Gamma-Gamma, docs/value.md).' },
    { name: 'k', type: 'string', default: 'auto', help: 'Number of segments, or auto: sweep kMin…kMax and take the elbow.' },
    { name: 'scale', type: 'string', default: 'auto', help: 'standard, minmax or none; auto = standard for RFM/LRFMV, min–max for category spend (none with shares).' },
    { name: 'log', type: 'string', default: 'auto', help: 'log1p of skewed columns before scaling; auto = yes for RFM/LRFMV (F, M, V, L), no for category spend.' },
    { name: 'shares', type: 'boolean', default: false, help: 'Category sets only: use each customer’s spend shares instead of amounts.' },
    ...sweepInfo,
  ],
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const level = p.features === 'category' ? 1 : p.features === 'category2' ? 2 : undefined;
      const { base, pivot } = readInputs(db, ctx, 'kmeans', 3, level);
      const n = base.ids.length;
      const m = featureMatrix(p.features, base, pivot, p, p.features === 'clv' ? clvFeatures(db, base.ids) : undefined);
      const d = m.columns.length;
      const r = fitOrSweep(ctx, m.data, n, d, p, (k) => {
        const fit = kmeans(m.data, n, d, { k, nInit: p.nInit, seed: p.seed });
        return { labels: fit.labels, cost: fit.inertia };
      });
      return storeSegmentation(db, ctx, {
        analysis: 'kmeans', params: p, base, segment: r.labels, names: new Map([...new Set(r.labels)].map((s) => [s, `segment ${s + 1}`])),
        features: { columns: m.columns, customers: base.ids, data: m.data }, view: { data: m.data, d },
        pivot: level === 1 ? pivot : undefined,
        summary: { k: r.choice.k, featureSet: p.features + (p.shares && level ? ' (shares)' : ''), featureNames: m.columns, scaling: m.scaling, curve: r.curve, choice: r.choice },
      });
    } finally {
      db.close();
    }
  },
};
