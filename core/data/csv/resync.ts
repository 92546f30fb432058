import { CsvSyntaxError } from './syntax-error.js';

/** A physical line the parser could not read as (part of) a record and skipped while resynchronising. */
export interface CsvSkippedLine {
  /** Physical line number (1-based, as an editor shows it). */
  line: number;
  /** The line's text, without its line break. */
  text: string;
  /** The syntax error the parser is resynchronising after. */
  error: CsvSyntaxError;
  /** True for the first line of the broken record; false for the lines skipped after it. */
  first: boolean;
}

const LF = 10;
const CR = 13;

/**
 * After a syntax error (issue #15 §3), finds where reading can safely go on: the next physical
 * line that parses, on its own, as one record with the header's field count. Every line before
 * it, from the first line of the broken record on, is handed to `onSkip`, one by one (blank lines
 * carry no data and are passed over silently). Why a whole line on its own: a candidate that
 * needs the following lines (an opening quote) could run to the end of the file, and testing
 * each line against the rest would be quadratic; a record that fits on its line is found in one
 * pass over the skipped text.
 *
 * Only the unfinished last line is kept between pushes, so memory stays at one line (a "line"
 * longer than any record could be is skipped without being kept). When the text ends while
 * still seeking and some non-blank line after the broken record was skipped, the rest of the
 * file could not be read: `push(…, true)` throws a CsvSyntaxError saying so, so the caller never
 * reports a partly read file as done.
 */
export class LineSeeker {
  private buffer = '';
  private line: number;
  private first = true;
  /** The current line is too long to be a record: its text is dropped up to the next line break. */
  private discarding = false;
  private discardedHead = '';
  private skippedAfter = 0;
  private lastSkipped = 0;
  private readonly startLine: number;

  constructor(
    private readonly error: CsvSyntaxError,
    broken: { text: string; line: number },
    private readonly width: number,
    /** Longest line that could still be one record. */
    private readonly maxLine: number,
    private readonly fits: (line: string) => boolean,
    private readonly onSkip: (skipped: CsvSkippedLine) => void,
  ) {
    this.buffer = broken.text;
    this.line = broken.line;
    this.startLine = broken.line;
  }

  /**
   * Consumes text until a line fits. Returns the text from the start of that line (to be parsed
   * normally) and its line number, or undefined when the text ran out first.
   */
  push(text: string, final: boolean): { text: string; line: number } | undefined {
    const s = this.buffer.length > 0 ? this.buffer + text : text;
    this.buffer = '';
    let pos = 0;
    while (pos < s.length || (final && this.discarding)) {
      const lf = s.indexOf('\n', pos);
      const cr = s.indexOf('\r', pos);
      let e = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (e < 0 || (e === s.length - 1 && s.charCodeAt(e) === CR && !final)) {
        // The line is not complete yet (a CR at the very end may be the first half of a CRLF).
        if (!final) {
          this.hold(s.slice(pos));
          return undefined;
        }
        e = s.length;
      }
      const text = this.discarding ? this.discardedHead : s.slice(pos, e);
      if (!this.discarding && !this.first && this.fits(text)) return { text: s.slice(pos), line: this.line };
      this.skip(text);
      this.discarding = false;
      this.discardedHead = '';
      this.line++;
      pos = e + (s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? 2 : 1);
    }
    if (final && this.skippedAfter > 0) {
      const lines = `lines ${this.startLine}–${this.lastSkipped}`;
      throw new CsvSyntaxError(this.error.reason, this.error.line, this.error.column, `${this.error.detail}; no later line could be read as a record of ${this.width} fields, so ${lines} could not be read`);
    }
    return undefined;
  }

  /** Keeps the unfinished line, or only its head when it is already too long to be a record. */
  private hold(rest: string): void {
    if (this.discarding) return;
    if (rest.length > this.maxLine) {
      this.discarding = true;
      this.discardedHead = rest.slice(0, 200);
    } else this.buffer = rest;
  }

  private skip(text: string): void {
    const first = this.first;
    this.first = false;
    if (!first && text.trim() === '') return;
    if (!first) this.skippedAfter++;
    this.lastSkipped = this.line;
    this.onSkip({ line: this.line, text, error: this.error, first });
  }
}
