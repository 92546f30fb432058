import { CsvParser } from './parser.js';

export type Delimiter = ',' | ';' | '\t' | '|';

/** In order of preference when two candidates fit equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface DelimiterFit {
  delimiter: Delimiter;
  /** Records of the sample parsed with this delimiter (header first). */
  records: string[][];
  /** Most frequent field count (the larger one on a tie). */
  fieldCount: number;
  /** Records whose field count equals fieldCount. */
  matching: number;
  /** A syntax error ended the sample: more bytes would add no record with this delimiter. */
  stopped: boolean;
}

/**
 * Parses the sample with one candidate delimiter. A syntax error ends the sample there: the
 * records before it still count, the error itself is left to the real import to report.
 * complete says the sample is the whole file, so the last line without a line break counts.
 */
export function fitDelimiter(text: string, delimiter: Delimiter, complete: boolean): DelimiterFit {
  const records: string[][] = [];
  const collect = (fields: string[]): void => {
    records.push(fields);
  };
  const parser = new CsvParser({ delimiter });
  let stopped = false;
  try {
    parser.push(text, collect);
    if (complete) parser.end(collect);
  } catch {
    // keep the records parsed before the error
    stopped = true;
  }
  const tally = new Map<number, number>();
  for (const r of records) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
  let fieldCount = 0;
  let matching = 0;
  for (const [count, times] of tally) {
    if (times > matching || (times === matching && count > fieldCount)) {
      fieldCount = count;
      matching = times;
    }
  }
  return { delimiter, records, fieldCount, matching, stopped };
}

/**
 * Picks the delimiter that splits the sample into the most consistent number of fields, more
 * than one: the share of records with the modal field count decides, then the larger field
 * count (a comma file whose text holds a '|' in every row still splits best on ','), then the
 * order of DELIMITERS. Returns the best fit even when it has one field, so the caller decides
 * whether a one-column file is acceptable.
 */
export function guessDelimiter(text: string, complete: boolean): DelimiterFit {
  let best: DelimiterFit | undefined;
  for (const delimiter of DELIMITERS) {
    const fit = fitDelimiter(text, delimiter, complete);
    if (best === undefined || better(fit, best)) best = fit;
  }
  return best as DelimiterFit;
}

function better(a: DelimiterFit, b: DelimiterFit): boolean {
  const aSplits = a.fieldCount > 1;
  const bSplits = b.fieldCount > 1;
  if (aSplits !== bSplits) return aSplits;
  const aShare = a.matching * b.records.length;
  const bShare = b.matching * a.records.length;
  if (aShare !== bShare) return aShare > bShare;
  return a.fieldCount > b.fieldCount;
}
