// `npm start`: opens the workbench on the demo project, creating it on first use.
// The desktop window and the browser host arrive with the app (issue #3); until then this
// prepares the demo project and shows what the command line can do with it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/segment-workbench.mjs');
const project = path.join(root, 'projects/demo.sqlite');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' }).status ?? 1;

if (!fs.existsSync(project)) {
  fs.mkdirSync(path.dirname(project), { recursive: true });
  console.log(`Creating the demo project at ${path.relative(process.cwd(), project)} …`);
  if (run('demo', '--project', project) !== 0) process.exit(1);
}
console.log(`\nThe demo project: ${path.relative(process.cwd(), project)}`);
if (run('run', 'data-summary', '--project', project) !== 0) process.exit(1);
console.log(`\nNext: npx segment-workbench analyses · runs --project ${path.relative(process.cwd(), project)} · import --project P your.csv`);
