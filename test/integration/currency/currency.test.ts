import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../../core/model/api.js';
import type { ImportSummary } from '../../../core/model/import.js';
import { ApiHost } from '../../../core/service/api.js';
import { WorkbenchService } from '../../../core/service/service.js';
import { makeTinyDemo, runCli, tempDir, UCI_CSV } from '../../helpers/project.js';

// Issue #14: one currency per project, guessed at import (L.point: KRW; generic: the sign in the
// amounts; none seen: 'none'), set by the user, stored in the project.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function json<T>(args: string[]): T {
  const r = runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** A small generic transactions file whose amounts carry `amounts` as written. */
function transactions(dir: string, name: string, amounts: string[]): string {
  const file = path.join(dir, name);
  const rows = amounts.map((a, i) => `C${i % 3},R${i},2024-01-${String(1 + i).padStart(2, '0')},P${i % 4},"${a}"`);
  fs.writeFileSync(file, ['customer_id,receipt_id,date,product_code,amount', ...rows].join('\n') + '\n');
  return file;
}

describe('the project currency', () => {
  it('is KRW for an L.point import (the demo), guessed, and projectInfo says so', () => {
    const { dir, project } = makeTinyDemo('swb-currency-');
    dirs.push(dir);
    const info = json<ProjectInfo>(['project', '--project', project]);
    expect(info.currency).toBe('KRW');
    expect(info.currencySource).toBe('guess');
  });

  it('is USD for a generic file whose amounts carry "$", and the amounts are read without the sign', () => {
    const dir = tempDir('swb-currency-');
    dirs.push(dir);
    const project = path.join(dir, 'usd.sqlite');
    const file = transactions(dir, 'usd.csv', ['$12.00', '$3.50', '-$1.25', '$1,000.00']);
    const s = json<ImportSummary>(['import', '--project', project, file]);
    expect(s.rowsRejected).toBe(0);
    expect(s.amountTotal).toBeCloseTo(1014.25, 6);
    expect(s.currencySymbol).toBe('$');
    expect(s.files[0].currencySymbol).toBe('$');
    expect(s.currency).toBe('USD');
    expect(json<ProjectInfo>(['project', '--project', project])).toMatchObject({ currency: 'USD', currencySource: 'guess' });
  });

  it('is KRW for amounts written "12,000원"; a later file with "$" does not change a guess already made', () => {
    const dir = tempDir('swb-currency-');
    dirs.push(dir);
    const project = path.join(dir, 'krw.sqlite');
    const s = json<ImportSummary>(['import', '--project', project, transactions(dir, 'krw.csv', ['12,000원', '3,500원'])]);
    expect(s.amountTotal).toBe(15_500);
    expect(s.currency).toBe('KRW');
    const later = json<ImportSummary>(['import', '--project', project, transactions(dir, 'later.csv', ['$1.00', '$2.00'])]);
    expect(later.currencySymbol).toBe('$');
    expect(later.currency).toBe('KRW');
  });

  it("is 'none' for plain numbers; the user's choice is stored, survives later imports and is validated", async () => {
    const dir = tempDir('swb-currency-');
    dirs.push(dir);
    const project = path.join(dir, 'plain.sqlite');
    expect(json<ImportSummary>(['import', '--project', project, transactions(dir, 'plain.csv', ['12.00', '3.5'])]).currency).toBe('none');
    expect(json<ProjectInfo>(['project', '--project', project])).toMatchObject({ currency: 'none', currencySource: 'none' });
    expect(json<ProjectInfo>(['project', '--project', project, '--currency', 'gbp'])).toMatchObject({ currency: 'GBP', currencySource: 'user' });
    // A later file's sign is a guess: it never overrides the user.
    expect(json<ImportSummary>(['import', '--project', project, transactions(dir, 'eur.csv', ['€5.00'])]).currency).toBe('GBP');
    const host = new ApiHost(new WorkbenchService());
    const info = await host.invoke('projectInfo', { project });
    expect(info.ok && info.value.currency).toBe('GBP');
    const bad = await host.invoke('setCurrency', { project, currency: 'XYZ' as never });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-input');
    const set = await host.invoke('setCurrency', { project, currency: 'none' });
    expect(set.ok && [set.value.currency, set.value.currencySource]).toEqual(['none', 'user']);
    const usage = runCli(['project', '--project', project, '--currency', 'DOLLARS']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--currency must be one of');
  });
});

const uciPresent = fs.existsSync(UCI_CSV);
if (!uciPresent) console.warn(`SKIPPED: ${UCI_CSV} is absent (see ../shared/data/README.md); the UCI currency test needs it.`);

describe.skipIf(!uciPresent)('UCI Online Retail (GBP per its documentation, no sign in the file)', () => {
  it("guesses 'none'; setting GBP persists", () => {
    const dir = tempDir('swb-currency-');
    dirs.push(dir);
    // The first 5,000 lines: the guess reads the sampled rows, and the whole file takes ~10 s to import.
    const head = path.join(dir, 'online_retail_head.csv');
    const text = fs.readFileSync(UCI_CSV, 'utf8');
    let end = 0;
    for (let i = 0; i < 5000; i++) end = text.indexOf('\n', end) + 1;
    fs.writeFileSync(head, text.slice(0, end));
    const project = path.join(dir, 'uci.sqlite');
    const s = json<ImportSummary>(['import', '--project', project, head, '--on-error', 'skip']);
    expect(s.rowsImported).toBeGreaterThan(4900);
    expect(s.currencySymbol).toBeUndefined();
    expect(s.currency).toBe('none');
    runCli(['project', '--project', project, '--currency', 'GBP']);
    expect(json<ProjectInfo>(['project', '--project', project])).toMatchObject({ currency: 'GBP', currencySource: 'user' });
  });
});
