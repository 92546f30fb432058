import { LineSeeker, type CsvSkippedLine } from './resync.js';
import { CsvSyntaxError } from './syntax-error.js';

export { CsvSyntaxError, type CsvErrorReason } from './syntax-error.js';
export type { CsvSkippedLine } from './resync.js';

export interface CsvParserOptions {
  /** Field separator, one character other than a quote or a line break. Default ','. */
  delimiter?: string;
  /** Longest field accepted, in UTF-16 code units. Default 1_048_576. */
  maxFieldLength?: number;
  /** Physical line number of the first character pushed. Default 1. */
  firstLine?: number;
  /**
   * Emit every record in the same array (the caller copies what it keeps): no array per record,
   * so records that are consumed at once never survive a garbage collection. Default false.
   */
  reuseFields?: boolean;
  /**
   * Resynchronise after a syntax error instead of throwing (issue #15 §3): reading goes on from
   * the next line that parses on its own as a record with the first record's (the header's)
   * field count, and every physical line skipped on the way is handed here. When no such line
   * follows, `end()` throws a CsvSyntaxError (the file could not be read to the end); an error in
   * the first record still throws at once. See resync.ts.
   */
  onSkip?: (skipped: CsvSkippedLine) => void;
}

export type CsvEmit = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DOUBLED_QUOTES = /""/g;

function checkOptions(options: CsvParserOptions): Required<Omit<CsvParserOptions, 'onSkip'>> {
  const o = { delimiter: options.delimiter ?? ',', maxFieldLength: options.maxFieldLength ?? 1_048_576, firstLine: options.firstLine ?? 1, reuseFields: options.reuseFields ?? false };
  if (typeof o.delimiter !== 'string' || o.delimiter.length !== 1 || o.delimiter === '"' || o.delimiter === '\n' || o.delimiter === '\r') {
    throw new TypeError(`delimiter must be one character other than a quote or a line break, got ${JSON.stringify(o.delimiter)}`);
  }
  if (!Number.isInteger(o.maxFieldLength) || o.maxFieldLength < 1) {
    throw new RangeError(`maxFieldLength must be a positive integer, got ${o.maxFieldLength}`);
  }
  if (!Number.isInteger(o.firstLine) || o.firstLine < 1) {
    throw new RangeError(`firstLine must be a positive integer, got ${o.firstLine}`);
  }
  return o;
}

/**
 * Incremental RFC 4180 parser that knows physical line numbers, so the validator can say
 * "line 1,234,567, field 4" even when quoted fields contain line breaks.
 *
 * Why our own: it must be fast on millions of short numeric fields (see
 * docs/decisions/csv-parser.md), accept chunks split anywhere (inside a field, between the two
 * quotes of "", between CR and LF), and report line numbers that match what the analyst sees in
 * an editor. Unquoted fields are sliced straight from the chunk; only quoted fields with doubled
 * quotes build a new string. The unfinished tail of a chunk (from the start of the incomplete
 * field) is carried over to the next push; a quoted field in progress resumes where its scan
 * stopped, so a long quoted field is never rescanned.
 *
 * Lenient where real exports are sloppy: a quote inside an unquoted field is kept as text.
 * Strict where data would silently shift columns: text after a closing quote is 'stray-quote'.
 * After a CsvSyntaxError the parser's state is undefined; start a new one — unless `onSkip` is
 * set, in which case the parser resynchronises by itself.
 */
export class CsvParser {
  private readonly delim: number;
  private readonly delimStr: string;
  private readonly maxLen: number;
  private readonly reuse: boolean;
  private line: number;
  private recordLine: number;
  /** Field count of the last record: new records are allocated at that size, which saves V8 a regrow. */
  private width = 8;
  private fields: string[] = new Array<string>(8);
  private k = 0;
  /** Unconsumed text, starting at the first character of the unfinished field. */
  private pending = '';
  /** When pending holds an open quoted field: offset in pending where its scan resumes (0 = none). */
  private quoteScan = 0;
  private quoteDoubled = 0;
  private quoteOpenLine = 0;
  /** The previous push ended with a CR that closed a line; an LF opening the next push belongs to it. */
  private skipLF = false;
  private ended = false;
  private readonly onSkip: ((skipped: CsvSkippedLine) => void) | undefined;
  /** Resync mode only: the text of the unfinished record before `pending` (from its first character). */
  private recordHead = '';
  /** Resync mode only: set just before a syntax error is thrown, the broken record's text from its start. */
  private broken: { text: string; line: number } | undefined;
  /** Resync mode only: the first record's field count, -1 before it. */
  private headerWidth = -1;
  private seeker: LineSeeker | undefined;

  constructor(options: CsvParserOptions = {}) {
    const o = checkOptions(options);
    this.delim = o.delimiter.charCodeAt(0);
    this.delimStr = o.delimiter;
    this.maxLen = o.maxFieldLength;
    this.reuse = o.reuseFields;
    this.line = o.firstLine;
    this.recordLine = o.firstLine;
    this.onSkip = options.onSkip;
  }

  /** Parses as much of the text as forms complete records and emits them in order. */
  push(text: string, emit: CsvEmit): void {
    if (this.ended) throw new Error('CsvParser.push called after end()');
    if (text.length > 0) this.feed(text, emit, false);
  }

  /** Flushes the last record (a final line without a line break) and rejects an open quote. */
  end(emit: CsvEmit): void {
    if (this.ended) return;
    this.ended = true;
    this.feed('', emit, true);
  }

  /**
   * Without onSkip, run() as it is. With it: a syntax error hands the broken record's text to a
   * LineSeeker, which skips lines until one reads as a record; parsing resumes from that line.
   * A loop, not recursion, so a chunk with thousands of broken records cannot exhaust the stack.
   */
  private feed(text: string, emit: CsvEmit, final: boolean): void {
    const onSkip = this.onSkip;
    if (onSkip === undefined) return this.run(text, emit, final);
    let sink = emit;
    if (this.headerWidth < 0) {
      sink = (fields, line) => {
        if (this.headerWidth < 0) this.headerWidth = fields.length;
        emit(fields, line);
      };
    }
    let t = text;
    for (;;) {
      if (this.seeker !== undefined) {
        const found = this.seeker.push(t, final);
        if (found === undefined) return;
        this.seeker = undefined;
        this.restart(found.line);
        t = found.text;
      }
      try {
        this.run(t, sink, final);
        return;
      } catch (err) {
        const broken = this.broken;
        this.broken = undefined;
        if (!(err instanceof CsvSyntaxError) || broken === undefined || this.headerWidth < 0) throw err;
        const width = this.headerWidth;
        // A record is at most `width` fields of maxFieldLength, their quotes and delimiters.
        const maxLine = width * (this.maxLen + 3);
        this.seeker = new LineSeeker(err, broken, width, maxLine, (line) => this.fitsAlone(line, width), onSkip);
        this.restart(broken.line);
        t = '';
      }
    }
  }

  /** Whether one line, parsed on its own, is exactly one record of `width` fields. */
  private fitsAlone(line: string, width: number): boolean {
    if (line.length === 0) return false;
    const probe = new CsvParser({ delimiter: this.delimStr, maxFieldLength: this.maxLen });
    let records = 0;
    let fields = -1;
    const count = (f: string[]): void => {
      records++;
      fields = f.length;
    };
    try {
      probe.push(line, count);
      probe.end(count);
    } catch {
      return false;
    }
    return records === 1 && fields === width;
  }

  /** Forgets the record in progress; the next text pushed starts a record on `line`. */
  private restart(line: number): void {
    this.line = line;
    this.recordLine = line;
    this.fields = new Array<string>(this.width);
    this.k = 0;
    this.pending = '';
    this.quoteScan = 0;
    this.quoteDoubled = 0;
    this.skipLF = false;
    this.recordHead = '';
  }

  /** Resync mode: keeps the broken record's text for the LineSeeker; returns the error to throw. */
  private broke(err: CsvSyntaxError, s: string, recordStart: number, recordLine: number): CsvSyntaxError {
    if (this.onSkip !== undefined) this.broken = { text: recordStart >= 0 ? s.slice(recordStart) : this.recordHead + s, line: recordLine };
    return err;
  }

  private run(chunk: string, emit: CsvEmit, final: boolean): void {
    const s = this.pending.length > 0 ? this.pending + chunk : chunk;
    const n = s.length;
    const d = this.delim;
    const max = this.maxLen;
    let line = this.line;
    let recordLine = this.recordLine;
    let fields = this.fields;
    let k = this.k;
    let width = this.width;
    let scan = this.quoteScan;
    let doubled = this.quoteDoubled;
    let openLine = this.quoteOpenLine;
    let rest = -1;
    let i = 0;
    /** Offset in s of the current record's first character; -1 while it started before s. */
    let recordStart = -1;
    const ds = this.delimStr;
    let nextD = -1;
    let nextL = -1;
    let nextC = -1;
    this.pending = '';
    this.quoteScan = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (n > 0 && s.charCodeAt(0) === LF) i = 1;
    }

    outer: while (i < n) {
      let c = s.charCodeAt(i);
      if (k === 0) {
        if (c === LF) {
          line++;
          i++;
          continue;
        }
        if (c === CR) {
          line++;
          i++;
          if (i < n) {
            if (s.charCodeAt(i) === LF) i++;
          } else if (!final) this.skipLF = true;
          continue;
        }
        recordLine = scan > 0 ? openLine : line;
        recordStart = i;
      }

      if (c === QUOTE) {
        let j: number;
        if (scan > 0) {
          j = scan;
          scan = 0;
        } else {
          j = i + 1;
          doubled = 0;
          openLine = line;
        }
        let closed = -1;
        for (;;) {
          const q = s.indexOf('"', j);
          let end = q < 0 ? n : q;
          if (nextL < j) nextL = indexOrEnd(s, '\n', j);
          if (nextC < j) nextC = indexOrEnd(s, '\r', j);
          if (nextL < end || nextC < end) {
            if (q < 0 && !final && s.charCodeAt(n - 1) === CR) end = n - 1;
            line += countLineBreaks(s, j, end);
          }
          if (q < 0) {
            j = end;
            break;
          }
          if (q + 1 < n) {
            if (s.charCodeAt(q + 1) === QUOTE) {
              doubled++;
              j = q + 2;
              continue;
            }
            closed = q;
          } else if (final) closed = q;
          j = q;
          break;
        }
        if (closed < 0) {
          if (final) throw this.broke(new CsvSyntaxError('unterminated-quote', openLine, k + 1, `a quoted field opened on line ${openLine} is never closed; check for a missing closing "`), s, recordStart, recordLine);
          if (j - i - 1 - doubled > max) throw this.broke(tooLong(openLine, k + 1, max), s, recordStart, recordLine);
          rest = i;
          scan = j - i;
          break;
        }
        if (closed - i - 1 - doubled > max) throw this.broke(tooLong(openLine, k + 1, max), s, recordStart, recordLine);
        fields[k++] = doubled > 0 ? s.slice(i + 1, closed).replace(DOUBLED_QUOTES, '"') : s.slice(i + 1, closed);
        i = closed + 1;
        if (i === n) {
          if (k !== fields.length) fields.length = k;
          emit(fields, recordLine);
          width = k;
          fields = this.reuse ? fields : new Array<string>(width);
          k = 0;
          break;
        }
        c = s.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (c !== LF && c !== CR) {
          throw this.broke(new CsvSyntaxError('stray-quote', line, k, `text follows the closing quote of field ${k} (${JSON.stringify(s.slice(i, i + 10))}); a quote inside a quoted field must be doubled ("")`), s, recordStart, recordLine);
        }
      } else {
        if (nextD < i) nextD = indexOrEnd(s, ds, i);
        if (nextL < i) nextL = indexOrEnd(s, '\n', i);
        if (nextC < i) nextC = indexOrEnd(s, '\r', i);
        let j = nextD < nextL ? nextD : nextL;
        if (nextC < j) j = nextC;
        if (j < n) c = s.charCodeAt(j);
        if (j - i > max) throw this.broke(tooLong(line, k + 1, max), s, recordStart, recordLine);
        if (j === n) {
          if (!final) {
            rest = i;
            break outer;
          }
          fields[k++] = s.slice(i);
          if (k !== fields.length) fields.length = k;
          emit(fields, recordLine);
          width = k;
          fields = this.reuse ? fields : new Array<string>(width);
          k = 0;
          i = n;
          break;
        }
        fields[k++] = s.slice(i, j);
        i = j;
        if (c === d) {
          i++;
          continue;
        }
      }

      if (k !== fields.length) fields.length = k;
      emit(fields, recordLine);
      width = k;
      fields = this.reuse ? fields : new Array<string>(width);
      k = 0;
      line++;
      if (s.charCodeAt(i++) === CR) {
        if (i < n) {
          if (s.charCodeAt(i) === LF) i++;
        } else if (!final) this.skipLF = true;
      }
    }

    if (final && k > 0) {
      fields[k++] = '';
      if (k !== fields.length) fields.length = k;
      emit(fields, recordLine);
      width = k;
      fields = this.reuse ? fields : new Array<string>(width);
      k = 0;
    }
    if (rest >= 0) this.pending = rest === 0 ? s : s.slice(rest);
    if (this.onSkip !== undefined) {
      // Keep the unfinished record's text before pending, so a syntax error further on can hand
      // the whole record to the LineSeeker (once per chunk, never per record).
      const upTo = rest >= 0 ? rest : n;
      this.recordHead = k === 0 ? '' : recordStart >= 0 ? s.slice(recordStart, upTo) : this.recordHead + s.slice(0, upTo);
    }
    this.line = line;
    this.recordLine = recordLine;
    this.fields = fields;
    this.k = k;
    this.width = width;
    this.quoteScan = scan;
    this.quoteDoubled = doubled;
    this.quoteOpenLine = openLine;
  }
}

function indexOrEnd(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at < 0 ? s.length : at;
}

/** Line breaks in s[from, to): LF, CRLF (once) and a lone CR; a CR at to - 1 looks at s[to]. */
function countLineBreaks(s: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

function tooLong(line: number, column: number, max: number): CsvSyntaxError {
  return new CsvSyntaxError('field-too-long', line, column, `field ${column} is longer than ${max} characters; check the delimiter and for an unbalanced quote`);
}
