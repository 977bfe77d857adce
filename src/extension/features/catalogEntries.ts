/**
 * What "Add Selection to Catalog" writes: ids for new entities, the entity object, and the
 * jsonc change that adds an alias (to the entity in the workspace catalog, or to a new
 * override entry for a built-in entity, which the catalog merges by id).
 */
import { parse } from 'jsonc-parser';
import type { Entity, EntityType, LocalizedText } from '../../core/catalog/types';
import { normalizeKey } from '../../core/text/normalize';
import type { JsonChange } from './jsonFileEdit';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** Lower-case ASCII kebab form of a Latin name ("Mevlüt Çavuşoğlu" → "mevlut-cavusoglu"); '' for other scripts. */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * `<type>.<kebab of the English name>`, else of a Latin selection, else `<type>.entity-<n>`
 * (no transliteration: a guessed Latin spelling of an Arabic name would look authoritative).
 * A taken id gets `-2`, `-3`, …
 */
export function newEntityId(type: EntityType, englishName: string, selection: string, taken: (id: string) => boolean): string {
  const stem = kebab(englishName) || (ARABIC.test(selection) ? '' : kebab(selection));
  if (stem) {
    let id = `${type}.${stem}`;
    for (let k = 2; taken(id); k++) id = `${type}.${stem}-${k}`;
    return id;
  }
  let n = 1;
  while (taken(`${type}.entity-${n}`)) n++;
  return `${type}.entity-${n}`;
}

/** The new entity: the selection is its Arabic name (or its English one in Latin script). */
export function newEntity(id: string, type: EntityType, selection: string, englishName: string): Entity {
  const names: LocalizedText = {};
  const aliases: string[] = [];
  if (ARABIC.test(selection)) {
    names.ar = selection;
    if (englishName) names.en = englishName;
  } else {
    names.en = englishName || selection;
    if (englishName && normalizeKey(englishName) !== normalizeKey(selection)) aliases.push(selection);
  }
  return { id, type, names, ...(aliases.length ? { aliases } : {}) };
}

/** Whether `entity` already has `text` as a name or alias (compared in normalized form). */
export function hasSpelling(entity: Entity, text: string): boolean {
  const key = normalizeKey(text);
  const spellings = [...Object.values(entity.names), ...(entity.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))];
  return spellings.some((s) => !!s && normalizeKey(s) === key);
}

/** Ids defined in a catalog file's text (tolerant: a broken file yields what parses). */
export function idsIn(catalogText: string): Set<string> {
  const value = parse(catalogText, [], { allowTrailingComma: true }) as { entities?: unknown } | undefined;
  const list = Array.isArray(value?.entities) ? (value.entities as unknown[]) : [];
  return new Set(list.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
}

/**
 * The change that adds `alias` to `entity` in a catalog file: appended to the entity's
 * `aliases` when the file defines it, else a new entry with the same id (names copied, as
 * the schema requires them), which the catalog merges into the built-in entity.
 */
export function aliasChange(catalogText: string, entity: Entity, alias: string): JsonChange {
  const value = parse(catalogText, [], { allowTrailingComma: true }) as { entities?: unknown } | undefined;
  const list = Array.isArray(value?.entities) ? (value.entities as Array<{ id?: unknown; aliases?: unknown }>) : [];
  const index = list.findIndex((e) => e?.id === entity.id);
  if (index < 0) {
    const names: LocalizedText = {};
    if (entity.names.ar) names.ar = entity.names.ar;
    if (entity.names.en) names.en = entity.names.en;
    return { path: ['entities', -1], value: { id: entity.id, type: entity.type, names, aliases: [alias] } };
  }
  return Array.isArray(list[index]!.aliases)
    ? { path: ['entities', index, 'aliases', -1], value: alias }
    : { path: ['entities', index, 'aliases'], value: [alias] };
}
