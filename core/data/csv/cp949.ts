import { endianness } from 'node:os';

/**
 * A CP949 (windows-949, Unified Hangul Code) decoder. Why not `TextDecoder('euc-kr')`: in Node
 * (ICU) that label is plain EUC-KR (KS X 1001), not the WHATWG windows-949 index. Measured on
 * Node 20.20: the 8,822 Hangul syllables CP949 adds (0x81–0xC6 lead bytes with 0x41–0xA0 trail
 * bytes, e.g. 똠 = 8C 63) come out as a C1 control plus an ASCII letter, and a stray 0x80–0x9F
 * byte (a lone byte at the end of a file, say) passes through as an invisible C1 control: text
 * silently wrong, never reported (issue #15 §4). Here every byte sequence either decodes to its
 * character or to U+FFFD, which the import reports by line and column.
 *
 * The table: KS X 1001 pairs (both bytes 0xA1–0xFE) are taken from Node's EUC-KR decoder, which
 * reads them right; the CP949 extension holds exactly the modern Hangul syllables missing from
 * KS X 1001, in Unicode order, in the positions listed in `extensionTrails` (that is how
 * Microsoft laid it out, and why it ends at C6 52 = 힣 with 8,822 characters). Built once, on
 * first use (~10 ms).
 */

const LEADS = 126; // 0x81–0xFE
const TRAILS = 190; // 0x41–0xFE
let table: Uint16Array | undefined;

function index(lead: number, trail: number): number {
  return (lead - 0x81) * TRAILS + (trail - 0x41);
}

/** Trail bytes of the extension for one lead byte, in order. */
function extensionTrails(lead: number): number[] {
  const trails: number[] = [];
  for (let t = 0x41; t <= 0x5a; t++) trails.push(t);
  for (let t = 0x61; t <= 0x7a; t++) trails.push(t);
  for (let t = 0x81; t <= (lead <= 0xa0 ? 0xfe : 0xa0); t++) trails.push(t);
  return trails;
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(LEADS * TRAILS);
  const euckr = new TextDecoder('euc-kr', { fatal: false });
  const inKsx = new Set<number>();
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    const bytes = new Uint8Array(94 * 2);
    for (let k = 0; k < 94; k++) {
      bytes[2 * k] = lead;
      bytes[2 * k + 1] = 0xa1 + k;
    }
    const text = euckr.decode(bytes);
    // One UTF-16 unit per pair is what a row of KS X 1001 decodes to; anything else: pair by pair.
    const row = text.length === 94 ? text : Array.from({ length: 94 }, (_, k) => euckr.decode(bytes.subarray(2 * k, 2 * k + 2))).map((c) => (c.length === 1 ? c : '\uFFFD')).join('');
    for (let k = 0; k < 94; k++) {
      const c = row.charCodeAt(k);
      if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) continue;
      t[index(lead, 0xa1 + k)] = c;
      if (c >= 0xac00 && c <= 0xd7a3) inKsx.add(c);
    }
  }
  let syllable = 0xac00;
  const next = (): number => {
    while (syllable <= 0xd7a3 && inKsx.has(syllable)) syllable++;
    return syllable <= 0xd7a3 ? syllable++ : 0;
  };
  outer: for (let lead = 0x81; lead <= 0xc6; lead++) {
    for (const trail of extensionTrails(lead)) {
      const c = next();
      if (c === 0) break outer;
      t[index(lead, trail)] = c;
    }
  }
  return t;
}

/** The UTF-16 code unit of a CP949 byte pair, or 0 when the pair is not a character. */
export function cp949Pair(lead: number, trail: number): number {
  if (lead < 0x81 || lead > 0xfe || trail < 0x41 || trail > 0xfe) return 0;
  table ??= buildTable();
  return table[index(lead, trail)];
}

const littleEndian = endianness() === 'LE';

function toText(units: Uint16Array, n: number): string {
  if (littleEndian) return Buffer.from(units.buffer, units.byteOffset, n * 2).toString('utf16le');
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192)));
  return s;
}

/**
 * Streaming CP949 decoder, WHATWG-style error handling: an invalid pair becomes one U+FFFD, and
 * an ASCII byte after a lead byte is read again as itself (so a bad byte never swallows a
 * delimiter or a line break). A lead byte at the end of a chunk waits for the next one; at the
 * end of the input it is U+FFFD.
 */
export class Cp949Decoder {
  private lead = 0;

  decode(bytes: Uint8Array, stream: boolean): string {
    table ??= buildTable();
    const t = table;
    const out = new Uint16Array(bytes.length + 1);
    let n = 0;
    let i = 0;
    const len = bytes.length;
    let lead = this.lead;
    this.lead = 0;
    for (;;) {
      if (lead !== 0) {
        if (i === len) {
          if (stream) this.lead = lead;
          else out[n++] = 0xfffd;
          break;
        }
        const trail = bytes[i];
        const c = trail >= 0x41 && trail <= 0xfe ? t[(lead - 0x81) * TRAILS + (trail - 0x41)] : 0;
        if (c !== 0) {
          out[n++] = c;
          i++;
        } else {
          out[n++] = 0xfffd;
          if (trail >= 0x80) i++;
        }
        lead = 0;
        continue;
      }
      if (i === len) break;
      const b = bytes[i++];
      if (b < 0x80) out[n++] = b;
      else if (b === 0x80 || b === 0xff) out[n++] = 0xfffd;
      else lead = b;
    }
    return toText(out, n);
  }
}
