import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECENT_LIMIT, RecentProjects } from '../../../core/service/recent-projects.js';

describe('RecentProjects', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-recent-'));
  let tick = 0;
  const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

  it('is empty without a file, and with a file that is not its JSON', () => {
    const file = path.join(dir, 'none', 'recent.json');
    expect(new RecentProjects(file).list()).toEqual([]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ not json');
    expect(new RecentProjects(file).list()).toEqual([]);
  });

  it('keeps the newest first, once each, at most RECENT_LIMIT, and says which files are gone', () => {
    const file = path.join(dir, 'data', 'recent.json');
    const recent = new RecentProjects(file, clock);
    const projects = Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => path.join(dir, `p${i}.sqlite`));
    for (const p of projects) recent.record(p);
    fs.writeFileSync(projects[RECENT_LIMIT + 1], '');
    recent.record(projects[5]);
    const listed = new RecentProjects(file).list();
    expect(listed.length).toBe(RECENT_LIMIT);
    expect(listed.map((p) => p.name).slice(0, 3)).toEqual(['p5.sqlite', `p${RECENT_LIMIT + 1}.sqlite`, `p${RECENT_LIMIT}.sqlite`]);
    expect(new Set(listed.map((p) => p.path)).size).toBe(RECENT_LIMIT);
    expect(listed[1].exists).toBe(true);
    expect(listed[0].exists).toBe(false);
    expect(listed[0].openedAt).toBe('2026-01-01T00:00:12.000Z');
  });
});
