import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-integrity-'));
const rows: Record<string, string[][]> = {};

beforeAll(async () => {
  const r = await writeDemoFiles(join(root, 'tiny'), { size: 'tiny', seed: 5 });
  for (const [t, f] of Object.entries(r.files)) rows[t] = readFileSync(f, 'utf8').split('\n').slice(1, -1).map((l) => l.split(','));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo referential integrity and receipt structure', () => {
  it('references only customers, products and shops that exist', () => {
    const custs = new Set(rows.DEMO.map((r) => r[0]));
    const products = new Set(rows.PD_CLAC.map((r) => r[0]));
    const shops = new Map(rows.BR.map((r) => [r[0], r[1]]));
    expect(custs.size).toBe(rows.DEMO.length);
    for (const r of rows.PDDE) {
      expect(custs.has(r[0]) && products.has(r[5])).toBe(true);
      if (r[4] !== '') expect(shops.get(r[4])).toBe(r[3]);
    }
    for (const r of rows.COP_U) {
      expect(custs.has(r[0])).toBe(true);
      if (r[3] !== '') expect(shops.get(r[3])).toBe(r[2]);
    }
    for (const r of rows.LPAY) expect(custs.has(r[0])).toBe(true);
  });

  it('lists DEMO and PDDE by customer id, and PDDE by date, hour and receipt within a customer', () => {
    const ids = rows.DEMO.map((r) => r[0]);
    expect([...ids].sort()).toEqual(ids);
    const key = (r: string[]): string => `${r[0]}|${r[6]}|${r[7].padStart(2, '0')}|${r[1]}`;
    for (let i = 1; i < rows.PDDE.length; i++) expect(key(rows.PDDE[i - 1]) <= key(rows.PDDE[i])).toBe(true);
  });

  it('keeps each receipt contiguous with one customer, date, hour, channel, retailer and shop', () => {
    const seen = new Set<string>();
    let prev = '';
    const head = new Map<string, string>();
    for (const r of rows.PDDE) {
      const [cust, rct, ch, cop, br, , dt, hr] = r;
      if (rct !== prev) {
        expect(seen.has(rct), `receipt ${rct} reappears`).toBe(false);
        seen.add(rct);
        prev = rct;
        head.set(rct, [cust, ch, cop, br, dt, hr].join('|'));
      } else expect([cust, ch, cop, br, dt, hr].join('|')).toBe(head.get(rct));
    }
  });

  it('gives every L.pay retail payment the number, customer and total of a PDDE receipt', () => {
    const receipt = new Map<string, { cust: string; cop: string; dt: string; total: number }>();
    for (const [cust, rct, , cop, , , dt, , am] of rows.PDDE) {
      const x = receipt.get(rct) ?? { cust, cop, dt, total: 0 };
      x.total += Number(am);
      receipt.set(rct, x);
    }
    const partner = new Map(rows.COP_U.map((r) => [r[1], r]));
    let retail = 0;
    for (const [cust, rct, cop, , dt, , am] of rows.LPAY) {
      if (/^A0/.test(cop)) {
        retail++;
        const x = receipt.get(rct);
        expect(x).toMatchObject({ cust, cop, dt, total: Number(am) });
      } else if (/^[B-E]/.test(cop)) {
        const u = partner.get(rct);
        expect(u?.[0]).toBe(cust);
        expect(u?.[8]).toBe(am);
      }
    }
    expect(retail).toBeGreaterThan(0);
  });
});
