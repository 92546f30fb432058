import { describe, expect, it } from 'vitest';
import { formatBytes, formatCompact, formatDateTime, formatDay, formatDecimal, formatDuration, formatInt, formatMonth, formatPercent, formatSeconds, shortHash } from '../../../renderer/src/lib/format.js';

describe('number formatting', () => {
  it('groups thousands in both languages', () => {
    expect(formatInt('en', 1234567)).toBe('1,234,567');
    expect(formatInt('ko', 1234567)).toBe('1,234,567');
    expect(formatInt('en', -9288)).toBe('-9,288');
  });

  it('rounds integers and keeps at most the asked decimals', () => {
    expect(formatInt('en', 1234.6)).toBe('1,235');
    expect(formatDecimal('en', 9747747.931, 2)).toBe('9,747,747.93');
    expect(formatDecimal('en', 2.5, 2)).toBe('2.5');
  });

  it('shows a dash for missing or non-finite numbers', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatInt('en', v)).toBe('–');
      expect(formatPercent('ko', v)).toBe('–');
    }
  });

  it('formats shares as percentages', () => {
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
    expect(formatPercent('ko', 0.5, 0)).toBe('50%');
  });

  it('uses the locale compact notation (만 / 억 in Korean)', () => {
    expect(formatCompact('en', 1_234_567)).toBe('1.2M');
    expect(formatCompact('ko', 1_234_567)).toBe('123.5만');
    expect(formatCompact('ko', 350_000_000)).toBe('3.5억');
    expect(formatCompact('ko', 1800)).toBe('1,800');
    expect(formatCompact('en', 2.25)).toBe('2.3');
  });

  it('formats bytes with binary units', () => {
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatBytes('en', 1536)).toBe('1.5 KB');
    expect(formatBytes('en', 45 * 1024 * 1024)).toBe('45 MB');
    expect(formatBytes('ko', 3.2 * 1024 ** 3)).toBe('3.2 GB');
  });
});

describe('durations', () => {
  it('uses seconds, minutes and hours in English', () => {
    expect(formatSeconds('en', 2.54)).toBe('2.5 s');
    expect(formatSeconds('en', 42)).toBe('42 s');
    expect(formatSeconds('en', 185)).toBe('3 min 5 s');
    expect(formatSeconds('en', 120)).toBe('2 min');
    expect(formatSeconds('en', 3720)).toBe('1 h 2 min');
  });

  it('uses 초, 분, 시간 in Korean', () => {
    expect(formatSeconds('ko', 2.54)).toBe('2.5초');
    expect(formatSeconds('ko', 185)).toBe('3분 5초');
    expect(formatSeconds('ko', 7200)).toBe('2시간');
  });

  it('converts milliseconds and rejects negatives', () => {
    expect(formatDuration('en', 1500)).toBe('1.5 s');
    expect(formatDuration('en', null)).toBe('–');
    expect(formatSeconds('en', -1)).toBe('–');
  });
});

describe('dates', () => {
  it('formats calendar days without time-zone shifts', () => {
    expect(formatDay('en', '2023-01-02')).toBe('Jan 2, 2023');
    expect(formatDay('en', '20231231')).toBe('Dec 31, 2023');
    expect(formatDay('ko', '2023-01-02')).toBe('2023년 1월 2일');
    expect(formatDay('en', null)).toBe('–');
    expect(formatDay('en', 'not a day')).toBe('not a day');
  });

  it('formats months', () => {
    expect(formatMonth('en', '2023-03')).toBe('Mar 2023');
    expect(formatMonth('ko', '202303')).toBe('2023년 3월');
  });

  it('formats timestamps in the given time zone with a 24-hour clock', () => {
    expect(formatDateTime('en', '2024-03-04T14:05:00Z', 'UTC')).toBe('Mar 4, 2024, 14:05');
    expect(formatDateTime('ko', '2024-03-04T14:05:00Z', 'UTC')).toBe('2024년 3월 4일 14:05');
    expect(formatDateTime('en', 'garbage')).toBe('garbage');
  });

  it('shortens fingerprints', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789');
    expect(shortHash(null)).toBe('–');
  });
});
