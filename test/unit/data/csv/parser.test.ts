import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, type CsvParserOptions } from '../../../../core/data/csv/index.js';

interface Parsed {
  records: string[][];
  lines: number[];
}

function parseChunks(chunks: string[], options?: CsvParserOptions): Parsed {
  const records: string[][] = [];
  const lines: number[] = [];
  const emit = (fields: string[], line: number): void => {
    records.push(fields);
    lines.push(line);
  };
  const parser = new CsvParser(options);
  for (const chunk of chunks) parser.push(chunk, emit);
  parser.end(emit);
  return { records, lines };
}

const parse = (text: string, options?: CsvParserOptions): Parsed => parseChunks([text], options);

function syntaxError(fn: () => unknown): CsvSyntaxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return error as CsvSyntaxError;
  }
  throw new Error('expected a CsvSyntaxError');
}

describe('CsvParser: records and line numbers', () => {
  it('splits plain records and numbers their lines', () => {
    expect(parse('a,b,c\n1,2,3\n4,5,6\n')).toEqual({
      records: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      lines: [1, 2, 3],
    });
  });

  it('handles LF, CRLF and lone CR line endings, also mixed', () => {
    const expected = { records: [['a', 'b'], ['1', '2'], ['3', '4']], lines: [1, 2, 3] };
    expect(parse('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(parse('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(parse('a,b\r1,2\r3,4\r')).toEqual(expected);
    expect(parse('a,b\r\n1,2\r3,4\n')).toEqual(expected);
  });

  it('reads a last line without a line break', () => {
    expect(parse('a,b\n1,2')).toEqual({ records: [['a', 'b'], ['1', '2']], lines: [1, 2] });
    expect(parse('a,"b"')).toEqual({ records: [['a', 'b']], lines: [1] });
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parse(',,\na,\n,b\na,,c').records).toEqual([
      ['', '', ''],
      ['a', ''],
      ['', 'b'],
      ['a', '', 'c'],
    ]);
    expect(parse('a,').records).toEqual([['a', '']]);
  });

  it('skips completely empty lines but counts them', () => {
    expect(parse('a\n\n\nb\r\n\r\nc\r\rd\n\n')).toEqual({ records: [['a'], ['b'], ['c'], ['d']], lines: [1, 4, 6, 8] });
    expect(parse('\n\na,b\n')).toEqual({ records: [['a', 'b']], lines: [3] });
    expect(parse('')).toEqual({ records: [], lines: [] });
    expect(parse('\n\r\n')).toEqual({ records: [], lines: [] });
  });

  it('keeps a line of blanks and an empty quoted field as records', () => {
    expect(parse(' \n""\n"",""\n').records).toEqual([[' '], [''], ['', '']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and embedded line breaks', () => {
    const text = 'id,name,memo\n1,"Kim, Minsu","said ""hi"""\n2,"two\nlines","x"\n3,"crlf\r\ninside",y\n4,"cr\ronly",z\n5,last,"end"\n';
    expect(parse(text)).toEqual({
      records: [
        ['id', 'name', 'memo'],
        ['1', 'Kim, Minsu', 'said "hi"'],
        ['2', 'two\nlines', 'x'],
        ['3', 'crlf\r\ninside', 'y'],
        ['4', 'cr\ronly', 'z'],
        ['5', 'last', 'end'],
      ],
      lines: [1, 2, 3, 5, 7, 9],
    });
  });

  it('counts line breaks inside quotes for the records that follow (CRLF file)', () => {
    const text = 'a,b\r\n"x\r\n\r\ny",1\r\n\r\nz,2\r\n';
    expect(parse(text)).toEqual({ records: [['a', 'b'], ['x\r\n\r\ny', '1'], ['z', '2']], lines: [1, 2, 6] });
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parse('ab"c,d\n12" monitor,x"\n').records).toEqual([
      ['ab"c', 'd'],
      ['12" monitor', 'x"'],
    ]);
  });

  it('reads Korean text, quoted and not', () => {
    expect(parse('성별,연령\n남성,"20대, 30대"\n').records).toEqual([
      ['성별', '연령'],
      ['남성', '20대, 30대'],
    ]);
  });

  it('uses the delimiter option and leaves commas alone', () => {
    expect(parse('a;b,c;"d;e"\n', { delimiter: ';' }).records).toEqual([['a', 'b,c', 'd;e']]);
    expect(parse('a\tb c\t\n', { delimiter: '\t' }).records).toEqual([['a', 'b c', '']]);
    expect(parse('a|"b|c"|d\n', { delimiter: '|' }).records).toEqual([['a', 'b|c', 'd']]);
  });

  it('starts counting at firstLine', () => {
    expect(parse('a\n\nb\n', { firstLine: 10 }).lines).toEqual([10, 12]);
  });

  it('gives each record its own array of exactly its field count', () => {
    const { records } = parse('a,b,c\n1\n1,2,3,4,5\n,\n');
    expect(records.map((r) => r.length)).toEqual([3, 1, 5, 2]);
    expect(new Set(records).size).toBe(4);
    for (const r of records) expect(Object.keys(r)).toHaveLength(r.length);
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => new CsvParser({ delimiter: '"' })).toThrow(/delimiter/);
    expect(() => new CsvParser({ delimiter: ',,' })).toThrow(/delimiter/);
    expect(() => new CsvParser({ delimiter: '\n' })).toThrow(/delimiter/);
    expect(() => new CsvParser({ maxFieldLength: 0 })).toThrow(/maxFieldLength/);
    expect(() => new CsvParser({ firstLine: 0 })).toThrow(/firstLine/);
  });

  it('refuses push after end', () => {
    const parser = new CsvParser();
    parser.end(() => undefined);
    expect(() => parser.push('a', () => undefined)).toThrow(/after end/);
  });
});

describe('CsvParser: chunk boundaries', () => {
  const tricky =
    'id,"na,me",memo\r\n' +
    '1,"say ""hi""",plain\r\n' +
    '\r\n' +
    '2,"multi\r\nline\nfield\rend",""\n' +
    '3,a"b,""""\r' +
    '4,,\n' +
    '\n' +
    '"5","남성, 20대","x"\r\n' +
    '6,"",last';
  const whole = parse(tricky);

  it('parses the tricky text as expected when whole', () => {
    expect(whole).toEqual({
      records: [
        ['id', 'na,me', 'memo'],
        ['1', 'say "hi"', 'plain'],
        ['2', 'multi\r\nline\nfield\rend', ''],
        ['3', 'a"b', '"'],
        ['4', '', ''],
        ['5', '남성, 20대', 'x'],
        ['6', '', 'last'],
      ],
      lines: [1, 2, 4, 8, 9, 11, 12],
    });
  });

  it('gives the same result for a split at every index', () => {
    for (let cut = 0; cut <= tricky.length; cut++) {
      expect(parseChunks([tricky.slice(0, cut), tricky.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('gives the same result for every pair of cuts', () => {
    for (let a = 0; a <= tricky.length; a += 3) {
      for (let b = a; b <= tricky.length; b += 2) {
        expect(parseChunks([tricky.slice(0, a), tricky.slice(a, b), tricky.slice(b)]), `cuts at ${a}, ${b}`).toEqual(whole);
      }
    }
  });

  it('gives the same result fed one character at a time, with empty pushes in between', () => {
    const chunks = [...tricky].flatMap((ch) => [ch, '']);
    expect(parseChunks(chunks)).toEqual(whole);
  });

  it('emits records as soon as they are complete', () => {
    const seen: string[][] = [];
    const parser = new CsvParser();
    parser.push('a,b\n1,', (f) => seen.push(f));
    expect(seen).toEqual([['a', 'b']]);
    parser.push('2\r', (f) => seen.push(f));
    expect(seen).toEqual([['a', 'b'], ['1', '2']]);
    parser.push('\n3,4\n', (f) => seen.push(f));
    expect(seen).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });
});

describe('CsvParser: syntax errors', () => {
  it('throws unterminated-quote at end(), naming the line where the quote opened', () => {
    const parser = new CsvParser();
    parser.push('a,b\n1,"open\nstill open\n', () => undefined);
    const error = syntaxError(() => parser.end(() => undefined));
    expect(error).toMatchObject({ reason: 'unterminated-quote', line: 2, column: 2 });
    expect(error.message).toMatch(/line 2/);
  });

  it('throws unterminated-quote for a quote cut by the end of input, whatever the chunking', () => {
    const text = 'a\n\n"x""';
    for (let cut = 0; cut <= text.length; cut++) {
      const error = syntaxError(() => parseChunks([text.slice(0, cut), text.slice(cut)]));
      expect(error).toMatchObject({ reason: 'unterminated-quote', line: 3, column: 1 });
    }
  });

  it('throws stray-quote for text after a closing quote', () => {
    const error = syntaxError(() => parse('a,b\r\nx,"ab"c,d\r\n'));
    expect(error).toMatchObject({ reason: 'stray-quote', line: 2, column: 2 });
    expect(error.message).toMatch(/line 2, field 2/);
    expect(syntaxError(() => parse('"multi\nline" ,x')).line).toBe(2);
  });

  it('throws field-too-long for unquoted and quoted fields, with line and column', () => {
    expect(syntaxError(() => parse('a,b\n1,123456\n', { maxFieldLength: 5 }))).toMatchObject({ reason: 'field-too-long', line: 2, column: 2 });
    expect(syntaxError(() => parse('a,b\n"x\n","1234\n56"\n', { maxFieldLength: 5 }))).toMatchObject({ reason: 'field-too-long', line: 3, column: 2 });
    expect(parse('12345,"a""b""c"\n', { maxFieldLength: 5 }).records).toEqual([['12345', 'a"b"c']]);
  });

  it('throws field-too-long while the field is still growing, without waiting for its end', () => {
    const parser = new CsvParser({ maxFieldLength: 10 });
    const error = syntaxError(() => {
      parser.push('"', () => undefined);
      for (let i = 0; i < 100; i++) parser.push('x\n', () => undefined);
    });
    expect(error).toMatchObject({ reason: 'field-too-long', line: 1, column: 1 });
    const unquoted = new CsvParser({ maxFieldLength: 10 });
    expect(syntaxError(() => unquoted.push('a,' + 'x'.repeat(11), () => undefined))).toMatchObject({ reason: 'field-too-long', column: 2 });
  });
});

describe('CsvParser: round trip of generated tables', () => {
  function lcg(seed: number): (k: number) => number {
    let state = seed >>> 0;
    return (k) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % k;
    };
  }
  const alphabet = ['a', 'Z', '7', ' ', ',', '"', '\n', '\r', '\r\n', '남', '성', ';', '\t'];

  function quoteIfNeeded(value: string): string {
    return /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
  }

  it('reads back what an RFC 4180 writer wrote, with line numbers, under random chunking', () => {
    const rand = lcg(42);
    for (let round = 0; round < 40; round++) {
      const width = 1 + rand(5);
      const table: string[][] = [];
      for (let r = 0; r < 30; r++) {
        const record: string[] = [];
        for (let c = 0; c < width; c++) {
          let value = '';
          const length = rand(6);
          for (let k = 0; k < length; k++) value += alphabet[rand(alphabet.length)];
          record.push(value);
        }
        table.push(record);
      }
      const eol = ['\n', '\r\n', '\r'][rand(3)];
      const rows = table.map((record) => record.map(quoteIfNeeded).join(','));
      const text = rows.join(eol) + (rand(2) === 0 ? eol : '');
      const expectedLines: number[] = [];
      let line = 1;
      for (const row of rows) {
        expectedLines.push(line);
        line += 1 + (row.match(/\r\n|\r|\n/g)?.length ?? 0);
      }
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + rand(12);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      expect(parseChunks(chunks), `round ${round}`).toEqual({ records: table, lines: expectedLines });
    }
  });
});
