import { LineFlag } from '../../model/flags.js';
import { LPOINT_COLUMNS, LPOINT_OPTIONAL_COLUMNS, type LpointTable } from '../../model/import.js';
import { readCoupon } from './coupon-values.js';
import { parseAge, parseGender } from './demographics.js';
import type { IssueLog } from './issues.js';
import { checkRecord, type ImportPlan, type RowConverter, type TargetTable } from './plan.js';
import { parseDecimal, parseInteger, parseYmd } from './values.js';
import type { Encoder } from './encoder.js';

export { LPOINT_COLUMNS };

const TARGET: Record<LpointTable, TargetTable> = { DEMO: 'customers', PDDE: 'purchases', COP_U: 'partnerUses', PD_CLAC: 'products', BR: 'stores', LPAY: 'payments' };

/** Columns found only in L.point files: a header with two of them is meant to be L.point. */
const MARKERS = new Set(['cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am', 'buy_ct', 'vst_dt', 'ma_fem_dv', 'zon_hlv', 'zon_mcls', 'clac_hlv_nm', 'clac_mcls_nm', 'pd_nm']);

export type LpointDetection = { table: LpointTable } | { closest: LpointTable; missing: string[]; extra: string[] } | null;

/**
 * Finds the L.point table a header belongs to: the table whose columns it has exactly, in any
 * order. When none fits but the header is clearly L.point, names the closest table (most shared
 * columns relative to all columns involved) with the columns it lacks or has in excess, so the
 * user reads "column buy_ct is missing", not "unknown file".
 */
export function detectLpointTable(header: readonly string[]): LpointDetection {
  const cols = new Set(header.map((h) => h.trim().toLowerCase()));
  const tables = Object.keys(LPOINT_COLUMNS) as LpointTable[];
  for (const table of tables) {
    const need = LPOINT_COLUMNS[table];
    const optional = LPOINT_OPTIONAL_COLUMNS[table] ?? [];
    if (need.every((c) => cols.has(c)) && [...cols].every((c) => need.includes(c) || optional.includes(c))) return { table };
  }
  if ([...cols].filter((c) => MARKERS.has(c)).length < 2) return null;
  let best: { closest: LpointTable; missing: string[]; extra: string[]; score: number } | null = null;
  for (const table of tables) {
    const need = LPOINT_COLUMNS[table];
    const missing = need.filter((c) => !cols.has(c));
    const extra = [...cols].filter((c) => !need.includes(c) && !(LPOINT_OPTIONAL_COLUMNS[table] ?? []).includes(c));
    const score = (need.length - missing.length) / (need.length + extra.length);
    if (best === null || score > best.score) best = { closest: table, missing, extra, score };
  }
  return best && best.score >= 0.5 ? { closest: best.closest, missing: best.missing, extra: best.extra } : null;
}

/** The import plan of an L.point file whose header matched `table`. */
export function lpointPlan(table: LpointTable, header: readonly string[]): ImportPlan {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const columns = [...LPOINT_COLUMNS[table], ...(LPOINT_OPTIONAL_COLUMNS[table] ?? []).filter((c) => index.has(c))];
  const mapping = Object.fromEntries(columns.map((c) => [c, header[index.get(c) as number]]));
  return {
    format: 'lpoint',
    table,
    target: TARGET[table],
    mapping,
    unmapped: [],
    notes: index.has('coupon') && table === 'PDDE' ? ['coupon status read from column coupon (used / clicked / not used; other values are flagged and stored as unknown)'] : [],
    amountOf: table === 'PDDE' ? (f) => parseDecimal(f[index.get('buy_am') as number] ?? '') : undefined,
    converter: (writer, log, hdr) => {
      const at = (c: string): number => index.get(c) as number;
      const convert = CONVERTERS[table](writer, log, at, hdr);
      return (fields, line, suspect) => checkRecord(fields, line, hdr, log, suspect) && convert(fields, line, suspect);
    },
  };
}

type Make = (w: Encoder, log: IssueLog, at: (c: string) => number, header: readonly string[]) => RowConverter;

const RETAILER = /^A0[1-6]$/;
const RECEIPT_COLUMN = { day: 'de_dt', hour: 'de_hr', channel: 'chnl_dv', retailer: 'cop_c', store: 'br_c' } as const;
const PARTNER = /^(B01|C0[12]|D0[12]|E01)$/;
const MERCHANT = /^(A0[1-6]|B01|C0[12]|D0[12]|E01|L0[01])$/;
const REGION = /^Z\d{2}$/;

function channelOf(s: string): number | undefined {
  return s === '1' ? 1 : s === '2' ? 2 : undefined;
}

/** Column positions of the columns shared by purchase-like rows, looked up once per file. */
interface CommonColumns {
  rct: number;
  chnl: number;
  cop: number;
  dt: number;
  hr: number;
  am: number;
  cust: number;
}

function commonColumns(at: (c: string) => number): CommonColumns {
  return { rct: at('rct_no'), chnl: at('chnl_dv'), cop: at('cop_c'), dt: at('de_dt'), hr: at('de_hr'), am: at('buy_am'), cust: at('cust') };
}

/** Reads the shared columns of purchase-like rows; undefined after logging the first bad one. */
function common(f: string[], line: number, log: IssueLog, c: CommonColumns, codeRe: RegExp, codeHelp: string) {
  const rct = f[c.rct].trim();
  if (rct === '') return void log.reject(line, 'rct_no', '', 'missing receipt number');
  const ch = f[c.chnl];
  const channel = ch === '1' ? 1 : ch === '2' ? 2 : channelOf(ch.trim());
  if (channel === undefined) return void log.reject(line, 'chnl_dv', ch, 'unknown channel code (expected 1 offline or 2 online)');
  const cop = f[c.cop].trim();
  if (!codeRe.test(cop)) return void log.reject(line, 'cop_c', cop, `unknown company code (expected ${codeHelp})`);
  const de = f[c.dt];
  const day = parseYmd(de.trim());
  if (day === undefined) return void log.reject(line, 'de_dt', de, /^\d{8}$/.test(de.trim()) ? 'impossible date' : 'not a date in YYYYMMDD form');
  const hr = f[c.hr];
  const hour = parseInteger(hr);
  if (hour === undefined || hour < 0 || hour > 23) return void log.reject(line, 'de_hr', hr, 'hour must be a whole number from 0 to 23');
  const am = f[c.am];
  const amount = parseDecimal(am);
  if (amount === undefined) return void log.reject(line, 'buy_am', am, 'amount is not a number');
  const cust = f[c.cust].trim();
  return { rct, channel, cop, day, hour, amount, customer: cust === '' ? null : cust };
}

const CONVERTERS: Record<LpointTable, Make> = {
  PDDE: (w, log, at) => {
    const iBr = at('br_c'), iPd = at('pd_c'), iCt = at('buy_ct'), cols = commonColumns(at);
    const iCoupon: number | undefined = at('coupon');
    return (f, line) => {
      const c = common(f, line, log, cols, RETAILER, 'A01–A06');
      if (c === undefined) return false;
      const pd = f[iPd].trim();
      if (pd === '') return void log.reject(line, 'pd_c', '', 'missing product code'), false;
      const quantity = parseInteger(f[iCt]);
      if (quantity === undefined) return void log.reject(line, 'buy_ct', f[iCt], 'quantity is not a whole number'), false;
      let flags = 0;
      if (c.amount < 0 || quantity < 0) {
        flags |= LineFlag.RETURN;
        log.flag(line, c.amount < 0 ? 'buy_am' : 'buy_ct', c.amount < 0 ? f[at('buy_am')] : f[iCt], 'return (negative amount or quantity)');
      } else if (c.amount === 0) {
        flags |= LineFlag.ZERO_PRICE;
        log.flag(line, 'buy_am', f[at('buy_am')], 'zero amount');
      }
      const br = f[iBr].trim();
      const differs = w.addLine({
        receipt: c.rct, customer: c.customer, product: pd, day: c.day, hour: c.hour, channel: c.channel, retailer: c.cop,
        store: br === '' ? null : br, quantity, amount: c.amount, flags,
        coupon: iCoupon === undefined ? null : readCoupon(f[iCoupon], line, 'coupon', log),
      });
      if (differs !== null) log.flag(line, RECEIPT_COLUMN[differs], f[at(RECEIPT_COLUMN[differs])], `${RECEIPT_COLUMN[differs]} differs from the first line of receipt ${c.rct} (the receipt keeps the first value)`);
      return true;
    };
  },
  COP_U: (w, log, at) => {
    const cols = commonColumns(at);
    return (f, line) => {
    const c = common(f, line, log, cols, PARTNER, 'B01, C01–C02, D01–D02 or E01');
    if (c === undefined) return false;
    const vst = f[at('vst_dt')].trim();
    const visitDay = vst === '' ? null : parseYmd(vst);
    if (visitDay === undefined) return void log.reject(line, 'vst_dt', vst, 'not a date in YYYYMMDD form'), false;
    if (c.amount < 0) log.flag(line, 'buy_am', f[at('buy_am')], 'negative amount (refund)');
    const br = f[at('br_c')].trim();
    w.addPartnerUse({ line, code: c.rct, customer: c.customer, partner: c.cop, store: br === '' ? null : br, channel: c.channel, day: c.day, visitDay, hour: c.hour, amount: c.amount });
    return true;
    };
  },
  LPAY: (w, log, at) => {
    const cols = commonColumns(at);
    return (f, line) => {
    const c = common(f, line, log, cols, MERCHANT, 'A01–A06, B01, C01–C02, D01–D02, E01, L00 or L01');
    if (c === undefined) return false;
    if (c.amount < 0) log.flag(line, 'buy_am', f[at('buy_am')], 'negative amount (refund)');
    w.addPayment({ line, code: c.rct, customer: c.customer, merchant: c.cop, channel: c.channel, day: c.day, hour: c.hour, amount: c.amount });
    return true;
    };
  },
  DEMO: (w, log, at) => {
    const seen = new Map<string, number>();
    return (f, line) => {
      const cust = f[at('cust')].trim();
      if (cust === '') return void log.reject(line, 'cust', '', 'missing customer id'), false;
      const first = seen.get(cust);
      if (first !== undefined) return void log.reject(line, 'cust', cust, `duplicate customer id (first on line ${first})`), false;
      const gender = parseGender(f[at('ma_fem_dv')]);
      if (gender === undefined) return void log.reject(line, 'ma_fem_dv', f[at('ma_fem_dv')], 'unknown gender (expected 남성 or 여성)'), false;
      const age = parseAge(f[at('ages')]);
      if (age === undefined) return void log.reject(line, 'ages', f[at('ages')], 'unknown age band (expected 20대 … 70대)'), false;
      const zone = f[at('zon_hlv')].trim();
      if (!REGION.test(zone)) return void log.reject(line, 'zon_hlv', zone, 'unknown region code (expected Z01 … Z17)'), false;
      seen.set(cust, line);
      w.describeCustomer(cust, { gender, ageBand: age.band, age: age.age, region: zone });
      return true;
    };
  },
  PD_CLAC: (w, log, at) => {
    const seen = new Map<string, number>();
    return (f, line) => {
      const pd = f[at('pd_c')].trim();
      if (pd === '') return void log.reject(line, 'pd_c', '', 'missing product code'), false;
      const first = seen.get(pd);
      if (first !== undefined) return void log.reject(line, 'pd_c', pd, `duplicate product code (first on line ${first})`), false;
      const top = f[at('clac_hlv_nm')].trim();
      if (top === '') return void log.reject(line, 'clac_hlv_nm', '', 'missing top-level category'), false;
      seen.set(pd, line);
      w.describeProduct(pd, { name: f[at('pd_nm')].trim() || null, category: top, category2: f[at('clac_mcls_nm')].trim() || null });
      return true;
    };
  },
  BR: (w, log, at) => {
    const seen = new Map<string, number>();
    return (f, line) => {
      const br = f[at('br_c')].trim();
      if (br === '') return void log.reject(line, 'br_c', '', 'missing store code'), false;
      const first = seen.get(br);
      if (first !== undefined) return void log.reject(line, 'br_c', br, `duplicate store code (first on line ${first})`), false;
      const cop = f[at('cop_c')].trim();
      if (!/^[A-E]\d{2}$/.test(cop)) return void log.reject(line, 'cop_c', cop, 'unknown company code'), false;
      const zone = f[at('zon_hlv')].trim();
      if (!REGION.test(zone)) return void log.reject(line, 'zon_hlv', zone, 'unknown region code (expected Z01 … Z17)'), false;
      seen.set(br, line);
      w.describeStore(br, { retailer: cop, region: zone, region2: f[at('zon_mcls')].trim() || null });
      return true;
    };
  },
};
