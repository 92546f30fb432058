import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../cli/http/answer-cache.js';
import { makeTinyDemo, runCli } from '../../helpers/project.js';
import { inProcessHost, type InProcessHost } from './helpers.js';

/**
 * Issue #15 §12: under 200 clients the 1.2 MB segmentation view, built and stringified on every
 * call on the server's one thread, stalled the loop long enough for a new connection to be
 * answered 408. A finished run's view is now built once per stored state and then only written;
 * these tests hold that it is reused (hit), and that a rename — here or by another process — is a
 * miss with the new name, never a stale answer.
 */
describe('answers of finished runs are reused while unchanged (issue #15 §12)', () => {
  let host: InProcessHost, project: string, runId: number;
  const call = (op: string, input: unknown) => host.call(op, input);

  beforeAll(async () => {
    project = makeTinyDemo('swb-answers-').project;
    runId = (JSON.parse(runCli(['run', 'kmeans', '--project', project, '--param', 'features=category', '--param', 'k=3', '--json']).stdout) as { runId: number }).runId;
    host = await inProcessHost('swb-answers-');
  }, 120_000);

  afterAll(() => host.stop());

  it('builds a finished segmentation once, then answers the same bytes from the cache', async () => {
    const first = await call('getSegmentation', { project, runId });
    const second = await call('getSegmentation', { project, runId });
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.body).toBe(first.body);
    expect((JSON.parse(first.body) as { ok: boolean }).ok).toBe(true);
  });

  it('a rename through the API is a miss that carries the new name', async () => {
    await call('getSegmentation', { project, runId });
    const renamed = await call('renameSegment', { project, runId, segment: 0, name: 'Weekend families' });
    expect((JSON.parse(renamed.body) as { ok: boolean }).ok).toBe(true);
    const after = await call('getSegmentation', { project, runId });
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('Weekend families');
  });

  it('a rename by another process is seen too: the stamp is read from the project on every call', async () => {
    await call('getSegmentation', { project, runId });
    const db = new Database(project);
    db.prepare('INSERT OR REPLACE INTO segment_names (run_id, segment, name) VALUES (?, 1, ?)').run(runId, 'Named elsewhere');
    db.close();
    const after = await call('getSegmentation', { project, runId });
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('Named elsewhere');
  });

  it('errors and other operations are never cached', async () => {
    const missing = await call('getSegmentation', { project, runId: 9999 });
    expect(missing.cache).toBeUndefined();
    expect((JSON.parse(missing.body) as { ok: boolean }).ok).toBe(false);
    expect((await call('listRuns', { project })).cache).toBeUndefined();
  });
});

describe('AnswerCache', () => {
  it('drops the least recently used answers past its byte budget, and never keeps one larger than the budget', () => {
    const cache = new AnswerCache(10);
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    expect(cache.get('a')?.length).toBe(4); // a is now the most recently used
    cache.set('c', Buffer.alloc(4)); // 12 > 10: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.heldBytes).toBe(8);
    cache.set('huge', Buffer.alloc(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('a', Buffer.alloc(2)); // replacing counts the new size only
    expect(cache.heldBytes).toBe(6);
  });
});

describe('AnswerCache.share', () => {
  it('builds once for callers that ask while the answer is being built, and keeps no failed build', async () => {
    const cache = new AnswerCache();
    let builds = 0;
    let release: (b: Buffer) => void = () => undefined;
    const build = () => {
      builds++;
      return new Promise<Buffer | undefined>((r) => (release = r));
    };
    const first = cache.share('k', build), second = cache.share('k', build);
    release(Buffer.from('view'));
    expect([(await first).how, (await second).how]).toEqual(['miss', 'shared']);
    expect((await second).body?.toString()).toBe('view');
    expect((await cache.share('k', build)).how).toBe('hit');
    expect(builds).toBe(1);
    const failed = await cache.share('e', () => Promise.resolve(undefined));
    expect(failed).toEqual({ body: undefined, how: 'miss' });
    expect(cache.get('e')).toBeUndefined();
  });
});
