// Benchmark of the recommenders on the `full` demo (issue #5 §6; `npm run bench -- recommend` or
// `node bench/recommend-full.mjs [--project P]`), never part of `npm test`: figures depend on the
// machine. Through the built CLI, as a user runs them, each in a child process (wall time, CPU time,
// peak RSS of main + worker threads):
//   run recommend-eval  (its default: the quick models)  target: < 60 s (issue #16)
//   run preference-score                           target: < 60 s (issue #16)
//   run recommend --param model=p-topfreq          target: < 60 s (issue #16)
//   run stratified-kmeans                          (segment-pop and cluster-knn need a segmentation)
//   run recommend-eval  models = the 5 baselines   target: < 3 min
//   run recommend-eval  models = all               (every model, the sequence model trained inside)
//   run recommend --param model=ease               target: EASE fit < 20 s
//   run recommend --param model=sequence           target: training < 10 min with progress;
//                                                   lists for all customers < 30 s
//   run score-model
// The phases come from the job's progress lines on stderr (a line per phase change).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeProject, runCli } from './full-project.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--project');
const keep = at >= 0;
const project = keep ? path.resolve(argv[at + 1]) : path.join(os.tmpdir(), `swb-bench-recommend-${process.pid}.sqlite`);
const made = !fs.existsSync(project);
if (made) makeProject(project);
else console.log(`reusing ${project}`);

/** Seconds from the first progress line of `phase` to the first line of a later phase (or the end). */
function phaseSeconds(r, phase) {
  const i = r.lines.findIndex((l) => l.line.startsWith(phase));
  if (i < 0) return null;
  const next = r.lines.slice(i).find((l) => !l.line.startsWith(phase) && /^[a-z]/.test(l.line) && !l.line.startsWith('BENCH'));
  return (next ? next.t : r.seconds) - r.lines[i].t;
}

const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const line = (label, r, extra = '') => console.log(`  ${label.padEnd(44)} ${fmt(r.seconds).padStart(7)} s  cpu ${fmt(r.cpuSeconds).padStart(6)} s  peak ${fmt(r.peakMb, 0).padStart(5)} MB  ${extra}`);

try {
  console.log(`\nRecommenders on the full demo (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}):`);
  const quick = await runCli(project, ['recommend-eval']);
  line('recommend-eval, its default (quick models)', quick, `(target < 60 s) ${quick.summary?.models.map((m) => m.id).join(', ') ?? ''}`);
  line('preference-score', await runCli(project, ['preference-score']), '(target < 60 s)');
  line('recommend model=p-topfreq', await runCli(project, ['recommend', '--param', 'model=p-topfreq']), '(target < 60 s)');
  line('run stratified-kmeans', await runCli(project, ['stratified-kmeans']));
  const baselines = await runCli(project, ['recommend-eval', '--param', 'models=g-topfreq,p-topfreq,segment-pop,item-knn,ease']);
  line('recommend-eval, the 5 baselines', baselines, '(target < 180 s)');
  const all = await runCli(project, ['recommend-eval', '--param', 'models=all']);
  line('recommend-eval, every model', all, `(sequence training ${fmt(phaseSeconds(all, 'train sequence'), 0)} s)`);
  const ease = await runCli(project, ['recommend', '--param', 'model=ease']);
  line('recommend model=ease', ease, `fit ${fmt(ease.summary?.trainSeconds)} s (target < 20 s)`);
  const seq = await runCli(project, ['recommend', '--param', 'model=sequence']);
  line('recommend model=sequence', seq, `training ${fmt(phaseSeconds(seq, 'train sequence'), 0)} s (target < 600 s); lists for ${seq.summary?.customers ?? '?'} customers ${fmt(phaseSeconds(seq, 'recommend'))} s (target < 30 s)`);
  const score = await runCli(project, ['score-model']);
  line('score-model (its default: 10 epochs)', score, '(target < 60 s: see docs/recommend.md, Performance)');
  const s = all.summary;
  if (s) {
    console.log(`\nrecommend-eval at cutoff ${s.cutoff}: ${s.customers} customers evaluated. nDCG@10 all / repeat / new, train seconds:`);
    for (const m of s.models) {
      if (m.skipped) console.log(`  ${m.id.padEnd(17)} skipped: ${m.skipped}`);
      else console.log(`  ${m.id.padEnd(17)} ${fmt(m.metrics['ndcg@10'], 4)} / ${fmt(m.repeat['ndcg@10'], 4)} / ${fmt(m.new['ndcg@10'], 4)}   HR@5 ${fmt(m.metrics['hr@5'], 4)}  nDCG@5 ${fmt(m.metrics['ndcg@5'], 4)}   ${fmt(m.trainSeconds)} s`);
    }
    console.log(`  verdict: ${s.verdict}`);
  }
} finally {
  if (made && !keep) for (const ext of ['', '-wal', '-shm']) fs.rmSync(project + ext, { force: true });
}
