// Property tests over the engine with random Arabic, Latin and mixed input: nothing throws,
// every range lies inside the text and reproduces the reported text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/core/analysis/analyzeDocument';
import { builtinCatalog } from '../../src/core/catalog/builtin';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCatalog } from '../../src/core/catalog/parse';
import { decodeBytes } from '../../src/core/io/decode';
import { EntityMatcher } from '../../src/core/match/matcher';

const catalog = new Catalog([builtinCatalog()]);
const matcher = new EntityMatcher(catalog.aliases());
const names = catalog.aliases().map((a) => a.text).slice(0, 400);

/** Words that exercise the engine: names, clitics, dates, marks, invisibles, quotes, newlines. */
const piece = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom('و', 'ب', 'ل', 'ال', 'لل', 'وبال', 'ف'),
  fc.constantFrom('قال', 'أكد', '«', '»', '"', '“', '”', ':', '،', '.', '\n', '\r\n', ' ', '  ', '\t'),
  fc.constantFrom('4 أيار/مايو 2017', '١٧ أيلول ٢٠١٨', 'أمس الجمعة', '1441 هـ', '12/5/2019', 'اقرأ أيضاً: ', 'نحن نستخدم ملفات تعريف الارتباط'),
  fc.constantFrom('\u064e', '\u0651', 'ـ', '\u200c', '\u200f', '\u202b', '\u2068', '\ufeff', 'ﻻ', '😀', 'İ', 'ß'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)),
);
const text = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));

describe('engine under random input', () => {
  it('matcher: mentions lie inside the text, in order, without overlap, and reproduce their text', () => {
    fc.assert(
      fc.property(text, (t) => {
        let previousEnd = 0;
        for (const m of matcher.match(t)) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          if (m.clitic) expect(t.slice(m.start - m.clitic.length, m.start)).toBe(m.clitic);
          previousEnd = m.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('analyzeDocument: every range (mentions, dates, quotations, boilerplate) inside the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = analyzeDocument(t, { matcher, isPerson: (id) => id.startsWith('person.'), fileName: 'x.txt' });
        const inside = (r: { start: number; end: number }): void => {
          expect(0 <= r.start && r.start <= r.end && r.end <= t.length).toBe(true);
        };
        a.mentions.forEach(inside);
        a.dates.forEach(inside);
        a.quotations.forEach(inside);
        a.boilerplate.forEach(inside);
        for (const d of a.dates) expect(t.slice(d.start, d.end)).toBe(d.text);
      }),
      { numRuns: 300 },
    );
  });

  it('catalog parser: never throws; every diagnostic is positioned inside the file', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string(),
      fc.constantFrom('{"entities":[', '{"entities":[{"id":"person.x","type":"person","names":{"ar":"س"}},]}', '{"entities":[{"id":1}]}', '{,}', '{"entities":{}}'),
    );
    fc.assert(
      fc.property(jsonish, (src) => {
        const parsed = parseCatalog('c.json', src);
        for (const d of parsed.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.offset).toBeLessThanOrEqual(src.length);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decoder: never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.ok) expect(typeof r.text).toBe('string');
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('documents that are hard in other ways', () => {
  it('keeps offsets exact with CRLF and mixed line endings', () => {
    const t = 'عنوان\r\nوصل لافروف إلى موسكو\rثم أنقرة\nنهاية';
    for (const m of matcher.match(t)) expect(t.slice(m.start, m.end)).toBe(m.text);
    expect(matcher.match(t).map((m) => m.entityId)).toEqual(['person.sergey-lavrov', 'place.moscow', 'place.ankara']);
  });

  it('matches NFD-decomposed text with offsets into the decomposed original', () => {
    const t = 'زار الوفد أنقرة'.normalize('NFD');
    const [m] = matcher.match(t);
    expect(m?.entityId).toBe('place.ankara');
    expect(t.slice(m!.start, m!.end)).toBe('أنقرة'.normalize('NFD'));
  });

  it('survives text that is all diacritics, and a single huge line', () => {
    expect(matcher.match('\u064e\u064f\u0650\u0651'.repeat(5000))).toEqual([]);
    const line = 'وقال لافروف في موسكو '.repeat(20000);
    expect(matcher.match(line)).toHaveLength(40000);
  });

  it('handles RTL/LTR controls around names', () => {
    const t = '\u202bزار \u2067أردوغان\u2069 موسكو\u202c';
    expect(matcher.match(t).map((m) => m.entityId)).toEqual(['person.recep-tayyip-erdogan', 'place.moscow']);
  });
});
