import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainOpenFailure } from '../../../electron/errors.js';
import { parseLaunchArgs } from '../../../electron/launch-args.js';
import { appLayout, withProjectExtension } from '../../../electron/paths.js';

const cwd = path.resolve('/home/ana/work');
const main = path.resolve('/app/dist/electron-main.mjs');

describe('parseLaunchArgs', () => {
  it('opens the default demo project when nothing follows the main script', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', main], main, cwd)).toEqual({ project: null, demoSize: null, problems: [] });
  });

  it('takes the project after the main script, skipping Chromium switches before and after it (as Playwright passes them)', () => {
    const r = parseLaunchArgs(['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', main, '--no-sandbox', 'p.sqlite', '--demo-size', 'tiny'], main, cwd);
    expect(r).toEqual({ project: path.join(cwd, 'p.sqlite'), demoSize: 'tiny', problems: [] });
  });

  it('finds the main script given relative to the working folder', () => {
    expect(parseLaunchArgs(['electron', '../../../app/dist/electron-main.mjs', '/data/x.sqlite'], main, cwd).project).toBe(path.resolve('/data/x.sqlite'));
  });

  it('reads everything after the executable in a packaged app, and --project in both spellings', () => {
    expect(parseLaunchArgs(['/opt/Segment Workbench/segment-workbench', '--project=/d/a.sqlite'], main, cwd).project).toBe(path.resolve('/d/a.sqlite'));
    expect(parseLaunchArgs(['/opt/sw', '--project', 'b.sqlite', '--demo-size=demo'], null, cwd)).toEqual({ project: path.join(cwd, 'b.sqlite'), demoSize: 'demo', problems: [] });
  });

  it('says what it did not understand, without failing', () => {
    const r = parseLaunchArgs(['e', main, 'a.sqlite', 'b.sqlite', '--demo-size', 'huge', '--project'], main, cwd);
    expect(r.project).toBe(path.join(cwd, 'a.sqlite'));
    expect(r.demoSize).toBeNull();
    expect(r.problems).toEqual(['Only one project can be opened at launch; ignored "b.sqlite".', '--demo-size must be tiny, demo or full, got "huge".', '--project needs a file path.']);
  });
});

describe('appLayout', () => {
  it('finds the renderer, preload, worker and demo project from the bundle folder', () => {
    const dist = path.resolve('/app/dist');
    expect(appLayout(dist)).toEqual({
      root: path.resolve('/app'),
      rendererDir: path.resolve('/app/renderer/dist'),
      preload: path.resolve('/app/dist/electron-preload.cjs'),
      worker: path.resolve('/app/dist/worker.mjs'),
      demoProject: path.resolve('/app/projects/demo.sqlite'),
    });
    expect(appLayout(dist, path.resolve('/home/ana/.config/Segment Workbench')).demoProject).toBe(path.resolve('/home/ana/.config/Segment Workbench/projects/demo.sqlite'));
  });

  it('adds .sqlite to a new project name without an extension', () => {
    expect(withProjectExtension('/d/campaign')).toBe('/d/campaign.sqlite');
    expect(withProjectExtension('/d/campaign.db')).toBe('/d/campaign.db');
  });
});

describe('explainOpenFailure', () => {
  it('turns the native-module ABI mismatch into the fix', () => {
    const abi = "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.";
    expect(explainOpenFailure(abi)).toMatch(/^better-sqlite3 is built for Node, not for Electron: run `npx @electron\/rebuild -f -w better-sqlite3`/);
    expect(explainOpenFailure('Not a project file.')).toBe('Not a project file.');
  });
});
