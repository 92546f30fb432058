import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUPON_DISCOUNTS, COUPON_FILE_NAME, MARKETING_FILE_NAME, NO_COUPON_GROUPS, OFFLINE_LEVELS, writeDemoFiles, type DemoOptions, type DemoResult,
} from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-extras-format-'));
let result: DemoResult;
const text: Record<string, string> = {};
const rows = (t: string): string[][] => text[t].split('\n').slice(1, -1).map((l) => l.split(','));

beforeAll(async () => {
  result = await writeDemoFiles(join(root, 'both'), { size: 'tiny', seed: 11, with: ['marketing', 'coupons'] });
  text.marketing = readFileSync(result.marketing?.file as string, 'utf8');
  text.coupons = readFileSync(result.coupons?.file as string, 'utf8');
  text.PDDE = readFileSync(result.files.PDDE, 'utf8');
  text.PD_CLAC = readFileSync(result.files.PD_CLAC, 'utf8');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
/** Day index in 2021 of YYYY-MM-DD or YYYYMMDD. */
const dayOf = (s: string): number => {
  const d = s.replace(/-/g, '');
  return (Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)) - Date.UTC(2021, 0, 1)) / 86_400_000;
};

describe('the optional marketing file', () => {
  it('is MARKETING_SPEND.csv with Date,Offline_Spend,Online_Spend and one row per day of 2021 (UTF-8, no BOM, LF)', () => {
    expect(basename(result.marketing?.file as string)).toBe(MARKETING_FILE_NAME);
    expect(text.marketing.split('\n')[0]).toBe('Date,Offline_Spend,Online_Spend');
    expect(text.marketing.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.marketing).not.toContain('\r');
    expect(text.marketing.endsWith('\n')).toBe(true);
    const r = rows('marketing');
    expect(r).toHaveLength(365);
    expect(result.marketing?.rows).toBe(365);
    r.forEach(([date], i) => {
      expect(date).toMatch(/^2021-\d\d-\d\d$/);
      expect(dayOf(date)).toBe(i);
    });
  });

  it('holds the offline spend at one of a few levels for a whole Monday–Sunday week', () => {
    const r = rows('marketing');
    const levels = new Set(r.map((x) => Number(x[1])));
    for (const l of levels) expect(OFFLINE_LEVELS as readonly number[]).toContain(l);
    expect(levels.size).toBeGreaterThanOrEqual(3);
    for (let d = 1; d < r.length; d++) {
      // 2021-01-04 (day 3) was a Monday: the level may change only on Mondays.
      if ((d + 4) % 7 !== 0) expect(r[d][1], r[d][0]).toBe(r[d - 1][1]);
    }
  });

  it('changes the online spend every day: positive, two decimals, many distinct values', () => {
    const online = rows('marketing').map((x) => x[2]);
    for (const v of online) expect(v).toMatch(/^\d+\.\d\d$/);
    expect(Math.min(...online.map(Number))).toBeGreaterThan(0);
    expect(new Set(online).size).toBeGreaterThan(350);
  });
});

describe('the optional coupon files', () => {
  const tops = (): Map<string, string> => new Map(rows('PD_CLAC').map((x) => [x[0], x[2]]));

  it('is DISCOUNT_COUPON.csv with one offer per month and 대분류 (none for tobacco), discounts 10/20/30, unique codes', () => {
    expect(basename(result.coupons?.file as string)).toBe(COUPON_FILE_NAME);
    expect(text.coupons.split('\n')[0]).toBe('Month,Product_Category,Coupon_Code,Discount_pct');
    expect(text.coupons.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.coupons).not.toContain('\r');
    const r = rows('coupons');
    expect(result.coupons?.rows).toBe(r.length);
    const categories = new Set(tops().values());
    expect(categories.size).toBe(60);
    expect(NO_COUPON_GROUPS).toEqual(['tobacco']);
    const keys = new Set(r.map((x) => `${x[0]}|${x[1]}`));
    expect(keys.size).toBe(r.length);
    expect(r.length).toBe(12 * 59);
    expect(r.some((x) => x[1] === '담배')).toBe(false);
    for (const [month, category, code, pct] of r) {
      expect(month).toMatch(/^2021-(0[1-9]|1[0-2])$/);
      expect(categories.has(category), category).toBe(true);
      expect(COUPON_DISCOUNTS as readonly number[]).toContain(Number(pct));
      expect(code).toMatch(/^[A-Z0-9]+$/);
    }
    expect(new Set(r.map((x) => x[2])).size).toBe(r.length);
    for (const pct of COUPON_DISCOUNTS) expect(r.filter((x) => Number(x[3]) === pct).length).toBeGreaterThan(150);
  });

  it('adds the trailing coupon column to PDDE: Used / Clicked / Not Used where an offer applies, empty for returns and tobacco', () => {
    expect(text.PDDE.split('\n')[0]).toBe('cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct,coupon');
    const offer = new Map(rows('coupons').map((x) => [`${x[0]}|${x[1]}`, Number(x[3])]));
    const top = tops();
    const seen = new Map<string, number>();
    const r = rows('PDDE');
    expect(r.length).toBe(result.rows.PDDE);
    const bad: string[] = [];
    for (const x of r) {
      const isReturn = Number(x[8]) < 0;
      const has = offer.has(`${x[6].slice(0, 4)}-${x[6].slice(4, 6)}|${top.get(x[5])}`);
      const ok = x.length === 11 && (isReturn || !has ? x[10] === '' : ['Used', 'Clicked', 'Not Used'].includes(x[10]));
      if (!ok) bad.push(x.join(','));
      seen.set(x[10], (seen.get(x[10]) ?? 0) + 1);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual(['', 'Clicked', 'Not Used', 'Used']);
  });
});

describe('the optional files are deterministic and independent', () => {
  const write = (name: string, options: Partial<DemoOptions>): Promise<DemoResult> => writeDemoFiles(join(root, name), { size: 'tiny', seed: 11, ...options });

  it('writes byte-identical files for the same size, seed and `with`, whatever the order of `with`', async () => {
    const again = await write('again', { with: ['coupons', 'marketing'] });
    for (const [k, f] of Object.entries(result.files)) expect(sha(again.files[k as keyof typeof again.files]), k).toBe(sha(f));
    expect(sha(again.marketing?.file as string)).toBe(sha(result.marketing?.file as string));
    expect(sha(again.coupons?.file as string)).toBe(sha(result.coupons?.file as string));
  });

  it('draws other spend and offers for another seed', async () => {
    const other = await writeDemoFiles(join(root, 'seed12'), { size: 'tiny', seed: 12, with: ['marketing', 'coupons'] });
    expect(sha(other.marketing?.file as string)).not.toBe(sha(result.marketing?.file as string));
    expect(sha(other.coupons?.file as string)).not.toBe(sha(result.coupons?.file as string));
  });

  it('writes only the file asked for: marketing alone keeps PDDE without the coupon column; coupons alone has no spend file', async () => {
    const m = await write('marketing', { with: ['marketing'] });
    expect(m.coupons).toBeUndefined();
    expect(existsSync(join(root, 'marketing', COUPON_FILE_NAME))).toBe(false);
    expect(readFileSync(m.files.PDDE, 'utf8').split('\n')[0]).toBe('cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct');
    expect(sha(m.marketing?.file as string)).toBe(sha(result.marketing?.file as string));
    const c = await write('coupons', { with: ['coupons'] });
    expect(c.marketing).toBeUndefined();
    expect(existsSync(join(root, 'coupons', MARKETING_FILE_NAME))).toBe(false);
    expect(sha(c.coupons?.file as string)).toBe(sha(result.coupons?.file as string));
  });

  it('rejects a `with` that is not a list of marketing / coupons, naming the value', async () => {
    await expect(write('bad1', { with: 'marketing' as never })).rejects.toThrow(TypeError);
    await expect(write('bad2', { with: ['marketing', 'weather'] as never })).rejects.toThrow(/options\.with .*"weather"/);
  });
});
