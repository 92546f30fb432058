import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import { ApiHost } from '../../../core/service/api.js';
import { overviewExplore } from '../../../core/service/overview-explore.js';
import { holdQueriesForTests } from '../../../core/service/query-thread.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { toApiError } from '../../../core/model/result.js';
import { tempDir } from '../../helpers/project.js';
import { tinyProject } from './helpers.js';

/**
 * Issue #16: getOverviewExplore (seconds to a minute on a large project) must not block the host.
 * A test hook holds the query thread before it starts (Atomics.wait on a shared Int32), so the
 * request is in flight for as long as the test wants, with no timing assumption: the host must
 * answer listRuns meanwhile, and the held request must then answer exactly what the in-thread
 * computation answers. Needs dist/query-worker.mjs (`node scripts/build.mjs`).
 */
let project: string;
let host: ApiHost;
let service: WorkbenchService;

beforeAll(() => {
  project = tinyProject(tempDir('swb-explore-thread-'));
  service = new WorkbenchService();
  host = new ApiHost(service);
}, 120_000);
afterAll(async () => {
  holdQueriesForTests(undefined);
  await service.jobs.close();
});

const withoutMs = <T extends { ms: number }>(x: T): Omit<T, 'ms'> => {
  const { ms: _ms, ...rest } = x;
  return rest;
};

describe('getOverviewExplore off the host thread', () => {
  it('answers listRuns while an explore request is held in flight, then the same answer as in-thread', async () => {
    const hold = new SharedArrayBuffer(4);
    holdQueriesForTests(hold);
    let settled = false;
    const explore = host.call('getOverviewExplore', { project, filters: {} }).finally(() => (settled = true));
    holdQueriesForTests(undefined);
    const runs = await host.call('listRuns', { project });
    expect(runs.ok).toBe(true);
    const info = await host.call('projectInfo', { project });
    expect(info.ok).toBe(true);
    // The query thread is still waiting on the hook: the host answered without it.
    expect(settled).toBe(false);
    Atomics.store(new Int32Array(hold), 0, 1);
    Atomics.notify(new Int32Array(hold), 0);
    const r = await explore;
    expect(r.ok).toBe(true);
    const db = openProject(project, { readonly: true });
    try {
      const expected = overviewExplore(db, {});
      expect(r.ok && withoutMs(r.value as typeof expected)).toEqual(withoutMs(expected));
      expect(expected.totals.receipts).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it('answers a filtered request with the in-thread answer, and an error with the same code and message', async () => {
    const db = openProject(project, { readonly: true });
    try {
      const month = overviewExplore(db, {}).monthly.periods[0];
      const filters = { from: `${month}-01`, to: `${month}-28` };
      const r = await host.call('getOverviewExplore', { project, filters });
      expect(r.ok).toBe(true);
      expect(r.ok && withoutMs(r.value as ReturnType<typeof overviewExplore>)).toEqual(withoutMs(overviewExplore(db, filters)));
      let inThread: unknown;
      try {
        overviewExplore(db, { segmentRun: 987654 });
      } catch (err) {
        inThread = err;
      }
      expect(inThread).toBeDefined();
      const bad = await host.call('getOverviewExplore', { project, filters: { segmentRun: 987654 } });
      expect(bad.ok).toBe(false);
      const e = toApiError(inThread);
      expect(!bad.ok && { code: bad.error.code, message: bad.error.message }).toEqual({ code: e.code, message: e.message });
    } finally {
      db.close();
    }
  }, 120_000);
});
