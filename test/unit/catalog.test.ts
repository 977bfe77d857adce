import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCatalog } from '../../src/core/catalog/parse';

const lavrov = `{
  "id": "person.sergey-lavrov",
  "type": "person",
  "names": { "ar": "سيرغي لافروف", "en": "Sergey Lavrov" },
  "aliases": ["لافروف", { "text": "سيرغي", "ambiguous": true }]
}`;

function file(...entities: string[]): string {
  return `{\n"version": 1,\n"entities": [\n${entities.join(',\n')}\n]\n}\n`;
}

describe('parseCatalog', () => {
  it('reads a valid catalog without diagnostics', () => {
    const parsed = parseCatalog('c.json', file(lavrov));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entities.map((e) => e.entity.id)).toEqual(['person.sergey-lavrov']);
  });

  it('reports a trailing comma at its line and column and still uses the entities', () => {
    const text = file(lavrov).replace('}\n]\n}', '},\n]\n}');
    const parsed = parseCatalog('c.json', text);
    expect(parsed.diagnostics).toHaveLength(1);
    const [d] = parsed.diagnostics;
    expect(d).toMatchObject({ code: 'json-syntax', severity: 'error', line: 10, column: 1 });
    expect(d!.message).toContain('trailing comma');
    expect(parsed.entities).toHaveLength(1);
  });

  it('reports a truncated file', () => {
    const text = file(lavrov).slice(0, 60);
    const parsed = parseCatalog('c.json', text);
    expect(parsed.diagnostics.some((d) => d.code === 'json-syntax')).toBe(true);
  });

  it('reports a file that is not an object', () => {
    expect(parseCatalog('c.json', '[]').diagnostics[0]).toMatchObject({ code: 'schema', line: 1, column: 1 });
    expect(parseCatalog('c.json', '{"version":1}').diagnostics[0]!.message).toContain('no "entities" array');
  });

  it('points a schema violation at the offending value and keeps the other entities', () => {
    const bad = `{ "id": "place.x", "type": "city", "names": { "en": "X" } }`;
    const parsed = parseCatalog('c.json', file(lavrov, bad));
    expect(parsed.entities.map((e) => e.entity.id)).toEqual(['person.sergey-lavrov']);
    expect(parsed.diagnostics).toHaveLength(1);
    const [d] = parsed.diagnostics;
    expect(d!.message).toBe('Entity 2 ("place.x"): "type" must be one of "person", "place", "organization", "agreement", "event"');
    expect(d).toMatchObject({ line: 10, column: 28 });
  });

  it('reports a missing property, a bad date and a bad alias', () => {
    const parsed = parseCatalog(
      'c.json',
      file(
        `{ "id": "person.a", "type": "person" }`,
        `{ "id": "agreement.b", "type": "agreement", "names": { "en": "B" }, "date": "17/9/2018" }`,
        `{ "id": "place.c", "type": "place", "names": { "en": "C" }, "aliases": [42] }`,
      ),
    );
    expect(parsed.entities).toEqual([]);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      'Entity 1 ("person.a"): missing required property "names"',
      'Entity 2 ("agreement.b"): "date" has an invalid format (expected YYYY, YYYY-MM or YYYY-MM-DD)',
      'Entity 3 ("place.c"): "aliases.0" must be a string or an object { "text": …, "ambiguous": true }',
    ]);
  });

  it('reports a duplicate id at the second definition', () => {
    const parsed = parseCatalog('c.json', file(lavrov, lavrov));
    expect(parsed.entities).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'duplicate-id', line: 11, column: 9 });
  });
});

describe('Catalog', () => {
  it('merges layers: later fields win, aliases add up', () => {
    const base = file(lavrov);
    const override = file(`{ "id": "person.sergey-lavrov", "type": "person", "names": { "en": "Sergei Lavrov" }, "aliases": ["Lavrov"] }`);
    const c = Catalog.load([
      { path: 'a.json', text: base },
      { path: 'b.json', text: override },
    ]);
    const e = c.get('person.sergey-lavrov')!;
    expect(e.names).toEqual({ ar: 'سيرغي لافروف', en: 'Sergei Lavrov' });
    expect(e.aliases).toHaveLength(3);
    expect(c.aliases().map((a) => a.text)).toEqual(expect.arrayContaining(['Lavrov', 'لافروف', 'سيرغي لافروف']));
    expect(c.diagnostics).toEqual([]);
  });

  it('warns when two entities claim one alias, at the alias that lost', () => {
    const text = file(
      `{ "id": "person.a", "type": "person", "names": { "en": "A" }, "aliases": ["بشار"] }`,
      `{ "id": "person.b", "type": "person", "names": { "en": "B" }, "aliases": ["بشّار"] }`,
    );
    const c = Catalog.load([{ path: 'c.json', text }]);
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({ code: 'alias-conflict', severity: 'warning', line: 5 });
    expect(c.aliases().filter((a) => a.text.startsWith('بش')).map((a) => a.entityId)).toEqual(['person.a']);
  });

  it('lets a later layer take over an alias', () => {
    const c = Catalog.load([
      { path: 'a.json', text: file(`{ "id": "place.a", "type": "place", "names": { "en": "Sochi" } }`) },
      { path: 'b.json', text: file(`{ "id": "agreement.b", "type": "agreement", "names": { "en": "B" }, "aliases": ["Sochi"] }`) },
    ]);
    expect(c.aliases().find((a) => a.text === 'Sochi')?.entityId).toBe('agreement.b');
    expect(c.diagnostics[0]).toMatchObject({ path: 'a.json', code: 'alias-conflict' });
  });

  it('warns about references to missing ids', () => {
    const c = Catalog.load([
      { path: 'c.json', text: file(`{ "id": "agreement.x", "type": "agreement", "names": { "en": "X" }, "parties": ["place.nowhere"] }`) },
    ]);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-reference', severity: 'warning', line: 4, message: '"agreement.x" refers to "place.nowhere", which no catalog defines.' }),
    ]);
  });

  it('survives a large catalog', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `{ "id": "place.p${i}", "type": "place", "names": { "en": "Place ${i}" } }`);
    const c = Catalog.load([{ path: 'big.json', text: file(...many) }]);
    expect(c.size).toBe(20000);
    expect(c.diagnostics).toEqual([]);
  });
});
