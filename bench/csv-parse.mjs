// CSV parsing throughput: our streaming parser (core/data/csv) against papaparse 5 on an
// L.point PDDE-like purchase file (10 columns, mostly short numeric fields, ~60 bytes a row).
// A second file has two quoted Korean text columns (some with commas, doubled quotes, line breaks).
// Usage: node --expose-gc bench/csv-parse.mjs [rows=2000000] [runs=3]
// The figures are recorded in docs/decisions/csv-parser.md. Rows/s counts data rows (header excluded).
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
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

/** Deterministic product-like rows with two quoted Korean text fields among 10 columns. */
function generateQuoted(file, n) {
  if (existsSync(file) && statSync(file).size > 0) return;
  let seed = 7;
  const rand = (k) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % k;
  };
  const words = ['남성', '여성', '의류', '식품', '가공식품', '생활용품', '화장품', '"특가"', '1+1', '행사, 할인', '신선\n과일'];
  const text = (k) => Array.from({ length: k }, () => words[rand(words.length)]).join(' ');
  const quote = (v) => `"${v.replaceAll('"', '""')}"`;
  const parts = ['pd_c,pd_nm,clac_hlv_nm,cop_c,br_c,de_dt,de_hr,buy_am,buy_ct,memo\n'];
  let block = '';
  for (let i = 0; i < n; i++) {
    block += `PD${String(1 + rand(1933)).padStart(4, '0')},${quote(text(1 + rand(3)))},${quote(text(1))},A0${1 + rand(6)},A01${String(rand(400)).padStart(4, '0')},${20210101 + rand(12) * 100 + rand(28)},${rand(24)},${(1 + rand(400)) * 100},${1 + rand(3)},${rand(4) === 0 ? quote(text(2)) : ''}\n`;
    if (block.length > 1 << 20) {
      parts.push(block);
      block = '';
    }
  }
  parts.push(block);
  writeFileSync(file, parts.join(''));
}

async function time(label, rows, fn) {
  const seconds = [];
  for (let r = 0; r < runs; r++) {
    globalThis.gc?.();
    const t0 = performance.now();
    const count = await fn();
    seconds.push((performance.now() - t0) / 1000);
    if (Math.abs(count - rows) > 1) throw new Error(`${label}: counted ${count} rows, expected ${rows}`);
  }
  seconds.sort((a, b) => a - b);
  const best = seconds[0];
  const median = seconds[Math.floor(seconds.length / 2)];
  console.log(`${label.padEnd(58)} best ${(rows / best / 1e6).toFixed(2)}  median ${(rows / median / 1e6).toFixed(2)} M rows/s`);
}

/** Our parser on a string already in memory, pushed in 1M-character chunks as the reader does. */
function oursString(text) {
  let n = 0;
  const parser = new csv.CsvParser();
  const emit = () => n++;
  for (let at = 0; at < text.length; at += 1 << 20) parser.push(text.slice(at, at + (1 << 20)), emit);
  parser.end(emit);
  return n - 1;
}

/** Papa.parse on a string; its chunk callback keeps memory flat like our emit. A final newline gives papaparse one empty row. */
function papaString(text) {
  let n = 0;
  Papa.parse(text, { header: false, chunk: (r) => (n += r.data.length) });
  return n - 1;
}

async function oursStream(file, batchSize) {
  let n = 0;
  const stream = csv.openCsvStream(file, { encoding: 'utf8', delimiter: ',', batchSize });
  for await (const batch of stream.batches) n += batch.records.length;
  stream.digest();
  return n;
}

/** Our decoder and parser on a plain fs stream, records dropped at once: what papaparse streamed does. */
async function oursParseOnly(file) {
  let n = 0;
  const decoder = csv.createDecoder('utf8');
  const parser = new csv.CsvParser();
  const emit = () => n++;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.push(decoder.decode(chunk), emit);
  parser.push(decoder.end(), emit);
  parser.end(emit);
  return n - 1;
}

function papaStream(file) {
  let n = 0;
  return new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' }), {
      header: false,
      chunk: (r) => (n += r.data.length),
      complete: () => resolve(n - 1),
      error: reject,
    });
  });
}

const csv = await loadCsvModule();
const papaVersion = JSON.parse(await readFile(join(root, 'node_modules/papaparse/package.json'), 'utf8')).version;
console.log(`node ${process.version}, papaparse ${papaVersion}, ${runs} runs each, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const numeric = join(work, `pdde-${rows}.csv`);
generate(numeric, rows);
console.log(`\nPDDE-like purchases: ${rows} rows, ${(statSync(numeric).size / 1e6).toFixed(1)} MB`);
let text = await readFile(numeric, 'utf8');
await time('ours: CsvParser on a string', rows, () => oursString(text));
await time('papaparse: Papa.parse on a string', rows, () => papaString(text));
text = '';
await time('ours: decoder + CsvParser on an fs stream (no batches)', rows, () => oursParseOnly(numeric));
await time('papaparse: Papa.parse on an fs stream', rows, () => papaStream(numeric));
await time('ours: openCsvStream (+sha256, batches of 4096, default)', rows, () => oursStream(numeric, undefined));
await time('ours: openCsvStream (+sha256, batches of 16384)', rows, () => oursStream(numeric, 16384));

const quotedRows = Math.ceil(rows / 4);
const quoted = join(work, `products-${quotedRows}.csv`);
generateQuoted(quoted, quotedRows);
console.log(`\nquoted Korean text: ${quotedRows} rows, ${(statSync(quoted).size / 1e6).toFixed(1)} MB`);
text = await readFile(quoted, 'utf8');
await time('ours: CsvParser on a string', quotedRows, () => oursString(text));
await time('papaparse: Papa.parse on a string', quotedRows, () => papaString(text));
text = '';
await time('ours: openCsvStream (default)', quotedRows, () => oursStream(quoted, undefined));
await time('papaparse: Papa.parse on an fs stream', quotedRows, () => papaStream(quoted));

if (process.env.KEEP_BENCH_FILES !== '1') {
  rmSync(numeric);
  rmSync(quoted);
}
