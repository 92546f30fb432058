import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderListing, ProjectInfo, RecentProject } from '../../../core/model/api.js';
import type { ApiResult } from '../../../core/model/result.js';
import { tempDir } from '../../helpers/project.js';
import { startServe, stopAll, tinyProject, type Served } from './helpers.js';

/**
 * Issue #14 "The first minute": the browser host lists folders within the user's home (read-only,
 * only folders and .sqlite/.csv/.xlsx/.txt files, nothing outside home by `..`, absolute path or
 * symlink) and keeps recent projects in the user-data folder.
 */
describe('serve: recent projects and the home folder listing', () => {
  let dir: string;
  let home: string;
  let data: string;
  let first: string;
  let second: string;
  let s: Served;

  async function call<T>(op: string, input: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${s.origin}/api/call/${op}`, { method: 'POST', headers: { 'X-Workbench-Token': s.token, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    expect(res.status).toBe(200);
    return (await res.json()) as ApiResult<T>;
  }

  async function value<T>(op: string, input: unknown): Promise<T> {
    const result = await call<T>(op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    dir = fs.realpathSync(tempDir('swb-serve-folders-'));
    home = path.join(dir, 'home');
    data = path.join(dir, 'app-data');
    const projects = path.join(home, 'projects');
    fs.mkdirSync(path.join(projects, 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'outside'));
    first = tinyProject(projects, 'first.sqlite');
    second = path.join(projects, 'second.sqlite');
    fs.copyFileSync(first, second);
    fs.writeFileSync(path.join(projects, 'sales.csv'), 'a,b\n1,2\n');
    fs.writeFileSync(path.join(projects, 'Book.XLSX'), '');
    fs.writeFileSync(path.join(projects, 'notes.txt'), '');
    fs.writeFileSync(path.join(projects, 'script.sh'), '');
    fs.writeFileSync(path.join(projects, '.hidden.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'outside', 'secret.sqlite'), '');
    fs.symlinkSync(path.join(dir, 'outside'), path.join(home, 'escape'));
    fs.symlinkSync(path.join(dir, 'outside', 'secret.sqlite'), path.join(projects, 'secret-link.sqlite'));
    fs.symlinkSync(projects, path.join(home, 'shortcut'));
    s = await startServe(first, { env: { HOME: home, SEGMENT_WORKBENCH_DATA: data } });
  }, 120_000);

  afterAll(async () => {
    await stopAll();
  });

  it('lists home by default: folders (links inside home too), never what a link outside points to', async () => {
    const root = await value<FolderListing>('listFolder', {});
    expect(root.path).toBe(home);
    expect(root.home).toBe(home);
    expect(root.parent).toBeNull();
    expect(root.entries).toEqual([
      { name: 'projects', path: path.join(home, 'projects'), kind: 'directory' },
      { name: 'shortcut', path: path.join(home, 'shortcut'), kind: 'directory' },
    ]);
  });

  it('lists a folder: folders first, then only .sqlite/.csv/.xlsx/.txt files, no hidden files', async () => {
    const listing = await value<FolderListing>('listFolder', { path: path.join(home, 'projects') });
    expect(listing.parent).toBe(home);
    expect(listing.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['directory:sub', 'file:Book.XLSX', 'file:first.sqlite', 'file:notes.txt', 'file:sales.csv', 'file:second.sqlite']);
    // A relative path is taken from home.
    expect((await value<FolderListing>('listFolder', { path: 'projects/sub' })).entries).toEqual([]);
  });

  const refused: [string, () => string][] = [
    ['a `..` climbing out of home', () => path.join(home, '..', 'outside')],
    ['a relative `..`', () => '../outside'],
    ['`..` hidden after a folder', () => 'projects/../../outside'],
    ['an absolute path outside home', () => '/etc'],
    ['the file system root', () => '/'],
    ['a symlink to a folder outside home', () => path.join(home, 'escape')],
    ['a path through a symlink outside home', () => 'escape/'],
  ];
  for (const [what, target] of refused) {
    it(`refuses ${what}`, async () => {
      const result = await call<FolderListing>('listFolder', { path: target() });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toMatch(/inside your home folder/);
      }
    });
  }

  it('refuses a file and a missing folder without listing anything', async () => {
    const file = await call<FolderListing>('listFolder', { path: 'projects/sales.csv' });
    expect(file.ok).toBe(false);
    const missing = await call<FolderListing>('listFolder', { path: 'nope' });
    expect(missing.ok || missing.error.code).toBe('not-found');
  });

  it('keeps recent projects in the user-data folder, newest first, across launches', async () => {
    const initial = await value<RecentProject[]>('recentProjects', {});
    expect(initial.map((p) => p.path)).toEqual([first]);
    expect(initial[0]).toMatchObject({ name: 'first.sqlite', exists: true });
    await value<ProjectInfo>('openProject', { path: second });
    await value<ProjectInfo>('openProject', { path: first });
    await value<ProjectInfo>('openProject', { path: second });
    expect((await value<RecentProject[]>('recentProjects', {})).map((p) => p.name)).toEqual(['second.sqlite', 'first.sqlite']);
    const stored = JSON.parse(fs.readFileSync(path.join(data, 'recent-projects.json'), 'utf8')) as { projects: { path: string }[] };
    expect(stored.projects.map((p) => p.path)).toEqual([second, first]);

    await stopAll();
    s = await startServe(first, { env: { HOME: home, SEGMENT_WORKBENCH_DATA: data } });
    expect((await value<RecentProject[]>('recentProjects', {})).map((p) => p.name)).toEqual(['first.sqlite', 'second.sqlite']);
  });
});
