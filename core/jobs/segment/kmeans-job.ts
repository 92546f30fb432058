import type { z } from 'zod';
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
import { readImportedFeatures } from '../../data/import/customer-features.js';
import { WorkbenchError } from '../../model/result.js';
import { importedMatrix, type ImportedFeatures } from './imported-features.js';
import { bool, choice, defineParams, kOrAuto } from '../param-spec.js';
import { checkKRange, sweepParams } from './params.js';

const { schema: params, info: paramInfo } = defineParams({
  features: choice(KMEANS_FEATURE_SETS, {
    default: 'rfm', type: 'string',
    label: { en: 'Customer features', ko: '고객 특성' },
    help: {
      en: 'What describes a customer: rfm (recency, frequency, money), lrfmv (plus length and volume), category (spend per top-level category), category2 (spend per sub-category), clv (lifetime value, chance of being active, expected purchases; see docs/value.md) or imported (the table of `import --format customer-features`).',
      ko: '고객을 무엇으로 나타낼지: rfm(최근성·빈도·금액), lrfmv(여기에 거래 기간·구매량), category(대분류별 구매액), category2(중분류별 구매액), clv(고객 생애 가치·활동 확률·예상 구매 수, docs/value.md), imported(`import --format customer-features`로 가져온 고객 특성 표).',
    },
  }),
  k: kOrAuto({
    default: 'auto',
    label: { en: 'Number of segments', ko: '세그먼트 수' },
    help: { en: 'A number, or auto: try every k from kMin to kMax and take the elbow.', ko: '숫자, 또는 auto: kMin부터 kMax까지 모든 k를 비교해 엘보 지점을 고릅니다.' },
  }),
  scale: choice(['auto', 'standard', 'minmax', 'none'], {
    default: 'auto', type: 'string',
    label: { en: 'Scaling', ko: '척도 맞추기' },
    help: { en: 'standard (z-scores), minmax (0 to 1) or none; auto: standard for RFM/LRFMV and CLV, min–max for category spend (none with shares).', ko: 'standard(표준화), minmax(0~1) 또는 none. auto면 RFM/LRFMV·CLV는 표준화, 카테고리 구매액은 최소–최대(구성비를 쓰면 없음).' },
  }),
  log: choice(['auto', 'true', 'false'], {
    default: 'auto', type: 'string',
    label: { en: 'Log of skewed columns', ko: '치우친 열에 로그 적용' },
    help: { en: 'log(1 + x) of the skewed columns before scaling; auto: yes for RFM/LRFMV (frequency, money, volume, length), no for category spend.', ko: '척도를 맞추기 전에 치우친 열에 log(1 + x)를 적용합니다. auto면 RFM/LRFMV(빈도·금액·구매량·기간)는 적용, 카테고리 구매액은 적용하지 않습니다.' },
  }),
  shares: bool({
    default: false,
    label: { en: 'Spend shares instead of amounts', ko: '금액 대신 구매 구성비' },
    help: { en: 'Category features only: compare customers by the share of their spend in each category rather than by how much they spend.', ko: '카테고리 특성에서만: 얼마나 샀는지가 아니라 카테고리별 구매 구성비로 고객을 비교합니다.' },
  }),
  ...sweepParams,
});
export type KMeansParams = z.output<typeof params>;

/**
 * The matrix a feature set gives, and how it was transformed. RFM/LRFMV: log1p of the skewed
 * columns (F, M, V, L) then standardised — the usual treatment of heavy-tailed spend and counts;
 * category pivots: min–max per column as seed 000, or each customer's spend shares (`shares`),
 * which compare customers by what they buy rather than how much. CLV (`clv`, from
 * core/jobs/value/clv-features.ts): log1p of CLV and expected purchases, then standardised.
 */
export function featureMatrix(set: KMeansParams['features'], base: CustomerBase, pivot: { categories: string[]; data: Float64Array } | undefined, p: Pick<KMeansParams, 'scale' | 'log' | 'shares'>, clv?: Float64Array, imported?: ImportedFeatures): { columns: string[]; data: Float64Array; scaling: string } {
  const n = base.ids.length;
  const ref = base.dataLastDay + 1;
  if (set === 'imported') {
    if (!imported) throw new WorkbenchError('invalid-input', 'features=imported needs a customer-features table in the project: `import --format customer-features FILE.csv|FILE.parquet` first.');
    return importedMatrix(imported, n, p);
  }
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
  titleKo: 'K-평균',
  description: 'Plain K-means (k-means++, best of nInit) on a chosen feature set: RFM, LRFMV, or category spend at level 1 or 2; k given or chosen by the elbow over k = 2…20, with silhouette, Calinski–Harabasz and Davies–Bouldin per k.',
  descriptionKo: '고른 특성 집합(RFM, LRFMV, 또는 1·2단계 카테고리 구매액)에 일반 K-평균(k-means++, nInit번 중 최선)을 적용합니다. k는 직접 주거나 k = 2…20의 엘보로 고르며, k마다 실루엣, Calinski–Harabasz, Davies–Bouldin 지표를 보여 줍니다.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const level = p.features === 'category' ? 1 : p.features === 'category2' ? 2 : undefined;
      const { base, pivot } = readInputs(db, ctx, 'kmeans', 3, level);
      const n = base.ids.length;
      const m = featureMatrix(p.features, base, pivot, p, p.features === 'clv' ? clvFeatures(db, base.ids) : undefined, p.features === 'imported' ? readImportedFeatures(db, base.ids) : undefined);
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
