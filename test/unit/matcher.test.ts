import { describe, expect, it } from 'vitest';
import { EntityMatcher, type AliasInput } from '../../src/core/match/matcher';
import { cliticReadings } from '../../src/core/match/clitics';

const aliases: AliasInput[] = [
  { entityId: 'place.idlib', text: 'إدلب' },
  { entityId: 'place.ankara', text: 'أنقرة' },
  { entityId: 'place.moscow', text: 'موسكو' },
  { entityId: 'place.syria', text: 'سوريا' },
  { entityId: 'place.syria', text: 'سورية' },
  { entityId: 'place.latakia', text: 'اللاذقية' },
  { entityId: 'org.un', text: 'الأمم المتحدة' },
  { entityId: 'org.unsc', text: 'مجلس الأمن' },
  { entityId: 'org.kremlin', text: 'الكرملين' },
  { entityId: 'org.sdf', text: 'قوات سوريا الديمقراطية' },
  { entityId: 'person.assad', text: 'بشار الأسد' },
  { entityId: 'person.assad', text: 'الأسد' },
  { entityId: 'person.assad', text: 'بشار', ambiguous: true },
  { entityId: 'person.jaafari', text: 'بشار الجعفري' },
  { entityId: 'person.jaafari', text: 'الجعفري' },
  { entityId: 'person.cavusoglu', text: 'مولود جاويش أوغلو' },
  { entityId: 'person.cavusoglu', text: 'جاويش أوغلو' },
  { entityId: 'person.cavusoglu', text: 'تشاووش أوغلو' },
  { entityId: 'person.cavusoglu', text: 'أوغلو', ambiguous: true },
  { entityId: 'person.cavusoglu', text: 'Çavuşoğlu' },
  { entityId: 'person.erdogan', text: 'أردوغان' },
  { entityId: 'person.erdogan', text: 'Erdoğan' },
  { entityId: 'person.lavrov', text: 'لافروف' },
  { entityId: 'person.lavrov', text: 'سيرغي لافروف' },
  { entityId: 'person.lavrentiev', text: 'ألكسندر لافرنتييف' },
  { entityId: 'person.lavrentiev', text: 'لافرينتييف' },
  { entityId: 'agreement.2254', text: 'القرار 2254' },
];
const matcher = new EntityMatcher(aliases);

function found(text: string): Array<[string, string, string?]> {
  return matcher.match(text).map((m) => (m.clitic ? [m.entityId, m.text, m.clitic] : [m.entityId, m.text]));
}

describe('whole words', () => {
  it('finds a name between spaces and punctuation', () => {
    expect(found('وصل الوفد إلى موسكو، ثم أنقرة.')).toEqual([
      ['place.moscow', 'موسكو'],
      ['place.ankara', 'أنقرة'],
    ]);
  });

  it('does not match inside a longer word', () => {
    expect(found('الموسكوفيون والأنقرويون')).toEqual([]);
    expect(found('Erdoganism')).toEqual([]);
  });

  it('matches through diacritics, tatweel and letter variants, keeping the original text', () => {
    expect(found('زار إِدْلِب ثم انقره وسـوريا')).toEqual([
      ['place.idlib', 'إِدْلِب'],
      ['place.ankara', 'انقره'],
      ['place.syria', 'سـوريا', 'و'],
    ]);
  });
});

describe('Arabic proclitics', () => {
  it.each([
    ['بإدلب', 'ب'],
    ['وإدلب', 'و'],
    ['فإدلب', 'ف'],
    ['لإدلب', 'ل'],
    ['كإدلب', 'ك'],
    ['وبإدلب', 'وب'],
    ['ولإدلب', 'ول'],
    ['فبإدلب', 'فب'],
  ])('%s → إدلب with clitic %s', (word, clitic) => {
    expect(found(`قصف ${word} اليوم`)).toEqual([['place.idlib', word.slice(clitic.length), clitic]]);
  });

  it('strips و before the article (والكرملين)', () => {
    expect(found('والكرملين')).toEqual([['org.kremlin', 'الكرملين', 'و']]);
  });

  it('reads لل as ل + ال (للأمم المتحدة، للاذقية)', () => {
    expect(found('رسالة للأمم المتحدة')).toEqual([['org.un', 'لأمم المتحدة', 'ل']]);
    expect(found('عاد للاذقية')).toEqual([['place.latakia', 'لاذقية', 'ل']]);
    expect(found('وللأمم المتحدة')).toEqual([['org.un', 'لأمم المتحدة', 'ول']]);
  });

  it('strips a preposition before a multi-word name (لمجلس الأمن)', () => {
    expect(found('جلسة لمجلس الأمن حول إدلب')).toEqual([
      ['org.unsc', 'مجلس الأمن', 'ل'],
      ['place.idlib', 'إدلب'],
    ]);
  });

  it('keeps the clitic as written, tatweel and diacritics included', () => {
    const [m] = matcher.match('وَبِإدلب');
    expect(m?.clitic).toBe('وَبِ');
    expect(m?.text).toBe('إدلب');
  });

  it('does not read the adjective السورية as Syria', () => {
    expect(found('الحكومة السورية والقوات السورية')).toEqual([]);
  });

  it('prefers the unstripped reading of a word that starts like a clitic', () => {
    expect(cliticReadings('وليد')[0]).toEqual({ key: 'وليد', skip: 0, articleRemoved: false });
  });

  it('does not strip Latin words', () => {
    expect(cliticReadings('warsaw')).toHaveLength(1);
  });
});

describe('Latin text', () => {
  it('matches case- and accent-insensitively, with possessives', () => {
    expect(found("ERDOGAN's talks with Cavusoglu")).toEqual([
      ['person.erdogan', 'ERDOGAN'],
      ['person.cavusoglu', 'Cavusoglu'],
    ]);
  });
});

describe('longest match, leftmost first', () => {
  it('«قوات سوريا الديمقراطية» is the SDF, not Syria', () => {
    expect(found('أعلنت قوات سوريا الديمقراطية')).toEqual([['org.sdf', 'قوات سوريا الديمقراطية']]);
  });

  it('«بشار الجعفري» is Jaafari, never Assad', () => {
    expect(found('قال بشار الجعفري إن')).toEqual([['person.jaafari', 'بشار الجعفري']]);
  });

  it('«مولود جاويش أوغلو» is one mention', () => {
    expect(found('الوزير مولود جاويش أوغلو')).toEqual([['person.cavusoglu', 'مولود جاويش أوغلو']]);
  });

  it('does not join words across a line break', () => {
    expect(found('قوات سوريا\nالديمقراطية')).toEqual([['place.syria', 'سوريا']]);
  });

  it('matches a name with a number (القرار 2254), also in Eastern digits', () => {
    expect(found('تطبيق القرار ٢٢٥٤')).toEqual([['agreement.2254', 'القرار ٢٢٥٤']]);
  });
});

describe('ambiguous aliases', () => {
  it('drop a bare «بشار» in a document without a full mention of Assad', () => {
    expect(found('قال بشار إن الوضع صعب')).toEqual([]);
  });

  it('keep «بشار» when the document also names Bashar al-Assad', () => {
    expect(found('التقى الوفد بشار الأسد. وقال بشار إن')).toEqual([
      ['person.assad', 'بشار الأسد'],
      ['person.assad', 'بشار'],
    ]);
  });

  it('keep «أوغلو» only next to a full mention of Çavuşoğlu', () => {
    expect(found('وقال أوغلو')).toEqual([]);
    expect(found('جاويش أوغلو. وقال أوغلو')).toHaveLength(2);
  });

  it('a Jaafari mention does not confirm a bare «بشار» for Assad', () => {
    expect(found('بشار الجعفري. بشار')).toEqual([['person.jaafari', 'بشار الجعفري']]);
  });
});

describe('transliteration variants', () => {
  it('finds every catalogued spelling', () => {
    expect(found('ألكسندر لافرنتييف ولافرينتييف وتشاووش أوغلو وسيرغي لافروف').map((f) => f[0])).toEqual([
      'person.lavrentiev',
      'person.lavrentiev',
      'person.cavusoglu',
      'person.lavrov',
    ]);
  });
});

describe('alias conflicts', () => {
  it('keeps the first entity and reports the conflict', () => {
    const m = new EntityMatcher([
      { entityId: 'a', text: 'سوتشي' },
      { entityId: 'b', text: 'سوتشى' },
    ]);
    expect(m.conflicts).toEqual([{ alias: 'سوتشى', kept: 'a', dropped: 'b' }]);
    expect(m.match('في سوتشي').map((x) => x.entityId)).toEqual(['a']);
  });
});
