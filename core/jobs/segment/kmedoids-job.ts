import { z } from 'zod';
import { LRFMV_NAMES, lrfmv } from '../../analysis/segment/customer-features.js';
import { nameLrfmvSegments } from '../../analysis/segment/lrfmv-names.js';
import { clara, fasterPam, MAX_MATRIX_ROWS, pam } from '../../analysis/segment/kmedoids/index.js';
import { log1pColumns, standardScale } from '../../analysis/segment/scaling.js';
import { openProject } from '../../data/store/open.js';
import { KMEDOIDS_METHODS, type SegmentationSummary } from '../../model/segment.js';
import type { JobDefinition } from '../types.js';
import { monetaryName, readInputs, storeSegmentation } from './common.js';
import { fitOrSweep } from './kmeans-job.js';
import { checkKRange, intParam, kParam, sweepInfo, sweepShape } from './params.js';

const params = z
  .object({
    k: kParam.default(4),
    exactUpTo: intParam(10, MAX_MATRIX_ROWS).default(MAX_MATRIX_ROWS),
    method: z.enum(KMEDOIDS_METHODS).default('auto'),
    samples: intParam(1, 100).default(5),
    sampleSize: intParam(50, 5000).default(1000),
    log: z.enum(['true', 'false']).default('false'),
    ...sweepShape,
    kMax: intParam(2, 100).default(10),
  })
  .strict();
export type KMedoidsParams = z.output<typeof params>;

/**
 * Seed 004's segmentation (SPEC §3.6): LRFMV per customer, standardised (z-scores, so each
 * dimension weighs the same), K-medoids — exact PAM (R's cluster::pam) up to `exactUpTo`
 * customers, FasterPAM beyond (Schubert & Rousseeuw 2021: a local optimum like PAM's in O(n)
 * memory; issue #10: within 0.2 % of PAM's optimum on 25k customers, where CLARA's 5 × 1,000 ended
 * ~1 % above), or as `method` says (clara: samples × sampleSize rows, keeping the best medoids so far)
 * — and names from the high/low pattern of the segments' mean L, R, F, M, V.
 */
export const kmedoidsJob: JobDefinition<KMedoidsParams, SegmentationSummary> = {
  id: 'lrfmv-kmedoids',
  title: 'LRFMV K-medoids (seed 004)',
  description: 'Length, Recency, Frequency, Monetary, Volume per customer, standardised; K-medoids (PAM up to 5,000 customers, FasterPAM beyond); segments named royal / high-performing / general / low-performing from their L, R, F, M, V pattern (editable).',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'k', type: 'string', default: 4, help: 'Number of segments (seed: 4), or auto: sweep kMin…kMax and take the elbow of the total deviation.' },
    { name: 'exactUpTo', type: 'integer', default: MAX_MATRIX_ROWS, help: 'Exact PAM up to this many customers; FasterPAM beyond (method = auto).' },
    { name: 'method', type: 'string', default: 'auto', help: 'auto (PAM up to exactUpTo customers, FasterPAM beyond), pam (exact; slow beyond 5,000), fasterpam or clara.' },
    { name: 'samples', type: 'integer', default: 5, help: 'CLARA: number of samples.' },
    { name: 'sampleSize', type: 'integer', default: 1000, help: 'CLARA: customers per sample (R’s default 40 + 2k is too small for tens of thousands).' },
    { name: 'log', type: 'string', default: 'false', help: 'true: log1p of L, F, M, V before standardising.' },
    ...sweepInfo.filter((i) => i.name !== 'nInit').map((i) => (i.name === 'kMax' ? { ...i, default: 10 } : i)),
  ],
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const { base } = readInputs(db, ctx, 'lrfmv-kmedoids', 3);
      const n = base.ids.length, d = 5;
      const referenceDay = base.dataLastDay + 1;
      const data = lrfmv(base, referenceDay);
      if (p.log === 'true') log1pColumns(data, n, d, [0, 2, 3, 4]);
      standardScale(data, n, d);
      const method = p.method === 'auto' ? (n <= p.exactUpTo ? 'pam' : 'fasterpam') : p.method;
      const r = fitOrSweep(ctx, data, n, d, p, (k) => {
        const fit = method === 'pam' ? pam(data, n, d, { k })
          : method === 'fasterpam' ? fasterPam(data, n, d, { k, seed: p.seed })
          : clara(data, n, d, { k, samples: p.samples, sampleSize: Math.min(n, Math.max(p.sampleSize, 40 + 2 * k)), seed: p.seed });
        return { labels: fit.labels, cost: fit.totalDeviation };
      });
      const k = r.choice.k;
      const meanZ = Array.from({ length: k }, () => new Array<number>(5).fill(0));
      const sizes = new Array<number>(k).fill(0);
      for (let i = 0; i < n; i++) {
        sizes[r.labels[i]]++;
        for (let q = 0; q < d; q++) meanZ[r.labels[i]][q] += data[i * d + q];
      }
      meanZ.forEach((row, s) => row.forEach((_, q) => (row[q] /= Math.max(1, sizes[s]))));
      const named = nameLrfmvSegments(meanZ);
      const columns = LRFMV_NAMES.map((c) => (c === 'monetary' ? monetaryName(base) : c));
      return storeSegmentation(db, ctx, {
        analysis: 'lrfmv-kmedoids', params: p, base, segment: r.labels, names: new Map(named.map((x, s) => [s, x.name])),
        patterns: new Map(named.map((x, s) => [s, x.pattern])),
        features: { columns, customers: base.ids, data }, view: { data, d },
        summary: {
          k, featureSet: 'lrfmv', featureNames: columns, scaling: `${p.log === 'true' ? 'log1p of L, F, M, V; ' : ''}standard (z-scores)`,
          curve: r.curve, choice: r.choice, method, referenceDay: new Date(referenceDay * 86_400_000).toISOString().slice(0, 10),
        },
      });
    } finally {
      db.close();
    }
  },
};
