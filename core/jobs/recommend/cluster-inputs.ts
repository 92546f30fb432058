import { sha256Text } from '../../data/hash.js';
import type { Db } from '../../data/store/open.js';
import type { Baskets } from '../../data/store/queries/baskets.js';
import { dataFingerprint } from '../../data/store/runs.js';
import { blobToFloat64, blobToInt32, readArtifact, readMembers, readNames } from '../../data/store/segments.js';

export interface ClusterInputs {
  runId: number;
  /** Cluster per dense customer index (−1: noise, outlier or not in the run). */
  cluster: Int32Array;
  /** The vectors the run's K-means saw (each stratum min–max scaled), per dense customer index. */
  vectors: Float64Array;
  d: number;
  names: Map<number, string>;
}

/**
 * What cluster-knn needs from a `stratified-kmeans` run (the newest on this data, or the given
 * one): each customer's cluster and the scaled category vector the K-means saw. A string says why
 * there is none.
 */
export function clusterInputs(db: Db, b: Baskets, runId?: number): ClusterInputs | string {
  const fp = dataFingerprint(db, sha256Text);
  const row = (runId === undefined
    ? db.prepare("SELECT id FROM runs WHERE status = 'done' AND analysis = 'stratified-kmeans' AND data_fingerprint = ? ORDER BY id DESC LIMIT 1").get(fp)
    : db.prepare("SELECT id FROM runs WHERE status = 'done' AND analysis = 'stratified-kmeans' AND id = ?").get(runId)) as { id: number } | undefined;
  if (!row) return runId === undefined ? 'no stratified-kmeans run on this data yet (cluster-knn recommends within its clusters)' : `run ${runId} is not a finished stratified-kmeans run`;
  const columns = readArtifact(db, row.id, 'features:columns'), customers = readArtifact(db, row.id, 'features:customers'), data = readArtifact(db, row.id, 'features:data');
  if (!columns || !customers || !data) return `run ${row.id} has no stored feature matrix`;
  const d = (JSON.parse(columns.toString('utf8')) as string[]).length;
  const ids = blobToInt32(customers), x = blobToFloat64(data);
  const index = new Map<number, number>();
  b.customerIds.forEach((id, u) => index.set(id, u));
  const U = b.customerIds.length;
  const vectors = new Float64Array(U * d);
  ids.forEach((id, i) => {
    const u = index.get(id);
    if (u !== undefined) vectors.set(x.subarray(i * d, i * d + d), u * d);
  });
  const cluster = new Int32Array(U).fill(-1);
  const m = readMembers(db, row.id);
  m.customers.forEach((id, i) => {
    const u = index.get(id);
    if (u !== undefined && !m.outlier[i]) cluster[u] = m.segments[i];
  });
  return { runId: row.id, cluster, vectors, d, names: readNames(db, row.id) };
}
