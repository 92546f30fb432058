import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunchDecision, fallbackMessage, locateElectron, nativeBuildFromLoad, probeNativeBuild, sqliteRunner, type ElectronFacts } from '../../../scripts/electron-available.mjs';

const ready: ElectronFacts = { binary: '/opt/electron/electron', binaryExists: true, platform: 'linux', env: { DISPLAY: ':0' }, sqlite: 'electron' };

describe('electronLaunchDecision', () => {
  it('starts Electron when the binary exists, there is a display and SQLite is built for Electron', () => {
    expect(electronLaunchDecision(ready)).toEqual({ electron: true, binary: '/opt/electron/electron' });
    expect(electronLaunchDecision({ ...ready, env: { WAYLAND_DISPLAY: 'wayland-0' } }).electron).toBe(true);
    expect(electronLaunchDecision({ ...ready, platform: 'darwin', env: {} }).electron).toBe(true);
    expect(electronLaunchDecision({ ...ready, platform: 'win32', env: {} }).electron).toBe(true);
  });

  it('falls back, in one sentence, when the binary was never downloaded', () => {
    const d = electronLaunchDecision({ ...ready, binary: null, binaryExists: false });
    expect(d).toEqual({ electron: false, reason: 'its binary is not installed', message: 'Electron cannot start here (its binary is not installed); serving the same workbench to your browser instead:' });
    expect(electronLaunchDecision({ ...ready, binaryExists: false }).electron).toBe(false);
  });

  it('falls back on Linux without DISPLAY or WAYLAND_DISPLAY', () => {
    const d = electronLaunchDecision({ ...ready, env: { DISPLAY: '' } });
    expect(d.electron).toBe(false);
    if (!d.electron) expect(d.message).toBe(fallbackMessage('there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set'));
  });

  it('falls back when run as root on Linux (Chromium would need its sandbox off)', () => {
    const d = electronLaunchDecision({ ...ready, isRoot: true });
    expect(!d.electron && d.reason).toBe('it refuses to run as root on Linux without turning its sandbox off');
    expect(electronLaunchDecision({ ...ready, platform: 'darwin', isRoot: true }).electron).toBe(true);
  });

  it('falls back when better-sqlite3 is built for Node (Electron could not open a project)', () => {
    const d = electronLaunchDecision({ ...ready, sqlite: 'node' });
    expect(d.electron).toBe(false);
    if (!d.electron) expect(d.reason).toBe('better-sqlite3 is built for Node, not for Electron');
  });

  it('checks the binary first: the most basic reason is the one given', () => {
    const d = electronLaunchDecision({ binary: null, binaryExists: false, platform: 'linux', env: {}, sqlite: 'node' });
    expect(!d.electron && d.reason).toBe('its binary is not installed');
  });

  it('serves to the browser when asked to, whatever Electron could do', () => {
    const d = electronLaunchDecision({ ...ready, browserRequested: true });
    expect(d).toEqual({ electron: false, reason: '--browser was given', message: 'Serving the workbench to your browser (--browser was given):' });
  });
});

describe('nativeBuildFromLoad', () => {
  const mismatch = (compiled: number, required: number) =>
    new Error(`The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${compiled}. This version of Node.js requires\nNODE_MODULE_VERSION ${required}. Please try re-compiling`);

  it('reads the ABI a mismatching addon was compiled for', () => {
    expect(nativeBuildFromLoad(null, '150')).toBe('node');
    expect(nativeBuildFromLoad(mismatch(150, 115), '150\n')).toBe('electron');
    expect(nativeBuildFromLoad(mismatch(127, 115), '150')).toBe('other');
    expect(nativeBuildFromLoad(new Error('Could not locate the bindings file. Tried: …'), '150')).toBe('missing');
    expect(nativeBuildFromLoad('something else', null)).toBe('other');
  });

  it('finds this checkout built for Node (the tests run on it)', () => {
    expect(probeNativeBuild('150')).toBe('node');
  });
});

describe('locateElectron', () => {
  it('never requires electron (which would download it), and honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const here = locateElectron({});
    expect(here.abi).toMatch(/^\d+$/);
    const over = locateElectron({ ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' });
    expect(over.binary?.startsWith(path.join('/opt/e'))).toBe(true);
  });
});

describe('sqliteRunner', () => {
  const facts: ElectronFacts = { binary: '/e/electron', binaryExists: true, platform: 'linux', env: {}, sqlite: 'node' };
  it('runs the Node side on this Node, or on Electron as Node when better-sqlite3 is built for Electron', () => {
    expect(sqliteRunner(facts, '/usr/bin/node')).toEqual({ command: '/usr/bin/node', env: {} });
    expect(sqliteRunner({ ...facts, sqlite: 'electron' }, '/usr/bin/node')).toEqual({ command: '/e/electron', env: { ELECTRON_RUN_AS_NODE: '1' } });
    expect(sqliteRunner({ ...facts, sqlite: 'electron', binaryExists: false }, '/usr/bin/node')).toBeNull();
    expect(sqliteRunner({ ...facts, sqlite: 'other' }, '/usr/bin/node')).toBeNull();
    expect(sqliteRunner({ ...facts, sqlite: 'missing' }, '/usr/bin/node')).toBeNull();
  });
});
