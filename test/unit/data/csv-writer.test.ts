import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, quoteCell, writeCsvFile } from '../../../core/data/export/csv-writer.js';
import { tempDir } from '../../helpers/project.js';

describe('Excel-safe CSV writing', () => {
  it('neutralises cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    for (const v of ['=SUM(A1)', '+1+1', '@cmd', '\tx', '\rx', '-2+3', '-x']) expect(neutraliseCell(v)).toBe(`'${v}`);
    for (const v of ['-12900', '-1.5', '12', 'text', '']) expect(neutraliseCell(v)).toBe(v);
  });
  it('quotes fields with delimiters, quotes or line breaks', () => {
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell('two\nlines')).toBe('"two\nlines"');
    expect(quoteCell('plain')).toBe('plain');
  });
  it('writes UTF-8 with BOM and CRLF, Korean intact', () => {
    const file = path.join(tempDir(), 'x.csv');
    const n = writeCsvFile(file, ['고객', 'value'], [['M1', '=1+1'], ['여성', 3], [null, -2]]);
    expect(n).toBe(3);
    expect(fs.readFileSync(file, 'utf8')).toBe("\uFEFF고객,value\r\nM1,'=1+1\r\n여성,3\r\n,-2\r\n");
  });
});
