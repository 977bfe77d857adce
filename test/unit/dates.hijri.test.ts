import { describe, expect, it } from 'vitest';
import { gregorianToHijri, hijriToEpochDay } from '../../src/core/dates';
import { fromEpochDay, isoDay, toEpochDay } from '../../src/core/dates/calendar';

const toIso = (epoch: number | null): string | null => {
  if (epoch === null) return null;
  const d = fromEpochDay(epoch);
  return isoDay(d.year, d.month, d.day);
};

describe('Hijri (Umm al-Qura) conversion', () => {
  it.each([
    [1441, 1, 1, '2019-08-31'],
    [1441, 9, 1, '2020-04-24'],
    [1436, 10, 1, '2015-07-17'],
    [1441, 6, 10, '2020-02-04'],
  ])('%i-%i-%i AH = %s', (y, m, d, iso) => {
    expect(toIso(hijriToEpochDay(y, m, d))).toBe(iso);
    const [gy, gm, gd] = iso.split('-').map(Number) as [number, number, number];
    expect(gregorianToHijri(gy, gm, gd)).toEqual({ year: y, month: m, day: d });
  });

  it('round-trips every day of 2011–2021', () => {
    for (let e = toEpochDay(2011, 1, 1); e <= toEpochDay(2021, 12, 31); e++) {
      const d = fromEpochDay(e);
      const h = gregorianToHijri(d.year, d.month, d.day)!;
      expect(hijriToEpochDay(h.year, h.month, h.day)).toBe(e);
    }
  });

  it('returns null for a day a month does not have', () => {
    // Muharram 1441 has 30 days in Umm al-Qura (1 Safar 1441 = 2019-09-30), Safar 29.
    expect(toIso(hijriToEpochDay(1441, 1, 30))).toBe('2019-09-29');
    expect(toIso(hijriToEpochDay(1441, 2, 1))).toBe('2019-09-30');
    expect(hijriToEpochDay(1441, 2, 30)).toBeNull();
    expect(hijriToEpochDay(1441, 13, 1)).toBeNull();
  });
});
