// The .xlsx import with bounded memory (issue #10): generates transaction workbooks of 100k and
// 500k rows once (exceljs's streaming writer, shared strings as Excel writes them; kept in
// bench/.cache), then imports each through the CLI as a user would and prints wall time and the
// peak resident memory of the whole process (bench/maxrss.mjs), next to the same rows as a CSV.
// If reading held the sheet in memory, the peak would grow about 5× from 100k to 500k rows.
// The reader alone is also run with --expose-gc: its live heap after a full GC every 100k rows
// shows what it keeps (peak RSS also counts garbage V8 has not collected yet).
// Usage: npm run bench -- xlsx [rows...] [--reader-only]   (or node bench/xlsx-import.mjs … after `node scripts/build.mjs`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/segment-workbench.mjs');
const cache = path.join(root, 'bench/.cache/xlsx');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const readerOnly = process.argv.includes('--reader-only');

/** Row i of the synthetic extract: receipts of 3 lines, 4,000 products with Korean names, 20,000 customers. */
function row(i) {
  const r = Math.floor(i / 3);
  const p = (i * 7919) % 4000;
  const day = Date.UTC(2021, 0, 1) + (r % 365) * 86_400_000 + (r % 13) * 3_600_000;
  return [`R${String(r).padStart(8, '0')}`, new Date(day), `P${String(p).padStart(5, '0')}`, `상품 ${p} 세트`, 1 + (i % 4), 500 + (p % 97) * 100, 100000 + (r % 20000)];
}
const HEADER = ['InvoiceNo', 'InvoiceDate', 'StockCode', 'Description', 'Quantity', 'UnitPrice', 'CustomerID'];

async function generate(rows) {
  const xlsx = path.join(cache, `sales-${rows}.xlsx`);
  const csv = path.join(cache, `sales-${rows}.csv`);
  if (fs.existsSync(xlsx) && fs.existsSync(csv)) return { xlsx, csv };
  fs.mkdirSync(cache, { recursive: true });
  const t0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${xlsx}.tmp`, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Sales');
  ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow(HEADER).commit();
  const out = fs.openSync(csv, 'w');
  let buf = `${HEADER.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const v = row(i);
    ws.addRow(v).commit();
    buf += `${v[0]},${v[1].toISOString().slice(0, 16).replace('T', ' ')},${v[2]},${v[3]},${v[4]},${v[5]},${v[6]}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
  ws.commit();
  await wb.commit();
  fs.renameSync(`${xlsx}.tmp`, xlsx);
  console.log(`generated ${path.relative(root, xlsx)} (${(fs.statSync(xlsx).size / 2 ** 20).toFixed(1)} MB) and its CSV in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { xlsx, csv };
}

function importFile(file) {
  const project = path.join(os.tmpdir(), `swb-bench-xlsx-${process.pid}.sqlite`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', path.join(root, 'bench/maxrss.mjs'), cli, 'import', '--project', project, file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' } });
  const seconds = (performance.now() - t0) / 1000;
  for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(project + ext, { force: true });
  if (r.status !== 0) throw new Error(`import of ${file} failed: ${r.stderr}`);
  const s = JSON.parse(r.stdout);
  const kb = Number(/BENCH maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, peakMb: kb / 1024, rows: s.rowsImported, mb: fs.statSync(file).size / 2 ** 20 };
}

/** Reads a workbook with core/data/xlsx alone (bundled on the fly), counting rows: the reader's own peak. */
async function readOnly(file) {
  const entry = path.join(cache, 'read-only.mjs');
  const script = `import { readXlsxRows } from ${JSON.stringify(path.join(root, 'core/data/xlsx/index.ts'))};\nlet n = 0, live = 0;\nconst t0 = performance.now();\nawait readXlsxRows(process.argv[2], {}, () => {\n  if (++n % 100000 === 0) { globalThis.gc(); live = Math.max(live, process.memoryUsage().heapUsed); }\n});\nconsole.log(JSON.stringify({ rows: n - 1, seconds: (performance.now() - t0) / 1000, liveMb: live / 2 ** 20 }));\n`;
  await build({ stdin: { contents: script, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: entry, logLevel: 'warning', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', path.join(root, 'bench/maxrss.mjs'), entry, file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) throw new Error(`read of ${file} failed: ${r.stderr}`);
  const kb = Number(/BENCH maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ...JSON.parse(r.stdout), peakMb: kb / 1024 };
}

console.log('Import of generated transaction workbooks through the CLI (one process: parse, validate, insert, commit):');
for (const rows of sizes.length > 0 ? sizes : [100_000, 500_000]) {
  const { xlsx, csv } = await generate(rows);
  for (const file of readerOnly ? [] : [xlsx, csv]) {
    const r = importFile(file);
    console.log(`  ${path.basename(file).padEnd(20)} ${r.mb.toFixed(1).padStart(6)} MB  ${r.rows.toLocaleString('en-US').padStart(9)} rows  ${r.seconds.toFixed(1).padStart(6)} s  peak ${r.peakMb.toFixed(0)} MB`);
  }
  const o = await readOnly(xlsx);
  console.log(`  ${`${path.basename(xlsx)}, reader alone`.padEnd(34)} ${o.rows.toLocaleString('en-US').padStart(9)} rows  ${o.seconds.toFixed(1).padStart(6)} s  peak ${o.peakMb.toFixed(0)} MB, live heap after GC at most ${o.liveMb.toFixed(0)} MB`);
}
