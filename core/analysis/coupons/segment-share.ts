/** One segment's clustered and sensitive customers. */
export interface SegmentShare {
  segment: number;
  customers: number;
  sensitive: number;
  /** sensitive ÷ customers, null when none of the segment's customers was clustered. */
  share: number | null;
}

/**
 * Share of sensitive customers per segment (issue #11: "per segment of a chosen run"): of the
 * segment's customers that were clustered, those in a sensitive cluster. `segmentOf` maps a
 * customer id to its segment (customers it lacks, or with a negative segment, are not counted);
 * `segments` lists every segment to report, in order, so a segment without clustered customers
 * still appears (share null).
 */
export function sensitiveShareBySegment(customers: ArrayLike<number>, sensitive: ArrayLike<boolean>, segmentOf: ReadonlyMap<number, number>, segments: readonly number[]): SegmentShare[] {
  if (sensitive.length !== customers.length) throw new RangeError(`sensitive must have one flag per customer (${customers.length}), got ${sensitive.length}`);
  const counts = new Map(segments.map((s) => [s, { customers: 0, sensitive: 0 }]));
  for (let i = 0; i < customers.length; i++) {
    const c = counts.get(segmentOf.get(customers[i]) ?? -1);
    if (!c) continue;
    c.customers++;
    if (sensitive[i]) c.sensitive++;
  }
  return segments.map((s) => {
    const c = counts.get(s)!;
    return { segment: s, ...c, share: c.customers > 0 ? c.sensitive / c.customers : null };
  });
}
