import { applyEdits, modify } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/catalog/types';
import { aliasChange, hasSpelling, kebab, newEntity, newEntityId } from '../../src/extension/features/catalogEntries';

const lavrov: Entity = { id: 'person.sergey-lavrov', type: 'person', names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov', ru: 'Сергей Лавров' }, aliases: ['لافروف'] };
const apply = (text: string, change: ReturnType<typeof aliasChange>): string =>
  applyEdits(text, modify(text, change.path, change.value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));

describe('new entity ids', () => {
  it('kebab-cases Latin names without accents and leaves other scripts out', () => {
    expect(kebab('Mevlüt Çavuşoğlu')).toBe('mevlut-cavusoglu');
    expect(kebab('  Astana  format (2017) ')).toBe('astana-format-2017');
    expect(kebab('مولود')).toBe('');
  });

  it('comes from the English name, else a Latin selection, else a numbered fallback; never a taken id', () => {
    const taken = new Set(['event.winter-storm', 'place.entity-1']);
    expect(newEntityId('event', 'Winter storm', 'عاصفة', (id) => taken.has(id))).toBe('event.winter-storm-2');
    expect(newEntityId('place', '', 'Tal Rifaat', (id) => taken.has(id))).toBe('place.tal-rifaat');
    expect(newEntityId('place', '', 'تل رفعت', (id) => taken.has(id))).toBe('place.entity-2');
  });

  it('uses the selection as the Arabic name, or as an alias of a different English name', () => {
    expect(newEntity('place.x', 'place', 'تل رفعت', 'Tal Rifaat')).toEqual({ id: 'place.x', type: 'place', names: { ar: 'تل رفعت', en: 'Tal Rifaat' } });
    expect(newEntity('event.x', 'event', 'Heavy snow', 'Winter storm')).toEqual({ id: 'event.x', type: 'event', names: { en: 'Winter storm' }, aliases: ['Heavy snow'] });
    expect(newEntity('event.y', 'event', 'Heavy snow', '')).toEqual({ id: 'event.y', type: 'event', names: { en: 'Heavy snow' } });
  });
});

describe('aliases', () => {
  it('knows spellings in normalized form', () => {
    expect(hasSpelling(lavrov, 'لافروف')).toBe(true);
    expect(hasSpelling(lavrov, 'SERGEY LAVROV')).toBe(true);
    expect(hasSpelling(lavrov, 'وزير الخارجية الروسي')).toBe(false);
  });

  it('adds an override entry (ar/en names copied) for an entity the file does not define', () => {
    const next = apply('{\n  "version": 1,\n  "entities": []\n}\n', aliasChange('{ "entities": [] }', lavrov, 'لافروف الوزير'));
    expect(JSON.parse(next).entities).toEqual([{ id: lavrov.id, type: 'person', names: { ar: 'سيرغي لافروف', en: 'Sergey Lavrov' }, aliases: ['لافروف الوزير'] }]);
  });

  it('appends to the entity’s aliases in the file, creating the array when missing', () => {
    const withAliases = '{ "entities": [ { "id": "x.a" }, { "id": "person.sergey-lavrov", "aliases": ["a"] } ] }';
    expect(aliasChange(withAliases, lavrov, 'b')).toEqual({ path: ['entities', 1, 'aliases', -1], value: 'b' });
    expect(JSON.parse(apply(withAliases, aliasChange(withAliases, lavrov, 'b'))).entities[1].aliases).toEqual(['a', 'b']);
    const without = '{ "entities": [ { "id": "person.sergey-lavrov" } ] }';
    expect(aliasChange(without, lavrov, 'b')).toEqual({ path: ['entities', 0, 'aliases'], value: ['b'] });
  });
});
