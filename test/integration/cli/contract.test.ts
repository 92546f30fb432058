import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../../helpers/project.js';

/** SPEC §6 is a contract: outside checks call these commands and read these JSON fields. */
describe('command line contract', () => {
  let dir: string;
  let project: string;
  let demo: Record<string, unknown>;

  beforeAll(() => {
    dir = tempDir();
    project = path.join(dir, 'p.sqlite');
    const r = runCli(['demo', '--project', project, '--size', 'tiny', '--seed', '7', '--out', path.join(dir, 'csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    demo = JSON.parse(r.stdout) as Record<string, unknown>;
  });

  it('demo --json prints the import summary with the contract fields', () => {
    for (const key of ['tables', 'rowsRead', 'rowsImported', 'rowsRejected', 'rejected', 'customers', 'receipts', 'amountTotal', 'fingerprint']) expect(demo).toHaveProperty(key);
    expect((demo.tables as Record<string, number>).purchases).toBeGreaterThan(15_000);
    expect(demo.customers).toBe(200);
    expect(demo.rowsRejected).toBe(0);
    expect(demo.rowsImported).toBe(demo.rowsRead);
    expect(demo.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('demo --out keeps the six L.point files, which re-import as already present', () => {
    const files = fs.readdirSync(path.join(dir, 'csv')).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toEqual(['LPOINT_BIG_COMP_01_DEMO.csv', 'LPOINT_BIG_COMP_02_PDDE.csv', 'LPOINT_BIG_COMP_03_COP_U.csv', 'LPOINT_BIG_COMP_04_PD_CLAC.csv', 'LPOINT_BIG_COMP_05_BR.csv', 'LPOINT_BIG_COMP_06_LPAY.csv']);
    const again = runCli(['import', '--project', project, path.join(dir, 'csv', files[1])]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already in the project/);
  });

  it('lists analyses, runs one, and lists the runs with parameters and data fingerprint', () => {
    const a = runCli(['analyses', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect((JSON.parse(a.stdout) as { id: string }[]).map((x) => x.id)).toContain('data-summary');
    const r = runCli(['run', 'data-summary', '--project', project, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { runId: number; lines: number; customers: number };
    expect(s.lines).toBe((demo.tables as Record<string, number>).purchases);
    expect(s.customers).toBe(200);
    const runs = JSON.parse(runCli(['runs', '--project', project, '--json']).stdout) as { id: number; analysis: string; status: string; params: Record<string, unknown>; dataFingerprint: string }[];
    expect(runs.map((x) => [x.analysis, x.status])).toEqual([['demo', 'done'], ['data-summary', 'done']]);
    expect(runs[0].params).toMatchObject({ size: 'tiny', seed: 7 });
    expect(runs[1].id).toBe(s.runId);
    expect(runs[1].dataFingerprint).toBe(runs[0].dataFingerprint);
  });

  it('exports the import report of every flagged row as an Excel-safe CSV', () => {
    const out = path.join(dir, 'report.csv');
    const r = runCli(['export', '--project', project, '--run', '1', '--what', 'import-report', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFfile,line,column,value,reason,severity\r\n')).toBe(true);
    const rows = text.trim().split('\r\n').slice(1);
    expect(rows.length).toBe(demo.rowsFlagged);
    expect(rows[0]).toMatch(/PDDE\.csv,\d+,buy_am,-\d+,return \(negative amount or quantity\),flagged$/);
  });

  it('imports any retailer file with --map and --role, and obeys --encoding', () => {
    const csv = path.join(dir, 'odd.csv');
    fs.writeFileSync(csv, 'when,who,what,how much\n2021-03-01,c1,A,2.5\n2021-03-01,c1,B,1.0\n2021-03-02,c2,A,2.5\n');
    const p2 = path.join(dir, 'odd.sqlite');
    const bad = runCli(['import', '--project', p2, csv]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--role and --map|--map/);
    const r = runCli(['import', '--project', p2, csv, '--role', 'transactions', '--map', 'date=when,customer=who,product=what', '--map', 'amount=how much', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { rowsImported: number; receipts: number; amountTotal: number; files: { mapping: Record<string, string> }[] };
    expect(s.rowsImported).toBe(3);
    expect(s.receipts).toBe(2);
    expect(s.amountTotal).toBe(6);
    expect(s.files[0].mapping).toEqual({ date: 'when', customer: 'who', product: 'what', amount: 'how much' });

    const cp949 = path.join(FIXTURES, 'cp949', 'demo-cp949.csv');
    const forced = runCli(['import', '--project', path.join(dir, 'e1.sqlite'), cp949, '--encoding', 'utf8', '--on-error', 'skip', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((JSON.parse(forced.stdout) as { rejected: { reason: string }[] }).rejected.map((x) => x.reason)).toEqual(['bytes that are not valid in the file encoding', 'bytes that are not valid in the file encoding']);
    const right = runCli(['import', '--project', path.join(dir, 'e2.sqlite'), cp949, '--encoding', 'cp949', '--json']);
    expect(right.code, right.stderr).toBe(0);
    expect((JSON.parse(right.stdout) as { rowsImported: number }).rowsImported).toBe(2);
  });

  it('exits 2 with the usage on bad usage, 1 with a message on failure', () => {
    for (const args of [[], ['bogus'], ['import', '--project', project], ['import', '--project', project, 'x.csv', '--on-error', 'maybe'], ['demo'], ['run', '--project', project]]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage: segment-workbench/);
    }
    const missing = runCli(['runs', '--project', path.join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No project at/);
    const unknown = runCli(['run', 'nope', '--project', project]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown job 'nope'/);
  });
});
