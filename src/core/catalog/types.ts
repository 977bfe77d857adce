/**
 * The entity catalog: what Corpus Lens knows about people, places, organizations,
 * agreements and events. The JSON form (see schemas/catalog.schema.json) is what users
 * write in `.corpus/catalog.json`; the built-in catalog ships in `builtin/*.json`.
 */

export const ENTITY_TYPES = ['person', 'place', 'organization', 'agreement', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Text in several languages, keyed by BCP-47 language code (`ar`, `en`, `ru`, `tr`, …). */
export type LocalizedText = Partial<Record<string, string>> & { ar?: string; en?: string };

/** An alias as written in a catalog: a plain string, or an object with flags. */
export type AliasSpec = string | {
  /** The alias as the press writes it, in any script. */
  text: string;
  /**
   * An ambiguous alias (a bare first name «بشار», a bare «أوغلو») counts only in a document
   * that also has an unambiguous mention of the same entity.
   */
  ambiguous?: boolean;
};

/** A role a person held: title, the organization (entity id), and ISO dates. */
export interface Role {
  title: LocalizedText;
  organization?: string;
  /** ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  /** ISO date; absent while the role is held (as of the catalog's facts). */
  to?: string;
}

export interface Entity {
  /** Stable id, `<type>.<kebab-name>`, e.g. `person.sergey-lavrov`, `agreement.sochi-memorandum-2018`. */
  id: string;
  type: EntityType;
  /** Canonical names per language; at least `ar` and `en`. */
  names: LocalizedText;
  /** Further spellings in any script. The names themselves are always matched too. */
  aliases?: AliasSpec[];
  /** One paragraph per language. */
  description?: LocalizedText;
  /** People: the roles they held. */
  roles?: Role[];
  /** Agreements and events: a single date (ISO), or `from`/`to` for a span. */
  date?: string;
  from?: string;
  to?: string;
  /** Agreements: the signing parties (entity ids). */
  parties?: string[];
  /** Events: the participants (entity ids). */
  participants?: string[];
  /** Agreements and events: where it happened (entity id of a place). */
  place?: string;
  /** Related entities (ids), e.g. agreements that build on this one. */
  related?: string[];
  /** Where the facts come from: URLs or bibliographic references. */
  sources?: string[];
  notes?: string;
}

export interface CatalogFile {
  $schema?: string;
  /** Format version; currently 1. */
  version?: number;
  entities: Entity[];
}
