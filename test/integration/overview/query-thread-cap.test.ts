import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../core/data/store/open.js';
import { ApiHost } from '../../../core/service/api.js';
import { overviewExplore } from '../../../core/service/overview-explore.js';
import { holdQueriesForTests, queriesInFlight } from '../../../core/service/query-thread.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { tempDir } from '../../helpers/project.js';
import { tinyProject } from '../serve/helpers.js';

/**
 * Issue #16, the query threads capped: at most one getOverviewExplore in flight per project; a newer
 * request supersedes the older, whose thread is terminated and whose request answers `cancelled`.
 * The first request is held in its thread by the test hook (Atomics.wait on a shared Int32, never
 * released here), so without the cap it would stay pending and the test would fail; the newer one
 * (not held) must answer the in-thread result. Needs dist/query-worker.mjs (`node scripts/build.mjs`).
 */
let dir: string;
let project: string;
let other: string;
let host: ApiHost;
let service: WorkbenchService;

beforeAll(() => {
  dir = tempDir('swb-explore-cap-');
  project = tinyProject(dir);
  other = tinyProject(dir, 'q.sqlite');
  service = new WorkbenchService();
  host = new ApiHost(service);
}, 120_000);
afterAll(async () => {
  holdQueriesForTests(undefined);
  await service.jobs.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const withoutMs = <T extends { ms: number }>(x: T): Omit<T, 'ms'> => {
  const { ms: _ms, ...rest } = x;
  return rest;
};

describe('getOverviewExplore: one query thread per project', () => {
  it('cancels the older request of a project when a newer one arrives, and answers the newer', async () => {
    holdQueriesForTests(new SharedArrayBuffer(4));
    const older = host.call('getOverviewExplore', { project, filters: { from: '2000-01-01' } });
    // Another project's request is not superseded by this project's next one.
    const elsewhere = host.call('getOverviewExplore', { project: other, filters: {} });
    holdQueriesForTests(undefined);
    expect(queriesInFlight()).toBe(2);
    const newer = host.call('getOverviewExplore', { project, filters: {} });
    const o = await older;
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error.code).toBe('cancelled');
    expect(queriesInFlight()).toBe(2);
    const n = await newer;
    expect(n.ok).toBe(true);
    const db = openProject(project, { readonly: true });
    try {
      expect(n.ok && withoutMs(n.value as ReturnType<typeof overviewExplore>)).toEqual(withoutMs(overviewExplore(db, {})));
    } finally {
      db.close();
    }
    // The other project's held request is still in flight; a newer request for it releases the slot.
    expect(queriesInFlight()).toBe(1);
    const again = await host.call('getOverviewExplore', { project: other, filters: {} });
    expect(again.ok).toBe(true);
    const e = await elsewhere;
    expect(!e.ok && e.error.code).toBe('cancelled');
    expect(queriesInFlight()).toBe(0);
  }, 120_000);
});
