import { median } from '../../analysis/eda/index.js';
import { lrfmv, LRFMV_NAMES } from '../../analysis/segment/customer-features.js';
import { pca } from '../../analysis/segment/pca.js';
import { sha256Text } from '../../data/hash.js';
import type { Db } from '../../data/store/open.js';
import { dataCapabilities, missingFieldReason, type DataCapabilities } from '../../data/store/queries/capabilities.js';
import { categoryPivot, countReasons, customerBase, type CustomerBase } from '../../data/store/queries/customer-base.js';
import { receiptsBySegmentTime } from '../../data/store/queries/segment-profile.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { typedToBlob, writeArtifact, writeMembers, writeNames } from '../../data/store/segments.js';
import { attributeDefs, categoricalAttribute, numericAttribute } from '../../data/store/queries/attributes.js';
import { ITEMS_AS_MONETARY_NOTE, OUTLIER_SEGMENT, type AttributeProfile, type ProfileFeature, type SegmentAnalysis, type SegmentationSummary, type SegmentInfo, type SegmentProfile } from '../../model/segment.js';
import { WorkbenchError } from '../../model/result.js';
import { recordRunWith } from '../run-record.js';
import type { JobContext } from '../types.js';

/** A feature matrix as an algorithm saw it: one row per customer (internal id), named columns. */
export interface FeatureMatrix {
  columns: string[];
  customers: Int32Array;
  data: Float64Array;
}

/** What a segmentation job hands over to be stored: one entry per customer of `base`. */
export interface SegmentationOutcome {
  analysis: SegmentAnalysis;
  params: object;
  base: CustomerBase;
  /** Segment per base row; OUTLIER_SEGMENT for noise/outliers. */
  segment: Int32Array;
  /** Default segment names (editable later). */
  names: Map<number, string>;
  /** Stratum per segment id, for stratified runs. */
  stratumOf?: Map<number, number>;
  /** LRFMV runs: the sign pattern per segment id, shown beside the name. */
  patterns?: Map<number, string>;
  /** Why each base row with segment −1 was set aside ("DBSCAN noise"…); others null. */
  setAside?: (string | null)[];
  /** The method's own notes on what it adapted (the data's notes, e.g. M = items, are added here). */
  notes?: string[];
  /** The matrix the clustering saw (export `features`); extra stages by name (e.g. 'dbscan'). */
  features: FeatureMatrix;
  stages?: Record<string, FeatureMatrix>;
  /** The matrix to project for the 2-D view, aligned with base rows. */
  view: { data: Float64Array; d: number };
  /** Level-1 category pivot of base rows when already computed (else computed here for the profiles). */
  pivot?: { categories: string[]; data: Float64Array };
  summary: Omit<SegmentationSummary, 'runId' | 'analysis' | 'segments' | 'noise' | 'customers' | 'excluded' | 'seconds' | 'segmentList' | 'pcaExplained' | 'notes'>;
}

export const PROFILE_FEATURES = [...LRFMV_NAMES, 'items', 'partners'] as const;

/** Profile feature names as shown: `monetary (items)` when M counts items. */
export function profileFeatureNames(base: CustomerBase): string[] {
  return PROFILE_FEATURES.map((f) => (f === 'monetary' ? monetaryName(base) : f));
}

/** The name of M in columns and exports: 'monetary', or 'monetary (items)' without amounts. */
export function monetaryName(base: CustomerBase): string {
  return base.monetary === 'items' ? 'monetary (items)' : 'monetary';
}

/** The chosen customers' facts as profile features (L, R, F, M, V, items, partners). */
function profileMatrix(base: CustomerBase): Float64Array {
  const n = base.ids.length, d = PROFILE_FEATURES.length;
  const l = lrfmv(base, base.dataLastDay + 1);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    out.set(l.subarray(i * 5, i * 5 + 5), i * d);
    out[i * d + 5] = base.quantity[i];
    out[i * d + 6] = base.partners[i];
  }
  return out;
}

/**
 * Profiles, PCA view, memberships, names and artifacts of a segmentation, stored with its run in
 * one transaction (a cancelled job leaves nothing). Returns the summary (contract fields).
 */
export function storeSegmentation(db: Db, ctx: JobContext, o: SegmentationOutcome): SegmentationSummary {
  const { base } = o;
  const n = base.ids.length;
  ctx.progress({ phase: 'profile', done: 0, total: 3, message: 'profiles' });
  const pivot = o.pivot ?? categoryPivot(db, base.ids, 1);
  ctx.throwIfCancelled();
  ctx.progress({ phase: 'profile', done: 1, total: 3, message: '2-D view (PCA)' });
  const view = n >= 2 && o.view.d >= 2 ? pca(o.view.data, n, o.view.d, { components: 2 }) : null;
  ctx.throwIfCancelled();
  const outlier = Uint8Array.from(o.segment, (s) => (s === OUTLIER_SEGMENT ? 1 : 0));
  const ids = [...new Set(o.segment)].filter((s) => s !== OUTLIER_SEGMENT).sort((a, b) => a - b);
  const noise = outlier.reduce((a, b) => a + b, 0);
  const names = new Map(o.names);
  if (noise > 0 && !names.has(OUTLIER_SEGMENT)) names.set(OUTLIER_SEGMENT, 'outliers');
  const segmentList: SegmentInfo[] = ids.map((id) => ({
    id, name: names.get(id) ?? `segment ${id}`, customers: 0,
    ...(o.stratumOf ? { stratum: o.stratumOf.get(id) } : {}), ...(o.patterns?.has(id) ? { pattern: o.patterns.get(id) } : {}),
  }));
  const counts = new Map<number, number>();
  for (const s of o.segment) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const s of segmentList) s.customers = counts.get(s.id) ?? 0;

  // Nothing is excluded in silence: reasons before clustering, and the method's own set-asides.
  const setAside = Array.from(o.segment, (s, i) => (s === OUTLIER_SEGMENT ? o.setAside?.[i] ?? 'outlier' : null));
  const asideReasons = setAside.filter((r): r is string => r !== null);
  const excluded = { ...base.excluded, ...(asideReasons.length ? { setAside: countReasons(asideReasons) } : {}) };
  const notes = [...(base.monetary === 'items' ? [ITEMS_AS_MONETARY_NOTE] : []), ...(o.notes ?? [])];
  const { summary } = recordRunWith(db, ctx, o.analysis, o.params, dataFingerprint(db, sha256Text), (id): SegmentationSummary => {
    writeMembers(db, id, base.ids, o.segment, outlier);
    writeNames(db, id, names);
    ctx.progress({ phase: 'profile', done: 2, total: 3, message: 'profiles' });
    const profiles = buildProfiles(db, id, base, o.segment, names, pivot, o.patterns);
    writeArtifact(db, id, 'profiles', JSON.stringify(profiles));
    writeArtifact(db, id, 'reasons', JSON.stringify(reasonsArtifact(base, o.segment, setAside)));
    writeFeatures(db, id, 'features', o.features);
    for (const [stage, m] of Object.entries(o.stages ?? {})) writeFeatures(db, id, `features-${stage}`, m);
    if (view) writeArtifact(db, id, 'pca', typedToBlob(Float32Array.from(view.scores)));
    return {
      runId: id, analysis: o.analysis, segments: ids.length, noise, customers: n, excluded,
      seconds: round3((Date.now() - ctx.startedAt.getTime()) / 1000), segmentList,
      ...o.summary,
      ...(view ? { pcaExplained: Array.from(view.explainedVarianceRatio) } : {}),
      ...(notes.length ? { notes } : {}),
    };
  });
  ctx.progress({ phase: 'profile', done: 3, total: 3 });
  return summary;
}

/**
 * Why each customer outside the segments is there, kept with the run (the `segments` export lists
 * them): excluded customers (not in the memberships) and the set-aside members, as codes into
 * `reasons`.
 */
export interface ReasonsArtifact {
  reasons: string[];
  excluded: { customers: number[]; reason: number[] };
  setAside: { customers: number[]; reason: number[] };
}

function reasonsArtifact(base: CustomerBase, segment: Int32Array, setAside: (string | null)[]): ReasonsArtifact {
  const reasons: string[] = [];
  const code = (r: string) => {
    let c = reasons.indexOf(r);
    if (c < 0) c = reasons.push(r) - 1;
    return c;
  };
  const out: ReasonsArtifact = { reasons, excluded: { customers: Array.from(base.excludedIds), reason: base.excludedReasons.map(code) }, setAside: { customers: [], reason: [] } };
  for (let i = 0; i < segment.length; i++) {
    const r = setAside[i];
    if (r === null) continue;
    out.setAside.customers.push(base.ids[i]);
    out.setAside.reason.push(code(r));
  }
  return out;
}

function writeFeatures(db: Db, runId: number, name: string, m: FeatureMatrix): void {
  writeArtifact(db, runId, `${name}:columns`, JSON.stringify(m.columns));
  writeArtifact(db, runId, `${name}:customers`, typedToBlob(m.customers));
  writeArtifact(db, runId, `${name}:data`, typedToBlob(m.data));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Profiles of every segment (outliers included as segment −1) — SPEC §3.6. */
export function buildProfiles(db: Db, runId: number, base: CustomerBase, segment: Int32Array, names: ReadonlyMap<number, string>, pivot: { categories: string[]; data: Float64Array }, patterns?: ReadonlyMap<number, string>): SegmentProfile[] {
  const n = base.ids.length, d = PROFILE_FEATURES.length, C = pivot.categories.length;
  const featureNames = profileFeatureNames(base);
  const money = base.monetary === 'spend';
  const attributes = attributeDefs(db).map((a): { name: string; num?: Float64Array; text?: (string | null)[] } => (a.kind === 'numeric' ? { name: a.name, num: numericAttribute(db, base.ids, a.name) } : { name: a.name, text: categoricalAttribute(db, base.ids, a.name) }));
  const feats = profileMatrix(base);
  const overall = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) overall[q] += feats[i * d + q] / n;
  const totalSpend = base.amount.reduce((a, b) => a + b, 0);
  const segs = [...new Set(segment)].sort((a, b) => a - b);
  const rowsOf = new Map<number, number[]>(segs.map((s) => [s, []]));
  for (let i = 0; i < n; i++) rowsOf.get(segment[i])!.push(i);
  const time = new Map<number, { weekday: number[]; hour: number[] }>(segs.map((s) => [s, { weekday: new Array(7).fill(0), hour: new Array(24).fill(0) }]));
  for (const [s, wd, h, c] of receiptsBySegmentTime(db, runId, base.monetary)) {
    const t = time.get(s);
    if (!t || wd === null) continue;
    t.weekday[wd] += c;
    if (h !== null && h >= 0 && h < 24) t.hour[h] += c;
  }
  return segs.map((s) => {
    const rows = rowsOf.get(s)!;
    const spend = rows.reduce((a, i) => a + base.amount[i], 0);
    const features: ProfileFeature[] = featureNames.map((name, q) => {
      const values = Float64Array.from(rows, (i) => feats[i * d + q]);
      const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
      const om = overall[q];
      const mark = om !== 0 && mean > om * 1.1 ? 'high' : om !== 0 && mean < om * 0.9 ? 'low' : '';
      return { name, mean, median: values.length ? median(values) : 0, overallMean: om, mark };
    });
    const cat = new Float64Array(C);
    for (const i of rows) for (let c = 0; c < C; c++) cat[c] += pivot.data[i * C + c];
    const catTotal = cat.reduce((a, b) => a + b, 0);
    const topCategories = [...cat.keys()].sort((a, b) => cat[b] - cat[a] || a - b).slice(0, 10).filter((c) => cat[c] > 0)
      .map((c) => ({ category: pivot.categories[c], amount: cat[c], share: catTotal > 0 ? cat[c] / catTotal : 0 }));
    const tally = (values: (string | null)[]) => {
      const m = new Map<string, number>();
      for (const i of rows) m.set(values[i] ?? 'unknown', (m.get(values[i] ?? 'unknown') ?? 0) + 1);
      return [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([key, customers]) => ({ key, customers }));
    };
    return {
      segment: s, name: names.get(s) ?? `segment ${s}`, ...(patterns?.has(s) ? { pattern: patterns.get(s) } : {}), customers: rows.length, customerShare: rows.length / n,
      // Without amounts `amount` counts items: spend is unknown, not that count.
      spend: money ? spend : null, spendShare: money ? (totalSpend > 0 ? spend / totalSpend : 0) : null, meanSpend: money ? (rows.length ? spend / rows.length : 0) : null,
      features, topCategories, gender: tally(base.gender), ageBands: tally(base.ageBand), ...time.get(s)!,
      ...(attributes.length ? { attributes: attributes.map((a): AttributeProfile => (a.num ? numericProfile(a.name, a.num, rows) : { name: a.name, kind: 'categorical', known: rows.filter((i) => a.text![i] !== null).length, counts: tally(a.text!) })) } : {}),
    };
  });
}

/** A numeric attribute over a segment's rows: mean and median of the customers with a value. */
function numericProfile(name: string, values: Float64Array, rows: readonly number[]): AttributeProfile {
  const known = Float64Array.from(rows.map((i) => values[i]).filter((v) => Number.isFinite(v)));
  return { name, kind: 'numeric', known: known.length, ...(known.length ? { mean: known.reduce((a, b) => a + b, 0) / known.length, median: median(known) } : {}) };
}

/** Stops a segmentation early with a clear message when the data cannot support it. */
export function requireCustomers(base: CustomerBase, atLeast: number, what: string): void {
  if (base.ids.length < atLeast) throw new WorkbenchError('invalid-input', `${what} needs at least ${atLeast} customers with purchases; this project has ${base.ids.length}.`);
}

/**
 * What each segmentation needs of the data (issue #10 point 2): dates for RFM/LRFMV (L, R and the
 * purchase days); products and amounts for the category-spend pivots (no category item counts instead: a
 * pivot of counts would segment on something else than seed 000's spend). RFM, LRFMV and
 * k-prototypes work without amounts (M = items) and without products.
 */
export function refuseMissing(caps: DataCapabilities, what: string, level?: 1 | 2, needsDates = level === undefined): void {
  const needs: (keyof DataCapabilities)[] = ['lines', 'customers'];
  if (needsDates) needs.push('dates');
  if (level !== undefined) needs.push('products', 'amounts');
  const reason = missingFieldReason(caps, level !== undefined ? `${what} (category spend)` : what, needs);
  if (reason) throw new WorkbenchError('invalid-input', reason);
}

/** The customers' facts (and a category pivot when asked) in one read snapshot. */
export function readInputs(db: Db, ctx: JobContext, what: string, minCustomers: number, level?: 1 | 2, needsDates = level === undefined): { base: CustomerBase; pivot?: { categories: string[]; data: Float64Array } } {
  db.exec('BEGIN');
  try {
    refuseMissing(dataCapabilities(db), what, level, needsDates);
    ctx.progress({ phase: 'features', done: 0, total: 2, message: 'customers' });
    const base = customerBase(db);
    requireCustomers(base, minCustomers, what);
    ctx.throwIfCancelled();
    if (level === undefined) return { base };
    ctx.progress({ phase: 'features', done: 1, total: 2, message: `category pivot (level ${level})` });
    const pivot = categoryPivot(db, base.ids, level);
    if (pivot.categories.length === 0) throw new WorkbenchError('invalid-input', `${what} needs product categories (level ${level}); this data has none (e.g. UCI Online Retail has no categories). Try kmeans with features=rfm or lrfmv.`);
    return { base, pivot };
  } finally {
    db.exec('COMMIT');
  }
}
