import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog/catalog';
import { EntitySearch } from '../../src/core/search/entitySearch';

const catalog = Catalog.load([
  {
    path: 'c.json',
    text: JSON.stringify({
      entities: [
        { id: 'person.erdogan', type: 'person', names: { ar: 'رجب طيب أردوغان', en: 'Recep Tayyip Erdoğan' }, aliases: ['إردوغان'] },
        { id: 'person.cavusoglu', type: 'person', names: { ar: 'مولود جاويش أوغلو', en: 'Mevlüt Çavuşoğlu' }, aliases: ['تشاووش أوغلو'] },
        { id: 'place.latakia', type: 'place', names: { ar: 'اللاذقية', en: 'Latakia' } },
        { id: 'agreement.sochi', type: 'agreement', names: { ar: 'مذكرة سوتشي', en: 'Sochi memorandum' }, date: '2018-09-17' },
      ],
    }),
  },
]);
const search = new EntitySearch(catalog);

describe('EntitySearch', () => {
  it('finds أردوغان from a spelling without hamza', () => {
    expect(search.search('اردوغان')[0]?.entity.id).toBe('person.erdogan');
  });

  it('finds جاويش أوغلو from Latin "cavusoglu"', () => {
    expect(search.search('cavusoglu')[0]?.entity.id).toBe('person.cavusoglu');
  });

  it('folds ة/ه and ى/ي that fuse.js alone would not', () => {
    expect(search.search('اللاذقيه')[0]?.entity.id).toBe('place.latakia');
  });

  it('tolerates a typo', () => {
    expect(search.search('Erdogn')[0]?.entity.id).toBe('person.erdogan');
  });

  it('returns nothing for an empty query', () => {
    expect(search.search('  ')).toEqual([]);
  });

  it('suggests near misses and reports the alias that matched', () => {
    const [hit] = search.didYouMean('تشاوش أوغلو');
    expect(hit?.entity.id).toBe('person.cavusoglu');
    expect(hit?.matched).toBe('تشاووش أوغلو');
    expect(search.didYouMean('Bundesbank')).toEqual([]);
  });
});
