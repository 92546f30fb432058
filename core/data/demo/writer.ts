import { LPOINT_COLUMNS } from '../../model/import.js';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHETYPES } from './archetypes.js';
import { buildCouponOffers, COUPON_FILE_NAME, COUPON_HEADER, CouponDraws, couponRows, PDDE_COUPON_COLUMN, type CouponOffers } from './coupons.js';
import { csvField, CsvSink } from './csv-sink.js';
import { ageLabel, drawProfile, GENDER_LABEL } from './customer.js';
import { adoptCycles, buyOnCycles } from './cyclic.js';
import { emitPurchases, ReceiptCounter, type WrittenReceipt } from './emit-purchases.js';
import { addGiftSets, addReturns } from './extras.js';
import { emitPayments } from './lpay.js';
import { buildMarketingSpend, MARKETING_FILE_NAME, MARKETING_HEADER, marketingRows, withOnlineResponse } from './marketing.js';
import { abortError, checkOptions } from './options.js';
import { emitPartnerUses } from './partners.js';
import { buildPopulation, type Population } from './population.js';
import { REGIONS } from './regions.js';
import { Rng } from './rng.js';
import { makeScratch, startShopping, type Scratch } from './shopping.js';
import { makeTrips } from './trips.js';
import type { DemoOptions, DemoResult, DemoTables } from './types.js';
import { buildWorld, type World } from './world.js';

export const DEMO_FILE_NAMES: DemoTables<string> = {
  DEMO: 'LPOINT_BIG_COMP_01_DEMO.csv', PDDE: 'LPOINT_BIG_COMP_02_PDDE.csv', COP_U: 'LPOINT_BIG_COMP_03_COP_U.csv',
  PD_CLAC: 'LPOINT_BIG_COMP_04_PD_CLAC.csv', BR: 'LPOINT_BIG_COMP_05_BR.csv', LPAY: 'LPOINT_BIG_COMP_06_LPAY.csv',
};
export const TRUTH_FILE_NAME = 'demo_truth.csv';
/** The L.point headers, exactly as the real files have them (the importer's contract). */
export const DEMO_HEADERS: DemoTables<readonly string[]> = LPOINT_COLUMNS;
/** Customer i draws from stream CUSTOMER_STREAM + i: customers are independent of each other's draws. */
const CUSTOMER_STREAM = 0x1000_0000;
const TABLES = Object.keys(DEMO_FILE_NAMES) as (keyof DemoTables<string>)[];

type Sinks = DemoTables<CsvSink> & { truth?: CsvSink; marketing?: CsvSink; coupons?: CsvSink };

function perTable<T>(make: (table: keyof DemoTables<string>) => T): DemoTables<T> {
  return { DEMO: make('DEMO'), PDDE: make('PDDE'), COP_U: make('COP_U'), PD_CLAC: make('PD_CLAC'), BR: make('BR'), LPAY: make('LPAY') };
}

function writeReferenceTables(w: World, sinks: Sinks): void {
  const c = w.catalogue;
  const products: string[] = [];
  for (let p = 0; p < c.code.length; p++) products.push(`${c.code[p]},${csvField(c.name[p])},${csvField(c.tops[c.top[p]].name)},${csvField(c.mid[p])}\n`);
  sinks.PD_CLAC.add(products.join(''), products.length);
  const s = w.stores;
  const stores: string[] = [];
  for (let i = 0; i < s.code.length; i++) stores.push(`${s.code[i]},${s.company[i]},${REGIONS[s.region[i]]},${s.subRegion[i]}\n`);
  sinks.BR.add(stores.join(''), stores.length);
}

/** Generates one customer into the sinks (DEMO row, purchases, partner uses, L.pay). */
function writeCustomer(i: number, seed: number, w: World, pop: Population, scratch: Scratch, counter: ReceiptCounter, sinks: Sinks, offers: CouponOffers | undefined): void {
  const ai = pop.archetype[i];
  const a = ARCHETYPES[ai];
  const cust = pop.ids[i];
  const rng = new Rng(seed, CUSTOMER_STREAM + i);
  const offlineOnly = pop.offlineOnly[i] === 1;
  const prof = drawProfile(rng, a, offlineOnly);
  sinks.DEMO.add(`${cust},${GENDER_LABEL[prof.female ? 1 : 0]},${ageLabel(prof.age)},${REGIONS[prof.region]}\n`, 1);
  sinks.truth?.add(`${cust},${a.id}\n`, 1);
  if (pop.inactive[i] === 1) return;
  const s = startShopping(scratch, w, a, ai, prof, rng, offlineOnly);
  const homes = new Int32Array(12).fill(-1);
  const adoptions = adoptCycles(s);
  makeTrips(s, homes);
  addGiftSets(s);
  buyOnCycles(s, adoptions, homes);
  addReturns(s);
  const out: string[] = [];
  const written: WrittenReceipt[] = [];
  const lines = emitPurchases(s, cust, counter, out, written, offers && new CouponDraws(seed, i, ai, offers, w));
  sinks.PDDE.add(out.join(''), lines);
  out.length = 0;
  const uses = emitPartnerUses(s, cust, counter, out);
  sinks.COP_U.add(out.join(''), uses.length);
  if (pop.lpay[i] === 1) {
    out.length = 0;
    const n = emitPayments(s, cust, pop.cohort[i], pop.later100[i] === 1, written, uses, counter, out);
    sinks.LPAY.add(out.join(''), n);
  }
}

/**
 * Writes the six L.point CSVs of a demo data set (UTF-8, no BOM, LF, header line, RFC 4180)
 * into dir (created if absent), deterministically from (size, seed): the embedded default
 * data whose planted structure (docs/demo-data.md) the analyses are tested against.
 * Streams with constant memory; on abort or error the partly written files are removed.
 * `with` adds the optional marketing and coupon files; their draws use streams of their own,
 * so the customers' streams, and the files without `with`, are unchanged.
 */
export async function writeDemoFiles(dir: string, options: DemoOptions): Promise<DemoResult> {
  checkOptions(dir, options);
  const { size, seed, writeTruth = false, signal, onProgress, with: extras = [] } = options;
  if (signal?.aborted) throw abortError();
  await mkdir(dir, { recursive: true });
  const spend = extras.includes('marketing') ? buildMarketingSpend(seed) : undefined;
  const w = spend ? withOnlineResponse(buildWorld(size), spend.online) : buildWorld(size);
  const offers = extras.includes('coupons') ? buildCouponOffers(seed, w) : undefined;
  const n = w.size.customers;
  const pop = buildPopulation(seed, n);
  const files = perTable((t) => join(dir, DEMO_FILE_NAMES[t]));
  const sinks: Sinks = perTable((t) => CsvSink.open(files[t], t === 'PDDE' && offers ? [...DEMO_HEADERS.PDDE, PDDE_COUPON_COLUMN] : DEMO_HEADERS[t]));
  if (writeTruth) sinks.truth = CsvSink.open(join(dir, TRUTH_FILE_NAME), ['cust', 'archetype']);
  if (spend) sinks.marketing = CsvSink.open(join(dir, MARKETING_FILE_NAME), MARKETING_HEADER);
  if (offers) sinks.coupons = CsvSink.open(join(dir, COUPON_FILE_NAME), COUPON_HEADER);
  const all = (): CsvSink[] => [...TABLES.map((t) => sinks[t]), ...[sinks.truth, sinks.marketing, sinks.coupons].filter((x) => x !== undefined)];
  try {
    writeReferenceTables(w, sinks);
    for (const [sink, rows] of [[sinks.marketing, spend && marketingRows(spend)], [sinks.coupons, offers && couponRows(offers, w)]] as const) {
      if (sink && rows) sink.add(rows.join(''), rows.length);
    }
    const scratch = makeScratch(w);
    const counter = new ReceiptCounter();
    const step = Math.max(1, Math.ceil(n / 100));
    for (let i = 0; i < n; i++) {
      if (signal?.aborted) throw abortError();
      writeCustomer(i, seed, w, pop, scratch, counter, sinks, offers);
      for (const sink of all()) await sink.flush();
      if (onProgress && ((i + 1) % step === 0 || i + 1 === n)) onProgress(i + 1, n);
    }
    for (const sink of all()) await sink.close();
  } catch (e) {
    await Promise.all(all().map((sink) => sink.destroy()));
    await Promise.all(all().map((sink) => rm(sink.path, { force: true })));
    throw e;
  }
  const rows = perTable((t) => sinks[t].rows);
  const { truth, marketing, coupons } = sinks;
  return {
    files, rows, ...(truth ? { truthFile: truth.path } : {}),
    ...(marketing ? { marketing: { file: marketing.path, rows: marketing.rows } } : {}), ...(coupons ? { coupons: { file: coupons.path, rows: coupons.rows } } : {}),
  };
}
