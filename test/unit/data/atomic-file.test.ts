import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicFile, exportIo, writeFileAtomic } from '../../../core/data/export/atomic-file.js';
import { writeCsvFile } from '../../../core/data/export/csv-writer.js';
import { tempDir } from '../../helpers/project.js';

/**
 * Issue #15 §2 with an injected failure (the integration test does it on a real full tmpfs): the
 * disk takes 4 KB, then says ENOSPC — exactly what fs.writeSync does on a nearly full disk.
 */
const real = { ...exportIo };
afterEach(() => Object.assign(exportIo, real));

function diskWithRoom(room: number): void {
  let left = room;
  exportIo.writeSync = (fd, buffer, offset, length) => {
    if (left === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = Math.min(left, length);
    left -= n;
    return real.writeSync(fd, buffer, offset, n);
  };
}

const big = (): string[][] => Array.from({ length: 5000 }, (_, i) => [`C${i}`, String(i * 7)]);

describe('atomic export files', () => {
  it('a short write then ENOSPC: the old file is untouched, the temporary file removed, the reason given', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    fs.writeFileSync(file, 'old\r\n');
    diskWithRoom(4096);
    expect(() => writeCsvFile(file, ['customer', 'n'], big())).toThrow(/Could not write .*out\.csv: the disk is full\. Nothing was written; the file there is unchanged\./);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\r\n');
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a write that stores nothing (returns 0) is a failure, not an endless loop or a success', () => {
    const dir = tempDir();
    exportIo.writeSync = () => 0;
    expect(() => writeFileAtomic(path.join(dir, 'x.json'), '{"a":1}\n')).toThrow(/accepted no more bytes/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('partial writes that do succeed are completed: every byte lands', () => {
    const dir = tempDir();
    exportIo.writeSync = (fd, buffer, offset, length) => real.writeSync(fd, buffer, offset, Math.min(length, 1000));
    const file = path.join(dir, 'out.csv');
    const n = writeCsvFile(file, ['customer', 'n'], big(), { bom: false });
    expect(n).toBe(5000);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\r\n')).toHaveLength(5002);
    expect(text.endsWith('C4999,34993\r\n')).toBe(true);
  });

  it('rows that fail half-way (a query error) leave the old file, and no temporary one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    fs.writeFileSync(file, 'old\r\n');
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 300_000; i++) yield [`C${i}`, 'x'.repeat(10)];
      throw new Error('database disk image is malformed');
    }
    expect(() => writeCsvFile(file, ['customer', 'v'], rows())).toThrow(/malformed/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\r\n');
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a failed rename (the last step) also leaves the old file and removes the temporary one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    fs.writeFileSync(file, 'old');
    exportIo.renameSync = () => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    };
    expect(() => writeFileAtomic(file, 'new')).toThrow(/Could not write .*out\.json: EIO/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('the temporary file is in the target’s own folder (one file system, so the rename is atomic)', () => {
    const dir = tempDir();
    const f = new AtomicFile(path.join(dir, 'a.csv'));
    expect(path.dirname(f.temp)).toBe(dir);
    expect(fs.existsSync(f.temp)).toBe(true);
    f.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
