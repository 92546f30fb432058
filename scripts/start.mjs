// `npm start`: opens the workbench on the demo project. Builds first when a build output is
// missing, creates the demo project when it is missing, then opens the desktop window when
// Electron can start here — else says why in one sentence and serves the same workbench to the
// browser on 127.0.0.1, printing the address with its secret. Ctrl-C stops either cleanly.
// `npm start -- --browser` skips the window; `npm start -- PROJECT.sqlite` opens another project.
// The demo project lives in the user's application-data folder (scripts/user-data.mjs), not the checkout.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronFacts, electronLaunchDecision, sqliteRunner } from './electron-available.mjs';
import { defaultDemoProject } from './user-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/segment-workbench.mjs');
const args = process.argv.slice(2);
const browserRequested = args.includes('--browser');
const projectArg = args.find((a) => !a.startsWith('-'));
const project = projectArg ? path.resolve(projectArg) : defaultDemoProject();
// Relative when inside the current folder, else absolute (the user's data folder is elsewhere).
const relative = path.relative(process.cwd(), project);
const shown = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : project;

const BUILD_OUTPUTS = ['dist/cli.mjs', 'dist/worker.mjs', 'dist/import-encoder.mjs', 'dist/electron-main.mjs', 'dist/electron-preload.cjs', 'renderer/dist/index.html'];

function ensureBuilt() {
  const missing = BUILD_OUTPUTS.filter((f) => !fs.existsSync(path.join(root, f)));
  if (missing.length === 0) return;
  console.log(`Building (${missing.join(', ')} missing) …`);
  // Through the npm that runs us when there is one, so this is exactly `npm run build`.
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('The build failed (see above); nothing was started.');
    process.exit(1);
  }
  const still = BUILD_OUTPUTS.filter((f) => !fs.existsSync(path.join(root, f)));
  if (still.length > 0) console.warn(`Still missing after the build: ${still.join(', ')}.`);
}

/** The demo project, made by the CLI's `demo` (a project given on the command line is left to the app, which creates it empty). */
function ensureDemoProject(runner) {
  if (projectArg || fs.existsSync(project)) return;
  fs.mkdirSync(path.dirname(project), { recursive: true });
  console.log(`Creating the demo project at ${shown} …`);
  // Progress on stderr as it goes; the summary (one JSON object) reduced to one line.
  const r = spawnSync(runner.command, [cli, 'demo', '--project', project, '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...runner.env } });
  if (r.status !== 0) process.exit(1);
  try {
    const { customers, receipts } = JSON.parse(r.stdout);
    console.log(`Created it: ${customers.toLocaleString('en-US')} customers, ${receipts.toLocaleString('en-US')} receipts.`);
  } catch {
    console.log('Created it.');
  }
}

/**
 * Runs the child until it ends, then exits with its code. On POSIX the child gets a process group
 * of its own, so a terminal Ctrl-C reaches only us and we pass it on exactly once (npm forwards
 * the same signal to us a second time; the browser host takes a second signal as "stop at once").
 * A Ctrl-C repeated after a second is passed on again, forcing the stop.
 */
function supervise(child) {
  let lastForward = 0;
  const forward = (signal) => {
    const now = Date.now();
    if (now - lastForward < 1000 || child.exitCode !== null) return;
    lastForward = now;
    child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGHUP', () => forward('SIGTERM'));
  // Whatever ends us, the child does not outlive us.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (err) => {
    console.error(`Could not start ${child.spawnfile}: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const detached = process.platform !== 'win32';

function startElectron(binary) {
  console.log(`Opening the workbench window on ${shown} …`);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // it would make the binary a plain Node, with no window
  // The window opens the project chosen above (the demo in the user's data folder, or the one asked for).
  const child = spawn(binary, [path.join(root, 'dist/electron-main.mjs'), project], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached });
  supervise(child);
}

function startBrowserHost(runner) {
  const child = spawn(runner.command, [cli, 'serve', '--project', project, '--port', '0', '--json'], {
    cwd: root,
    env: { ...process.env, ...runner.env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached,
  });
  const lines = readline.createInterface({ input: child.stdout });
  let announced = false;
  lines.on('line', (line) => {
    if (!announced) {
      try {
        const { url } = JSON.parse(line);
        announced = true;
        console.log(`\n    ${url}\n\nOpen that address in a browser on this machine (only 127.0.0.1 is served; the token is this session's secret). Ctrl-C stops it.`);
        return;
      } catch {
        // Not the announcement: pass it through.
      }
    }
    console.log(line);
  });
  supervise(child);
}

ensureBuilt();
const facts = electronFacts({ browserRequested });
const decision = electronLaunchDecision(facts);
const runner = sqliteRunner(facts, process.execPath);
if (runner === null) {
  console.error(
    facts.sqlite === 'electron'
      ? 'better-sqlite3 is built for Electron, whose binary is not here, so nothing can open a project: run `npm rebuild better-sqlite3`, then `npm start` again.'
      : 'better-sqlite3 is not built for this Node, so nothing can open a project: run `npm rebuild better-sqlite3`, then `npm start` again.',
  );
  process.exit(1);
}
ensureDemoProject(runner);
if (decision.electron) startElectron(decision.binary);
else {
  console.log(decision.message);
  startBrowserHost(runner);
}
