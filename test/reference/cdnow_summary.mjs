#!/usr/bin/env node
/**
 * Builds test/fixtures/cdnow/cdnow-summary.json from the CDNOW 1/10 sample
 * (../shared/data/cdnow/CDNOW_sample.txt; source and licence in test/fixtures/cdnow/README.md):
 * per customer, BTYD's calibration summary as in Fader, Hardie & Lee (2005) and the R package
 * BTYD (`dc.ElogToCbsCbt`, weekly unit, calibration 1997-01-01 … 1997-09-30, holdout to
 * 1998-06-30):
 *   x  = repeat purchase days in the calibration period (lines of one day merged, amounts summed),
 *   tx = (last calibration purchase day − first purchase day) / 7,
 *   T  = (1997-09-30 − first purchase day) / 7,
 *   m  = mean amount of the calibration repeat purchase days (0 when x = 0),
 *   xh = purchase days in the holdout, 1997-10-01 … 1998-06-30 (39 weeks).
 * Written independently of core/ (plain Date arithmetic), so the tests compare two implementations.
 *
 *   node test/reference/cdnow_summary.mjs [path/to/CDNOW_sample.txt]
 */
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const src = process.argv[2] ?? path.resolve(here, '../../../shared/data/cdnow/CDNOW_sample.txt');
const out = path.resolve(here, '../fixtures/cdnow/cdnow-summary.json');
const dayOf = (s) => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)) / 86400000;
const CAL_END = dayOf('19970930'), HOLD_END = dayOf('19980630');

/** customer id (first column) → day → summed dollars */
const byCustomer = new Map();
for (const line of fs.readFileSync(src, 'utf8').split('\n')) {
  const f = line.trim().split(/\s+/);
  if (f.length < 5) continue;
  const id = f[0], day = dayOf(f[2]), dollars = Number(f[4]);
  if (!byCustomer.has(id)) byCustomer.set(id, new Map());
  const days = byCustomer.get(id);
  days.set(day, (days.get(day) ?? 0) + dollars);
}

const rows = [];
for (const [id, days] of [...byCustomer].sort((a, b) => a[0].localeCompare(b[0]))) {
  const ds = [...days.keys()].sort((a, b) => a - b);
  const first = ds[0];
  const cal = ds.filter((d) => d <= CAL_END);
  const repeat = cal.slice(1);
  const x = repeat.length;
  const m = x > 0 ? repeat.reduce((s, d) => s + days.get(d), 0) / x : 0;
  const xh = ds.filter((d) => d > CAL_END && d <= HOLD_END).length;
  rows.push([id, x, (cal[cal.length - 1] - first) / 7, (CAL_END - first) / 7, Math.round(m * 1e10) / 1e10, xh]);
}

fs.writeFileSync(out, JSON.stringify({
  source: 'CDNOW_sample.txt (Fader & Hardie; via the lifetimes repository, MIT); see README.md',
  generator: 'test/reference/cdnow_summary.mjs',
  unit: 'week', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', holdoutWeeks: (HOLD_END - CAL_END) / 7,
  columns: ['customer', 'x', 'tx', 'T', 'monetary', 'holdout'],
  customers: rows,
}) + '\n');
console.log(`${rows.length} customers, ${rows.filter((r) => r[1] > 0).length} with repeat purchases → ${path.relative(process.cwd(), out)}`);
