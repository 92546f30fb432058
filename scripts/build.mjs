// Builds the Node side (CLI + browser host, and the worker entry) into dist/ with esbuild.
// better-sqlite3 stays external: it is a native addon loaded from node_modules at run time; so do
// TensorFlow.js's WASM backend (its Emscripten loader needs its own files) and tfjs-core itself
// (the backend requires it: one instance, one platform). Only tfjs-core's gradient registrations
// (register_all_gradients: extension-less ES modules Node cannot load) are bundled; they register
// into the engine and registries tfjs-core keeps on globalThis.
import { build } from 'esbuild';

const banner = {
  // Bundled ESM has no require(); some CommonJS dependencies need it.
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/** The bare '@tensorflow/tfjs-core' import stays external; its subpaths (the gradients) are bundled. */
const tfjsCoreExternal = {
  name: 'tfjs-core-external',
  setup(b) {
    b.onResolve({ filter: /^@tensorflow\/tfjs-core$/ }, (args) => ({ path: args.path, external: true }));
  },
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
    // exceljs (2 MB) stays external too: loaded from node_modules only when an .xlsx file is read, so
    // CSV imports do not parse it (bundled, it cost the full-demo import 40–70 MB of peak memory).
    // The forecasters' WebAssembly packages load their .wasm files from beside their own modules
    // (@bsull/augurs-prophet-wasmstan fetches its core modules by URL): they stay in node_modules.
    external: ['better-sqlite3', '@tensorflow/tfjs-backend-wasm', 'exceljs', '@bsull/augurs', '@bsull/augurs-prophet-wasmstan', ...external],
    plugins: [tfjsCoreExternal],
    banner,
    logLevel: 'warning',
  });

await nodeBundle({ cli: 'cli/main.ts', worker: 'core/worker/main.ts', 'import-encoder': 'core/data/import/encoder-worker.ts', 'stratum-worker': 'core/jobs/segment/stratum-worker.ts', 'ease-worker': 'core/jobs/recommend/ease-worker.ts', 'query-worker': 'core/worker/query-worker.ts' });

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
