import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/core/analysis/quotes';
import { EntityMatcher } from '../../src/core/match/matcher';
import { normalize } from '../../src/core/text/normalize';

const matcher = new EntityMatcher([
  { entityId: 'person.lavrov', text: 'لافروف' },
  { entityId: 'person.zakharova', text: 'ماريا زاخاروفا' },
  { entityId: 'person.zakharova', text: 'زاخاروفا' },
  { entityId: 'place.moscow', text: 'موسكو' },
  { entityId: 'person.erdogan', text: 'Erdogan' },
]);

function quotes(text: string) {
  const n = normalize(text);
  return findQuotations(text, n, matcher.match(text, n), (id) => id.startsWith('person.'));
}

describe('findQuotations', () => {
  it('attributes «…» after "وقال لافروف" to Lavrov', () => {
    const text = 'وقال لافروف في موسكو: «المحادثات كانت بناءة ومفيدة للطرفين».';
    const [q] = quotes(text);
    expect(q).toMatchObject({ speaker: 'person.lavrov', text: 'المحادثات كانت بناءة ومفيدة للطرفين', verb: 'قال' });
    expect(text.slice(q!.start, q!.end)).toBe(q!.text);
  });

  it('finds the speaker before the verb, with straight quotes and a feminine verb', () => {
    const [q] = quotes('ماريا زاخاروفا أكدت أن "موسكو ما زالت ملتزمة بالاتفاق".');
    expect(q).toMatchObject({ speaker: 'person.zakharova', text: 'موسكو ما زالت ملتزمة بالاتفاق', verb: 'أكدت' });
  });

  it('ignores quotes without a speech verb or without a person', () => {
    expect(quotes('وصف التقرير الوضع بأنه "هادئ نسبيا في المنطقة".')).toEqual([]);
    expect(quotes('وقال مصدر مطلع إن "الاجتماع سيعقد في موسكو قريبا".')).toEqual([]);
  });

  it('does not join quotes across lines', () => {
    expect(quotes('وقال لافروف "بداية\nنهاية الاقتباس هنا بعد السطر"')).toEqual([]);
  });

  it('works in English', () => {
    const [q] = quotes('Erdogan said: "We will not allow a terror corridor on our border."');
    expect(q).toMatchObject({ speaker: 'person.erdogan', verb: 'said' });
  });
});
