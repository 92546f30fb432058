// Shared by the benchmarks that run analyses on the `full` demo through the built CLI
// (bench/segment.mjs, bench/recommend-full.mjs): the project, and one timed CLI run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cli = path.join(root, 'dist/cli.mjs');
/** The full demo's CSVs, written once by `demo --out` (also read by the Python references). */
export const cache = path.join(root, 'bench/.cache/full-seed1');

export const csvFiles = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(cache, f)) : []);

function cliSync(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`segment-workbench ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r;
}

/** Makes the full demo project (29,913 customers) at `project`, from the cached CSVs when present. */
export function makeProject(project) {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.mjs is missing: run `node scripts/build.mjs` (or `npm run build`) first.');
  if (csvFiles().length !== 6) {
    fs.mkdirSync(cache, { recursive: true });
    console.log(`making ${project} with \`demo --size full --seed 1 --out ${path.relative(root, cache)}\` …`);
    cliSync(['demo', '--project', project, '--size', 'full', '--seed', '1', '--out', cache, '--json']);
    return;
  }
  console.log(`making ${project} by importing the cached full-demo CSVs (${path.relative(root, cache)}) …`);
  const t0 = performance.now();
  cliSync(['import', '--project', project, ...csvFiles(), '--json']);
  console.log(`  imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// CPU time of the child (all its threads), printed at exit like bench/maxrss.mjs prints the peak RSS:
// the machine has 2 cores and may be shared, so CPU seconds are the steadier figure next to wall time.
const CPU_PRELOAD = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(2, `\\nBENCH cpu_us=${u.userCPUTime + u.systemCPUTime}\\n`); });")}`;

/** `run …args --project P --json` in a child process: wall and CPU time, peak RSS, timestamped stderr lines, the JSON summary. */
export function runCli(project, args) {
  return new Promise((resolve, reject) => {
    const load0 = os.loadavg()[0];
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', path.join(root, 'bench/maxrss.mjs'), '--import', CPU_PRELOAD, cli, 'run', ...args, '--project', project, '--json'], { env: { ...process.env, TZ: 'UTC' } });
    const lines = [];
    let out = '', errBuf = '', errAll = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => {
      const t = (performance.now() - t0) / 1000;
      errAll += b;
      errBuf += b;
      let k;
      while ((k = errBuf.indexOf('\n')) >= 0) {
        const line = errBuf.slice(0, k).trim();
        errBuf = errBuf.slice(k + 1);
        if (line) lines.push({ t, line });
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`run ${args.join(' ')} failed (${code}): ${errAll.slice(-2000)}`));
      const kb = Number(/BENCH maxrss_kb=(\d+)/.exec(errAll)?.[1] ?? NaN);
      let summary = null;
      try { summary = JSON.parse(out); } catch { /* keep null */ }
      const cpuSeconds = Number(/BENCH cpu_us=(\d+)/.exec(errAll)?.[1] ?? NaN) / 1e6;
      resolve({ seconds, cpuSeconds, peakMb: kb / 1024, load: [load0, os.loadavg()[0]], lines, summary });
    });
  });
}
