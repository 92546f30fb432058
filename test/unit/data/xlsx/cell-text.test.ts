import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, serialText } from '../../../../core/data/xlsx/index.js';
import { parseDateTime, parseDecimal } from '../../../../core/data/import/values.js';

describe('cellText', () => {
  it('writes numbers in their shortest round-trip form, never through a locale or a display format', () => {
    for (const n of [0, 6, -1, 2.55, 0.1 + 0.2, 1234567.891, 17850, 1e-7, 123456789012345]) {
      const text = cellText(n, false, false);
      expect(text).not.toContain(',');
      expect(parseDecimal(text)).toBe(n);
    }
  });

  it('turns dates into ISO calendar text from their UTC fields (the workbook wall clock)', () => {
    expect(cellText(new Date(Date.UTC(2010, 11, 1)), false, false)).toBe('2010-12-01');
    expect(cellText(new Date(Date.UTC(2010, 11, 31, 23, 59)), false, false)).toBe('2010-12-31 23:59:00');
    expect(parseDateTime(cellText(new Date(Date.UTC(2010, 11, 31, 23, 59)), false, false), 'iso')).toEqual({ day: 14974, hour: 23 });
  });

  it('reads a number in a date-formatted cell as an Excel serial (1900 and 1904 systems)', () => {
    expect(serialText(40513, false)).toBe('2010-12-01');
    expect(serialText(40513.5, false)).toBe('2010-12-01 12:00:00');
    // 08:26 is 0.35138…: not a whole number of milliseconds, rounded to the second.
    expect(serialText(40513 + (8 * 60 + 26) / 1440, false)).toBe('2010-12-01 08:26:00');
    expect(serialText(40513 - 1462, true)).toBe('2010-12-01');
    expect(cellText({ formula: 'A1+1', result: 40514 }, true, false)).toBe('2010-12-02');
  });

  it('takes rich text, formula results, hyperlinks, errors, booleans and empties as CSV text', () => {
    expect(cellText({ richText: [{ text: '하얀 ' }, { text: '랜턴' }] }, false, false)).toBe('하얀 랜턴');
    expect(cellText({ formula: '2*3', result: 6 }, false, false)).toBe('6');
    expect(cellText({ sharedFormula: 'E2', result: 'x' }, false, false)).toBe('x');
    expect(cellText({ formula: 'NOW()' }, false, false)).toBe('');
    expect(cellText({ text: 'shop', hyperlink: 'https://example.com' }, false, false)).toBe('shop');
    expect(cellText({ error: '#N/A' }, false, false)).toBe('#N/A');
    expect(cellText(true, false, false)).toBe('TRUE');
    expect(cellText(null, false, false)).toBe('');
    expect(cellText(undefined, true, false)).toBe('');
    expect(() => cellText({ sharedString: 3 }, false, false)).toThrow('shared-strings part is missing');
  });
});

describe('isDateFormat', () => {
  it('sees dates and times, not numbers, text or quoted letters', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy h:mm', 'mm-dd-yy', 'yyyy"년" m"월" d"일"', '[$-412]yyyy-mm-dd', 'hh:mm:ss']) expect(isDateFormat(f), f).toBe(true);
    for (const f of [undefined, '', 'General', '0.00', '#,##0', '"days"0', '@', '[Red]0.00']) expect(isDateFormat(f), String(f)).toBe(false);
  });
});
