import { describe, expect, it } from 'vitest';
import { epochDay, guessDateFormat, isoDate, normaliseId, parseDateTime, parseDecimal, parseInteger, parseYmd } from '../../../../core/data/import/values.js';
import { parseAge, parseGender } from '../../../../core/data/import/demographics.js';

describe('dates', () => {
  it('epochDay agrees with Date.UTC across leap years and centuries', () => {
    for (const [y, m, d] of [[1970, 1, 1], [1999, 12, 31], [2000, 2, 29], [2010, 12, 1], [2021, 2, 28], [2100, 3, 1], [1900, 1, 1]]) {
      expect(epochDay(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });
  it('rejects impossible calendar dates', () => {
    expect(epochDay(2021, 2, 29)).toBeUndefined();
    expect(epochDay(2021, 4, 31)).toBeUndefined();
    expect(epochDay(2021, 13, 1)).toBeUndefined();
    expect(epochDay(2021, 0, 1)).toBeUndefined();
    expect(epochDay(2020, 2, 29)).toBe(Date.UTC(2020, 1, 29) / 86_400_000);
  });
  it('parses L.point YYYYMMDD strictly', () => {
    expect(isoDate(parseYmd('20210101') as number)).toBe('2021-01-01');
    expect(parseYmd('20210230')).toBeUndefined();
    expect(parseYmd('2021-01-01')).toBeUndefined();
    expect(parseYmd('2021011')).toBeUndefined();
  });
  it('parses generic date-times in each format, hours included', () => {
    expect(parseDateTime('2010-12-01 08:26:00', 'iso')).toEqual({ day: epochDay(2010, 12, 1), hour: 8 });
    expect(parseDateTime('2010-12-01', 'iso')).toEqual({ day: epochDay(2010, 12, 1), hour: null });
    expect(parseDateTime('12/1/2010 8:26', 'mdy')).toEqual({ day: epochDay(2010, 12, 1), hour: 8 });
    expect(parseDateTime('1/12/2010 20:26', 'dmy')).toEqual({ day: epochDay(2010, 12, 1), hour: 20 });
    expect(parseDateTime('12/1/2010 8:26 PM', 'mdy')).toEqual({ day: epochDay(2010, 12, 1), hour: 20 });
    expect(parseDateTime('2010-12-01 24:00:00', 'iso')).toBeUndefined();
    expect(parseDateTime('2010-12-01 23:60', 'iso')).toBeUndefined();
    expect(parseDateTime('2010-02-30', 'iso')).toBeUndefined();
  });
  it('guesses the date format from samples, D/M only when a first part exceeds 12', () => {
    expect(guessDateFormat(['2010-12-01 08:26:00', '2011-01-02 10:00:00'])).toBe('iso');
    expect(guessDateFormat(['20210101', '20211231'])).toBe('ymd8');
    expect(guessDateFormat(['1/2/2019', '3/4/2019'])).toBe('mdy');
    expect(guessDateFormat(['1/2/2019', '25/4/2019'])).toBe('dmy');
    expect(guessDateFormat(['yesterday'])).toBeUndefined();
  });
});

describe('numbers and ids', () => {
  it('reads decimals, currency signs and unambiguous thousands separators only', () => {
    expect(parseDecimal('2.55')).toBe(2.55);
    expect(parseDecimal('-12900')).toBe(-12900);
    expect(parseDecimal('£1.69')).toBe(1.69);
    expect(parseDecimal('1,234,567.5')).toBe(1234567.5);
    expect(parseDecimal('1,23')).toBeUndefined();
    expect(parseDecimal('abc')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('Infinity')).toBeUndefined();
  });
  it('reads whole numbers, including ones written as floats', () => {
    expect(parseInteger('7')).toBe(7);
    expect(parseInteger('-2')).toBe(-2);
    expect(parseInteger('3.0')).toBe(3);
    expect(parseInteger('1.5')).toBeUndefined();
    expect(parseInteger(' ')).toBeUndefined();
  });
  it('normalises float-written ids', () => {
    expect(normaliseId('17850.0')).toBe('17850');
    expect(normaliseId(' 17850 ')).toBe('17850');
    expect(normaliseId('17850.5')).toBe('17850.5');
    expect(normaliseId('M000034966')).toBe('M000034966');
  });
});

describe('demographics', () => {
  it('maps genders in Korean and English', () => {
    expect(parseGender('여성')).toBe('F');
    expect(parseGender('남성')).toBe('M');
    expect(parseGender('Female')).toBe('F');
    expect(parseGender('X')).toBeUndefined();
  });
  it('maps age bands and ages to decades', () => {
    expect(parseAge('20대')).toEqual({ band: '20-29', age: null });
    expect(parseAge('30s')).toEqual({ band: '30-39', age: null });
    expect(parseAge('40-49')).toEqual({ band: '40-49', age: null });
    expect(parseAge('57')).toEqual({ band: '50-59', age: 57 });
    expect(parseAge('200대')).toBeUndefined();
    expect(parseAge('40-59')).toBeUndefined();
  });
});
