import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cp949Pair, Cp949Decoder } from '../../../../core/data/csv/cp949.js';
import { createDecoder, detectEncoding, sniffCsvFile } from '../../../../core/data/csv/index.js';

// Issue #15 §4 (CP949 vs UTF-8 weighed on the whole sample; invalid bytes never pass in silence)
// and §5 (the sniffer reads whole records, whatever their size).

const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));
/** KS X 1001 pairs: 남성 B3B2 BCBA, 여성 BFA9 BCBA, 대 B4EB. */
const 남성 = [0xb3, 0xb2, 0xbc, 0xba];
const 여성 = [0xbf, 0xa9, 0xbc, 0xba];
const 대 = [0xb4, 0xeb];

/** A CP949 customers file of `rows` rows; the rows listed in `bad` end with a 0xFF byte (never valid in CP949). */
function cp949Customers(rows: number, bad: readonly number[] = []): Uint8Array {
  const bytes: number[] = ascii('cust,gender,age,zone\n');
  for (let i = 0; i < rows; i++) {
    bytes.push(...ascii(`M${String(i).padStart(9, '0')},`), ...(i % 2 ? 남성 : 여성), ...ascii(`,${20 + 10 * (i % 5)}`), ...대, ...ascii(`,Z${i % 9}`));
    if (bad.includes(i)) bytes.push(0xff);
    bytes.push(10);
  }
  return Uint8Array.from(bytes);
}

const decodeAll = (encoding: 'utf8' | 'cp949', bytes: ArrayLike<number>): string => {
  const d = createDecoder(encoding);
  return d.decode(Uint8Array.from(bytes)) + d.end();
};

describe('detectEncoding weighs the whole sample', () => {
  it('reads CP949 with a few invalid bytes as CP949, not UTF-8 (the issue reproduction)', () => {
    const guess = detectEncoding(cp949Customers(2000, [499, 1199, 1899]));
    expect(guess.encoding).toBe('cp949');
    expect(guess.reason).toMatch(/neither valid UTF-8 nor valid CP949 .*: [\d,]+ as UTF-8, 3 as CP949\); read as CP949/);
  });

  it('keeps UTF-8 with a few invalid bytes as UTF-8', () => {
    const text = Array.from({ length: 500 }, (_, i) => `M${i},남성,20대`).join('\n');
    const bytes = Uint8Array.from([...new TextEncoder().encode(text), 0xff, 10]);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf8' });
    expect(detectEncoding(bytes).reason).toMatch(/1 as UTF-8/);
  });

  it('reads a CP949 file whose Korean is in the CP949 extension (똠 = 8C 63) as CP949', () => {
    expect(detectEncoding(Uint8Array.from([...ascii('name,x\n'), 0x8c, 0x63, ...ascii(',1\n')]))).toMatchObject({ encoding: 'cp949', reason: 'not valid UTF-8 but valid CP949 (EUC-KR)' });
  });
});

describe('CP949 decoding never passes invalid bytes in silence', () => {
  it('decodes the 8,822 extension syllables (Node\'s euc-kr decoder gives C1 controls for them)', () => {
    expect(new Cp949Decoder().decode(Uint8Array.from([0x8c, 0x63, 0x81, 0x41, 0xc6, 0x52, 0xb0, 0xa1]), false)).toBe('똠갂힣가');
    let syllables = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x41; trail <= 0xfe; trail++) {
        const c = cp949Pair(lead, trail);
        if (c >= 0xac00 && c <= 0xd7a3) syllables++;
      }
    }
    expect(syllables).toBe(11172);
    expect(cp949Pair(0xc6, 0x53)).toBe(0);
  });

  it.each([
    ['a lone lead byte at the end', [0xb0]],
    ['a lone 0x80', [0x80]],
    ['a lone 0x81 (a C1 control in Node\'s euc-kr)', [0x81]],
    ['0xFF', [0xff]],
  ])('turns %s into U+FFFD: R999 is never stored as a clean "R999"', (_name, tail) => {
    expect(decodeAll('cp949', [...ascii('id,name\nR999,x'), ...tail])).toBe('id,name\nR999,x\uFFFD');
    expect(decodeAll('cp949', [...ascii('R999'), ...tail, ...ascii(',y\n')])).toBe('R999\uFFFD,y\n');
  });

  it('an invalid pair never swallows the delimiter or line break after it', () => {
    expect(decodeAll('cp949', [0x41, 0xb0, 0x2c, 0x42, 0xb0, 0x0a])).toBe('A\uFFFD,B\uFFFD\n');
  });

  it('gives the same text for every split of a stream with extension syllables and bad bytes', () => {
    const bytes = Uint8Array.from([...ascii('a,'), 0x8c, 0x63, 0xff, ...남성, 0xb0, ...ascii(',b'), 0xc6, 0x52, 0x80, ...대, 0xb0]);
    const whole = decodeAll('cp949', bytes);
    expect(whole).toBe('a,똠\uFFFD남성\uFFFD,b힣\uFFFD대\uFFFD');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = createDecoder('cp949');
      expect(d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut)) + d.end(), `cut at ${cut}`).toBe(whole);
    }
  });
});

describe('sniffCsvFile reads whole records whatever their size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csv-sniff-big-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['unquoted', (note: string) => note],
    ['quoted, with a line break', (note: string) => `"${note}\n${note}"`],
  ])('a first row with a %s field over 64 KB still gives the sample rows (the issue reproduction)', async (_kind, field) => {
    const note = 'x'.repeat(70_000);
    const rows = ['customer,date,product,amount,note', `C1,2024-01-01,P1,10,${field(note)}`];
    for (let i = 0; i < 100; i++) rows.push(`C${i},2024-01-02,P2,5,ok`);
    const path = join(dir, `${_kind.length}.csv`);
    writeFileSync(path, `${rows.join('\n')}\n`);
    const sniff = await sniffCsvFile(path, { sampleRows: 500 });
    expect(sniff.header).toEqual(['customer', 'date', 'product', 'amount', 'note']);
    expect(sniff.rows.length).toBeGreaterThanOrEqual(20);
    expect(sniff.rows[0].slice(0, 4)).toEqual(['C1', '2024-01-01', 'P1', '10']);
    expect(sniff.rows[0][4].length).toBeGreaterThan(65536);
    expect(sniff.rows[1]).toEqual(['C0', '2024-01-02', 'P2', '5', 'ok']);
  });

  it('stops growing at a field longer than any the import accepts, and still answers', async () => {
    const path = join(dir, 'too-long.csv');
    writeFileSync(path, `a,b\n1,"${'y'.repeat(1_200_000)}"\n2,3\n`);
    const sniff = await sniffCsvFile(path);
    expect(sniff.header).toEqual(['a', 'b']);
  });
});
