import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../core/model/import.js';
import { runCli, tempDir } from '../../helpers/project.js';

// Issue #15 §3–5 through the CLI, on the reproductions: imports that stop early must say
// so. Each test failed on the code before the change (see docs/decisions/0012-failure-model.md).

const dir = tempDir('swb-reader-failures-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
const project = (): string => path.join(dir, `p${n++}.sqlite`);

function importJson(args: string[]): { code: number; summary?: ImportSummary; stderr: string } {
  const r = runCli(['import', ...args, '--json']);
  return { code: r.code, summary: r.code === 0 ? (JSON.parse(r.stdout) as ImportSummary) : undefined, stderr: r.stderr };
}

const row = (i: number, month: string): string => `C${i % 50},2024-${month}-${String(1 + (i % 28)).padStart(2, '0')},P${i % 7},${(i % 90) + 1}.5`;

describe('§3 a stray quote under --on-error skip', () => {
  const lines = ['customer,date,product,amount'];
  for (let i = 0; i < 3000; i++) lines.push(row(i, '01'));
  lines.push('C1,2024-02-01,"P"x,3');
  for (let i = 0; i < 100_000; i++) lines.push(row(i, '03'));
  const stray = write('stray.csv', `${lines.join('\n')}\n`);

  it('reads the 100,000 rows after it, rejects the one broken line and counts it as not read', () => {
    const r = importJson(['--project', project(), stray, '--on-error', 'skip']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.summary as ImportSummary;
    expect(s.rowsImported).toBe(103_000);
    expect(s.rowsRejected).toBe(1);
    expect(s.linesNotRead).toBe(1);
    expect(s.files[0].linesNotRead).toBe(1);
    expect(s.rejected.map((x) => [x.line, x.column, x.value])).toEqual([[3002, 'product', 'C1,2024-02-01,"P"x,3']]);
    expect(s.rejected[0].reason).toMatch(/closing quote/);
  });

  it('prints the lines not read', () => {
    const r = runCli(['import', '--project', project(), stray, '--on-error', 'skip']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('103,000 of 103,000 rows imported, 1 rejected, 0 flagged, 1 line not read');
  });

  it('--on-error abort still stops at the broken line (exit 1, line and column named)', () => {
    const r = importJson(['--project', project(), stray]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/stray\.csv, line 3002, column product: text follows the closing quote/);
  });

  it('fails in both modes when no later line reads as a record (never a partial file reported as done)', () => {
    const hopeless = write('hopeless.csv', ['customer,date,amount', 'C1,2024-01-01,3', 'C2,"2024-01-02"x,4', ...Array.from({ length: 50 }, (_, i) => `C${i};2024-01-03;5`)].join('\n'));
    for (const mode of ['skip', 'abort']) {
      const target = project();
      const r = importJson(['--project', target, hopeless, '--on-error', mode]);
      expect(r.code, mode).toBe(1);
      expect(r.stderr, mode).toMatch(/hopeless\.csv, line 3, column date: text follows the closing quote/);
      if (mode === 'skip') expect(r.stderr).toMatch(/no later line could be read as a record of 3 fields, so lines 3–53 could not be read\. The file could not be read to the end; nothing was imported\./);
    }
  });
});

/** KS X 1001 pairs: 남성 B3B2 BCBA, 여성 BFA9 BCBA, 대 B4EB. */
function cp949Customers(rows: number, bad: readonly number[]): Buffer {
  const bytes: number[] = [...Buffer.from('cust,ma_fem_dv,ages,zon_hlv\n')];
  for (let i = 0; i < rows; i++) {
    bytes.push(...Buffer.from(`M${String(i).padStart(9, '0')},`), ...(i % 2 ? [0xb3, 0xb2, 0xbc, 0xba] : [0xbf, 0xa9, 0xbc, 0xba]), ...Buffer.from(`,${20 + 10 * (i % 5)}`), 0xb4, 0xeb, ...Buffer.from(`,Z${String(i % 9).padStart(2, '0')}`));
    if (bad.includes(i)) bytes.push(0xff);
    bytes.push(10);
  }
  return Buffer.from(bytes);
}

describe('§4 CP949 with a few invalid bytes', () => {
  const file = write('cp949-bad.csv', cp949Customers(2000, [499, 1199, 1899]));

  it('is read as CP949: the 1,997 good rows land, the 3 bad ones are reported by line and column', () => {
    const r = importJson(['--project', project(), file, '--on-error', 'skip']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.summary as ImportSummary;
    expect(s.files[0].encoding).toBe('cp949');
    expect(s.rowsImported).toBe(1997);
    expect(s.rejected.map((x) => [x.line, x.column])).toEqual([
      [501, 'zon_hlv'],
      [1201, 'zon_hlv'],
      [1901, 'zon_hlv'],
    ]);
  });

  it('--on-error abort names the first bad line, not line 2', () => {
    const r = importJson(['--project', project(), file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cp949-bad\.csv, line 501, column zon_hlv: bytes that are not valid in the file encoding/);
  });

  it.each([
    ['80', 0x80],
    ['81', 0x81],
    ['B0', 0xb0],
  ])('with --encoding cp949 a lone trailing byte 0x%s is reported, never stored as "R999"', (_hex, byte) => {
    const products = write(`trail-${byte}.csv`, Buffer.concat([Buffer.from(`product,name\n${Array.from({ length: 999 }, (_, i) => `R${i},Name ${i}`).join('\n')}\nName 999,R999`), Buffer.from([byte])]));
    const r = importJson(['--project', project(), products, '--encoding', 'cp949', '--role', 'products', '--on-error', 'skip']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.summary as ImportSummary;
    expect(s.rowsImported).toBe(999);
    expect(s.rejected.map((x) => [x.line, x.column, x.value])).toEqual([[1001, 'name', 'R999\uFFFD']]);
  });
  it('a basket file with --encoding cp949 reports a lone trailing byte too (it was stored as "R1000\uFFFD")', () => {
    const baskets = write('baskets-trail.csv', Buffer.concat([Buffer.from(Array.from({ length: 1000 }, (_, i) => `R${i},R${i + 1}`).join('\n')), Buffer.from([0xb0])]));
    const r = importJson(['--project', project(), baskets, '--format', 'baskets', '--encoding', 'cp949', '--on-error', 'skip']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.summary as ImportSummary;
    expect(s.rowsImported).toBe(999);
    expect(s.rejected.map((x) => [x.line, x.value])).toEqual([[1000, 'R1000\uFFFD']]);
  });
});

describe('§5 a first row with a field over 64 KB', () => {
  it('imports (the sniffer reads the whole record)', () => {
    const lines = ['customer,date,product,amount,note', `C1,2024-01-01,P1,10,${'x'.repeat(70_000)}`];
    for (let i = 0; i < 100; i++) lines.push(`C${i},2024-01-02,P2,5,ok`);
    const file = write('huge-first-row.csv', `${lines.join('\n')}\n`);
    const r = importJson(['--project', project(), file, '--map', 'customer=customer,date=date,product=product,amount=amount']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary?.rowsImported).toBe(101);
  });
});
