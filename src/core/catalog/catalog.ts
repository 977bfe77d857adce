/**
 * The merged catalog: the built-in layer first, then each workspace catalog file in order.
 * An entity whose id already exists is merged into it: the fields it gives replace the
 * earlier ones (names and descriptions per language), and its aliases are added.
 * When two entities claim the same alias (compared in normalized form), the later layer
 * wins (a workspace catalog may reassign a built-in alias), within one layer the first
 * entity keeps it; either way a warning points at the alias that lost.
 */
import { normalizeKey } from '../text/normalize';
import { words } from '../text/tokenize';
import type { AliasInput } from '../match/matcher';
import { LineIndex, type CatalogDiagnostic } from './diagnostics';
import { parseCatalog, type LocatedEntity, type ParsedCatalog } from './parse';
import type { AliasSpec, Entity, EntityType } from './types';

/** A catalog file to load: its path (for messages) and its text. */
export interface CatalogSource {
  path: string;
  text: string;
}

/** Where an alias comes from, so conflicts and references can be reported in place. */
interface AliasOrigin {
  alias: AliasInput;
  layer: number;
  located: LocatedEntity;
  subPath: Array<string | number>;
}

export class Catalog {
  private readonly byId = new Map<string, Entity>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  private aliasList: AliasInput[] = [];
  readonly diagnostics: CatalogDiagnostic[] = [];

  /** Builds a catalog from already-parsed layers (index 0 = lowest priority). */
  constructor(layers: ParsedCatalog[], private readonly texts: Map<string, string> = new Map()) {
    const origins: AliasOrigin[] = [];
    const definedIn = new Map<string, LocatedEntity[]>();
    layers.forEach((layer, layerIndex) => {
      this.diagnostics.push(...layer.diagnostics);
      for (const located of layer.entities) {
        const { entity } = located;
        const previous = this.byId.get(entity.id);
        if (previous && previous.type !== entity.type) {
          this.warn(located, ['type'], 'type-change', `"${entity.id}" was a ${previous.type} in an earlier catalog; it is now a ${entity.type}.`);
        }
        this.byId.set(entity.id, previous ? mergeEntity(previous, entity) : structuredCloneEntity(entity));
        definedIn.set(entity.id, [...(definedIn.get(entity.id) ?? []), located]);
        for (const [lang, name] of Object.entries(entity.names)) {
          if (name) origins.push({ alias: { entityId: entity.id, text: name }, layer: layerIndex, located, subPath: ['names', lang] });
        }
        (entity.aliases ?? []).forEach((spec, k) => {
          origins.push({ alias: aliasInput(entity.id, spec), layer: layerIndex, located, subPath: ['aliases', k] });
        });
      }
    });
    this.assignAliases(origins);
    for (const locs of definedIn.values()) for (const loc of locs) this.checkReferences(loc);
  }

  /** Parses and merges catalog files; the built-in layer, if any, comes first. */
  static load(sources: CatalogSource[], builtin?: ParsedCatalog): Catalog {
    const layers = sources.map((s) => parseCatalog(s.path, s.text));
    return new Catalog(builtin ? [builtin, ...layers] : layers, new Map(sources.map((s) => [s.path, s.text])));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  entities(): IterableIterator<Entity> {
    return this.byId.values();
  }

  ofType(type: EntityType): Entity[] {
    return [...this.byId.values()].filter((e) => e.type === type);
  }

  /** The aliases the matcher should look for (names included), conflicts resolved. */
  aliases(): readonly AliasInput[] {
    return this.aliasList;
  }

  private assignAliases(origins: AliasOrigin[]): void {
    // Later layers first; within a layer, file order.
    const ordered = origins
      .map((o, i) => ({ o, i }))
      .sort((a, b) => b.o.layer - a.o.layer || a.i - b.i)
      .map((x) => x.o);
    const owner = new Map<string, AliasOrigin>();
    for (const origin of ordered) {
      const key = words(normalizeKey(origin.alias.text)).join(' ');
      if (!key) continue;
      const first = owner.get(key);
      if (!first) {
        owner.set(key, origin);
        this.aliasList.push(origin.alias);
        continue;
      }
      if (first.alias.entityId === origin.alias.entityId) {
        continue; // the same entity spelling a name twice (e.g. names.ar repeated in aliases)
      }
      this.warn(
        origin.located,
        origin.subPath,
        'alias-conflict',
        `Alias "${origin.alias.text}" of "${origin.alias.entityId}" is also claimed by "${first.alias.entityId}" (as "${first.alias.text}"); mentions go to "${first.alias.entityId}".`,
      );
    }
  }

  private checkReferences(located: LocatedEntity): void {
    const e = located.entity;
    const refs: Array<[Array<string | number>, string | undefined]> = [];
    (e.parties ?? []).forEach((id, k) => refs.push([['parties', k], id]));
    (e.participants ?? []).forEach((id, k) => refs.push([['participants', k], id]));
    (e.related ?? []).forEach((id, k) => refs.push([['related', k], id]));
    refs.push([['place'], e.place]);
    (e.roles ?? []).forEach((r, k) => refs.push([['roles', k, 'organization'], r.organization]));
    for (const [subPath, id] of refs) {
      if (id !== undefined && !this.byId.has(id)) {
        this.warn(located, subPath, 'missing-reference', `"${e.id}" refers to "${id}", which no catalog defines.`);
      }
    }
  }

  private lineIndex(path: string): LineIndex | undefined {
    let index = this.lineIndexes.get(path);
    const text = this.texts.get(path);
    if (!index && text !== undefined) {
      index = new LineIndex(text);
      this.lineIndexes.set(path, index);
    }
    return index;
  }

  private warn(located: LocatedEntity, subPath: Array<string | number>, code: string, message: string): void {
    const { offset, length } = located.locate(subPath);
    const pos = this.lineIndex(located.path)?.position(offset) ?? { line: 1, column: 1 };
    this.diagnostics.push({ path: located.path, message, severity: 'warning', code, offset, length, ...pos });
  }
}

function aliasInput(entityId: string, spec: AliasSpec): AliasInput {
  return typeof spec === 'string' ? { entityId, text: spec } : { entityId, text: spec.text, ambiguous: spec.ambiguous ?? false };
}

function structuredCloneEntity(e: Entity): Entity {
  return { ...e, names: { ...e.names }, aliases: [...(e.aliases ?? [])] };
}

function mergeEntity(previous: Entity, next: Entity): Entity {
  return {
    ...previous,
    ...next,
    names: { ...previous.names, ...next.names },
    description: previous.description || next.description ? { ...previous.description, ...next.description } : undefined,
    aliases: [...(previous.aliases ?? []), ...(next.aliases ?? [])],
  };
}
