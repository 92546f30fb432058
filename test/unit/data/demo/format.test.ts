import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HEADERS, writeDemoFiles, type DemoResult } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-format-'));
let result: DemoResult;
const text: Record<string, string> = {};
const rows: Record<string, string[][]> = {};

beforeAll(async () => {
  result = await writeDemoFiles(join(root, 'tiny'), { size: 'tiny', seed: 11 });
  for (const [t, f] of Object.entries(result.files)) {
    text[t] = readFileSync(f, 'utf8');
    rows[t] = text[t].split('\n').slice(1, -1).map((l) => l.split(','));
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isDate2021 = (s: string): boolean => {
  if (!/^2021\d{4}$/.test(s)) return false;
  const d = new Date(Date.UTC(2021, Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8))));
  return d.getUTCFullYear() === 2021 && d.getUTCMonth() + 1 === Number(s.slice(4, 6)) && d.getUTCDate() === Number(s.slice(6, 8));
};

describe('demo CSV format', () => {
  it('uses the L.point file names and exact headers, UTF-8 without BOM, LF line ends, no quoting needed', () => {
    expect(Object.values(result.files).map((f) => basename(f))).toEqual([
      'LPOINT_BIG_COMP_01_DEMO.csv', 'LPOINT_BIG_COMP_02_PDDE.csv', 'LPOINT_BIG_COMP_03_COP_U.csv',
      'LPOINT_BIG_COMP_04_PD_CLAC.csv', 'LPOINT_BIG_COMP_05_BR.csv', 'LPOINT_BIG_COMP_06_LPAY.csv',
    ]);
    expect(text.DEMO.split('\n')[0]).toBe('cust,ma_fem_dv,ages,zon_hlv');
    expect(text.PDDE.split('\n')[0]).toBe('cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct');
    expect(text.COP_U.split('\n')[0]).toBe('cust,rct_no,cop_c,br_c,chnl_dv,de_dt,vst_dt,de_hr,buy_am');
    expect(text.PD_CLAC.split('\n')[0]).toBe('pd_c,pd_nm,clac_hlv_nm,clac_mcls_nm');
    expect(text.BR.split('\n')[0]).toBe('br_c,cop_c,zon_hlv,zon_mcls');
    expect(text.LPAY.split('\n')[0]).toBe('cust,rct_no,cop_c,chnl_dv,de_dt,de_hr,buy_am');
    for (const [t, s] of Object.entries(text)) {
      expect(s.charCodeAt(0), t).not.toBe(0xfeff);
      expect(s.includes('\r'), t).toBe(false);
      expect(s.includes('"'), t).toBe(false);
      expect(s.endsWith('\n'), t).toBe(true);
      for (const r of rows[t]) expect(r.length).toBe(DEMO_HEADERS[t as keyof typeof DEMO_HEADERS].length);
    }
  });

  it('writes the stated tiny row counts and reports them', () => {
    expect(result.rows.DEMO).toBe(200);
    expect(result.rows.PDDE).toBeGreaterThanOrEqual(15_000);
    expect(result.rows.PDDE).toBeLessThanOrEqual(25_000);
    expect(result.rows.PD_CLAC).toBe(1933);
    expect(result.rows.BR).toBe(881);
    expect(result.rows.COP_U).toBeGreaterThan(500);
    expect(result.rows.LPAY).toBeGreaterThan(500);
    for (const t of Object.keys(rows)) expect(rows[t].length, t).toBe(result.rows[t as keyof typeof result.rows]);
  });

  it('keeps every code and value in its documented domain', () => {
    for (const [cust, g, age, zone] of rows.DEMO) {
      expect(cust).toMatch(/^M\d{9}$/);
      expect(['남성', '여성']).toContain(g);
      expect(['20대', '30대', '40대', '50대', '60대', '70대']).toContain(age);
      expect(zone).toMatch(/^Z(0[1-9]|1[0-7])$/);
    }
    for (const [, rct, ch, cop, br, pd, dt, hr, am, ct] of rows.PDDE) {
      expect(cop).toMatch(/^A0[1-6]$/);
      expect(rct.startsWith(cop)).toBe(true);
      expect(['1', '2']).toContain(ch);
      if (ch === '2') expect(br).toBe('');
      else expect(br).toMatch(new RegExp(`^${cop}\\d{4}$`));
      if (cop === 'A06') expect(ch).toBe('2');
      if (cop === 'A04') expect(ch).toBe('1');
      expect(pd).toMatch(/^PD\d{4}$/);
      expect(isDate2021(dt)).toBe(true);
      expect(Number(hr)).toBeGreaterThanOrEqual(0);
      expect(Number(hr)).toBeLessThanOrEqual(23);
      expect(Number.isInteger(Number(am)) && Number.isInteger(Number(ct)) && Number(ct) !== 0).toBe(true);
    }
    for (const [, , cop, br, ch, dt, vst, hr, am] of rows.COP_U) {
      expect(cop).toMatch(/^(B01|C01|C02|D01|D02|E01)$/);
      expect(ch === '2' ? br === '' : br.startsWith(cop)).toBe(true);
      expect(isDate2021(dt) && isDate2021(vst) && vst >= dt).toBe(true);
      expect(Number(hr) >= 0 && Number(hr) <= 23 && Number(am) > 0).toBe(true);
    }
    for (const [, , cop, ch, dt, hr, am] of rows.LPAY) {
      expect(cop).toMatch(/^(A0[1-6]|B01|C0[12]|D0[12]|E01|L0[01])$/);
      expect(['1', '2']).toContain(ch);
      expect(isDate2021(dt) && Number(hr) >= 0 && Number(hr) <= 23 && Number.isInteger(Number(am))).toBe(true);
    }
    for (const [br, cop, zone, sub] of rows.BR) {
      expect(br.startsWith(cop)).toBe(true);
      expect(sub.startsWith(zone)).toBe(true);
      expect(sub).toMatch(/^Z\d{5}$/);
    }
  });

  it('has the real catalogue shape: 1,933 products, 60 대분류, 349 중분류, unique Korean names', () => {
    expect(new Set(rows.PD_CLAC.map((r) => r[0])).size).toBe(1933);
    expect(new Set(rows.PD_CLAC.map((r) => r[1])).size).toBe(1933);
    expect(new Set(rows.PD_CLAC.map((r) => r[2])).size).toBe(60);
    expect(new Set(rows.PD_CLAC.map((r) => `${r[2]}/${r[3]}`)).size).toBe(349);
    expect(rows.PD_CLAC[0]).toEqual(['PD0001', '소파', '가구', '거실가구']);
    expect(rows.PD_CLAC.at(-1)?.[0]).toBe('PD1933');
  });
});
