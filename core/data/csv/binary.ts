/** Leading bytes of file types analysts pick by mistake, with a name the message can use. */
const signatures: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (an .xlsx workbook? save it as CSV first)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an Office document (an .xls workbook? save it as CSV first)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive (decompress it first)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: 'an SQLite database' },
];

/** NUL bytes tolerated per sample: one stray NUL in a text export should not reject the file. */
const NUL_TOLERANCE = 1 / 4096;
/** Share of control bytes (other than TAB, LF, CR, FF, SUB) above which the sample is not text. */
const CONTROL_SHARE = 0.05;
/** Control bytes always tolerated, so a tiny file with one odd byte is not called binary. */
const CONTROL_MIN = 8;

/**
 * Says why the sample is not text, or undefined when it looks like text. Known signatures give
 * a precise message; otherwise NUL bytes (never in UTF-8 or CP949 text; UTF-16 files land here
 * too, which we cannot read) or many control bytes decide. Random bytes have ~0.4 % NULs and
 * ~12 % control bytes, far above both thresholds.
 */
export function binaryReason(sample: Uint8Array): string | undefined {
  for (const { bytes, name } of signatures) {
    if (sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b)) return `this is ${name}, not a CSV file`;
  }
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) control++;
  }
  if (nul > Math.max(1, sample.length * NUL_TOLERANCE)) {
    return `contains ${nul} NUL bytes in the first ${sample.length} bytes: a binary file or UTF-16 text, not a UTF-8 or CP949 CSV`;
  }
  if (control + nul > Math.max(CONTROL_MIN, sample.length * CONTROL_SHARE)) {
    return `${Math.round(((control + nul) / sample.length) * 100)} % of the first ${sample.length} bytes are control characters: a binary file, not a CSV`;
  }
  return undefined;
}
