// `npm run bench -- coupons [--project P]`: the `coupon-sensitivity` analysis (issue #11) through the
// built CLI, as a user runs it — wall and CPU time, peak RSS of the whole process, the summary.
// 1. Kaggle-shaped files ("Marketing Insights for E-Commerce": Online_Sales.csv with Coupon_Status,
//    Discount_Coupon.csv with months and no year), seeded, at the Kaggle set's size (1,468
//    customers, 52,924 lines: 36 a customer here) and at 25,000 customers (900,000 lines), both
//    with a planted sensitive third: kmeans, and dtw at the Kaggle size (dtw stops at 5,000).
// 2. A demo project built `--with coupons` (`--project P` reuses one), kmeans.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, runCli } from './full-project.mjs';

const args = process.argv.slice(2);
const given = args.includes('--project') ? args[args.indexOf('--project') + 1] : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bench-coupons-'));

/** mulberry32: the same files on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['Apparel', 'Nest-USA', 'Office', 'Drinkware', 'Lifestyle'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const discountOf = (m) => 10 * (1 + ((m - 1) % 3)); // seed 004's calendar: 10 % Jan/Apr/…, 20 % Feb/May/…, 30 % Mar/Jun/…

/** Online_Sales.csv and Discount_Coupon.csv for `customers`, `perMonth` lines a month each; the first third sensitive. */
function kaggleShaped(prefix, customers, perMonth) {
  const rnd = random(customers);
  const p = { 10: 0.1, 20: 0.3, 30: 0.55 };
  const sales = path.join(dir, `${prefix}-sales.csv`), coupons = path.join(dir, `${prefix}-coupons.csv`);
  const fd = fs.openSync(sales, 'w');
  fs.writeSync(fd, 'CustomerID,Transaction_ID,Transaction_Date,Product_SKU,Product_Category,Quantity,Avg_Price,Coupon_Status\n');
  let tx = 16000;
  for (let c = 0; c < customers; c++) {
    let text = '';
    for (let m = 1; m <= 12; m++) {
      for (let k = 0; k < perMonth; k++) {
        const use = c < customers / 3 ? p[discountOf(m)] : 0.15;
        const status = rnd() < use ? 'Used' : rnd() < 0.1 ? 'Clicked' : 'Not Used';
        const cat = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)];
        text += `${10000 + c},${tx++},${m}/${1 + Math.floor(rnd() * 28)}/2019,SKU-${cat}-${k},${cat},1,${(5 + rnd() * 100).toFixed(2)},${status}\n`;
      }
    }
    fs.writeSync(fd, text);
  }
  fs.closeSync(fd);
  fs.writeFileSync(coupons, ['Month,Product_Category,Coupon_Code,Discount_pct', ...CATEGORIES.flatMap((cat) => MONTHS.map((name, i) => `${name},${cat},${cat.slice(0, 3).toUpperCase()}${discountOf(i + 1)},${discountOf(i + 1)}`))].join('\n') + '\n');
  return { sales, coupons };
}

function cliSync(argv) {
  const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function importKaggle(prefix, customers, perMonth) {
  const f = kaggleShaped(prefix, customers, perMonth);
  const project = path.join(dir, `${prefix}.sqlite`);
  cliSync(['import', '--project', project, f.sales, '--map', 'customer=CustomerID', '--map', 'receipt=Transaction_ID', '--map', 'date=Transaction_Date', '--map', 'product=Product_SKU', '--map', 'category=Product_Category', '--map', 'quantity=Quantity', '--map', 'unitPrice=Avg_Price', '--map', 'coupon=Coupon_Status', '--json']);
  cliSync(['import', '--project', project, f.coupons, '--role', 'coupons', '--map', 'month=Month', '--map', 'category=Product_Category', '--map', 'code=Coupon_Code', '--map', 'discount=Discount_pct', '--json']);
  return project;
}

const show = (label, r) => {
  const s = r.summary;
  const sens = s.clusters.filter((c) => c.sensitive).reduce((n, c) => n + c.size, 0);
  console.log(`  ${label}: ${s.offeredLines.toLocaleString('en-US')} offered lines, ${s.customers.toLocaleString('en-US')} customers clustered (${s.excludedCustomers} left out), ${sens.toLocaleString('en-US')} in sensitive clusters, rises ${s.risesWithDiscount}; job ${s.seconds.toFixed(2)} s, process wall ${r.seconds.toFixed(2)} s, CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.peakMb.toFixed(0)} MB (load ${r.load.map((x) => x.toFixed(1)).join('→')})`);
};

try {
  console.log(`coupon-sensitivity benchmark on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}); one run each, the machine may be shared (see load).`);
  const kaggle = importKaggle('kaggle', 1468, 3);
  console.log('1. Kaggle-shaped, 1,468 customers × 36 lines:');
  show('kmeans', await runCli(kaggle, ['coupon-sensitivity']));
  show('dtw', await runCli(kaggle, ['coupon-sensitivity', '--param', 'method=dtw']));
  const big = importKaggle('big', 25000, 3);
  console.log('   Kaggle-shaped, 25,000 customers × 36 lines:');
  show('kmeans', await runCli(big, ['coupon-sensitivity']));
  console.log('   Kaggle-shaped, 5,000 customers × 36 lines (dtw\'s limit):');
  show('dtw', await runCli(importKaggle('five', 5000, 3), ['coupon-sensitivity', '--param', 'method=dtw']));
  let project = given;
  if (!project) {
    project = path.join(dir, 'demo.sqlite');
    cliSync(['demo', '--project', project, '--size', 'demo', '--seed', '1', '--with', 'coupons', '--json']);
  }
  console.log(`2. Demo with coupons (${project}):`);
  show('kmeans', await runCli(project, ['coupon-sensitivity']));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
