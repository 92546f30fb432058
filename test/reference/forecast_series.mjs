// Builds the real daily series the forecast reference fixtures use (issue #12) and writes them to
// test/reference/fixtures/forecast-series.json, so the unit tests need no data file:
//   - uci: UCI Online Retail daily sales, Σ Quantity × UnitPrice by InvoiceDate day (all rows, returns
//     included as the data has them), 2010-12-01 … 2011-12-09, days without invoices as zeros;
//   - demo-A05, demo-A02, demo-A01, demo-A06: daily amount of the four largest retailers of the demo
//     (`segment-workbench demo --size demo --seed 1`), and demo-total.
// Run from the repository root: node test/reference/forecast_series.mjs (then forecast_reference.R).
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const UCI = '/work/shared/data/online_retail/online_retail.csv';
const dayOf = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Dense daily series from a Map day → value over [min, max]. */
function dense(map) {
  const days = [...map.keys()];
  const start = Math.min(...days);
  const end = Math.max(...days);
  const values = [];
  for (let d = start; d <= end; d++) values.push(Math.round((map.get(d) ?? 0) * 100) / 100);
  return { start, grain: 'day', values };
}

async function uci() {
  if (!existsSync(UCI)) throw new Error(`${UCI} is missing`);
  const map = new Map();
  const lines = createInterface({ input: createReadStream(UCI, 'utf8') });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    // Descriptions may hold quoted commas: take the fields from both ends.
    const tail = line.slice(line.lastIndexOf('"') + 1);
    const parts = (line.includes('"') ? tail.split(',').slice(1) : line.split(',').slice(3));
    const [quantity, date, price] = parts;
    const day = dayOf(date.slice(0, 10));
    map.set(day, (map.get(day) ?? 0) + Number(quantity) * Number(price));
  }
  return dense(map);
}

function demo() {
  const dir = mkdtempSync(join(tmpdir(), 'swb-fc-'));
  const project = join(dir, 'demo.sqlite');
  try {
    execFileSync('node', ['bin/segment-workbench.mjs', 'demo', '--project', project, '--size', 'demo', '--seed', '1'], { stdio: 'ignore' });
    const Database = require('better-sqlite3');
    const db = new Database(project, { readonly: true });
    const out = {};
    const retailers = db.prepare('SELECT retailer FROM receipts GROUP BY retailer ORDER BY SUM(amount) DESC LIMIT 4').all();
    for (const { retailer } of retailers) {
      const rows = db.prepare('SELECT day, SUM(amount) AS v FROM receipts WHERE retailer = ? GROUP BY day').all(retailer);
      out[`demo-${retailer}`] = dense(new Map(rows.map((r) => [r.day, r.v])));
    }
    const total = db.prepare('SELECT day, SUM(amount) AS v FROM receipts GROUP BY day').all();
    out['demo-total'] = dense(new Map(total.map((r) => [r.day, r.v])));
    db.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const series = { uci: await uci(), ...demo() };
writeFileSync('test/reference/fixtures/forecast-series.json', `${JSON.stringify(series)}\n`);
for (const [name, s] of Object.entries(series)) console.log(name, s.values.length, 'days from', new Date(s.start * 86_400_000).toISOString().slice(0, 10));
