import type { z } from 'zod';
import { minMaxScale } from '../../analysis/segment/scaling.js';
import { prepareStrata } from '../../analysis/segment/stratified.js';
import { openProject } from '../../data/store/open.js';
import type { CustomerBase } from '../../data/store/queries/customer-base.js';
import { OUTLIER_SEGMENT, type SegmentationSummary, type StratumSummary } from '../../model/segment.js';
import type { JobDefinition } from '../types.js';
import { readInputs, storeSegmentation } from './common.js';
import { clusterStrata } from './stratum-pool.js';
import { defineParams, int, number, numberChoice } from '../param-spec.js';
import { checkKRange, sweepParams } from './params.js';

const { schema: params, info: paramInfo } = defineParams({
  level: numberChoice([1, 2], {
    default: 1,
    label: { en: 'Category level', ko: '카테고리 수준' },
    help: { en: 'Which categories the spend is pivoted by: 1 = top level (대분류), 2 = sub-category (중분류).', ko: '구매액을 어느 카테고리로 나눌지: 1 = 대분류, 2 = 중분류.' },
  }),
  minSamples: int({
    min: 2, max: 1000, default: 30,
    label: { en: 'Neighbours of a core customer', ko: '핵심 고객의 이웃 수' },
    help: { en: 'DBSCAN’s minimum samples: customers within the radius eps (the customer included) for a core customer.', ko: 'DBSCAN 최소 표본 수: 핵심 고객이 되려면 반경 eps 안에 있어야 하는 고객 수(자기 자신 포함).' },
  }),
  noiseShare: number({
    min: 0, max: 0.5, default: 0.05,
    label: { en: 'Share of customers left as noise', ko: '노이즈로 남길 고객 비율' },
    help: { en: 'Share of customers DBSCAN should set aside as outliers; the radius eps is searched exactly for it.', ko: 'DBSCAN이 이상치로 따로 둘 고객 비율. 이 비율이 되도록 반경 eps를 정확히 찾습니다.' },
  }),
  smallCluster: int({
    min: 0, max: 1000, default: 3,
    label: { en: 'Smallest cluster kept', ko: '작은 군집 기준' },
    help: { en: 'Clusters of at most this many customers become outliers.', ko: '고객 수가 이 값 이하인 군집은 이상치로 처리합니다.' },
  }),
  threads: int({
    min: 1, max: 16, default: 2,
    label: { en: 'Threads', ko: '스레드 수' },
    help: { en: 'Threads that cluster the strata side by side (the result does not depend on it).', ko: '층을 나란히 군집화할 스레드 수(결과는 달라지지 않습니다).' },
  }),
  ...sweepParams,
});
export type StratifiedParams = z.output<typeof params>;

/** Seed 000's segmentation (SPEC §3.2 steps 1–5): see core/analysis/segment/stratified.ts. */
export const stratifiedJob: JobDefinition<StratifiedParams, SegmentationSummary> = {
  id: 'stratified-kmeans',
  title: 'Stratified K-means',
  titleKo: '층화 K-평균',
  description: 'Customer × category spend pivot; DBSCAN outliers (eps searched for the target noise share); offline-only vs any-online with a KS test of spend; spend quartiles → 8 strata (4 when one channel group is empty or the data have no channel); per stratum min–max scaling and K-means k = 2…20 chosen by the elbow; tiny clusters become outliers.',
  descriptionKo: '고객 × 카테고리 구매액 피벗을 만들고 DBSCAN으로 이상치를 찾습니다(목표 잡음 비율에 맞게 eps 탐색). 오프라인 전용과 온라인 이용 고객을 KS 검정으로 비교하고, 구매액 사분위로 8개 층(한 채널 그룹이 비었거나 채널이 없으면 4개)을 나눕니다. 층마다 최소–최대 척도로 바꾸고 k = 2…20 중 엘보로 고른 K-평균을 적용하며, 아주 작은 군집은 이상치가 됩니다.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const { base, pivot } = readInputs(db, ctx, 'stratified-kmeans', Math.max(p.minSamples, 10), p.level) as { base: CustomerBase; pivot: { categories: string[]; data: Float64Array } };
      const n = base.ids.length, d = pivot.categories.length;
      const online = Uint8Array.from(base.online, (v) => (v > 0 ? 1 : 0));
      ctx.progress({ phase: 'outliers', done: 0, total: 1, message: 'DBSCAN eps search' });
      const prepared = prepareStrata(pivot.data, n, d, base.amount, online, p);
      ctx.throwIfCancelled();
      const sweepSize = Math.max(0, p.kMax - p.kMin + 1);
      const done = new Array<number>(prepared.strata.length).fill(0);
      const clusterings = await clusterStrata(prepared.strata, d, p, p.threads, {
        signal: ctx.signal,
        onK: (stratum, k) => {
          ctx.throwIfCancelled();
          done[stratum]++;
          ctx.progress({ phase: 'cluster', done: done.reduce((x, y) => x + y, 0), total: sweepSize * prepared.strata.length, unit: 'fits', message: `stratum ${stratum + 1}/${prepared.strata.length}: K-means k = ${k}` });
        },
      });
      const r = { ...prepared, strata: prepared.strata.map((s, i) => ({ ...s, ...clusterings[i] })) };
      // Global segment ids: stratum by stratum, clusters in label order (outliers −1).
      const segment = new Int32Array(n).fill(OUTLIER_SEGMENT);
      const names = new Map<number, string>();
      const stratumOf = new Map<number, number>();
      const strata: StratumSummary[] = [];
      const featureRows: number[] = [];
      let next = 0;
      // Without any receipt of a known channel, the groups are not "offline-only" and "online":
      // the strata are spend grades alone, and the labels and notes say so (issue #14).
      const channelKnown = base.offline.some((v) => v > 0) || base.online.some((v) => v > 0);
      const notes: string[] = [];
      if (!channelKnown) notes.push(`These data have no sales channel: ${r.strata.length} strata by spend grade alone (not 8 by channel × spend).`);
      else if (r.strata.length < 8) notes.push(`No ${r.groups.find((g) => g.customers === 0)?.channel === 'online' ? 'online' : 'offline-only'} customers here: ${r.strata.length} strata, not 8.`);
      for (const s of r.strata) {
        const label = channelKnown ? `${s.channel === 'offline' ? 'offline-only' : 'online'} · spend Q${s.grade}` : `spend Q${s.grade}`;
        const idOf = new Map<number, number>();
        s.rows.forEach((row, j) => {
          featureRows.push(row);
          const l = s.labels[j];
          if (l < 0) return;
          let id = idOf.get(l);
          if (id === undefined) {
            idOf.set(l, (id = next++));
            names.set(id, `${label} · ${idOf.size}`);
            stratumOf.set(id, s.id);
          }
          segment[row] = id;
        });
        strata.push({ id: s.id, channel: s.channel, grade: s.grade, label, customers: s.rows.length, k: s.k, outliers: s.outliers, spendFrom: s.spendFrom, spendTo: s.spendTo, curve: s.curve, choice: { k: s.k, rule: 'elbow', why: s.why } });
      }
      const m = featureRows.length;
      const kmeansMatrix = new Float64Array(m * d);
      let offset = 0;
      for (const s of r.strata) {
        kmeansMatrix.set(s.scaled, offset);
        offset += s.scaled.length;
      }
      // Why each outlier is one: DBSCAN noise, or a member of a cluster too small to keep.
      const setAside = Array.from(segment, (sg, i) => (sg !== OUTLIER_SEGMENT ? null : r.noise[i] ? 'DBSCAN noise' : `small cluster (≤ ${p.smallCluster} customers)`));
      const columns = pivot.categories;
      const viewData = minMaxScale(Float64Array.from(pivot.data), n, d);
      const summary = storeSegmentation(db, ctx, {
        analysis: 'stratified-kmeans', params: p, base, segment, names, stratumOf, setAside, notes,
        features: { columns, customers: Int32Array.from(featureRows, (row) => base.ids[row]), data: kmeansMatrix },
        stages: { dbscan: { columns, customers: base.ids, data: pivot.data } },
        view: { data: viewData, d },
        pivot: p.level === 1 ? pivot : undefined,
        summary: {
          // The segments kept (clusters fitted less those set aside as too small): the header's count.
          k: names.size,
          clustersFitted: r.strata.reduce((a, s) => a + Math.max(0, s.k), 0),
          featureSet: p.level === 1 ? 'category' : 'category2', featureNames: columns,
          scaling: 'DBSCAN on the raw pivot (won); K-means on the pivot min–max scaled within each stratum',
          eps: r.eps, minSamples: p.minSamples, noiseShare: r.noise.reduce((a, b) => a + b, 0) / n,
          ksStatistic: r.ks?.statistic, ksPValue: r.ks?.pvalue, channelGroups: r.groups, strata,
        },
      });
      return summary;
    } finally {
      db.close();
    }
  },
};
