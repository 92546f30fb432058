import { describe, expect, it } from 'vitest';
import { KR_HOLIDAYS } from '../../../../core/data/demo/index.js';

const byDate = new Map(KR_HOLIDAYS.map((h) => [h.date, h]));

describe('resources/calendars/kr-holidays.json (2015–2030)', () => {
  it('is sorted, one entry per date, every entry named in Korean and English', () => {
    const dates = KR_HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of KR_HOLIDAYS) {
      expect(h.date).toMatch(/^20(1[5-9]|2\d|30)-\d{2}-\d{2}$/);
      expect(h.name.length > 0 && h.nameEn.length > 0).toBe(true);
    }
  });

  it('has the lunar Seollal and Chuseok breaks of every year on the right days', () => {
    // 2015–2030 (issue #12: the forecast's holiday list); each break is the day before, the day and the day after.
    const seollal = ['2015-02-19', '2016-02-08', '2017-01-28', '2018-02-16', '2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-07', '2028-01-27', '2029-02-13', '2030-02-03'];
    const chuseok = ['2015-09-27', '2016-09-15', '2017-10-04', '2018-09-24', '2019-09-13', '2020-10-01', '2021-09-21', '2022-09-10', '2023-09-29', '2024-09-17', '2025-10-06', '2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22', '2030-09-12'];
    const shift = (iso: string, k: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);
    for (const [days, name] of [[seollal, '설날'], [chuseok, '추석']] as const) {
      // Chuseok 2017 and 2028 meet National Foundation Day (개천절): those days carry both names.
      for (const d of days) for (const k of [-1, 0, 1]) expect(byDate.get(shift(d, k))?.name.split('·'), shift(d, k)).toContain(name);
    }
    expect(KR_HOLIDAYS.filter((h) => h.name === '설날').length).toBe(48);
  });

  it('includes substitute, election and temporary holidays', () => {
    for (const d of ['2020-01-27', '2021-08-16', '2021-10-04', '2021-10-11', '2022-09-12', '2023-05-29', '2024-02-12', '2025-03-03', '2025-05-06', '2025-10-08', '2026-03-02', '2026-08-17']) {
      expect(byDate.get(d)?.name, d).toMatch(/^대체공휴일/);
    }
    for (const d of ['2020-04-15', '2022-03-09', '2022-06-01', '2024-04-10', '2025-06-03', '2020-08-17', '2023-10-02', '2024-10-01', '2025-01-27']) {
      expect(byDate.has(d), d).toBe(true);
    }
    expect(byDate.get('2025-05-05')?.name).toBe('어린이날·부처님오신날');
    expect(byDate.has('2021-12-27')).toBe(false);
  });
});
