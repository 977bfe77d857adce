import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, normalizeKey, toOriginalRange } from '../../src/core/text/normalize';

describe('normalize: Arabic letters', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إدلب', 'ادلب'],
    ['آستانا', 'استانا'],
    ['ٱلله', 'الله'],
    ['سورية', 'سوريه'],
    ['مصطفى', 'مصطفي'],
    ['مسؤول', 'مسءول'],
    ['مسئول', 'مسءول'],
  ])('%s → %s', (input, expected) => expect(normalizeKey(input)).toBe(expected));

  it('unifies the hamza seats so مسؤول and مسئول match', () => {
    expect(normalizeKey('مسؤول')).toBe(normalizeKey('مسئول'));
  });

  it('strips harakat, tanwin, shadda, sukun and superscript alef', () => {
    expect(normalizeKey('مُذَكِّرَةٌ')).toBe('مذكره');
    expect(normalizeKey('جُنْدِيًّا')).toBe('جنديا');
    expect(normalizeKey('هٰذا')).toBe('هذا');
  });

  it('strips tatweel', () => expect(normalizeKey('سـوريـا')).toBe('سوريا'));

  it('strips zero-width and bidi controls', () => {
    expect(normalizeKey('إد\u200cلب')).toBe('ادلب');
    expect(normalizeKey('\u202bموسكو\u202c')).toBe('موسكو');
    expect(normalizeKey('\u2068أنقرة\u2069\u200f')).toBe('انقره');
    expect(normalizeKey('\ufeffدمشق')).toBe('دمشق');
  });

  it('folds presentation forms through NFKC', () => {
    expect(normalizeKey('\ufefb')).toBe('لا'); // lam-alef ligature
    expect(normalizeKey('\ufe8d\ufedf\ufe8e\ufeb3\ufeaa')).toBe('الاسد');
  });

  it('maps Persian and Urdu look-alikes to Arabic letters', () => {
    expect(normalizeKey('کی')).toBe('كي');
    expect(normalizeKey('ڤلاديمير')).toBe('فلاديمير');
    expect(normalizeKey('ە')).toBe('ه');
  });

  it('maps decomposed (NFD) hamza forms like the precomposed ones', () => {
    expect(normalizeKey('أنقرة'.normalize('NFD'))).toBe(normalizeKey('أنقرة'));
  });
});

describe('normalize: digits, Latin, punctuation', () => {
  it('maps Eastern Arabic-Indic and Persian digits', () => {
    expect(normalizeKey('٢٠١٨')).toBe('2018');
    expect(normalizeKey('۱۷/۹')).toBe('17/9');
  });

  it('case-folds Latin and strips accents', () => {
    expect(normalizeKey('Çavuşoğlu')).toBe('cavusoglu');
    expect(normalizeKey('ERDOĞAN')).toBe('erdogan');
    expect(normalizeKey('İstanbul')).toBe('istanbul');
    expect(normalizeKey('Straße')).toBe('strasse');
  });

  it('unifies quotes, apostrophes, dashes and spaces', () => {
    expect(normalizeKey('«سوتشي» “Sochi” „x‟ ״y״')).toBe('"سوتشي" "sochi" "x" "y"');
    expect(normalizeKey('Erdoğan’s')).toBe("erdogan's");
    expect(normalizeKey('السورية – التركية — x')).toBe('السوريه - التركيه - x');
    expect(normalizeKey('a\u00a0b')).toBe('a b');
  });

  it('keeps characters outside the BMP', () => expect(normalizeKey('a😀b')).toBe('a😀b'));
});

describe('normalize: offset map', () => {
  it('maps a normalized range back to the original, diacritics included', () => {
    const original = 'وقال لافروفُ في موسكو';
    const n = normalize(original);
    const at = n.text.indexOf('لافروف');
    const r = toOriginalRange(n, at, at + 'لافروف'.length);
    expect(original.slice(r.start, r.end)).toBe('لافروفُ'.slice(0, 6));
  });

  it('maps an expansion (ligature) to its single source character', () => {
    const original = 'x\ufefby';
    const n = normalize(original);
    expect(n.text).toBe('xلاy');
    expect(toOriginalRange(n, 1, 2)).toEqual({ start: 1, end: 2 });
    expect(toOriginalRange(n, 1, 3)).toEqual({ start: 1, end: 2 });
  });

  it('keeps CRLF offsets exact', () => {
    const original = 'سطر\r\nإدلب';
    const n = normalize(original);
    const at = n.text.indexOf('ادلب');
    const r = toOriginalRange(n, at, at + 4);
    expect(original.slice(r.start, r.end)).toBe('إدلب');
  });

  it('rejects ranges outside the text', () => {
    expect(() => toOriginalRange(normalize('abc'), 2, 5)).toThrow(RangeError);
  });
});

const arabicChar = fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c));
const mixedChar = fc.oneof(
  arabicChar,
  fc.constantFrom('ـ', '\u064e', '\u0651', '\u200c', '\u202b', '\u2068', 'ﻻ', 'ﷲ', 'ß', 'İ', 'Ç', 'ğ', '«', '»', '—', ' ', '\n', '\r', '😀', 'ı'),
  fc.integer({ min: 0x20, max: 0x24f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xfb50, max: 0xfeff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const mixedText = fc.array(mixedChar, { maxLength: 80 }).map((a) => a.join(''));

describe('normalize: properties', () => {
  it('every normalized unit maps inside the original, in order', () => {
    fc.assert(
      fc.property(mixedText, (original) => {
        const n = normalize(original);
        expect(n.starts.length).toBe(n.text.length);
        let previousStart = 0;
        for (let i = 0; i < n.text.length; i++) {
          const s = n.starts[i]!;
          const e = n.ends[i]!;
          expect(s).toBeGreaterThanOrEqual(previousStart);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(original.length);
          previousStart = s;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeKey (the fast path without a map) gives the same text as normalize', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.array(mixedChar, { maxLength: 3000 }).map((a) => a.join(''))), (original) => {
        expect(normalizeKey(original)).toBe(normalize(original).text);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(mixedText, (original) => {
        const once = normalizeKey(original);
        expect(normalizeKey(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps any normalized range to an original range containing its sources', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (original, a, b) => {
        const n = normalize(original);
        if (n.text.length === 0) return;
        const start = a % n.text.length;
        const end = start + 1 + (b % (n.text.length - start));
        const r = toOriginalRange(n, start, end);
        expect(0 <= r.start && r.start < r.end && r.end <= original.length).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
