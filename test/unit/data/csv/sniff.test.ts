import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFileError, sniffCsvFile, type CsvFileErrorReason, type Delimiter } from '../../../../core/data/csv/index.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-sniff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `f${count++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function fileError(path: string, options?: Parameters<typeof sniffCsvFile>[1]): Promise<CsvFileError> {
  try {
    await sniffCsvFile(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvFileError);
    return error as CsvFileError;
  }
  throw new Error('expected a CsvFileError');
}

async function expectReason(path: string, reason: CsvFileErrorReason): Promise<CsvFileError> {
  const error = await fileError(path);
  expect(error.reason).toBe(reason);
  expect(error.file).toBe(path);
  expect(error.message).toBe(`${path}: ${error.detail}`);
  return error;
}

const purchases = (d: string, eol = '\n'): string =>
  [
    ['cust', 'rct_no', 'chnl_dv', 'cop_c', 'buy_am'],
    ['M000034966', 'A0100001', '1', 'A01', '15000'],
    ['M000034967', 'A0200002', '2', 'A02', '-3000'],
    ['M000034968', 'A0300003', '1', 'A03', '990'],
  ]
    .map((r) => r.join(d))
    .join(eol) + eol;

describe('sniffCsvFile: delimiters', () => {
  it.each<[Delimiter, string]>([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('finds %j (%s)', async (d) => {
    const sniff = await sniffCsvFile(file(purchases(d)));
    expect(sniff.delimiter).toBe(d);
    expect(sniff.header).toEqual(['cust', 'rct_no', 'chnl_dv', 'cop_c', 'buy_am']);
    expect(sniff.rows).toHaveLength(3);
    expect(sniff.rows[1]).toEqual(['M000034967', 'A0200002', '2', 'A02', '-3000']);
  });

  it('prefers the delimiter that splits into more columns when both are consistent', async () => {
    const sniff = await sniffCsvFile(file('id,memo,amount\n1,a|b,10\n2,c|d,20\n'));
    expect(sniff.delimiter).toBe(',');
  });

  it('prefers the consistent delimiter over one that also occurs in the data', async () => {
    const sniff = await sniffCsvFile(file('name;city;amount\nKim;Seoul, Korea;1,5\nLee;Busan;2\nPark;"Daegu; KR";3,25\n'));
    expect(sniff.delimiter).toBe(';');
    expect(sniff.rows[2]).toEqual(['Park', 'Daegu; KR', '3,25']);
  });

  it('reads quoted fields with delimiters and line breaks', async () => {
    const sniff = await sniffCsvFile(file('id,name\r\n1,"Kim, Minsu"\r\n2,"two\r\nlines"\r\n'));
    expect(sniff.delimiter).toBe(',');
    expect(sniff.rows).toEqual([
      ['1', 'Kim, Minsu'],
      ['2', 'two\r\nlines'],
    ]);
  });
});

describe('sniffCsvFile: header, rows, line endings, size', () => {
  it('trims the header and removes the BOM', async () => {
    const path = file(`\uFEFF cust , 성별 ,age\nM1,남성,20대\n`);
    const sniff = await sniffCsvFile(path);
    expect(sniff.header).toEqual(['cust', '성별', 'age']);
    expect(sniff.encoding).toMatchObject({ encoding: 'utf8', bom: true });
    expect(sniff.rows).toEqual([['M1', '남성', '20대']]);
  });

  it('reads a CP949 file', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('cust,gender\nM1,'),
      0xb3, 0xb2, 0xbc, 0xba,
      0x0a,
    ]);
    const sniff = await sniffCsvFile(file(bytes));
    expect(sniff.encoding.encoding).toBe('cp949');
    expect(sniff.rows).toEqual([['M1', '남성']]);
  });

  it('honours an encoding override', async () => {
    const sniff = await sniffCsvFile(file('a,b\n1,2\n'), { encoding: 'cp949' });
    expect(sniff.encoding).toMatchObject({ encoding: 'cp949', reason: 'chosen by the user' });
  });

  it('limits rows to sampleRows and reports the file size', async () => {
    const content = 'a,b\n' + Array.from({ length: 50 }, (_, i) => `${i},x`).join('\n') + '\n';
    const sniff = await sniffCsvFile(file(content), { sampleRows: 5 });
    expect(sniff.rows).toHaveLength(5);
    expect(sniff.rows[4]).toEqual(['4', 'x']);
    expect(sniff.bytes).toBe(Buffer.byteLength(content));
  });

  it('ignores the record cut by the end of the sample', async () => {
    const content = 'a,b\n' + Array.from({ length: 100 }, (_, i) => `${i},${'y'.repeat(20)}`).join('\n') + '\n';
    const sniff = await sniffCsvFile(file(content), { sampleBytes: 100, sampleRows: 100 });
    expect(sniff.rows.length).toBeGreaterThan(1);
    for (const row of sniff.rows) expect(row[1]).toBe('y'.repeat(20));
    expect(sniff.bytes).toBe(content.length);
  });

  it.each([
    ['\n', 'lf'],
    ['\r\n', 'crlf'],
    ['\r', 'cr'],
  ] as const)('detects the line ending %j', async (eol, name) => {
    expect((await sniffCsvFile(file(purchases(',', eol)))).lineEnding).toBe(name);
  });

  it('detects the line ending outside a quoted header field', async () => {
    expect((await sniffCsvFile(file('"a\nb",c\r\n1,2\r\n'))).lineEnding).toBe('crlf');
  });

  it('reads a one-line file without a line break', async () => {
    const sniff = await sniffCsvFile(file('a;b;c'));
    expect(sniff).toMatchObject({ delimiter: ';', header: ['a', 'b', 'c'], rows: [], lineEnding: 'lf' });
  });
});

describe('sniffCsvFile: refused files', () => {
  it('refuses an empty file', async () => {
    await expectReason(file(''), 'empty');
  });

  it('refuses a file with only a BOM, or only a BOM and blank lines', async () => {
    await expectReason(file(Uint8Array.from([0xef, 0xbb, 0xbf])), 'empty');
    await expectReason(file('\uFEFF\r\n  \n\t\n'), 'empty');
  });

  it('refuses a PNG image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const error = await expectReason(file(png), 'binary');
    expect(error.message).toMatch(/PNG/);
  });

  it('refuses an xlsx workbook (a ZIP archive)', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]);
    const error = await expectReason(file(zip), 'binary');
    expect(error.message).toMatch(/xlsx/);
  });

  it('refuses random bytes', async () => {
    let state = 7;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state >>> 24;
    });
    await expectReason(file(bytes), 'binary');
  });

  it('refuses text with many NUL bytes (UTF-16) but tolerates a stray one', async () => {
    const utf16 = Uint8Array.from([...'a,b\n1,2\n3,4\n'].flatMap((ch) => [ch.charCodeAt(0), 0]));
    await expectReason(file(utf16), 'binary');
    const sniff = await sniffCsvFile(file('a,b\n1,2\u0000\n3,4\n'));
    expect(sniff.rows).toHaveLength(2);
  });

  it('refuses a one-column file unless allowed', async () => {
    const path = file('customer\nM1\nM2\nM3\n');
    const error = await expectReason(path, 'not-csv');
    expect(error.message).toMatch(/delimiter/);
    const sniff = await sniffCsvFile(path, { allowSingleColumn: true });
    expect(sniff.header).toEqual(['customer']);
    expect(sniff.rows).toEqual([['M1'], ['M2'], ['M3']]);
  });

  it('refuses a sample without one complete record', async () => {
    await expectReason(file('"a,b\n' + 'x,'.repeat(100)), 'not-csv');
  });

  it('says a missing file or a directory is unreadable', async () => {
    await expectReason(join(dir, 'missing.csv'), 'unreadable');
    await expectReason(dir, 'unreadable');
  });
});
