/**
 * The built-in catalog: Syria-conflict diplomacy 2011–2020. Shipped as JSON inside the
 * bundle (one file per kind of entity, so each stays reviewable).
 *
 * Every analysis worker loads it when it starts, so it is taken as it is: the JSON objects
 * become entities without the schema check and position tracking that workspace catalogs
 * get (those cost 180 ms a start, most of a worker's start-up). validatedBuiltinCatalog()
 * runs the full parser over the same files; test/unit/builtinCatalog.test.ts checks that it
 * finds no problem and the same entities.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import agreementsEvents from './builtin/agreements-events.json';
import organizations from './builtin/organizations.json';
import people from './builtin/people.json';
import places from './builtin/places.json';
import { parseCatalog, type LocatedEntity, type ParsedCatalog } from './parse';
import type { Entity } from './types';

export const BUILTIN_PATH = 'builtin';

const FILES: Array<[string, { entities: unknown[] }]> = [
  ['people.json', people],
  ['organizations.json', organizations],
  ['places.json', places],
  ['agreements-events.json', agreementsEvents],
];

/** The text of a built-in file as positions refer to it. */
function fileText(data: unknown): string {
  return JSON.stringify(data, null, 2);
}

let cached: ParsedCatalog | undefined;

/** The built-in layer, made once. Positions (for a warning about a built-in alias) are found when asked. */
export function builtinCatalog(): ParsedCatalog {
  if (!cached) {
    const entities: LocatedEntity[] = [];
    for (const [name, data] of FILES) {
      const path = `${BUILTIN_PATH}/${name}`;
      let tree: Node | undefined;
      data.entities.forEach((entity, index) => {
        entities.push({
          entity: entity as Entity,
          path,
          locate: (subPath) => {
            tree ??= parseTree(fileText(data));
            const n = (tree && findNodeAtLocation(tree, ['entities', index, ...subPath])) ?? (tree && findNodeAtLocation(tree, ['entities', index]));
            return n ? { offset: n.offset, length: n.length } : { offset: 0, length: 0 };
          },
        });
      });
    }
    cached = { path: BUILTIN_PATH, entities, diagnostics: [] };
  }
  return cached;
}

/** The built-in files through the workspace catalogs' parser: schema, duplicates, positions. */
export function validatedBuiltinCatalog(): ParsedCatalog {
  const parts = FILES.map(([name, data]) => parseCatalog(`${BUILTIN_PATH}/${name}`, fileText(data)));
  return { path: BUILTIN_PATH, entities: parts.flatMap((p) => p.entities), diagnostics: parts.flatMap((p) => p.diagnostics) };
}
