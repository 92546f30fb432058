// Whether `npm start` can open the desktop window here, and if not, why — in one sentence.
// The decision (electronLaunchDecision) is pure, for unit tests; the facts are gathered by
// electronFacts, which never require('electron'): in Electron 45 that starts a download of the
// binary when it is missing, and this machine may be offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @typedef {'node' | 'electron' | 'other' | 'missing'} NativeBuild
 *   What better-sqlite3's native addon is built for: this Node, Electron's ABI, something else,
 *   or not built at all.
 *
 * @typedef {object} ElectronFacts
 * @property {string | null} binary The Electron executable the package points to, or null when it was never downloaded.
 * @property {boolean} binaryExists Whether that executable is on disk.
 * @property {string} platform process.platform.
 * @property {Record<string, string | undefined>} env The environment (DISPLAY, WAYLAND_DISPLAY).
 * @property {NativeBuild} sqlite What better-sqlite3 is built for.
 * @property {boolean} [isRoot] Running as root (uid 0): Chromium refuses to on Linux without --no-sandbox.
 * @property {boolean} [browserRequested] `npm start -- --browser`: skip the window.
 *
 * @typedef {{ electron: true, binary: string } | { electron: false, reason: string, message: string }} LaunchDecision
 */

/** The sentence start.mjs prints before serving to the browser, given the reason in parentheses. */
export function fallbackMessage(reason) {
  return `Electron cannot start here (${reason}); serving the same workbench to your browser instead:`;
}

/**
 * Decides between the desktop window and the browser host.
 * @param {ElectronFacts} facts
 * @returns {LaunchDecision}
 */
export function electronLaunchDecision(facts) {
  const no = (reason, message = fallbackMessage(reason)) => ({ electron: false, reason, message });
  if (facts.browserRequested) return no('--browser was given', 'Serving the workbench to your browser (--browser was given):');
  if (facts.binary === null || !facts.binaryExists) return no('its binary is not installed');
  const env = facts.env;
  if (facts.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return no('there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set');
  // Chromium runs as root only with its sandbox off, which this app never does.
  if (facts.platform === 'linux' && facts.isRoot) return no('it refuses to run as root on Linux without turning its sandbox off');
  if (facts.sqlite === 'node') return no('better-sqlite3 is built for Node, not for Electron');
  if (facts.sqlite === 'missing') return no('better-sqlite3 is not built');
  return { electron: true, binary: facts.binary };
}

/**
 * How to run the Node side that loads better-sqlite3 (the CLI's demo, the browser host): this
 * Node when the addon is built for it; Electron's own Node (ELECTRON_RUN_AS_NODE) when it is built
 * for Electron; null when neither can load it.
 * @param {ElectronFacts} facts
 * @param {string} nodePath process.execPath
 * @returns {{ command: string, env: Record<string, string> } | null}
 */
export function sqliteRunner(facts, nodePath) {
  if (facts.sqlite === 'node') return { command: nodePath, env: {} };
  if (facts.sqlite === 'electron' && facts.binary !== null && facts.binaryExists) return { command: facts.binary, env: { ELECTRON_RUN_AS_NODE: '1' } };
  return null;
}

/**
 * What a failed load of better-sqlite3 in Node says about its build: an ABI mismatch names the
 * NODE_MODULE_VERSION it was compiled for; Electron's is in node_modules/electron/abi_version.
 * @param {unknown} loadError the error of loading it in Node, or null when it loaded
 * @param {string | null} electronAbi
 * @returns {NativeBuild}
 */
export function nativeBuildFromLoad(loadError, electronAbi) {
  if (loadError === null || loadError === undefined) return 'node';
  const message = loadError instanceof Error ? loadError.message : String(loadError);
  const compiled = /NODE_MODULE_VERSION (\d+)/.exec(message);
  if (compiled) return electronAbi !== null && compiled[1] === electronAbi.trim() ? 'electron' : 'other';
  if (/Could not locate the bindings file|Cannot find module/.test(message)) return 'missing';
  return 'other';
}

/**
 * The Electron executable as node_modules/electron/index.js would find it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH), without triggering its download.
 * @returns {{ binary: string | null, abi: string | null }}
 */
export function locateElectron(env = process.env) {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { binary: null, abi: null };
  }
  const read = (file) => {
    try {
      return fs.readFileSync(path.join(dir, file), 'utf8').trim();
    } catch {
      return null;
    }
  };
  const relative = read('path.txt');
  const abi = read('abi_version');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { binary: path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron'), abi };
  return { binary: relative === null ? null : path.join(dir, 'dist', relative), abi };
}

/** What better-sqlite3 is built for, by loading it here (in Node) and opening a memory database. */
export function probeNativeBuild(electronAbi) {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return 'node';
  } catch (err) {
    return nativeBuildFromLoad(err, electronAbi);
  }
}

/**
 * Gathers the facts of this machine.
 * @param {{ browserRequested?: boolean }} [options]
 * @returns {ElectronFacts}
 */
export function electronFacts(options = {}) {
  const { binary, abi } = locateElectron();
  return {
    binary,
    binaryExists: binary !== null && fs.existsSync(binary),
    platform: process.platform,
    env: process.env,
    sqlite: probeNativeBuild(abi),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    browserRequested: options.browserRequested ?? false,
  };
}
