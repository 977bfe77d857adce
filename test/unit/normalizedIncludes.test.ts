import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizedIncludes, normalizeKey } from '../../src/core/text/normalize';

// Units that normalization changes, drops or expands, next to the ones it keeps.
const UNITS = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ة', 'ه', 'ى', 'ي', 'ی', 'ؤ', 'ئ', 'ء', 'ل', 'م', 'ن', 'ر', 'د', 'و', 'غ', 'ک', 'ك',
  '\u064e', '\u064b', '\u0651', '\u0652', '\u0670', '\u0640', '\u200f', '\u200c', '\u2067', '\u2069', '\u00ad',
  '٣', '۳', '3', '٫', '.', ' ', '\u00a0', '«', '»', '"', '“', '’', "'", '–', '-',
  'A', 'a', 'S', 's', 'É', 'é', 'e', 'Ç', 'ç', 'c', 'ğ', 'g', 'ı', 'i', 'I', 'ß', 'æ', 'Æ', 'Ø', 'o',
  'ﻻ', 'ﺍ', 'ﻟ', '\ufdfa', '😀', '\ud83d',
];
const textArb = fc.array(fc.constantFrom(...UNITS), { maxLength: 30 }).map((u) => u.join(''));

/** The reference: what the timeline's filter did before, on a normalized copy of the text. */
const reference = (text: string, query: string): boolean => normalizeKey(text).includes(query);

describe('normalizedIncludes', () => {
  it('agrees with includes() on the normalized text, for queries cut from normalized texts', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.nat(), fc.nat(), (text, source, a, b) => {
        const normalized = normalizeKey(source);
        const start = normalized.length ? a % normalized.length : 0;
        const query = normalized.slice(start, start + 1 + (b % 6));
        expect(normalizedIncludes(query)(text)).toBe(reference(text, query));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with includes() for queries cut from the searched text itself (so that most match)', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const normalized = normalizeKey(text);
        const start = normalized.length ? a % normalized.length : 0;
        const query = normalized.slice(start, start + 1 + (b % 8));
        expect(normalizedIncludes(query)(text)).toBe(reference(text, query));
        expect(normalizedIncludes(query)(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the spelling variants the corpus has, and no other word', () => {
    expect(normalizedIncludes(normalizeKey('اردوغان'))('قال الرئيس إردوغانُ أمس')).toBe(true);
    expect(normalizedIncludes(normalizeKey('مذكرة سوتشي'))('مذكـــرةِ سوتشي')).toBe(true);
    expect(normalizedIncludes(normalizeKey('cavusoglu'))('Mevlüt Çavuşoğlu said')).toBe(true);
    expect(normalizedIncludes(normalizeKey('17 ايلول'))('في ١٧ أيلول/سبتمبر')).toBe(true);
    expect(normalizedIncludes(normalizeKey('strasse'))('Die Straße')).toBe(true); // ß → ss
    expect(normalizedIncludes(normalizeKey('لا'))('ﻻ')).toBe(true); // the ligature
    expect(normalizedIncludes(normalizeKey('لافروف'))('قال لافرنتييف')).toBe(false);
    expect(normalizedIncludes('')('anything')).toBe(true);
  });
});
