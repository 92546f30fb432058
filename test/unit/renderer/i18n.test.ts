import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.js';
import { ko } from '../../../renderer/src/i18n/ko.js';
import { interpolate, isMessageKey, placeholders, translate } from '../../../renderer/src/i18n/translate.js';

describe('dictionaries', () => {
  it('English and Korean have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const koKeys = Object.keys(ko).sort();
    expect(koKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !koKeys.includes(k))).toEqual([]);
    expect(koKeys).toEqual(enKeys);
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    // Korean names an age band by its decade alone ("20대"), so it needs no upper bound.
    const koDrops: Record<string, string[]> = { 'overview.ageBand': ['to'] };
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(ko[key].trim(), key).not.toBe('');
      const expected = placeholders(en[key]).filter((p) => !(koDrops[key] ?? []).includes(p));
      expect(placeholders(ko[key]), key).toEqual(expected);
    }
  });

  it('Korean messages are translated (Hangul present) except names and codes', () => {
    const untranslatable = new Set(['app.name', 'import.encoding.utf8', 'import.encoding.cp949', 'import.detected.lpoint']);
    const hangul = /[\uac00-\ud7a3]/;
    const missing = (Object.keys(ko) as (keyof typeof ko)[]).filter((k) => !untranslatable.has(k) && !hangul.test(ko[k]));
    expect(missing).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{n} of {total} rows', { n: 5, total: '1,000' })).toBe('5 of 1,000 rows');
    expect(interpolate('run #{id}', {})).toBe('run #{id}');
    expect(interpolate('plain')).toBe('plain');
  });

  it('translates by language', () => {
    expect(translate('en', 'nav.data')).toBe('Data');
    expect(translate('ko', 'nav.data')).toBe('데이터');
    expect(translate('ko', 'table.rowsOf', { n: '3', total: '10' })).toBe('10행 중 3행');
  });

  it('recognises keys built at run time', () => {
    expect(isMessageKey('field.customer')).toBe(true);
    expect(isMessageKey('field.nonsense')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
