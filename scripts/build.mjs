// Builds the Node side (CLI + browser host, and the worker entry) into dist/ with esbuild.
// better-sqlite3 stays external: it is a native addon loaded from node_modules at run time.
import { build } from 'esbuild';

const banner = {
  // Bundled ESM has no require(); some CommonJS dependencies need it.
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/** An ESM bundle for Node into dist/*.mjs, with the native addon (and any other given module) external. */
const nodeBundle = (entryPoints, external = []) =>
  build({
    entryPoints,
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    external: ['better-sqlite3', ...external],
    banner,
    logLevel: 'warning',
  });

await nodeBundle({ cli: 'cli/main.ts', worker: 'core/worker/main.ts', 'import-encoder': 'core/data/import/encoder-worker.ts', 'stratum-worker': 'core/jobs/segment/stratum-worker.ts' });

// The Electron shell. Main: ESM like the rest of dist/ (core finds its workers from
// import.meta.url); electron and better-sqlite3 stay external. Preload: the sandboxed renderer
// cannot require local files, so it is ONE self-contained CommonJS file with only `electron`
// external — and it must not pull in core (zod and all): the build fails if it does.
await nodeBundle({ 'electron-main': 'electron/main.ts' }, ['electron']);
const preload = await build({
  entryPoints: { 'electron-preload': 'electron/preload.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  external: ['electron'],
  metafile: true,
  logLevel: 'warning',
});
// The sandboxed preload may hold only its own files and the zod-free list of operation names.
const PRELOAD_ALLOWED = (file) => file.startsWith('electron/') || file === 'core/model/operation-names.ts';
const preloadInputs = Object.keys(preload.metafile.inputs).filter((file) => !PRELOAD_ALLOWED(file));
if (preloadInputs.length > 0) throw new Error(`The preload bundle must hold electron/ files and core/model/operation-names.ts only, but it includes: ${preloadInputs.join(', ')}`);
