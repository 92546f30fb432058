import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lpointSmallFiles, projectDigest, runCli, tempDir } from '../../helpers/project.js';

interface Expectation {
  kind: 'file' | 'rows';
  line?: number;
  column?: string;
  message?: string;
  imported?: number;
  rejected?: [number, string][];
}

const BAD = path.join(FIXTURES, 'bad');
const manifest = JSON.parse(fs.readFileSync(path.join(BAD, 'manifest.json'), 'utf8')) as Record<string, Expectation>;

describe('bad-input corpus', () => {
  let base: string;
  let baseDigest: string;

  beforeAll(() => {
    base = path.join(tempDir(), 'base.sqlite');
    const r = runCli(['import', '--project', base, ...lpointSmallFiles(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    baseDigest = projectDigest(base);
  });

  function copyOfBase(): string {
    const file = path.join(tempDir(), 'p.sqlite');
    fs.copyFileSync(base, file);
    return file;
  }

  it('has at least 15 files, each with an expectation', () => {
    const files = fs.readdirSync(BAD).filter((f) => f !== 'manifest.json');
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.sort()).toEqual(Object.keys(manifest).sort());
  });

  for (const [name, exp] of Object.entries(manifest)) {
    it(`${name}: --on-error abort exits 1 naming file, line and column; project unchanged`, () => {
      const project = copyOfBase();
      const file = path.join(BAD, name);
      const r = runCli(['import', '--project', project, file, '--on-error', 'abort']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(file);
      const line = exp.kind === 'file' ? exp.line : exp.rejected?.[0][0];
      const column = exp.kind === 'file' ? exp.column : exp.rejected?.[0][1];
      if (line) expect(r.stderr).toContain(`line ${line}`);
      if (column) expect(r.stderr).toContain(`column ${column}`);
      if (exp.message) expect(r.stderr.toLowerCase()).toContain(exp.message);
      expect(r.stdout).toBe('');
      expect(projectDigest(project)).toBe(baseDigest);
    });

    it(`${name}: --on-error skip ${exp.kind === 'rows' ? 'lands the good rows and lists exactly the bad ones' : 'still fails: no row is readable'}`, () => {
      const project = copyOfBase();
      const file = path.join(BAD, name);
      const r = runCli(['import', '--project', project, file, '--on-error', 'skip', '--json']);
      if (exp.kind === 'file') {
        expect(r.code).toBe(1);
        expect(projectDigest(project)).toBe(baseDigest);
        return;
      }
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as { rowsImported: number; rowsRejected: number; rejected: { file: string; line: number; column: string; reason: string }[] };
      expect(summary.rowsImported).toBe(exp.imported);
      expect(summary.rejected.map((x) => [x.line, x.column])).toEqual(exp.rejected);
      for (const x of summary.rejected) {
        expect(x.file).toBe(file);
        expect(x.reason.length).toBeGreaterThan(5);
      }
      expect(projectDigest(project)).not.toBe(baseDigest);
    });
  }
});
