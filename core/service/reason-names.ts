import { translateReason, withCurrentSegment } from '../analysis/recommend/reason-translate.js';
import type { Db } from '../data/store/open.js';
import { getRun } from '../data/store/runs.js';
import { readMembers, readNames } from '../data/store/segments.js';
import type { RunRecord } from '../model/jobs.js';
import type { ExportLang } from './export-headers.js';

/** A recommend run's stored reason as shown: `customerId` is the customer the row belongs to. */
export type ReasonReader = (customerId: number, reason: string) => string;

/**
 * The reasons of a `recommend` run as read now (issue #14: "a renamed segment carries its new name
 * to every page … every export"; "reasons are rendered in the language of the export"). A
 * cluster-knn reason names the customer's segment as it was called when the list was computed;
 * here it names the segment by its current name, found from the structure the run stored — the
 * stratified-kmeans run it used and the customer's segment in it — not from the old text. Every
 * reason then goes to `lang` (reason-translate.ts); without `lang` the stored language is kept.
 * When the segmentation was deleted, the stored names stay, as withCurrentNames does for summaries.
 */
export function reasonReader(db: Db, run: RunRecord, lang?: ExportLang): ReasonReader {
  const translate = (reason: string) => (lang === undefined ? reason : translateReason(reason, lang));
  const segmentRun = clusterRunOf(run);
  if (segmentRun === null || !getRun(db, segmentRun)) return (_customer, reason) => translate(reason);
  const m = readMembers(db, segmentRun);
  const names = readNames(db, segmentRun);
  const segmentOf = new Map<number, number>();
  m.customers.forEach((c, i) => segmentOf.set(c, m.outlier[i] ? -1 : m.segments[i]));
  return (customer, reason) => {
    const s = segmentOf.get(customer) ?? -1;
    return withCurrentSegment(reason, s < 0 ? null : (names.get(s) ?? `segment ${s}`), lang) ?? translate(reason);
  };
}

/**
 * The stratified-kmeans run a cluster-knn recommend run took its clusters from: its notes say
 * "clusters of stratified-kmeans run N" (every such run wrote them), else its `clusterRun`
 * parameter; null for other models.
 */
export function clusterRunOf(run: RunRecord): number | null {
  const summary = run.summary as { model?: unknown; notes?: unknown } | null;
  const model = summary?.model ?? run.params.model;
  if (run.analysis !== 'recommend' || model !== 'cluster-knn') return null;
  const m = typeof summary?.notes === 'string' ? /^clusters of stratified-kmeans run (\d+)$/.exec(summary.notes) : null;
  if (m) return Number(m[1]);
  const p = run.params.clusterRun;
  return typeof p === 'number' && Number.isInteger(p) ? p : null;
}
