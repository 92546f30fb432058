import path from 'node:path';

/** Where the app finds its parts, from the folder of the main bundle (dist/ of the app folder). */
export interface AppLayout {
  /** The app folder (the checkout in development). */
  root: string;
  /** The Vite build of the renderer, served by the app:// scheme. */
  rendererDir: string;
  preload: string;
  /** The job worker entry the JobRunner starts (dist/worker.mjs beside the main bundle). */
  worker: string;
  /** The project opened when none is given: created as a demo project on first launch. */
  demoProject: string;
}

/**
 * Paths relative to the bundle, so a build works wherever the folder is. In a packaged app the
 * app folder is read-only, so the demo project lives in the user-data folder instead.
 */
export function appLayout(bundleDir: string, userData: string | null = null): AppLayout {
  const root = path.resolve(bundleDir, '..');
  return {
    root,
    rendererDir: path.join(root, 'renderer', 'dist'),
    preload: path.join(bundleDir, 'electron-preload.cjs'),
    worker: path.join(bundleDir, 'worker.mjs'),
    demoProject: path.join(userData ?? root, 'projects', 'demo.sqlite'),
  };
}

/** A new project's file name as chosen in the save dialog, with `.sqlite` added when it has no extension. */
export function withProjectExtension(file: string): string {
  return path.extname(file) === '' ? `${file}.sqlite` : file;
}

export const PROJECT_FILE_FILTERS = [
  { name: 'Workbench projects', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];
