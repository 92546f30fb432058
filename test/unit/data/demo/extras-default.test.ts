import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUPON_FILE_NAME, MARKETING_FILE_NAME, writeDemoFiles, type DemoResult } from '../../../../core/data/demo/index.js';

const root = mkdtempSync(join(tmpdir(), 'demo-extras-default-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function hashes(r: DemoResult): Record<string, string> {
  const files = { ...r.files, ...(r.truthFile ? { truth: r.truthFile } : {}) };
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/**
 * SHA-256 of the tiny demo, seed 5, with demo_truth.csv, as written by the generator BEFORE the
 * optional marketing and coupon files were added (computed from that code, commit d65c20d, and
 * pasted here): the default demo must stay byte-identical, so no planted structure that other
 * analyses are tested on moves. A change to the generator that is meant to change the default
 * files must update these on purpose.
 */
const BEFORE_EXTRAS: Record<string, string> = {
  DEMO: '63b439a2b3cc59cdb67cb009bcb8f9f9faf72506abffa8f3e4ce4c0969e181a0',
  PDDE: '9b0389a070a1734114cf31710941811f380975d3e2d266b5d48a789bf0505782',
  COP_U: '1e9ce71188fcbfc8ec58ecdf0f0b9427ceda6153bb68ecd733bdc32185979feb',
  PD_CLAC: 'b28b6b4cd353310fb1e970114769f8c19e542ee5fa16be030cb1a1ba70bc158b',
  BR: 'e0a01881b376d70b69e4e980275a2fd339cfdbb0bcbdeb5c9344280e4967c048',
  LPAY: '78c800953568ff88289e0046ffe0f1fc67b9a9242a65d7483cac8a54a404c3bb',
  truth: '1c49e6c59280a337cab959c27a8fdebb2dee562d2eb42ec39a0886ec807be4cf',
};

describe('the default demo is unchanged by the optional files', () => {
  it('writes the same bytes as before the optional files existed, and no extra file', async () => {
    const r = await writeDemoFiles(join(root, 'default'), { size: 'tiny', seed: 5, writeTruth: true });
    expect(hashes(r)).toEqual(BEFORE_EXTRAS);
    expect(r.rows.PDDE).toBe(21086);
    expect(r.marketing).toBeUndefined();
    expect(r.coupons).toBeUndefined();
    expect(existsSync(join(root, 'default', MARKETING_FILE_NAME))).toBe(false);
    expect(existsSync(join(root, 'default', COUPON_FILE_NAME))).toBe(false);
  });

  it('writes the same bytes with an empty `with` list', async () => {
    const r = await writeDemoFiles(join(root, 'empty'), { size: 'tiny', seed: 5, writeTruth: true, with: [] });
    expect(hashes(r)).toEqual(BEFORE_EXTRAS);
  });

  it('leaves every file but PDDE as it was with coupons (only the trailing column is added)', async () => {
    const r = await writeDemoFiles(join(root, 'coupons'), { size: 'tiny', seed: 5, writeTruth: true, with: ['coupons'] });
    const h = hashes(r);
    for (const t of ['DEMO', 'COP_U', 'PD_CLAC', 'BR', 'LPAY', 'truth']) expect(h[t], t).toBe(BEFORE_EXTRAS[t]);
    const base = readFileSync(join(root, 'default', 'LPOINT_BIG_COMP_02_PDDE.csv'), 'utf8');
    const withCoupons = readFileSync(r.files.PDDE, 'utf8');
    const stripped = withCoupons.split('\n').map((l) => l.slice(0, l.lastIndexOf(','))).join('\n');
    expect(stripped).toBe(base);
  });

  it('changes only the online archetype\'s purchases with marketing: everyone else buys the same lines', async () => {
    const r = await writeDemoFiles(join(root, 'marketing'), { size: 'tiny', seed: 5, writeTruth: true, with: ['marketing'] });
    const h = hashes(r);
    for (const t of ['DEMO', 'PD_CLAC', 'BR', 'truth']) expect(h[t], t).toBe(BEFORE_EXTRAS[t]);
    const truth = new Map(readFileSync(r.truthFile as string, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]));
    // Receipt numbers run across customers, so compare lines without rct_no.
    const lines = (f: string, keep: (a: string) => boolean): string[] => readFileSync(f, 'utf8').trim().split('\n').slice(1)
      .map((l) => l.split(',')).filter((c) => keep(truth.get(c[0]) as string)).map((c) => [c[0], ...c.slice(2)].join(','));
    const others = (a: string): boolean => a !== 'online_trendy';
    expect(lines(r.files.PDDE, others)).toEqual(lines(join(root, 'default', 'LPOINT_BIG_COMP_02_PDDE.csv'), others));
    const online = (a: string): boolean => a === 'online_trendy';
    expect(lines(r.files.PDDE, online)).not.toEqual(lines(join(root, 'default', 'LPOINT_BIG_COMP_02_PDDE.csv'), online));
  });
});
