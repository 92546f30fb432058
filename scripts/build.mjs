// Builds the Node side (CLI + browser host, and the worker entry) into dist/ with esbuild.
// better-sqlite3 stays external: it is a native addon loaded from node_modules at run time.
import { build } from 'esbuild';

const banner = {
  // Bundled ESM has no require(); some CommonJS dependencies need it.
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

await build({
  entryPoints: { cli: 'cli/main.ts', worker: 'core/worker/main.ts', 'import-encoder': 'core/data/import/encoder-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3'],
  banner,
  logLevel: 'warning',
});
