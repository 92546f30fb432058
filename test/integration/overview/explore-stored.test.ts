import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import { dataFingerprint, latestRun } from '../../../core/data/store/runs.js';
import { sha256Text } from '../../../core/data/hash.js';
import { exploreAnswer, overviewExplore, STORED_EXPLORE_FIELD } from '../../../core/service/overview-explore.js';
import { WorkbenchService } from '../../../core/service/service.js';
import type { OverviewExplore } from '../../../core/model/overview-explore.js';
import { tempDir } from '../../helpers/project.js';
import { tinyProject } from '../serve/helpers.js';

/**
 * Issue #16: the unfiltered Overview for every file is computed once by the overview job and
 * stored with its run; getOverviewExplore (exploreAnswer) then answers it from the run, identical
 * to computing it, and only filtered requests compute live. Needs dist/ (the job runs in a worker).
 */
let project: string;
let service: WorkbenchService;

beforeAll(async () => {
  project = tinyProject(tempDir('swb-explore-stored-'));
  service = new WorkbenchService();
  await service.overview(project);
}, 180_000);
afterAll(async () => {
  await service.jobs.close();
});

const withoutMs = ({ ms: _ms, ...rest }: OverviewExplore): Omit<OverviewExplore, 'ms'> => rest;

describe('the unfiltered explore answer stored with the overview run', () => {
  it('is in the overview run, equal to computing it, and is what exploreAnswer answers without filters', () => {
    const db = openProject(project, { readonly: true });
    try {
      const run = latestRun(db, 'overview', dataFingerprint(db, sha256Text));
      const stored = (run?.summary as Record<string, unknown> | null)?.[STORED_EXPLORE_FIELD] as OverviewExplore | undefined;
      expect(stored).toBeDefined();
      const computed = overviewExplore(db, {});
      expect(withoutMs(stored as OverviewExplore)).toEqual(withoutMs(computed));
      const answered = exploreAnswer(db, {});
      expect(withoutMs(answered)).toEqual(withoutMs(computed));
      // Read from the run: its panels are the stored object's, not a new computation's.
      expect(answered.monthly).toEqual((stored as OverviewExplore).monthly);
      expect(computed.totals.receipts).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('still computes filtered requests live, and ignores the stored answer once the data changed', () => {
    const db = openProject(project);
    try {
      const first = overviewExplore(db, {});
      const month = first.monthly.periods[0];
      const filters = { from: `${month}-01`, to: `${month}-28` };
      expect(withoutMs(exploreAnswer(db, filters))).toEqual(withoutMs(overviewExplore(db, filters)));
      // A stored answer on other data (another fingerprint) is never used: tamper with the stored one
      // after changing the imports' fingerprint, and the answer must still be the computed one.
      const run = latestRun(db, 'overview', dataFingerprint(db, sha256Text));
      const summary = run?.summary as Record<string, unknown>;
      const bogus = { ...(summary[STORED_EXPLORE_FIELD] as OverviewExplore), totals: { sales: -1, receipts: -1, customers: -1 } };
      db.prepare('UPDATE runs SET summary = ? WHERE id = ?').run(JSON.stringify({ ...summary, [STORED_EXPLORE_FIELD]: bogus }), run?.id);
      expect(exploreAnswer(db, {}).totals.receipts).toBe(-1);
      db.prepare("UPDATE imports SET fingerprint = fingerprint || 'x' WHERE id = (SELECT max(id) FROM imports)").run();
      expect(exploreAnswer(db, {}).totals).toEqual(first.totals);
    } finally {
      db.close();
    }
  });
});
