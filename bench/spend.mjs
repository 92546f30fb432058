// Benchmark of the spend model (`npm run bench -- spend [--project P] [--models baseline,gbdt,tabnet]`),
// never part of `npm test`. Issue #13: "full demo features + boosted trees under 3 min, TabNet under
// 10 min, memory < 2 GB".
// 1. The full demo project (29,913 customers, 4.3M lines; bench/full-project.mjs makes it once from
//    the cached CSVs) unless --project names one.
// 2. `run spend-model` through the built CLI (the job runs in the worker), once with
//    models=baseline,gbdt and once with models=tabnet (so each has its own wall time and peak RSS):
//    wall and CPU seconds, peak RSS of the whole process, the time of each phase from the
//    timestamped progress lines (read, features, fit, importance), each model's fit seconds and
//    RMSLE per split, the verdict.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { makeProject, runCli } from './full-project.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--project');
const project = at >= 0 ? args[at + 1] : path.join(os.tmpdir(), 'swb-bench-spend-full.sqlite');
const mAt = args.indexOf('--models');
const groups = mAt >= 0 ? [args[mAt + 1]] : ['baseline,gbdt', 'tabnet'];
if (!fs.existsSync(project)) makeProject(project);

/** Seconds from the first progress line of each phase to the first line of the next. */
function phases(lines, total) {
  const out = [];
  for (const l of lines) {
    const phase = /^(\S+)\s/.exec(l.line)?.[1];
    if (!phase || phase.startsWith('BENCH') || phase.startsWith('{')) continue;
    if (out.length === 0 || out[out.length - 1].phase !== phase) out.push({ phase, from: l.t });
  }
  return out.map((p, i) => ({ ...p, seconds: (out[i + 1]?.from ?? total) - p.from }));
}

for (const models of groups) {
  const r = await runCli(project, ['spend-model', '--param', `models=${models}`]);
  const s = r.summary;
  console.log(`\nspend-model models=${models}: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, peak ${r.peakMb.toFixed(0)} MB, load ${r.load.map((l) => l.toFixed(1)).join(' → ')} (job: ${s.seconds.toFixed(1)} s)`);
  for (const p of phases(r.lines, r.seconds)) console.log(`  ${p.phase.padEnd(18)} from ${p.from.toFixed(1).padStart(6)} s  ${p.seconds.toFixed(1).padStart(6)} s`);
  console.log(`  periods: ${['train', 'valid', 'test'].map((k) => `${k} ${s.periods[k].from}…${s.periods[k].to} (${s.periods[k].lines} lines)`).join(', ')}; train lines dropped ${s.trainLinesDropped}`);
  for (const m of s.models) console.log(`  ${m.id.padEnd(24)} fit ${m.seconds.toFixed(1).padStart(6)} s  RMSLE train ${m.metrics.train.rmsle.toFixed(3)} valid ${m.metrics.valid.rmsle.toFixed(3)} test ${m.metrics.test.rmsle.toFixed(3)}  MAE test ${m.metrics.test.mae.toFixed(0)}`);
  console.log(`  verdict: ${s.verdict.text}`);
}
