import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { defaultDemoProject, userDataDir } from '../../../scripts/user-data.mjs';

/** Issue #14 "The first minute": `npm start` keeps projects in the OS application-data folder, not the checkout. */
describe('npm start’s project folder', () => {
  const home = path.resolve('/home/ana');
  it('is the folder Electron’s app.getPath("userData") gives the packaged app, per platform', () => {
    expect(userDataDir({ platform: 'linux', env: {}, home })).toBe(path.join(home, '.config', 'Segment Workbench'));
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: path.resolve('/x/cfg') }, home })).toBe(path.join(path.resolve('/x/cfg'), 'Segment Workbench'));
    expect(userDataDir({ platform: 'darwin', env: {}, home })).toBe(path.join(home, 'Library', 'Application Support', 'Segment Workbench'));
    expect(userDataDir({ platform: 'win32', env: { APPDATA: path.resolve('/c/Users/ana/AppData/Roaming') }, home })).toBe(path.join(path.resolve('/c/Users/ana/AppData/Roaming'), 'Segment Workbench'));
  });

  it('can be set with SEGMENT_WORKBENCH_DATA, and the demo project is never inside the checkout', () => {
    expect(userDataDir({ platform: 'linux', env: { SEGMENT_WORKBENCH_DATA: path.resolve('/data/swb') }, home })).toBe(path.resolve('/data/swb'));
    const demo = defaultDemoProject({ platform: 'linux', env: {}, home }) as string;
    expect(demo).toBe(path.join(home, '.config', 'Segment Workbench', 'projects', 'demo.sqlite'));
    expect(path.relative(process.cwd(), demo).startsWith('..')).toBe(true);
  });
});
