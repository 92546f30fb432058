import { z } from 'zod';
import { kprototypes } from '../../analysis/segment/kprototypes/index.js';
import { log1pColumns, standardScale } from '../../analysis/segment/scaling.js';
import { openProject } from '../../data/store/open.js';
import type { CustomerBase } from '../../data/store/queries/customer-base.js';
import type { SegmentationSummary } from '../../model/segment.js';
import type { JobDefinition } from '../types.js';
import { readInputs, storeSegmentation } from './common.js';
import { fitOrSweep } from './kmeans-job.js';
import { checkKRange, intParam, kParam, numberParam, sweepShape } from './params.js';

const params = z
  .object({
    k: kParam.default('auto'),
    gamma: numberParam(0, 1000).optional(),
    kMin: sweepShape.kMin,
    kMax: intParam(2, 100).default(10),
    nInit: intParam(1, 100).default(3),
    seed: sweepShape.seed,
    maxIter: intParam(1, 1000).default(100),
    log: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export type KPrototypesParams = z.output<typeof params>;

export const KPROTO_NUMERIC = ['amount', 'quantity', 'receipts'] as const;
export const KPROTO_CATEGORICAL = ['gender', 'ageBand', 'region', 'channel', 'lpay', 'partners'] as const;

/**
 * Seed 003's inputs (SPEC §3.5): numeric total amount, quantity, receipts (standardised, z-scores);
 * categorical gender, age band, region, channel (offline / online / both by purchase receipts),
 * L.pay user (yes/no) and number of partners used (0, 1, 2, 3, 4+). Unknown values are their own
 * category. Returns codes and, per categorical column, the labels of the codes.
 */
export function kprototypesInputs(base: CustomerBase, log = false): { num: Float64Array; cat: Int32Array; labels: string[][] } {
  const n = base.ids.length, p = 3, q = KPROTO_CATEGORICAL.length;
  const num = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    num[i * p] = base.amount[i];
    num[i * p + 1] = base.quantity[i];
    num[i * p + 2] = base.receipts[i];
  }
  if (log) log1pColumns(num, n, p, [0, 1, 2]);
  standardScale(num, n, p);
  const text: ((i: number) => string)[] = [
    (i) => base.gender[i] ?? 'unknown',
    (i) => base.ageBand[i] ?? 'unknown',
    (i) => base.region[i] ?? 'unknown',
    (i) => (base.online[i] > 0 ? (base.offline[i] > 0 ? 'both' : 'online') : base.offline[i] > 0 ? 'offline' : 'unknown'),
    (i) => (base.lpay[i] ? 'L.pay user' : 'no L.pay'),
    (i) => (base.partners[i] >= 4 ? '4+' : String(base.partners[i])),
  ];
  const cat = new Int32Array(n * q);
  const labels: string[][] = [];
  text.forEach((f, c) => {
    const codes = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = f(i);
      let code = codes.get(v);
      if (code === undefined) codes.set(v, (code = codes.size));
      cat[i * q + c] = code;
    }
    labels.push([...codes.keys()]);
  });
  return { num, cat, labels };
}

export const kprototypesJob: JobDefinition<KPrototypesParams, SegmentationSummary> = {
  id: 'kprototypes',
  title: 'K-prototypes (seed 003)',
  description: 'Mixed-type segmentation: total amount, quantity and receipts (standardised) with gender, age band, region, channel, L.pay use and partners used; Huang’s k-prototypes with Cao initialisation; k by the elbow of the cost with each fit’s time; 2-D view by PCA.',
  isAnalysis: true,
  params,
  paramInfo: [
    { name: 'k', type: 'string', default: 'auto', help: 'Number of segments (seed: 4), or auto: sweep kMin…kMax and take the elbow of the cost.' },
    { name: 'gamma', type: 'number', default: null, help: 'Weight of one categorical mismatch against squared numeric distance; default ½ × mean sample SD of the numeric columns ≈ 0.5 (they are standardised).' },
    { name: 'kMin', type: 'integer', default: 2, help: 'Smallest k of the sweep when k = auto.' },
    { name: 'kMax', type: 'integer', default: 10, help: 'Largest k of the sweep when k = auto.' },
    { name: 'nInit', type: 'integer', default: 3, help: 'Starts per k (the first from Cao’s density order, the others from a seeded density draw); the lowest cost wins.' },
    { name: 'seed', type: 'integer', default: 0, help: 'Random seed.' },
    { name: 'maxIter', type: 'integer', default: 100, help: 'Iterations per start.' },
    { name: 'log', type: 'string', default: 'false', help: 'true: log1p of amount, quantity and receipts before standardising (heavy-tailed spend otherwise puts a few big customers in their own segments).' },
  ],
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const { base } = readInputs(db, ctx, 'kprototypes', 3);
      const n = base.ids.length;
      const { num, cat, labels } = kprototypesInputs(base, p.log === 'true');
      const q = KPROTO_CATEGORICAL.length;
      let gamma = p.gamma;
      const r = fitOrSweep(ctx, num, n, 3, { ...p, silhouetteSample: 0 }, (k) => {
        const fit = kprototypes(num, cat, n, 3, q, { k, gamma: p.gamma, nInit: p.nInit, seed: p.seed, maxIter: p.maxIter });
        gamma = fit.gamma;
        return { labels: fit.labels, cost: fit.cost };
      }, false);
      // The exported matrix: the standardised numeric columns, then the category codes (labels in featureNames).
      const d = 3 + q;
      const features = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < 3; c++) features[i * d + c] = num[i * 3 + c];
        for (let c = 0; c < q; c++) features[i * d + 3 + c] = cat[i * q + c];
      }
      const columns = [...KPROTO_NUMERIC.map((c) => `${c} (z)`), ...KPROTO_CATEGORICAL.map((c, j) => `${c} (code: ${labels[j].map((l, code) => `${code}=${l}`).join(' ')})`)];
      return storeSegmentation(db, ctx, {
        analysis: 'kprototypes', params: p, base, segment: r.labels, names: new Map([...new Set(r.labels)].map((s) => [s, `segment ${s + 1}`])),
        features: { columns, customers: base.ids, data: features }, view: { data: num, d: 3 },
        summary: {
          k: r.choice.k, featureSet: 'mixed', featureNames: columns, scaling: `numeric ${p.log === 'true' ? 'log1p, then ' : ''}standardised (z-scores); categorical as codes (mismatch = gamma)`,
          curve: r.curve, choice: r.choice, gamma,
        },
      });
    } finally {
      db.close();
    }
  },
};
