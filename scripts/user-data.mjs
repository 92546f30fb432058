// Where `npm start` keeps the user's projects (issue #14 "The first minute"): the operating
// system's per-user application-data folder, the one Electron's app.getPath('userData') gives
// the packaged app (app name "Segment Workbench"), so the desktop app and the browser fallback
// open the same demo project — never the checkout. SEGMENT_WORKBENCH_DATA overrides it.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Segment Workbench';

/** The application-data folder for this platform and environment (no file-system access). */
export function userDataDir({ platform = process.platform, env = process.env, home = os.homedir() } = {}) {
  if (env.SEGMENT_WORKBENCH_DATA) return path.resolve(env.SEGMENT_WORKBENCH_DATA);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** The demo project `npm start` opens by default. */
export function defaultDemoProject(options) {
  return path.join(userDataDir(options), 'projects', 'demo.sqlite');
}
