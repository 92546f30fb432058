import { adjustedRandIndex } from '../analysis/stats/ari.js';
import { chiSquareIndependence } from '../analysis/stats/chi-square.js';
import { mannWhitneyU } from '../analysis/stats/mann-whitney.js';
import { adjustPValues } from '../analysis/stats/p-adjust.js';
import { attributeDefs, numericAttribute } from '../data/store/queries/attributes.js';
import { categoryPivot } from '../data/store/queries/customer-base.js';
import type { Cell } from '../data/export/csv-writer.js';
import type { Db } from '../data/store/open.js';
import { blobToFloat32, blobToFloat64, blobToInt32, readArtifact, readMembers, readNames, requireSegmentationRun, writeNames } from '../data/store/segments.js';
import type { ReasonsArtifact } from '../jobs/segment/common.js';
import type { RunRecord } from '../model/jobs.js';
import { WorkbenchError } from '../model/result.js';
import { OUTLIER_SEGMENT, type RunComparison, type SegmentationSummary, type SegmentComparison, type SegmentationView, type SegmentProfile } from '../model/segment.js';

/** Runs stored before reasons were kept (issue #10) hold `excluded` as a bare count. */
export const UNRECORDED_REASON = 'not recorded (run made before reasons were kept)';

/** A stored segmentation run, or a clear error. */
export function segmentationRun(db: Db, runId: number): RunRecord & { summary: SegmentationSummary } {
  const run = requireSegmentationRun(db, runId);
  const summary = run.summary as SegmentationSummary;
  const legacy = summary.excluded as unknown;
  if (typeof legacy === 'number') return { ...run, summary: { ...summary, excluded: { total: legacy, byReason: legacy > 0 ? { [UNRECORDED_REASON]: legacy } : {} } } };
  return run as RunRecord & { summary: SegmentationSummary };
}

/** The stored reasons of a run's excluded and set-aside customers (empty for runs made before they were kept). */
function runReasons(db: Db, runId: number): ReasonsArtifact {
  const blob = readArtifact(db, runId, 'reasons');
  return blob ? (JSON.parse(blob.toString('utf8')) as ReasonsArtifact) : { reasons: [], excluded: { customers: [], reason: [] }, setAside: { customers: [], reason: [] } };
}

/** Profiles with the current (possibly edited) names. */
export function segmentProfiles(db: Db, runId: number): SegmentProfile[] {
  const blob = readArtifact(db, runId, 'profiles');
  if (!blob) throw new WorkbenchError('not-found', `Run ${runId} has no stored profiles.`);
  const names = readNames(db, runId);
  return (JSON.parse(blob.toString('utf8')) as SegmentProfile[]).map((p) => ({ ...p, name: names.get(p.segment) ?? p.name }));
}

/**
 * What a finished run's stored views depend on, as one string: its status, end time, data
 * fingerprint and segment names — its own, and those of the segmentation it used (`segmentRun`:
 * a rules run's parts carry that run's current names, issue #14). Members, artifacts and summary
 * are written once, when the run ends. Null while the run is not done or does not exist (never
 * made, or deleted): such answers are not reused.
 */
export function runViewStamp(db: Db, runId: number): string | null {
  const row = db
    .prepare(
      `SELECT r.status, r.finished_at AS finished, r.data_fingerprint AS fingerprint,
              (SELECT group_concat(n.segment || char(31) || n.name, char(30)) FROM segment_names n WHERE n.run_id = r.id) AS names,
              (SELECT group_concat(n.segment || char(31) || n.name, char(30)) FROM segment_names n
                WHERE n.run_id = json_extract(r.summary, '$.segmentRun')) AS usedNames
       FROM runs r WHERE r.id = ?`,
    )
    .get(runId) as { status: string; finished: string | null; fingerprint: string; names: string | null; usedNames: string | null } | undefined;
  if (!row || row.status !== 'done') return null;
  return JSON.stringify([runId, row.finished, row.fingerprint, row.names, row.usedNames]);
}

/** What the Segments page shows of a run: summary (names current), profiles and the 2-D points. */
export function segmentationView(db: Db, runId: number): SegmentationView {
  const run = segmentationRun(db, runId);
  const names = readNames(db, runId);
  const summary = { ...run.summary, segmentList: run.summary.segmentList.map((s) => ({ ...s, name: names.get(s.id) ?? s.name })) };
  const members = readMembers(db, runId);
  const pcaBlob = readArtifact(db, runId, 'pca');
  const points = { x: [] as number[], y: [] as number[], segment: Array.from(members.segments) };
  if (pcaBlob) {
    const xy = blobToFloat32(pcaBlob);
    for (let i = 0; i < members.customers.length; i++) {
      points.x.push(xy[2 * i]);
      points.y.push(xy[2 * i + 1]);
    }
  } else points.segment = [];
  return { runId, analysis: run.summary.analysis, params: run.params, summary, profiles: segmentProfiles(db, runId), points };
}

/** Renames one segment of a run (names are the user's; memberships never change). */
export function renameSegment(db: Db, runId: number, segment: number, name: string): void {
  const run = segmentationRun(db, runId);
  const known = segment === OUTLIER_SEGMENT ? run.summary.noise > 0 : run.summary.segmentList.some((s) => s.id === segment);
  if (!known) throw new WorkbenchError('not-found', `Run ${runId} has no segment ${segment}.`);
  const trimmed = name.trim();
  if (trimmed === '') throw new WorkbenchError('invalid-input', 'A segment name cannot be empty.');
  writeNames(db, runId, new Map([[segment, trimmed]]));
}

/** Membership cross-tab of two segmentation runs over their common customers, and the ARI. */
export function compareRuns(db: Db, runA: number, runB: number): RunComparison {
  segmentationRun(db, runA);
  segmentationRun(db, runB);
  const a = readMembers(db, runA), b = readMembers(db, runB);
  const la: number[] = [], lb: number[] = [];
  for (let i = 0, j = 0; i < a.customers.length && j < b.customers.length; ) {
    if (a.customers[i] < b.customers[j]) i++;
    else if (a.customers[i] > b.customers[j]) j++;
    else {
      la.push(a.segments[i++]);
      lb.push(b.segments[j++]);
    }
  }
  const rowsIds = [...new Set(la)].sort((x, y) => x - y), colIds = [...new Set(lb)].sort((x, y) => x - y);
  const ri = new Map(rowsIds.map((s, i) => [s, i])), ci = new Map(colIds.map((s, i) => [s, i]));
  const counts = rowsIds.map(() => new Array<number>(colIds.length).fill(0));
  for (let i = 0; i < la.length; i++) counts[ri.get(la[i])!][ci.get(lb[i])!]++;
  const na = readNames(db, runA), nb = readNames(db, runB);
  return {
    runA, runB, customers: la.length,
    ari: la.length >= 2 ? adjustedRandIndex(Int32Array.from(la), Int32Array.from(lb)) : NaN,
    rows: rowsIds.map((s) => ({ segment: s, name: na.get(s) ?? `segment ${s}` })),
    columns: colIds.map((s) => ({ segment: s, name: nb.get(s) ?? `segment ${s}` })),
    counts,
  };
}

export const SEGMENT_EXPORTS = ['segments', 'profiles', 'features'] as const;

/**
 * The rows of a segmentation export (contract):
 * - `segments`: customer, segment, name, outlier (1 = noise/outlier, segment −1), reason — the
 *   segmented customers (reason empty, or why an outlier was set aside: "DBSCAN noise"…), then
 *   the customers the run excluded, with an empty segment, name and outlier and the reason
 *   (issue #10 point 3: nothing is excluded in silence);
 * - `profiles`: one row per segment with size, shares, spend, the profile features' means and
 *   medians, top categories;
 * - `features`: customer then one column per feature — the exact matrix the clustering saw, after
 *   scaling. `stage=dbscan` (stratified-kmeans) gives the raw pivot the DBSCAN saw instead.
 */
export function segmentExport(db: Db, runId: number, what: string, params: Record<string, string>): { header: string[]; rows: Iterable<Cell[]> } {
  segmentationRun(db, runId);
  const codes = new Map((db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]));
  if (what === 'segments') {
    const m = readMembers(db, runId);
    const names = readNames(db, runId);
    const why = runReasons(db, runId);
    const aside = new Map(why.setAside.customers.map((c, j) => [c, why.reasons[why.setAside.reason[j]]]));
    return {
      header: ['customer', 'segment', 'name', 'outlier', 'reason'],
      rows: (function* () {
        for (let i = 0; i < m.customers.length; i++) yield [codes.get(m.customers[i]) ?? String(m.customers[i]), m.segments[i], names.get(m.segments[i]) ?? '', m.outlier[i], aside.get(m.customers[i]) ?? ''];
        for (let j = 0; j < why.excluded.customers.length; j++) {
          const c = why.excluded.customers[j];
          yield [codes.get(c) ?? String(c), '', '', '', why.reasons[why.excluded.reason[j]]];
        }
      })(),
    };
  }
  if (what === 'profiles') {
    const profiles = segmentProfiles(db, runId);
    const feats = profiles[0]?.features.map((f) => f.name) ?? [];
    const attrs = profiles[0]?.attributes ?? [];
    return {
      header: [
        'segment', 'name', 'customers', 'customer_share', 'spend', 'spend_share', 'mean_spend', ...feats.flatMap((f) => [`${f}_mean`, `${f}_median`, `${f}_mark`]), 'top_categories',
        'pattern', ...attrs.flatMap((a) => (a.kind === 'numeric' ? [`${a.name}_mean`, `${a.name}_median`] : [`${a.name}_shares`])),
      ],
      rows: profiles.map((p): Cell[] => [
        p.segment, p.name, p.customers, p.customerShare, p.spend, p.spendShare, p.meanSpend,
        ...p.features.flatMap((f) => [f.mean, f.median, f.mark]),
        p.topCategories.slice(0, 5).map((c) => `${c.category} ${(c.share * 100).toFixed(1)}%`).join('; '),
        p.pattern ?? '',
        ...attrs.flatMap((a0): Cell[] => {
          const a = p.attributes?.find((x) => x.name === a0.name);
          if (a0.kind === 'numeric') return [a?.mean ?? null, a?.median ?? null];
          return [(a?.counts ?? []).map((c) => `${c.key} ${((c.customers / Math.max(1, p.customers)) * 100).toFixed(1)}%`).join('; ')];
        }),
      ]),
    };
  }
  if (what === 'features') {
    const stage = params.stage ?? 'kmeans';
    const name = stage === 'dbscan' ? 'features-dbscan' : 'features';
    const columns = readArtifact(db, runId, `${name}:columns`);
    const customers = readArtifact(db, runId, `${name}:customers`);
    const data = readArtifact(db, runId, `${name}:data`);
    if (!columns || !customers || !data) throw new WorkbenchError('not-found', `Run ${runId} has no '${stage}' feature matrix${stage === 'dbscan' ? ' (only stratified-kmeans has one)' : ''}.`);
    const cols = JSON.parse(columns.toString('utf8')) as string[];
    const ids = blobToInt32(customers), x = blobToFloat64(data);
    const d = cols.length;
    return {
      header: ['customer', ...cols],
      rows: (function* () {
        for (let i = 0; i < ids.length; i++) yield [codes.get(ids[i]) ?? String(ids[i]), ...Array.from(x.subarray(i * d, i * d + d))];
      })(),
    };
  }
  throw new WorkbenchError('invalid-input', `Unknown export '${what}' for a segmentation run; known: ${SEGMENT_EXPORTS.join(', ')}.`);
}

/**
 * Two segments of one run side by side (issue #4 Compare): their profiles; per 대분류 the spend per
 * customer compared by a two-sided Mann–Whitney U test (customers without spend in the category
 * count as 0), p-values Holm-adjusted over the categories; gender and age band against segment by
 * a chi-square test of independence (Yates' correction on 2 × 2 tables, as SciPy's default).
 */
export function compareSegments(db: Db, runId: number, a: number, b: number): SegmentComparison {
  if (a === b) throw new WorkbenchError('invalid-input', 'Pick two different segments to compare.');
  const profiles = segmentProfiles(db, runId);
  const pa = profiles.find((p) => p.segment === a), pb = profiles.find((p) => p.segment === b);
  if (!pa || !pb) throw new WorkbenchError('not-found', `Run ${runId} has no segment ${!pa ? a : b}.`);
  const m = readMembers(db, runId);
  const rowsA: number[] = [], rowsB: number[] = [];
  m.segments.forEach((s, i) => (s === a ? rowsA : s === b ? rowsB : null)?.push(i));
  const ids = Int32Array.from([...rowsA, ...rowsB], (i) => m.customers[i]).sort();
  const pivot = categoryPivot(db, ids, 1);
  const row = new Map<number, number>();
  ids.forEach((id, i) => row.set(id, i));
  const C = pivot.categories.length;
  const column = (rows: number[], c: number) => Float64Array.from(rows, (i) => pivot.data[row.get(m.customers[i])! * C + c]);
  const tests = pivot.categories.map((category, c) => {
    const x = column(rowsA, c), y = column(rowsB, c);
    const t = mannWhitneyU(x, y);
    return { category, meanA: mean(x), meanB: mean(y), u: t.u, pValue: t.pValue, effect: t.effect };
  });
  const adjusted = adjustPValues(tests.map((t) => t.pValue), 'holm');
  const categories = tests.map((t, i) => ({ ...t, pAdjusted: adjusted[i] })).sort((x, y) => x.pAdjusted - y.pAdjusted || Math.abs(y.meanA - y.meanB) - Math.abs(x.meanA - x.meanB));
  // Customer attributes (issue #10 point 3): categorical ones join the chi-square tests by name,
  // numeric ones get a Mann–Whitney test over the customers with a value, Holm-adjusted together.
  const defs = attributeDefs(db);
  const categorical = defs.filter((d) => d.kind === 'categorical').map((d) => [d.name, pa.attributes?.find((x) => x.name === d.name)?.counts ?? [], pb.attributes?.find((x) => x.name === d.name)?.counts ?? []] as const);
  const numericTests = defs.filter((d) => d.kind === 'numeric').flatMap((d) => {
    const valuesOf = (rows: number[]) => {
      const v = numericAttribute(db, Int32Array.from(rows, (i) => m.customers[i]), d.name);
      return Float64Array.from(v.filter((x) => Number.isFinite(x)));
    };
    const x = valuesOf(rowsA), y = valuesOf(rowsB);
    if (x.length === 0 || y.length === 0) return [];
    const t = mannWhitneyU(x, y);
    return [{ name: d.name, meanA: mean(x), meanB: mean(y), u: t.u, pValue: t.pValue, effect: t.effect }];
  });
  const attrAdjusted = adjustPValues(numericTests.map((t) => t.pValue), 'holm');
  const attributes = numericTests.map((t, i) => ({ ...t, pAdjusted: attrAdjusted[i] }));
  const demographics = ([['gender', pa.gender, pb.gender], ['ageBand', pa.ageBands, pb.ageBands], ...categorical] as const).map(([variable, ga, gb]) => {
    const keys = [...new Set([...ga, ...gb].map((g) => g.key))].sort();
    const count = (g: readonly { key: string; customers: number }[], k: string) => g.find((x) => x.key === k)?.customers ?? 0;
    const table = keys.map((key) => ({ key, a: count(ga, key), b: count(gb, key) }));
    const t = keys.length >= 2 ? chiSquareIndependence(table.map((r) => [r.a, r.b])) : { statistic: 0, dof: 0, pValue: 1, cramersV: NaN };
    return { variable, statistic: t.statistic, dof: t.dof, pValue: t.pValue, cramersV: t.cramersV, table };
  });
  return { runId, a: pa, b: pb, categories, demographics, ...(attributes.length ? { attributes } : {}) };
}

const mean = (x: Float64Array) => (x.length ? x.reduce((s, v) => s + v, 0) / x.length : 0);
