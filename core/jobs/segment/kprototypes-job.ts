import type { z } from 'zod';
import { kprototypes } from '../../analysis/segment/kprototypes/index.js';
import { log1pColumns, standardScale } from '../../analysis/segment/scaling.js';
import { openProject, type Db } from '../../data/store/open.js';
import { attributeDefs, categoricalAttribute, numericAttribute } from '../../data/store/queries/attributes.js';
import { WorkbenchError } from '../../model/result.js';
import type { CustomerBase } from '../../data/store/queries/customer-base.js';
import type { SegmentationSummary } from '../../model/segment.js';
import type { JobDefinition } from '../types.js';
import { readInputs, storeSegmentation } from './common.js';
import { fitOrSweep } from './kmeans-job.js';
import { choice, defineParams, int, kOrAuto, number, text } from '../param-spec.js';
import { checkKRange, KMAX, sweepParams } from './params.js';

const { schema: params, info: paramInfo } = defineParams({
  k: kOrAuto({
    default: 'auto',
    label: { en: 'Number of segments', ko: '세그먼트 수' },
    help: { en: 'A number (4 in the original study), or auto: try every k from kMin to kMax and take the elbow of the cost.', ko: '숫자(원래 분석은 4), 또는 auto: kMin부터 kMax까지 모든 k를 비교해 비용의 엘보 지점을 고릅니다.' },
  }),
  gamma: number({
    min: 0, max: 1000,
    label: { en: 'Weight of categories', ko: '범주형 가중치' },
    help: { en: 'Weight of one categorical mismatch against the squared numeric distance; default ½ × the mean standard deviation of the numeric columns ≈ 0.5 (they are standardised).', ko: '범주 값 하나가 다를 때의 가중치(수치형 제곱 거리 대비). 기본값은 수치형 열 표준편차 평균의 ½ ≈ 0.5(표준화되어 있으므로).' },
  }),
  kMin: sweepParams.kMin,
  kMax: int({ ...KMAX, default: 10 }),
  nInit: int({
    min: 1, max: 100, default: 3,
    label: { en: 'Starts per k', ko: 'k마다 시작 횟수' },
    help: { en: 'Starts for each k (the first in Cao’s density order, the others from a seeded density draw); the lowest cost wins.', ko: 'k마다 시작 횟수(첫 번째는 Cao의 밀도 순서, 나머지는 시드 고정 밀도 추출). 비용이 가장 작은 결과를 씁니다.' },
  }),
  seed: sweepParams.seed,
  maxIter: int({
    min: 1, max: 1000, default: 100,
    label: { en: 'Iterations per start', ko: '시작마다 최대 반복' },
    help: { en: 'At most this many iterations for each start.', ko: '시작마다 최대 이 횟수까지 반복합니다.' },
  }),
  log: choice(['true', 'false'], {
    default: 'false', type: 'string',
    label: { en: 'Log of amounts and counts', ko: '금액·수량에 로그 적용' },
    help: { en: 'true: log(1 + x) of amount, quantity and receipts before standardising (heavy-tailed spend otherwise puts a few big customers in segments of their own).', ko: 'true면 표준화 전에 구매액·수량·영수증 수에 log(1 + x)를 적용합니다(그렇지 않으면 꼬리가 긴 구매액 때문에 소수의 큰 고객이 따로 세그먼트가 됩니다).' },
  }),
  attributes: text({
    max: 2000,
    label: { en: 'Extra customer attributes', ko: '추가 고객 속성' },
    help: { en: 'Customer attributes to add as inputs, comma-separated (as named in the customer file, e.g. tenure_months,tier): numeric ones standardised, the others as categories.', ko: '입력에 더할 고객 속성, 쉼표로 구분(고객 파일의 열 이름, 예: tenure_months,tier). 수치형은 표준화하고 나머지는 범주로 씁니다.' },
  }),
});
export type KPrototypesParams = z.output<typeof params>;

export const KPROTO_NUMERIC = ['amount', 'quantity', 'receipts'] as const;
export const KPROTO_CATEGORICAL = ['gender', 'ageBand', 'region', 'channel', 'lpay', 'partners'] as const;

/** Customer attributes chosen as extra inputs (`attributes=tenure_months,tier`), aligned with base rows. */
export interface ExtraInputs {
  numeric: { name: string; values: Float64Array }[];
  categorical: { name: string; values: (string | null)[] }[];
}

export interface KPrototypesInputs {
  num: Float64Array;
  /** Numeric columns, in order. */
  numeric: string[];
  cat: Int32Array;
  categorical: string[];
  /** Per categorical column, the labels of the codes. */
  labels: string[][];
  /** What had to be filled in, one sentence each. */
  notes: string[];
}

/**
 * Seed 003's inputs (SPEC §3.5): numeric total amount, quantity, receipts (standardised, z-scores);
 * categorical gender, age band, region, channel (offline / online / both by purchase receipts),
 * L.pay user (yes/no) and number of partners used (0, 1, 2, 3, 4+). Unknown values are their own
 * category. Without amounts in the data the amount column is left out (it would repeat quantity).
 * Customer attributes (issue #10 point 3) join as standardised numeric inputs — a missing value
 * is set to the mean (z = 0, so it pulls no way), said in the notes — or as categorical inputs,
 * a missing value being "unknown".
 */
export function kprototypesInputs(base: CustomerBase, log = false, extra: ExtraInputs = { numeric: [], categorical: [] }): KPrototypesInputs {
  const n = base.ids.length;
  const fixed: { name: string; value: (i: number) => number }[] = [
    ...(base.monetary === 'spend' ? [{ name: 'amount', value: (i: number) => base.amount[i] }] : []),
    { name: 'quantity', value: (i) => base.quantity[i] },
    { name: 'receipts', value: (i) => base.receipts[i] },
  ];
  const p = fixed.length + extra.numeric.length;
  const num = new Float64Array(n * p);
  for (let i = 0; i < n; i++) fixed.forEach((c, j) => (num[i * p + j] = c.value(i)));
  if (log) log1pColumns(num, n, p, fixed.map((_, j) => j));
  const notes: string[] = [];
  extra.numeric.forEach((a, e) => {
    const j = fixed.length + e;
    let sum = 0, known = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(a.values[i])) continue;
      sum += a.values[i];
      known++;
    }
    const mean = known ? sum / known : 0;
    for (let i = 0; i < n; i++) num[i * p + j] = Number.isFinite(a.values[i]) ? a.values[i] : mean;
    if (known < n) notes.push(`${a.name}: ${n - known} of ${n} customers have no value and count at the mean (z = 0).`);
  });
  standardScale(num, n, p);
  const text: { name: string; value: (i: number) => string }[] = [
    { name: 'gender', value: (i) => base.gender[i] ?? 'unknown' },
    { name: 'ageBand', value: (i) => base.ageBand[i] ?? 'unknown' },
    { name: 'region', value: (i) => base.region[i] ?? 'unknown' },
    { name: 'channel', value: (i) => (base.online[i] > 0 ? (base.offline[i] > 0 ? 'both' : 'online') : base.offline[i] > 0 ? 'offline' : 'unknown') },
    { name: 'lpay', value: (i) => (base.lpay[i] ? 'L.pay user' : 'no L.pay') },
    { name: 'partners', value: (i) => (base.partners[i] >= 4 ? '4+' : String(base.partners[i])) },
    ...extra.categorical.map((a) => ({ name: a.name, value: (i: number) => a.values[i] ?? 'unknown' })),
  ];
  // Codes per column; a column with one value for every customer (all 'unknown' on files without
  // demographics, 'no L.pay' outside L.point data) separates no one and is left out, said in the
  // notes; a column mostly unknown is kept and said; none varying is said too (issue #14).
  const columns: { name: string; codes: Int32Array; labels: string[]; unknown: number }[] = [];
  for (const f of text) {
    const codes = new Int32Array(n);
    const seen = new Map<string, number>();
    let unknown = 0;
    for (let i = 0; i < n; i++) {
      const v = f.value(i);
      if (v === 'unknown') unknown++;
      let code = seen.get(v);
      if (code === undefined) seen.set(v, (code = seen.size));
      codes[i] = code;
    }
    columns.push({ name: f.name, codes, labels: [...seen.keys()], unknown });
  }
  const varying = columns.filter((c) => c.labels.length >= 2);
  if (varying.length === 0) {
    // Nothing categorical to cluster on (a file of customer, date and amount): constant columns add
    // the same to every distance, so the fit is k-means on the numeric inputs; said, not hidden.
    notes.push(`No categorical input differs between customers here (${columns.map((c) => c.name).join(', ')}): k-prototypes clusters on the numeric inputs alone, as kmeans would.`);
  } else {
    for (const c of columns) {
      if (c.labels.length < 2) notes.push(`${c.name}: the same value for every customer (${c.labels[0] ?? 'none'}), left out of the categorical inputs (it separates no one).`);
      else if (c.unknown * 2 > n) notes.push(`${c.name}: unknown for ${c.unknown} of ${n} customers; 'unknown' counts as a category of its own.`);
    }
    columns.splice(0, columns.length, ...varying);
  }
  const q = columns.length;
  const cat = new Int32Array(n * q);
  columns.forEach((c, j) => {
    for (let i = 0; i < n; i++) cat[i * q + j] = c.codes[i];
  });
  const labels = columns.map((c) => c.labels);
  return { num, numeric: [...fixed.map((c) => c.name), ...extra.numeric.map((a) => a.name)], cat, categorical: columns.map((c) => c.name), labels, notes };
}

/** The attributes named in `attributes=a,b` read for the base rows, or a clear error naming the known ones. */
export function readExtraInputs(db: Db, base: CustomerBase, list: string | undefined): ExtraInputs {
  const out: ExtraInputs = { numeric: [], categorical: [] };
  const names = (list ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (names.length === 0) return out;
  const defs = attributeDefs(db);
  for (const name of [...new Set(names)]) {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new WorkbenchError('invalid-input', `No customer attribute '${name}' in this project; ${defs.length ? `known: ${defs.map((d) => d.name).join(', ')}` : 'import a customers file with extra columns to have some'}.`);
    if (def.kind === 'numeric') out.numeric.push({ name, values: numericAttribute(db, base.ids, name) });
    else out.categorical.push({ name, values: categoricalAttribute(db, base.ids, name) });
  }
  return out;
}

export const kprototypesJob: JobDefinition<KPrototypesParams, SegmentationSummary> = {
  id: 'kprototypes',
  title: 'K-prototypes',
  titleKo: 'K-프로토타입',
  description: 'Mixed-type segmentation: total amount, quantity and receipts (standardised) with gender, age band, region, channel, L.pay use and partners used; Huang’s k-prototypes with Cao initialisation; k by the elbow of the cost with each fit’s time; 2-D view by PCA.',
  descriptionKo: '혼합형 세그먼트: 총구매액, 수량, 영수증 수(표준화)와 성별, 연령대, 지역, 채널, L.pay 사용, 이용한 제휴사로 Huang의 k-프로토타입(Cao 초기화)을 적용합니다. k는 비용의 엘보로 고르고 각 적합의 시간을 함께 보여 주며, PCA로 2차원 보기를 제공합니다.',
  isAnalysis: true,
  params,
  paramInfo,
  async run(ctx, p) {
    checkKRange(p);
    const db = openProject(ctx.project);
    try {
      const { base } = readInputs(db, ctx, 'kprototypes', 3, undefined, false);
      const n = base.ids.length;
      const inputs = kprototypesInputs(base, p.log === 'true', readExtraInputs(db, base, p.attributes));
      const { num, cat, labels } = inputs;
      const P = inputs.numeric.length, q = inputs.categorical.length;
      let gamma = p.gamma;
      const r = fitOrSweep(ctx, num, n, P, { ...p, silhouetteSample: 0 }, (k) => {
        const fit = kprototypes(num, cat, n, P, q, { k, gamma: p.gamma, nInit: p.nInit, seed: p.seed, maxIter: p.maxIter });
        gamma = fit.gamma;
        return { labels: fit.labels, cost: fit.cost };
      }, false);
      // The exported matrix: the standardised numeric columns, then the category codes (labels in featureNames).
      const d = P + q;
      const features = new Float64Array(n * d);
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < P; c++) features[i * d + c] = num[i * P + c];
        for (let c = 0; c < q; c++) features[i * d + P + c] = cat[i * q + c];
      }
      const columns = [...inputs.numeric.map((c) => `${c} (z)`), ...inputs.categorical.map((c, j) => `${c} (code: ${labels[j].map((l, code) => `${code}=${l}`).join(' ')})`)];
      return storeSegmentation(db, ctx, {
        analysis: 'kprototypes', params: p, base, segment: r.labels, names: new Map([...new Set(r.labels)].map((s) => [s, `segment ${s + 1}`])),
        features: { columns, customers: base.ids, data: features }, view: { data: num, d: P }, notes: inputs.notes,
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
