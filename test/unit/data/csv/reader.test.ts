import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, openCsvStream, type CsvBatch, type CsvStream } from '../../../../core/data/csv/index.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `f${count++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function collect(stream: CsvStream): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = [];
  for await (const batch of stream.batches) batches.push(batch);
  return batches;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const small = '\uFEFFcust,name,amount\r\nM1,"Kim, Minsu",100\r\nM2,"two\r\nlines",200\r\n\r\nM3,이영희,300\r\nM4,,400\r\nM5,"x""y",500';

describe('openCsvStream', () => {
  it('yields batches of batchSize records without the header, with physical lines', async () => {
    const path = file(small);
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',', batchSize: 2 });
    const size = Buffer.byteLength(small);
    expect(stream.bytesTotal).toBe(size);
    const batches = await collect(stream);
    expect(batches.map((b) => b.records)).toEqual([
      [
        ['M1', 'Kim, Minsu', '100'],
        ['M2', 'two\r\nlines', '200'],
      ],
      [
        ['M3', '이영희', '300'],
        ['M4', '', '400'],
      ],
      [['M5', 'x"y', '500']],
    ]);
    expect(batches.map((b) => Array.from(b.lines))).toEqual([[2, 3], [6, 7], [8]]);
    expect(batches.at(-1)?.bytesRead).toBe(size);
    for (const b of batches) expect(b.lines).toBeInstanceOf(Int32Array);
  });

  it('computes the sha256 of the raw bytes, available once the batches are read', async () => {
    const path = file(small);
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',' });
    expect(() => stream.digest()).toThrow(/after the file has been read/);
    await collect(stream);
    expect(stream.digest()).toBe(sha256(path));
  });

  it('yields nothing for a header-only file and still gives the digest', async () => {
    const path = file('a,b,c\n');
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',' });
    expect(await collect(stream)).toEqual([]);
    expect(stream.digest()).toBe(sha256(path));
  });

  it('reads CP949 with another delimiter', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('cust;gender\nM1;'), 0xbf, 0xa9, 0xbc, 0xba, 0x0a]);
    const batches = await collect(openCsvStream(file(bytes), { encoding: 'cp949', delimiter: ';' }));
    expect(batches[0].records).toEqual([['M1', '여성']]);
  });

  it('agrees with the parser on a multi-chunk file with split characters and quoted line breaks', async () => {
    const rows = ['id,name,memo,amount'];
    for (let i = 0; i < 64_000; i++) {
      rows.push(i % 97 === 0 ? `${i},"남성, ${i}","line\r\nbreak ""q""",${i * 10}` : `${i},여성이름${i % 13},메모,${i * 10}`);
    }
    const text = rows.join('\r\n') + '\r\n';
    const path = file(text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20);

    const expected: { records: string[][]; lines: number[] } = { records: [], lines: [] };
    const parser = new CsvParser();
    const emit = (f: string[], line: number): void => {
      expected.records.push(f);
      expected.lines.push(line);
    };
    parser.push(text, emit);
    parser.end(emit);

    const batches = await collect(openCsvStream(path, { encoding: 'utf8', delimiter: ',', batchSize: 5000 }));
    expect(batches.map((b) => b.records.length)).toEqual([...Array.from({ length: 12 }, () => 5000), 4000]);
    expect(batches.flatMap((b) => b.records)).toEqual(expected.records.slice(1));
    expect(batches.flatMap((b) => Array.from(b.lines))).toEqual(expected.lines.slice(1));
    const progress = batches.map((b) => b.bytesRead);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('stops with an AbortError when the signal fires between batches', async () => {
    const controller = new AbortController();
    const stream = openCsvStream(file(small), { encoding: 'utf8', delimiter: ',', batchSize: 1, signal: controller.signal });
    const seen: CsvBatch[] = [];
    const run = async (): Promise<void> => {
      for await (const batch of stream.batches) {
        seen.push(batch);
        controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
    expect(() => stream.digest()).toThrow();
  });

  it('does not start when the signal is already aborted', async () => {
    const stream = openCsvStream(file(small), { encoding: 'utf8', delimiter: ',', signal: AbortSignal.abort() });
    await expect(collect(stream)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('surfaces syntax errors with their line', async () => {
    const stream = openCsvStream(file('a,b\n1,2\n3,"open\n'), { encoding: 'utf8', delimiter: ',' });
    const error = await collect(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ reason: 'unterminated-quote', line: 3, column: 2 });
  });

  it('applies maxFieldLength', async () => {
    const stream = openCsvStream(file('a,b\n1,123456\n'), { encoding: 'utf8', delimiter: ',', maxFieldLength: 5 });
    await expect(collect(stream)).rejects.toMatchObject({ reason: 'field-too-long', line: 2, column: 2 });
  });

  it('hands out the records before a syntax error, then throws it, with the digest of the whole file', async () => {
    const text = 'a,b\n1,2\n3,4\n"5,6\n7,8\n';
    const path = file(text);
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',' });
    const got: string[][] = [];
    let error: unknown;
    try {
      for await (const batch of stream.batches) got.push(...batch.records);
    } catch (err) {
      error = err;
    }
    expect(got).toEqual([['1', '2'], ['3', '4']]);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(4);
    expect(stream.digest()).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('marks batches whose text holds NUL or invalid bytes as suspect, and only those', async () => {
    const clean = await collect(openCsvStream(file('a,b\n1,2\n'), { encoding: 'utf8', delimiter: ',' }));
    expect(clean.every((b) => !b.suspect)).toBe(true);
    const nul = await collect(openCsvStream(file('a,b\n1,\u00002\n'), { encoding: 'utf8', delimiter: ',' }));
    expect(nul.some((b) => b.suspect)).toBe(true);
    const invalid = await collect(openCsvStream(file(new Uint8Array([0x61, 0x0a, 0xff, 0x0a])), { encoding: 'utf8', delimiter: ',' }));
    expect(invalid.some((b) => b.suspect)).toBe(true);
  });

  it('hands records one at a time in each mode, in one reused array, with lines, suspicion and the digest', async () => {
    const text = 'a,b\n1,2\n"x\ny",4\n5,\u00006\n';
    const path = file(text);
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',' });
    const got: [string[], number, boolean][] = [];
    const arrays = new Set<string[]>();
    const chunkEnds: number[] = [];
    await stream.each(
      (fields, line, suspect) => {
        arrays.add(fields);
        got.push([[...fields], line, suspect]);
      },
      (bytes) => void chunkEnds.push(bytes),
    );
    expect(got.map(([f, l]) => [f, l])).toEqual([[['1', '2'], 2], [['x\ny', '4'], 3], [['5', '\u00006'], 5]]);
    expect(got.every(([, , suspect]) => suspect)).toBe(true);
    expect(arrays.size).toBe(1);
    expect(chunkEnds[chunkEnds.length - 1]).toBe(Buffer.byteLength(text));
    expect(stream.digest()).toBe(sha256(path));
  });

  it('can be iterated only once, and left early', async () => {
    const stream = openCsvStream(file(small), { encoding: 'utf8', delimiter: ',', batchSize: 1 });
    for await (const batch of stream.batches) {
      expect(batch.records).toHaveLength(1);
      break;
    }
    expect(() => stream.batches[Symbol.asyncIterator]()).toThrow(/read once/);
    await expect(stream.each(() => {})).rejects.toThrow(/read once/);
  });

  it('throws at once for a missing file and rejects a bad batchSize', () => {
    expect(() => openCsvStream(join(dir, 'missing.csv'), { encoding: 'utf8', delimiter: ',' })).toThrow(/ENOENT/);
    expect(() => openCsvStream(file(small), { encoding: 'utf8', delimiter: ',', batchSize: 0 })).toThrow(RangeError);
  });
});
