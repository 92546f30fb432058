// CSV parsing throughput: our streaming parser (core/data/csv) against papaparse 5 on an
// L.point PDDE-like purchase file (10 columns, mostly short numeric fields, ~60 bytes a row).
// Usage: node bench/csv-parse.mjs [rows=2000000] [runs=3]
// The figures are recorded in docs/decisions/csv-parser.md.
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import Papa from 'papaparse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 2_000_000);
const runs = Number(process.argv[3] ?? 3);
const work = join(tmpdir(), 'segment-workbench-bench');
mkdirSync(work, { recursive: true });

async function loadCsvModule() {
  const out = await build({
    entryPoints: [join(root, 'core/data/csv/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
  });
  const file = join(work, 'csv-bundle.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

/** Deterministic PDDE-like rows: cust, rct_no, chnl_dv, cop_c, br_c, pd_c, de_dt, de_hr, buy_am, buy_ct. */
function generate(file, n) {
  if (existsSync(file) && statSync(file).size > 0) return;
  let seed = 20240601;
  const rand = (k) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % k;
  };
  const parts = ['cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct\n'];
  let block = '';
  for (let i = 0; i < n; i++) {
    const online = rand(5) === 0;
    const cop = `A0${1 + rand(6)}`;
    const cust = `M${String(rand(29913) * 33 + 1000).padStart(9, '0')}`;
    const rct = `${cop}${String(i >> 2).padStart(9, '0')}`;
    const br = online ? '' : `${cop}${String(rand(400)).padStart(4, '0')}`;
    const pd = `PD${String(1 + rand(1933)).padStart(4, '0')}`;
    const day = 20210101 + rand(12) * 100 + rand(28);
    const amount = (1 + rand(400)) * 100 * (rand(100) === 0 ? -1 : 1);
    block += `${cust},${rct},${online ? 2 : 1},${cop},${br},${pd},${day},${rand(24)},${amount},${1 + rand(3)}\n`;
    if (block.length > 1 << 20) {
      parts.push(block);
      block = '';
    }
  }
  parts.push(block);
  writeFileSync(file, parts.join(''));
}

async function time(label, fn) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    global.gc?.();
    const t0 = performance.now();
    const count = await fn();
    const seconds = (performance.now() - t0) / 1000;
    results.push({ count, seconds });
  }
  const best = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const median = results.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  console.log(
    `${label.padEnd(44)} ${String(best.count).padStart(9)} rows  best ${(best.count / best.seconds / 1e6).toFixed(2)} M rows/s  median ${(best.count / median / 1e6).toFixed(2)} M rows/s`,
  );
  return best;
}

const csv = await loadCsvModule();
const file = join(work, `pdde-${rows}.csv`);
generate(file, rows);
const bytes = statSync(file).size;
const papaVersion = JSON.parse(await readFile(join(root, 'node_modules/papaparse/package.json'), 'utf8')).version;
console.log(`file ${file}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB; node ${process.version}; papaparse ${papaVersion}; ${runs} runs each\n`);
const text = await readFile(file, 'utf8');


await time('ours: CsvParser.push(whole string)', () => {
  let n = 0;
  const parser = new csv.CsvParser();
  const emit = () => n++;
  parser.push(text, emit);
  parser.end(emit);
  return n - 1;
});

await time('papaparse: Papa.parse(whole string)', () => {
  let n = 0;
  Papa.parse(text, { header: false, chunk: (r) => (n += r.data.length) });
  return n - 1;
});

await time('ours: openCsvStream (read+decode+sha256+parse)', async () => {
  let n = 0;
  const stream = csv.openCsvStream(file, { encoding: 'utf8', delimiter: ',' });
  for await (const batch of stream.batches) n += batch.records.length;
  stream.digest();
  return n;
});

await time('ours: openCsvStream without sha256 cost', async () => {
  let n = 0;
  const decoder = csv.createDecoder('utf8');
  const parser = new csv.CsvParser();
  const emit = () => n++;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.push(decoder.decode(chunk), emit);
  parser.push(decoder.end(), emit);
  parser.end(emit);
  return n - 1;
});

await time('papaparse: streamed from fs (chunk callback)', () => {
  let n = 0;
  return new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' }), {
      header: false,
      chunk: (r) => (n += r.data.length),
      complete: () => resolve(n - 1),
      error: reject,
    });
  });
});

if (process.env.KEEP_BENCH_FILE !== '1') rmSync(file);
