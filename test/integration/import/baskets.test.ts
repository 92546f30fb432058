import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../core/model/import.js';
import { previewFiles } from '../../../core/data/import/preview.js';
import { FIXTURES, runCli, tempDir } from '../../helpers/project.js';

const GROCERIES = path.join(FIXTURES, 'baskets/groceries-20.txt');

describe('import --format baskets (CLI)', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir()));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says how many baskets it imported', () => {
    const project = path.join(dir, 'p.sqlite');
    const r = runCli(['import', '--project', project, GROCERIES, '--format', 'baskets']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${GROCERIES}: baskets, utf8, 20 baskets of 20 lines imported, 0 rejected, 0 repeated items dropped`);
    expect(r.stdout).toContain('20 receipts');
    const again = runCli(['import', '--project', path.join(dir, 'q.sqlite'), GROCERIES, '--format', 'baskets', '--json']);
    const s = JSON.parse(again.stdout) as ImportSummary;
    expect(s).toMatchObject({ receipts: 20, tables: { purchases: 58 } });
    expect(s.files[0]).toMatchObject({ format: 'baskets', rowsImported: 20 });
  });

  it('is only suggested by the wizard preview, never imported as baskets without asking', async () => {
    const [auto] = await previewFiles([GROCERIES], { format: 'auto', map: {}, role: 'auto', encoding: 'auto' });
    expect(auto.ok).toBe(false);
    expect(auto.suggestFormat).toBe('baskets');
    const [chosen] = await previewFiles([GROCERIES], { format: 'baskets', map: {}, role: 'auto', encoding: 'auto' });
    expect(chosen).toMatchObject({ ok: true, format: 'baskets', table: 'baskets', header: [] });
    expect(chosen.rows?.[0]).toEqual(['citrus fruit', 'semi-finished bread', 'margarine', 'ready soups']);
    const r = runCli(['import', '--project', path.join(dir, 'r.sqlite'), GROCERIES]);
    expect(r.code).toBe(1);
  });
});
