import { z } from 'zod';
import { minMaxScale } from '../../analysis/segment/scaling.js';
import { prepareStrata } from '../../analysis/segment/stratified.js';
import { openProject } from '../../data/store/open.js';
import type { CustomerBase } from '../../data/store/queries/customer-base.js';
import { OUTLIER_SEGMENT, type SegmentationSummary, type StratumSummary } from '../../model/segment.js';
import type { JobDefinition } from '../types.js';
import { readInputs, storeSegmentation } from './common.js';
import { clusterStrata } from './stratum-pool.js';
import { checkKRange, intParam, numberParam, sweepInfo, sweepShape } from './params.js';

const params = z
  .object({
    level: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), z.union([z.literal(1), z.literal(2)])).default(1),
    minSamples: intParam(2, 1000).default(30),
    noiseShare: numberParam(0, 0.5).default(0.05),
    smallCluster: intParam(0, 1000).default(3),
    threads: intParam(1, 16).default(2),
    ...sweepShape,
  })
  .strict();
export type StratifiedParams = z.output<typeof params>;

/** Seed 000's segmentation (SPEC §3.2 steps 1–5): see core/analysis/segment/stratified.ts. */
export const stratifiedJob: JobDefinition<StratifiedParams, SegmentationSummary> = {
  id: 'stratified-kmeans',
  title: 'Stratified K-means (seed 000)',
  description: 'Customer × category spend pivot; DBSCAN outliers (eps searched for the target noise share); offline-only vs any-online with a KS test of spend; spend quartiles → 8 strata (4 when one channel group is empty or the data have no channel); per stratum min–max scaling and K-means k = 2…20 chosen by the elbow; tiny clusters become outliers.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'level', type: 'integer', default: 1, help: 'Category level of the pivot: 1 = 대분류 (category), 2 = 중분류 (category2).' },
    { name: 'minSamples', type: 'integer', default: 30, help: 'DBSCAN min_samples: customers within eps (itself included) for a core customer.' },
    { name: 'noiseShare', type: 'number', default: 0.05, help: 'Share of customers DBSCAN should leave as noise; eps is searched exactly for it.' },
    { name: 'smallCluster', type: 'integer', default: 3, help: 'Clusters of at most this many customers become outliers.' },
    { name: 'threads', type: 'integer', default: 2, help: 'Threads that cluster the strata side by side (the result does not depend on it).' },
    ...sweepInfo,
  ],
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
