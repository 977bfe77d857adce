/**
 * The built-in catalog: Syria-conflict diplomacy 2011–2020. Shipped as JSON inside the
 * bundle (one file per kind of entity, so each stays reviewable) and validated by the same
 * parser as workspace catalogs; test/unit/builtinCatalog.test.ts keeps it free of problems.
 */
import agreementsEvents from './builtin/agreements-events.json';
import organizations from './builtin/organizations.json';
import people from './builtin/people.json';
import places from './builtin/places.json';
import { parseCatalog, type ParsedCatalog } from './parse';

export const BUILTIN_PATH = 'builtin';

const FILES: Array<[string, unknown]> = [
  ['people.json', people],
  ['organizations.json', organizations],
  ['places.json', places],
  ['agreements-events.json', agreementsEvents],
];

let cached: ParsedCatalog | undefined;

/** The built-in layer, parsed once. Its file texts are re-serialized for positions. */
export function builtinCatalog(): ParsedCatalog {
  if (!cached) {
    const parts = FILES.map(([name, data]) => parseCatalog(`${BUILTIN_PATH}/${name}`, JSON.stringify(data, null, 2)));
    cached = {
      path: BUILTIN_PATH,
      entities: parts.flatMap((p) => p.entities),
      diagnostics: parts.flatMap((p) => p.diagnostics),
    };
  }
  return cached;
}
