import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, openCsvStream, type CsvSkippedLine } from '../../../../core/data/csv/index.js';

// Issue #15 §3: after a syntax error under `--on-error skip` the parser resynchronises on the
// next line that reads as a record with the header's field count, reports each skipped line, and
// fails when it cannot resynchronise instead of leaving the rest of the file unread in silence.

interface Parsed {
  records: Array<{ line: number; fields: string[] }>;
  skipped: Array<Omit<CsvSkippedLine, 'error'> & { reason: string }>;
}

/** Parses text pushed in chunks of `chunk` characters (every split point matters to the parser). */
function parse(text: string, chunk = text.length): Parsed {
  const out: Parsed = { records: [], skipped: [] };
  const parser = new CsvParser({ onSkip: (s) => out.skipped.push({ line: s.line, text: s.text, first: s.first, reason: s.error.reason }) });
  const emit = (fields: string[], line: number): void => {
    out.records.push({ line, fields: [...fields] });
  };
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk), emit);
  parser.end(emit);
  return out;
}

const fields = (p: Parsed): string[] => p.records.map((r) => `${r.line}:${r.fields.join('|')}`);

describe('CsvParser resynchronisation (onSkip)', () => {
  it('goes on after a stray quote from the next line, reporting the broken one (the issue reproduction, in small)', () => {
    const text = 'a,b,c\n1,2,3\n4,"x"y,6\n7,8,9\n10,11,12\n';
    for (const chunk of [1, 2, 3, 5, 7, text.length]) {
      const p = parse(text, chunk);
      expect(fields(p), `chunk ${chunk}`).toEqual(['1:a|b|c', '2:1|2|3', '4:7|8|9', '5:10|11|12']);
      expect(p.skipped, `chunk ${chunk}`).toEqual([{ line: 3, text: '4,"x"y,6', first: true, reason: 'stray-quote' }]);
    }
  });

  it('without onSkip still throws at the first syntax error', () => {
    const parser = new CsvParser();
    expect(() => parser.push('a,b,c\n4,"x"y,6\n7,8,9\n', () => {})).toThrow(CsvSyntaxError);
  });

  it('recovers the lines an unclosed quote swallowed, and keeps counting physical lines', () => {
    // The quote opened on line 3 would close on line 6 and break there; lines 4–5 are whole records.
    const text = 'a,b,c\r\n1,2,3\r\n4,"open,6\r\n7,8,9\r\n\r\n10,"two\nlines",12\r\n13,14,15';
    for (const chunk of [1, 4, text.length]) {
      const p = parse(text, chunk);
      expect(fields(p), `chunk ${chunk}`).toEqual(['1:a|b|c', '2:1|2|3', '4:7|8|9', '6:10|two\nlines|12', '8:13|14|15']);
      expect(p.skipped.map((s) => [s.line, s.first]), `chunk ${chunk}`).toEqual([[3, true]]);
    }
  });

  it('reports every non-blank line skipped on the way, not only the broken one', () => {
    const text = 'a,b,c\n1,"x"y,3\nonly,two\n\n"unclosed,x,y\n4,5,6\n';
    const p = parse(text, 3);
    expect(fields(p)).toEqual(['1:a|b|c', '6:4|5|6']);
    expect(p.skipped.map((s) => [s.line, s.text, s.first])).toEqual([
      [2, '1,"x"y,3', true],
      [3, 'only,two', false],
      [5, '"unclosed,x,y', false],
    ]);
  });

  it('resynchronises again after a second error, in one chunk or many', () => {
    const rows = ['h1,h2'];
    for (let i = 0; i < 2000; i++) rows.push(i % 10 === 3 ? `"${i}"x,y` : `${i},v${i}`);
    const text = `${rows.join('\n')}\n`;
    for (const chunk of [7, 1000, text.length]) {
      const p = parse(text, chunk);
      expect(p.records.length, `chunk ${chunk}`).toBe(1 + 1800);
      expect(p.skipped.length).toBe(200);
      expect(p.skipped.every((s) => s.first && s.reason === 'stray-quote')).toBe(true);
      expect(p.skipped[0].line).toBe(5);
      expect(p.records.at(-1)).toEqual({ line: 2001, fields: ['1999', 'v1999'] });
    }
  });

  it('fails when no later line reads as a record of the header\'s width (the rest of the file is not read)', () => {
    const text = 'a,b,c\n1,2,3\n4,"x"y,6\nonly,two\nnot;comma;split\n';
    let error: unknown;
    try {
      parse(text, 4);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(3);
    expect((error as CsvSyntaxError).message).toMatch(/no later line could be read as a record of 3 fields, so lines 3–5 could not be read/);
  });

  it('does not fail when the broken record is the last thing in the file', () => {
    const p = parse('a,b,c\n1,2,3\n4,"x"y,6\n\n', 2);
    expect(fields(p)).toEqual(['1:a|b|c', '2:1|2|3']);
    expect(p.skipped.map((s) => s.line)).toEqual([3]);
  });

  it('an unterminated quote at the end of the file resynchronises on the lines it swallowed', () => {
    const p = parse('a,b\n1,2\n3,"never closed\n4,5\n6,7\n', 5);
    expect(fields(p)).toEqual(['1:a|b', '2:1|2', '4:4|5', '5:6|7']);
    expect(p.skipped).toEqual([{ line: 3, text: '3,"never closed', first: true, reason: 'unterminated-quote' }]);
  });

  it('gives the same records and skipped lines for every chunking (seeded random files with broken quotes, CRLF, quoted line breaks)', () => {
    let seed = 15;
    const rand = (k: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed % k;
    };
    let failed = 0;
    for (let file = 0; file < 20; file++) {
      const eol = rand(2) ? '\r\n' : '\n';
      const lines = ['a,b,c'];
      for (let i = 0; i < 300; i++) {
        const kind = rand(20);
        if (kind === 0) lines.push(`${i},"x"y,${i}`);
        else if (kind === 1) lines.push(`${i},"open,${i}`);
        else if (kind === 2) lines.push(`${i},"two${eol}lines ""q""",${i}`);
        else if (kind === 3) lines.push('');
        else if (kind === 4) lines.push(`${i};${i}`);
        else lines.push(`${i},${'v'.repeat(rand(40))},${i}`);
      }
      const text = lines.join(eol);
      let whole: Parsed | undefined;
      let wholeError = '';
      try {
        whole = parse(text);
      } catch (err) {
        wholeError = (err as Error).message;
        failed++;
      }
      for (const chunk of [1, 2, 3, 16, 61, 1 + rand(500)]) {
        if (wholeError) expect(() => parse(text, chunk), `file ${file} chunk ${chunk}`).toThrow(wholeError);
        else expect(parse(text, chunk), `file ${file} chunk ${chunk}`).toEqual(whole);
      }
      if (whole) expect(whole.skipped.length, `file ${file}`).toBeGreaterThan(0);
    }
    expect(failed).toBeLessThan(20);
  });

  it('a broken header still throws at once (nothing to resynchronise on)', () => {
    expect(() => parse('"a"x,b\n1,2\n')).toThrow(CsvSyntaxError);
  });
});

describe('openCsvStream.each with onSkip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-resync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the 100,000 rows after a stray quote (several chunks) and reports the one broken line', async () => {
    const rows = ['customer,date,product,amount'];
    for (let i = 0; i < 3000; i++) rows.push(`C${i % 50},2024-01-01,P${i % 7},${i}`);
    rows.push('C1,2024-02-01,"P"x,3');
    for (let i = 0; i < 100_000; i++) rows.push(`C${i % 50},2024-03-01,P${i % 7},${i}`);
    const path = join(dir, 'stray.csv');
    writeFileSync(path, `${rows.join('\n')}\n`);
    let n = 0;
    let last = 0;
    const skipped: CsvSkippedLine[] = [];
    await openCsvStream(path, { encoding: 'utf8', delimiter: ',' }).each(
      (_fields, line) => {
        n++;
        last = line;
      },
      undefined,
      (s) => skipped.push(s),
    );
    expect(n).toBe(103_000);
    expect(last).toBe(103_002);
    expect(skipped.map((s) => [s.line, s.text, s.first])).toEqual([[3002, 'C1,2024-02-01,"P"x,3', true]]);
  });

  it('rejects with the CsvSyntaxError when it cannot resynchronise, after reading (and hashing) the whole file', async () => {
    const path = join(dir, 'hopeless.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n4,"x"y,6\n7;8;9\n10;11;12\n');
    const stream = openCsvStream(path, { encoding: 'utf8', delimiter: ',' });
    const skipped: number[] = [];
    await expect(stream.each(() => {}, undefined, (s) => skipped.push(s.line))).rejects.toThrow(/could not be read/);
    expect(skipped).toEqual([3, 4, 5]);
    expect(stream.digest()).toMatch(/^[0-9a-f]{64}$/);
  });
});
