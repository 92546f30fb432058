import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject, type Db } from '../../../core/data/store/open.js';
import { deleteRun } from '../../../core/data/store/run-delete.js';
import { getRun, startRun } from '../../../core/data/store/runs.js';
import { writeNames } from '../../../core/data/store/segments.js';
import { withCurrentNames } from '../../../core/service/run-names.js';
import { tempDir } from '../../helpers/project.js';

const dir = tempDir('swb-run-names-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(db: Db, analysis: string, summary: unknown): number {
  const id = startRun(db, analysis, {}, 'fp');
  db.prepare("UPDATE runs SET status = 'done', summary = ? WHERE id = ?").run(JSON.stringify(summary), id);
  return id;
}

describe('withCurrentNames (issue #14: a renamed segment carries its new name everywhere)', () => {
  const db = openProject(path.join(dir, 'p.sqlite'), { create: true });
  afterAll(() => db.close());
  const seg = run(db, 'kmeans', { segments: 2, segmentList: [{ id: 0, name: 'segment 1', customers: 3 }, { id: 1, name: 'segment 2', customers: 4 }] });
  writeNames(db, seg, new Map([[0, 'segment 1'], [1, 'segment 2']]));
  const used = { segmentRun: seg };
  const marketing = run(db, 'marketing-response', { ...used, segments: [{ segment: 0, name: 'segment 1' }, { segment: 1, name: 'segment 2' }] });
  const marketingAll = run(db, 'marketing-response', { segmentRun: null, segments: [{ segment: null, name: 'all' }] });
  const coupons = run(db, 'coupon-sensitivity', { ...used, segments: [{ segment: 1, name: 'segment 2', share: 0.5 }] });
  const rules = run(db, 'rules', { ...used, parts: [{ key: 'all', segment: null, name: 'all' }, { key: 'seg1', segment: 1, name: 'segment 2' }] });
  const forecast = run(db, 'forecast', { ...used, series: [{ key: 'seg1', name: 'segment 2' }, { key: 'seg0', name: 'segment 1' }] });
  const current = (id: number) => withCurrentNames(db, getRun(db, id)!).summary as Record<string, { name: string }[]>;

  it('renames the segmentation’s own list and every later run’s per-segment rows, by segment id', () => {
    writeNames(db, seg, new Map([[1, 'Weekend families']]));
    expect(current(seg).segmentList.map((s) => s.name)).toEqual(['segment 1', 'Weekend families']);
    expect(current(marketing).segments.map((s) => s.name)).toEqual(['segment 1', 'Weekend families']);
    expect(current(coupons).segments).toEqual([{ segment: 1, name: 'Weekend families', share: 0.5 }]);
    expect(current(rules).parts.map((p) => p.name)).toEqual(['all', 'Weekend families']);
    expect(current(forecast).series.map((s) => s.name)).toEqual(['Weekend families', 'segment 1']);
    expect(current(marketingAll).segments).toEqual([{ segment: null, name: 'all' }]);
  });

  it('keeps a later run’s stored names once the segmentation is deleted', () => {
    deleteRun(db, seg);
    expect(current(marketing).segments.map((s) => s.name)).toEqual(['segment 1', 'segment 2']);
    expect(current(rules).parts.map((p) => p.name)).toEqual(['all', 'segment 2']);
  });
});
