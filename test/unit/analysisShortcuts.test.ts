/**
 * The shortcuts the analyses take for speed must give the answers of the plain way:
 * the header's dates taken from the whole text's scan, the speaker search on sorted mentions,
 * the backward speech-verb search, the boilerplate test without rebuilding every line.
 */
import { describe, expect, it } from 'vitest';
import { findBoilerplate, isBoilerplateLine } from '../../src/core/analysis/boilerplate';
import { findQuotations } from '../../src/core/analysis/quotes';
import { analyzeDates, detectDocumentDate } from '../../src/core/dates';
import { EntityMatcher } from '../../src/core/match/matcher';
import { normalize } from '../../src/core/text/normalize';

describe('document date from the header, reusing the scan of the whole text', () => {
  it('agrees with a scan of the header alone', () => {
    const text = 'العنوان\nأخبار | 05 فبراير 2020\nقال الوزير أمس إن المحادثات مستمرة.';
    const { date, dates } = analyzeDates(text, { fileName: 'x.txt' });
    expect(date).toEqual(detectDocumentDate({ text, fileName: 'x.txt' }));
    expect(date).toMatchObject({ value: '2020-02-05', source: 'header' });
    expect(dates.find((d) => d.text === 'أمس')?.value).toBe('2020-02-04');
  });

  it('scans an English header again when the body is Arabic (12/25/2019 reads month-first only in English)', () => {
    const text = 'Moscow talks\nNews | 12/25/2019\nBy staff\nPhoto: archive\nMoscow\n\nقال الوزير إن المحادثات مستمرة 12/25/2019.';
    const { date, dates } = analyzeDates(text, { fileName: 'x.txt' });
    expect(date).toMatchObject({ value: '2019-12-25', source: 'header', start: 20, end: 30 });
    expect(date).toEqual(detectDocumentDate({ text, fileName: 'x.txt' }));
    expect(dates.map((d) => d.text)).toEqual([]); // in the Arabic text, 12/25/2019 is no date
  });
});

describe('findQuotations shortcuts', () => {
  const matcher = new EntityMatcher([
    { entityId: 'person.lavrov', text: 'لافروف' },
    { entityId: 'person.zakharova', text: 'زاخاروفا' },
  ]);
  const text = 'زاخاروفا: أكد لافروف أن "المحادثات كانت بناءة ومفيدة" وقال 😀 "هذا كلام آخر طويل بما يكفي"';
  const quotes = (order: (m: ReturnType<EntityMatcher['match']>) => ReturnType<EntityMatcher['match']>) => {
    const n = normalize(text);
    return findQuotations(text, n, order(matcher.match(text, n)), (id) => id.startsWith('person.'));
  };

  it('finds the verb next to a surrogate pair, and the nearest speaker', () => {
    expect(quotes((m) => m).map((q) => [q.speaker, q.verb, q.text])).toEqual([
      ['person.lavrov', 'أكد', 'المحادثات كانت بناءة ومفيدة'],
      ['person.lavrov', 'قال', 'هذا كلام آخر طويل بما يكفي'],
    ]);
  });

  it('keeps the array-order rule for mentions that are not sorted', () => {
    expect(quotes((m) => [...m].reverse()).map((q) => q.speaker)).toEqual(['person.lavrov', 'person.zakharova']);
  });
});

describe('boilerplate lines with odd spacing and punctuation', () => {
  it.each([
    ['  أقسام  ...:', true],
    ['اقرأ\tأيضاً: خبر', true],
    ['•  خبر  عاجل', true],
    ['أخبار،', true],
    ['أخبار . :', false],
    ['أقسام الموقع', false],
    ['اقرأ\u00a0أيضاً: خبر', true],
    ['اقرأ\u2003 أيضاً: خبر', true],
    ['اقرأ أيضاً:\u3000', true],
    ['\ufeffأقسام', true],
    ['شاهد  أيضاً', true],
    [' أخبار', true],
  ])('%j → %s', (line, expected) => expect(isBoilerplateLine(line)).toBe(expected));

  it('finds them in a text with \\r, \\r\\n and \\n line ends', () => {
    const text = 'نص.\rأقسام\r\nاقرأ أيضاً: خبر\nنص آخر.';
    expect(findBoilerplate(text).map((r) => text.slice(r.start, r.end))).toEqual(['أقسام', 'اقرأ أيضاً: خبر']);
  });
});
