/**
 * The report route's address: `#/report?runs=3,7` (a section per run, in this order); `3~5` is
 * run 3 compared with run 5; `3:1:2` is segments 1 and 2 of run 3 compared. The per-page Report button and the builder read and write it, so a
 * report being built survives a reload.
 */
export interface ReportPick {
  run: number;
  with?: number;
  segments?: [number, number];
}

export function reportHash(picks: readonly ReportPick[]): string {
  const runs = picks.map((p) => (p.with !== undefined ? `${p.run}~${p.with}` : p.segments ? `${p.run}:${p.segments[0]}:${p.segments[1]}` : String(p.run))).join(',');
  return `#/report?runs=${runs}`;
}

/** The picks of the current address (none when it is not a report address). */
export function picksFromHash(hash: string): ReportPick[] {
  const query = hash.split('?')[1] ?? '';
  const runs = new URLSearchParams(query).get('runs') ?? '';
  const out: ReportPick[] = [];
  for (const item of runs.split(',')) {
    const m = /^(\d+)(?:~(\d+)|:(-?\d+):(-?\d+))?$/.exec(item.trim());
    if (m) out.push({ run: Number(m[1]), ...(m[2] ? { with: Number(m[2]) } : {}), ...(m[3] !== undefined ? { segments: [Number(m[3]), Number(m[4])] as [number, number] } : {}) });
  }
  return out;
}
