// Where recommend-eval's time goes, phase by phase (issue #16; `node bench/recommend-phases.mjs
// --project P [--params JSON]`), never part of `npm test`. Runs the job in this process from the
// TypeScript sources (bundled with esbuild into dist/, beside the thread entries it starts: run
// `node scripts/build.mjs` first) and prints, per phase — start (opening, checks), read (baskets),
// each model (fit + scoring), the segmentation refit of segment-pop / cluster-knn, compare (paired
// bootstraps and storing the run) — wall seconds and process CPU seconds (all threads, so the EASE
// thread and the stratum threads count), with the load average: on a shared 2-core machine the CPU
// seconds are the steadier figure. The job writes a run into P: use a copy of a project.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './full-project.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--project');
if (at < 0) {
  console.error('usage: node bench/recommend-phases.mjs --project COPY.sqlite [--params \'{"models":["all"]}\']');
  process.exit(2);
}
const project = path.resolve(argv[at + 1]);
const params = argv.includes('--params') ? argv[argv.indexOf('--params') + 1] : '{}';
if (!fs.existsSync(path.join(root, 'dist/ease-worker.mjs'))) throw new Error('dist/ease-worker.mjs is missing: run `node scripts/build.mjs` first.');

const entry = `
import os from 'node:os';
import { recommendEvalJob } from './core/jobs/recommend/eval-job.ts';
const [project, json] = process.argv.slice(2);
const t0 = performance.now(), c0 = process.cpuUsage();
const now = () => { const u = process.cpuUsage(c0); return { t: (performance.now() - t0) / 1000, c: (u.user + u.system) / 1e6 }; };
let last = { label: 'start', t: 0, c: 0 };
const mark = (label) => {
  if (label === last.label) return;
  const n = now();
  console.log(\`  \${last.label.padEnd(30)} wall \${(n.t - last.t).toFixed(1).padStart(7)} s   cpu \${(n.c - last.c).toFixed(1).padStart(6)} s\`);
  last = { label, ...n };
};
const ctx = {
  jobId: 'bench', project, signal: new AbortController().signal, startedAt: new Date(), runId: null, throwIfCancelled() {},
  progress(p) { mark(p.phase === 'evaluate' ? \`model \${p.message ?? 'end'}\` : p.phase === 'segment' ? 'segment refit' : p.phase); },
};
const load = os.loadavg()[0];
const s = await recommendEvalJob.run(ctx, recommendEvalJob.params.parse(JSON.parse(json)));
mark('end');
const n = now();
console.log(\`  \${'total'.padEnd(30)} wall \${n.t.toFixed(1).padStart(7)} s   cpu \${n.c.toFixed(1).padStart(6)} s   (load \${load.toFixed(1)} → \${os.loadavg()[0].toFixed(1)})\`);
console.log('  models: ' + s.models.map((m) => \`\${m.id} nDCG@10 \${m.metrics?.['ndcg@10']?.toFixed(4) ?? m.skipped}\`).join(', '));
`;
const out = path.join(root, 'dist/bench-recommend-phases.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-recommend-phases.ts' },
  outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning',
  external: ['better-sqlite3', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-core', 'exceljs', '@bsull/augurs', '@bsull/augurs-prophet-wasmstan'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log(`recommend-eval ${params} on ${project}, phase by phase:`);
const r = spawnSync(process.execPath, [out, project, params], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
fs.rmSync(out, { force: true });
process.exit(r.status ?? 1);
