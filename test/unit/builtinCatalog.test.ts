import { describe, expect, it } from 'vitest';
import { builtinCatalog, validatedBuiltinCatalog } from '../../src/core/catalog/builtin';
import { Catalog } from '../../src/core/catalog/catalog';
import { EntityMatcher } from '../../src/core/match/matcher';

const catalog = new Catalog([builtinCatalog()]);

describe('built-in catalog', () => {
  it('has no problems: valid schema, unique ids, no alias shared, no dangling reference', () => {
    const validated = new Catalog([validatedBuiltinCatalog()]);
    expect(validated.diagnostics.map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([]);
    expect(catalog.diagnostics.map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([]);
  });

  it('loads, unchecked, exactly the entities the full parser reads from its files', () => {
    const fast = builtinCatalog().entities;
    const validated = validatedBuiltinCatalog().entities;
    expect(fast.map((l) => l.entity)).toEqual(validated.map((l) => l.entity));
    expect(fast.map((l) => l.path)).toEqual(validated.map((l) => l.path));
    // Positions, found only when a warning asks, point where the parser's do.
    for (const k of [0, 7, fast.length - 1]) {
      for (const subPath of [['id'], ['aliases', 0], ['names', 'ar']]) {
        expect(fast[k]!.locate(subPath)).toEqual(validated[k]!.locate(subPath));
      }
    }
  });

  it('is large enough to serve an analyst: at least 250 entities, every type present', () => {
    expect(catalog.size).toBeGreaterThanOrEqual(250);
    for (const type of ['person', 'place', 'organization', 'agreement', 'event'] as const) {
      expect(catalog.ofType(type).length).toBeGreaterThan(10);
    }
  });

  it('gives every entity an Arabic and an English name and a source', () => {
    const missing = [...catalog.entities()].filter((e) => !e.names.ar || !e.names.en || !e.sources?.length).map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it.each([
    ['agreement.adana-1998', '1998-10-20'],
    ['agreement.geneva-communique-2012', '2012-06-30'],
    ['agreement.unsc-resolution-2254', '2015-12-18'],
    ['agreement.astana-memorandum-2017', '2017-05-04'],
    ['agreement.sochi-memorandum-2018', '2018-09-17'],
    ['agreement.us-turkey-ceasefire-2019', '2019-10-17'],
    ['agreement.sochi-mou-2019', '2019-10-22'],
    ['agreement.moscow-protocol-2020', '2020-03-05'],
  ])('dates %s to %s', (id, date) => {
    expect(catalog.get(id)?.date).toBe(date);
  });

  it.each([
    ['event.euphrates-shield', '2016-08-24'],
    ['event.olive-branch', '2018-01-20'],
    ['event.peace-spring', '2019-10-09'],
    ['event.spring-shield', '2020-02-27'],
  ])('starts %s on %s', (id, from) => {
    expect(catalog.get(id)?.from).toBe(from);
  });

  const matcher = new EntityMatcher(catalog.aliases());
  const ids = (text: string): string[] => matcher.match(text).map((m) => m.entityId);

  it.each([
    ['أردوغان', 'person.recep-tayyip-erdogan'],
    ['إردوغان', 'person.recep-tayyip-erdogan'],
    ['ألكسندر لافرينتييف', 'person.alexander-lavrentiev'],
    ['ألكسندر لافرنتييف', 'person.alexander-lavrentiev'],
    ['مولود تشاووش أوغلو', 'person.mevlut-cavusoglu'],
    ['سيرجي لافروف', 'person.sergey-lavrov'],
    ['أستانا', 'place.astana'],
    ['أستانة', 'place.astana'],
    ['سورية', 'place.syria'],
    ['ادلب', 'place.idlib'],
    ['Çavuşoğlu', 'person.mevlut-cavusoglu'],
  ])('knows the press spelling %s', (text, id) => {
    expect(ids(`وقال ${text} اليوم`)).toEqual([id]);
  });

  it('resolves the hard cases of the engine issue with the real catalog', () => {
    expect(ids('قوات سوريا الديمقراطية')).toEqual(['org.sdf']);
    expect(ids('بشار الجعفري')).toEqual(['person.bashar-al-jaafari']);
    expect(ids('بإدلب وأنقرة لمجلس الأمن')).toEqual(['place.idlib', 'place.ankara', 'org.un-security-council']);
  });
});
