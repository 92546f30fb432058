// `npm run bench -- tabnet [--rows N] [--epochs E] [--batch B] [--seed S]`: training speed of the
// TabNet-style spend regressor (core/analysis/tabnet, issue #13) on the TensorFlow.js WASM backend.
// Data: N rows (default 400,000 — the spend job's training-set bound) × 22 features shaped like the
// spend table: 14 numeric (heavy-tailed, 2 with 30 % missing) and 8 categorical (gender 3, age band
// 8, region 17, channel 2, hour 24, retailer type 6, month 12, weekday 7 levels), y a nonlinear
// function of 6 of them plus noise; seeded. Reports per epoch rows/s (wall and process CPU: the
// machine may be shared), the validation RMSE against predicting the mean, the mask importance,
// prediction speed and the peak RSS of the process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { root } from './full-project.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const N = Number(opt('--rows', '400000'));
const epochs = Number(opt('--epochs', '3'));
const batchSize = Number(opt('--batch', '1024'));
const seed = Number(opt('--seed', '0'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-tabnet-'));
const entry = path.join(dir, 'entry.ts');
fs.writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, 'core/analysis/tabnet/index.ts'))};\nexport { tfWasmReady } from ${JSON.stringify(path.join(root, 'core/jobs/recommend/tf-wasm.ts'))};\n`);
const bundle = path.join(dir, 'tabnet.mjs');
// As scripts/build.mjs: the bare tfjs-core import and the wasm backend stay external (one copy of
// tfjs-core, whose kernels the backend registers), tfjs-core's subpaths (the gradients) are bundled.
const tfjsCoreExternal = { name: 'tfjs-core-external', setup(b) { b.onResolve({ filter: /^@tensorflow\/tfjs-core$/ }, (a) => ({ path: a.path, external: true })); } };
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'error', external: ['@tensorflow/tfjs-backend-wasm'], plugins: [tfjsCoreExternal], nodePaths: [path.join(root, 'node_modules')] });
// The bundle imports @tensorflow/* by name: resolve them from the repository's node_modules.
fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
const { fitTabNet, tfWasmReady } = await import(pathToFileURL(bundle).href);

function random(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const LEVELS = [3, 8, 17, 2, 24, 6, 12, 7];
const NUMERIC = 14;
function data(rows, s) {
  const u = random(s);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const cols = NUMERIC + LEVELS.length;
  const values = new Float64Array(rows * cols), y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < NUMERIC; j++) values[o + j] = j < 4 ? Math.log1p(Math.exp(2 * normal())) : normal();
    for (let j = 12; j < NUMERIC; j++) if (u() < 0.3) values[o + j] = NaN;
    LEVELS.forEach((l, k) => { values[o + NUMERIC + k] = Math.floor(u() * l); });
    const miss = Number.isNaN(values[o + 12]) ? -0.5 : 0.3 * values[o + 12];
    y[r] = 9 + 0.8 * values[o] + 0.5 * Math.tanh(values[o + 5]) * values[o + 1] + miss + 0.2 * Math.sin(values[o + NUMERIC + 4] / 4) + (values[o + NUMERIC + 2] % 3) * 0.15 + 0.3 * normal();
  }
  const names = [...Array.from({ length: NUMERIC }, (_, j) => `num${j}`), ...LEVELS.map((l, k) => `cat${k}`)];
  return { x: { rows, cols, values, names, categorical: names.map((_, j) => j >= NUMERIC) }, y };
}

await tfWasmReady();
const train = data(N, seed + 1), valid = data(Math.min(50_000, Math.max(1000, Math.floor(N / 8))), seed + 2);
console.log(`TabNet on ${N.toLocaleString('en')} rows × ${train.x.cols} features (batch ${batchSize}, ${epochs} epoch(s); ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)})`);
let last = performance.now(), lastCpu = process.cpuUsage();
const perEpoch = [];
const model = await fitTabNet(train.x, train.y, { batchSize, epochs, patience: epochs, seed }, (done) => {
  if (done === perEpoch.length + 1) {
    const now = performance.now(), cpu = process.cpuUsage(lastCpu);
    const e = { wall: (now - last) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
    perEpoch.push(e);
    // Training only: the callback runs before that epoch's validation pass (timed into the next epoch's figure).
    console.log(`  epoch ${perEpoch.length}: ${e.wall.toFixed(1)} s wall (${Math.round(N / e.wall).toLocaleString('en')} rows/s), ${e.cpu.toFixed(1)} s CPU (${Math.round(N / e.cpu).toLocaleString('en')} rows/s of CPU); load average ${os.loadavg()[0].toFixed(1)}`);
    last = now; lastCpu = process.cpuUsage();
  }
}, valid);
console.log(`  valid RMSE per epoch: ${model.report.validRmse.map((v) => v.toFixed(4)).join(', ')} (kept epoch ${model.report.bestEpoch})`);
const mean = train.y.reduce((a, b) => a + b, 0) / N;
let se = 0;
for (const v of valid.y) se += (v - mean) ** 2;
console.log(`  valid RMSE of the mean: ${Math.sqrt(se / valid.y.length).toFixed(4)}; whole fit ${model.report.seconds.toFixed(1)} s`);
const t0 = performance.now();
model.predict(valid.x);
console.log(`  predict: ${Math.round(valid.x.rows / ((performance.now() - t0) / 1000)).toLocaleString('en')} rows/s`);
const imp = model.maskImportance(valid.x);
console.log(`  mask importance: ${[...imp].map((v, j) => `${train.x.names[j]} ${v.toFixed(3)}`).filter((_, j) => imp[j] >= 0.02).join(', ')}`);
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
fs.rmSync(dir, { recursive: true, force: true });
