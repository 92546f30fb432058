// Load test and soak of the browser host (issue #15 §12; `npm run bench -- serve-load [--soak]` or
// `node bench/serve-load.mjs [options]`), never part of `npm test`: figures depend on the machine.
//
// 1. Makes a full demo project (29,913 customers) in the temp dir from the cached CSVs
//    (bench/.cache/full-seed1, bench/full-project.mjs), or reuses --project P.
// 2. Starts `segment-workbench serve --project P --port 0 --json` (the built CLI, dist/cli.mjs) and
//    reads the URL with its secret from the first stdout line; every request goes to 127.0.0.1 only
//    and presents the secret by the X-Workbench-Token header.
// 3. Warm-up, timed and reported apart: the Overview (computed once per data version, then read from
//    its stored run) and, when the project has no finished segmentation, one `lrfmv-kmedoids` job.
// 4. The load: N clients (default 200), each with its own keep-alive socket (an http.Agent with
//    maxSockets 1), loop for the duration (60 s; --soak: 600 s) over the mixed reads the app makes:
//    getOverview (the Overview page), listRuns (the runs list), getSegmentation (a segmentation's
//    summary, segment profiles and 2-D view). At the start one analysis job is started through the
//    API (startJob, default `lrfmv-kmedoids`; --soak starts the next one whenever it finishes, so
//    the whole soak has a job running) and a monitor polls listJobs each second for its end (a job
//    still running when the reads stop is waited for, and its time reported).
//    A request failed when it errored, timed out (--timeout, 120 s), answered a status other than
//    200, or answered {ok:false}; each kind of failure is listed with its status and message.
// 5. Each second the server's RSS (VmRSS of /proc/PID/status), CPU time and open descriptors are
//    sampled. Reported: requests, failures, p50/p95/p99/max latency per operation, RSS peak and final
//    and, for --soak, the growth between the medians of the first and the last minute against a bound
//    (--rss-bound-mb, 50 MB). Exit 1 on any failed request or a growth over the bound.
//
// The clients run in this process, on the same machine as the server: on a 2-core machine they take
// CPU from it, so latency is that of server + clients + whatever else runs (the load average is
// printed beside the figures).
//
// Options: --project P (reuse/keep; made there if missing)  --clients 200  --seconds 60  --soak
//          --job lrfmv-kmedoids (an analysis id for startJob; none: reads only)  --timeout 120  --rss-bound-mb 50
//          --json FILE (raw results)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { cli, makeProject } from './full-project.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
};
const flag = (name) => argv.includes(`--${name}`);
const soak = flag('soak');
const clients = Number(opt('clients', 200));
const seconds = Number(opt('seconds', soak ? 600 : 60));
const jobKind = String(opt('job', 'lrfmv-kmedoids'));
const timeoutMs = Number(opt('timeout', 120)) * 1000;
const rssBoundMb = Number(opt('rss-bound-mb', 50));
const keep = Boolean(opt('project', false));
const project = keep ? path.resolve(opt('project')) : path.join(os.tmpdir(), `swb-bench-serve-load-${process.pid}.sqlite`);
const OPS = ['getOverview', 'listRuns', 'getSegmentation'];

/** Starts the server; resolves with its child process, URL, port and secret once it printed its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--project', project, '--port', '0', '--json'], { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stderr.on('data', (b) => process.stderr.write(`[serve] ${b}`));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${out}`)));
    child.stdout.on('data', (b) => {
      out += b;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const { url, port } = JSON.parse(out.slice(0, nl));
      const u = new URL(url);
      if (u.hostname !== '127.0.0.1') return reject(new Error(`serve printed ${u.hostname}, not 127.0.0.1`));
      resolve({ child, port, secret: u.searchParams.get('token'), exited: new Promise((r) => child.once('exit', (code, signal) => r({ code, signal }))) });
    });
  });
}

/** One API call over a keep-alive agent: { status, ms, body, error }. Never throws. */
function call(server, agent, op, input) {
  const payload = JSON.stringify(input ?? {});
  const t0 = performance.now();
  return new Promise((resolve) => {
    const done = (r) => resolve({ ...r, ms: performance.now() - t0 });
    const req = http.request({
      host: '127.0.0.1', port: server.port, path: `/api/call/${op}`, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'X-Workbench-Token': server.secret },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body = null;
        try { body = JSON.parse(text); } catch { /* reported below */ }
        done({ status: res.statusCode, bytes: text.length, body, error: body ? null : `not JSON: ${text.slice(0, 200)}` });
      });
      res.on('error', (err) => done({ status: res.statusCode, error: `response: ${err.code ?? ''} ${err.message}` }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
    req.on('error', (err) => done({ status: 0, error: `${`${err.code ?? ''} ${err.message}`.trim()} (${req.reusedSocket ? 'on a reused keep-alive socket' : 'on a new connection'})` }));
    req.end(payload);
  });
}

/** A call that must succeed (set-up and the job monitor): its value, or throws with the error. */
async function must(server, agent, op, input) {
  const r = await call(server, agent, op, input);
  if (r.status !== 200 || !r.body?.ok) throw new Error(`${op} failed: HTTP ${r.status} ${r.error ?? JSON.stringify(r.body?.error)}`);
  return r.body.value;
}

/**
 * Waits for a job to leave 'running' (listJobs once a second, on a keep-alive socket idle for that
 * second between calls); resolves with its JobInfo. A failed poll goes to `onFailure` and is retried.
 */
async function waitJob(server, agent, jobId, stop = () => false, onFailure = null) {
  for (;;) {
    let jobs = null;
    try {
      jobs = await must(server, agent, 'listJobs', {});
    } catch (err) {
      if (!onFailure) throw err;
      onFailure(err);
    }
    const job = jobs?.find((j) => j.jobId === jobId);
    if (jobs && (!job || job.status !== 'running')) return job;
    if (stop()) return job ?? { status: 'running' };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function readProc(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    // utime and stime are fields 14 and 15 of /proc/PID/stat, after the parenthesised name.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(f[11]) + Number(f[12])) / 100;
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024, threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]), fds: fs.readdirSync(`/proc/${pid}/fd`).length, cpu };
  } catch {
    return null;
  }
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const pad = (s, w) => String(s).padStart(w);

async function main() {
  const made = !fs.existsSync(project);
  if (made) makeProject(project);
  else console.log(`reusing ${project}`);
  const server = await startServer();
  const pid = server.child.pid;
  // Whatever happens here, the server does not outlive this process.
  process.once('exit', () => server.child.kill('SIGKILL'));
  const setup = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results = { clients, seconds, soak, job: jobKind, cores: os.cpus().length };
  let failedHard = false;
  try {
    console.log(`serve (pid ${pid}) on 127.0.0.1:${server.port}; RSS at start ${f0(readProc(pid)?.rssMb)} MB`);

    // Warm-up: the Overview (stored run or computed now) and a finished segmentation to read.
    let t0 = performance.now();
    await must(server, setup, 'getOverview', { project });
    results.overviewWarmSeconds = (performance.now() - t0) / 1000;
    console.log(`warm-up: getOverview ${f1(results.overviewWarmSeconds)} s (computed once per data version, then read from its stored run)`);
    const SEGMENTS = ['stratified-kmeans', 'kprototypes', 'lrfmv-kmedoids', 'kmeans'];
    const segOf = (runs) => runs.filter((r) => SEGMENTS.includes(r.analysis) && r.status === 'done').map((r) => r.id).sort((a, b) => b - a)[0];
    let segRun = segOf(await must(server, setup, 'listRuns', { project }));
    if (segRun === undefined) {
      t0 = performance.now();
      const job = await must(server, setup, 'startJob', { project, kind: 'lrfmv-kmedoids', params: {} });
      const end = await waitJob(server, setup, job.jobId);
      if (end?.status !== 'done') throw new Error(`the warm-up segmentation ended ${end?.status}: ${JSON.stringify(end?.error)}`);
      segRun = end.runId;
      console.log(`warm-up: lrfmv-kmedoids job (run ${segRun}) ${f1((performance.now() - t0) / 1000)} s, unloaded`);
    }
    results.segmentationRun = segRun;
    const inputs = { getOverview: { project }, listRuns: { project }, getSegmentation: { project, runId: segRun } };
    const sizes = {};
    for (const op of OPS) sizes[op] = (await call(server, setup, op, inputs[op])).bytes;
    console.log(`answer sizes: ${OPS.map((op) => `${op} ${f0(sizes[op] / 1024)} KB`).join(', ')}`);

    // RSS, CPU and descriptors of the server, once a second.
    const samples = [];
    const loadStart = performance.now();
    const sample = () => {
      const p = readProc(pid);
      if (p) samples.push({ t: (performance.now() - loadStart) / 1000, ...p, load1: os.loadavg()[0] });
    };
    sample();
    const sampler = setInterval(sample, 1000);
    const clientCpu0 = process.cpuUsage();
    const deadline = loadStart + seconds * 1000;
    const over = () => performance.now() >= deadline;

    const failures = new Map();
    const fail = (op, status, message) => {
      const key = `${op} HTTP ${status}: ${message}`;
      const f = failures.get(key) ?? { op, status, message, count: 0, firstAt: (performance.now() - loadStart) / 1000 };
      f.count++;
      failures.set(key, f);
    };

    // The analysis job(s): started at once; in --soak the next one whenever the last finished.
    const jobs = [];
    const monitor = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const jobLoop = (async () => {
      if (jobKind === 'none') return;
      do {
        const started = performance.now();
        let job;
        try {
          job = await must(server, monitor, 'startJob', { project, kind: jobKind, params: {} });
        } catch (err) {
          fail('startJob', '?', err.message);
          failedHard = true;
          return;
        }
        const end = await waitJob(server, monitor, job.jobId, () => false, (err) => fail('listJobs (job monitor, 1 s idle)', /HTTP (\d+)/.exec(err.message)?.[1] ?? '?', err.message));
        const record = { jobId: job.jobId, startedAt: (started - loadStart) / 1000, status: end?.status, runId: end?.runId ?? null, error: end?.error ?? null };
        record.seconds = (performance.now() - started) / 1000;
        jobs.push(record);
        record.finishedAt = (performance.now() - loadStart) / 1000;
        console.log(`  job ${jobKind} started at ${f1(record.startedAt)} s: ${record.status} after ${f1(record.seconds)} s${record.finishedAt > seconds ? ' (after the load ended)' : ''}${record.runId ? ` (run ${record.runId})` : ''}${record.error ? ` ${JSON.stringify(record.error)}` : ''}`);
        if (record.status === 'failed' || record.status === 'cancelled') failedHard = true;
      } while (soak && !over());
    })();

    // The clients: client i makes its j-th request to OPS[(i + j) % 3], so every moment has the mix.
    const lat = Object.fromEntries(OPS.map((op) => [op, []]));
    let requests = 0;
    /** Requests that took over 30 s: which client, its how-manieth request, when sent. */
    const slow = [];
    const minute = Object.fromEntries(OPS.map((op) => [op, []]));
    const client = async (i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let j = 0; !over(); j++) {
        const op = OPS[(i + j) % OPS.length];
        const sentAt = (performance.now() - loadStart) / 1000;
        const r = await call(server, agent, op, inputs[op]);
        requests++;
        if (r.ms > 30_000) slow.push({ op, client: i, nth: j, sentAt, ms: r.ms });
        lat[op].push(r.ms);
        const m = Math.floor((performance.now() - loadStart) / 60_000);
        (minute[op][m] ??= []).push(r.ms);
        const failure = r.error ?? (r.status !== 200 ? `HTTP ${r.status}` : r.body.ok ? null : `${r.body.error?.code}: ${r.body.error?.message}`);
        if (failure) fail(op, r.status, failure);
      }
      agent.destroy();
    };
    console.log(`load: ${clients} clients for ${seconds} s (${OPS.join(', ')}) while ${jobKind} runs${soak ? ', restarted as it ends' : ''} …`);
    const progress = setInterval(() => {
      const s = samples.at(-1);
      console.log(`  ${f0(s?.t)} s: ${requests} requests, ${[...failures.values()].reduce((a, f) => a + f.count, 0)} failed, RSS ${f0(s?.rssMb)} MB, load ${f1(s?.load1)}`);
    }, soak ? 60_000 : 15_000);
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
    const wall = (performance.now() - loadStart) / 1000;
    clearInterval(progress);
    sample();
    clearInterval(sampler);
    const clientCpu = process.cpuUsage(clientCpu0);
    // A job still running when the reads stop is waited for, so its time under load is known.
    await jobLoop;
    monitor.destroy();

    Object.assign(results, {
      wall, requests, failures: [...failures.values()], jobs, sizes, samples, slow,
      latency: Object.fromEntries(OPS.map((op) => {
        const s = [...lat[op]].sort((a, b) => a - b);
        return [op, { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.at(-1) }];
      })),
      latencyByMinute: Object.fromEntries(OPS.map((op) => [op, minute[op].map((xs) => { const s = [...(xs ?? [])].sort((a, b) => a - b); return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95) }; })])),
      clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
    });
    report(results);
    if (results.failures.length) failedHard = true;
    if (soak && !(results.rssGrowthMb < rssBoundMb)) failedHard = true;
  } finally {
    setup.destroy();
    server.child.kill('SIGTERM');
    const { code, signal } = await server.exited;
    console.log(`serve stopped on SIGTERM: exit ${code ?? signal}`);
    if (made && !keep) for (const ext of ['', '-wal', '-shm']) fs.rmSync(project + ext, { force: true });
  }
  const json = opt('json', null);
  if (json) fs.writeFileSync(json, JSON.stringify(results, null, 2));
  if (failedHard) process.exitCode = 1;
}

function report(r) {
  const s = r.samples;
  const first = s[0], last = s.at(-1);
  console.log(`\nbrowser host under ${r.clients} keep-alive clients for ${f1(r.wall)} s (${r.soak ? 'soak' : 'load'}), ${r.cores} cores, load average (1 min) ${f1(Math.min(...s.map((x) => x.load1)))}–${f1(Math.max(...s.map((x) => x.load1)))}:`);
  console.log(`requests ${r.requests.toLocaleString('en-US')} (${f0(r.requests / r.wall)}/s), failed ${r.failures.reduce((a, f) => a + f.count, 0)}`);
  for (const f of r.failures) console.log(`  FAILED ×${f.count} (first at ${f1(f.firstAt)} s) ${f.op}: HTTP ${f.status}: ${f.message}`);
  console.log('operation              requests   p50 ms   p95 ms   p99 ms   max ms   answer KB');
  for (const [op, x] of Object.entries(r.latency)) console.log(`${op.padEnd(20)} ${pad(x.n.toLocaleString('en-US'), 10)} ${pad(f0(x.p50), 8)} ${pad(f0(x.p95), 8)} ${pad(f0(x.p99), 8)} ${pad(f0(x.max), 8)} ${pad(f0(r.sizes[op] / 1024), 11)}`);
  if (r.slow.length) {
    const firsts = r.slow.filter((x) => x.nth === 0).length;
    console.log(`${r.slow.length} requests took over 30 s (${firsts} of them a client's first request); the slowest: ${[...r.slow].sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => `${x.op} of client ${x.client} (its request #${x.nth + 1}, sent at ${f1(x.sentAt)} s) ${f1(x.ms / 1000)} s`).join('; ')}`);
  }
  console.log(`jobs (${r.job}) during the load: ${r.jobs.map((j) => `${j.status} in ${f1(j.seconds)} s${j.finishedAt > r.wall ? ` (${f1(j.finishedAt - r.wall)} s after the reads stopped)` : ''}`).join(', ') || 'none'}`);
  console.log(`server RSS: start ${f0(first.rssMb)} MB, peak ${f0(Math.max(...s.map((x) => x.rssMb)))} MB (VmHWM ${f0(last.hwmMb)} MB), final ${f0(last.rssMb)} MB; ${s.length} samples, 1 s apart`);
  console.log(`server CPU ${f1(last.cpu - first.cpu)} s, clients (this process) CPU ${f1(r.clientCpuSeconds)} s; descriptors ${first.fds} → ${last.fds}, threads ${first.threads} → ${last.threads}`);
  if (r.soak) {
    const inMinute = (a, b) => s.filter((x) => x.t >= a && x.t < b).map((x) => x.rssMb);
    const m0 = median(inMinute(0, 60)), m1 = median(inMinute(r.wall - 60, r.wall + 1));
    r.rssGrowthMb = m1 - m0;
    const perMinute = [];
    for (let t = 0; t < r.wall - 1; t += 60) perMinute.push(f0(median(inMinute(t, t + 60))));
    console.log(`RSS median per minute (MB): ${perMinute.join(', ')}`);
    console.log(`p95 ms per minute: ${Object.entries(r.latencyByMinute).map(([op, ms]) => `${op} ${ms.map((x) => f0(x.p95)).join('/')}`).join('; ')}`);
    console.log(`RSS growth, median of the last minute − median of the first: ${f1(r.rssGrowthMb)} MB (bound < ${rssBoundMb} MB): ${r.rssGrowthMb < rssBoundMb ? 'within' : 'OVER'}`);
  }
}

await main();
