/**
 * The in-memory index of a corpus: one analysis per document, keyed by a caller-chosen id
 * (a URI string in the extension, a relative path in the CLI), plus the per-entity views
 * the tree, the hovers and the timeline ask for.
 *
 * Mentions are kept packed (packedMentions.ts), their strings interned across documents, so
 * a 100,000-document corpus fits in memory; a document's `mentions` are built as objects
 * only when someone reads them. Per-entity views keep (document, mention number) pairs.
 */
import type { DocumentAnalysis, DocumentMention } from '../analysis/analyzeDocument';
import type { Quotation } from '../analysis/quotes';
import type { DateMention, DocumentDate } from '../dates/types';
import type { OffsetRange } from '../text/normalize';
import { entityAt, isBoilerplateAt, mentionAt, mentionCount, packMentions, rangeAt, unpackMentions, type PackedMentions } from './packedMentions';

export interface IndexedDocument extends DocumentAnalysis {
  /** The caller's key: a URI string or a path. */
  id: string;
  /** Path relative to the corpus root, for display. */
  path: string;
  encoding?: string;
}

/** A document as the index stores it, caches it and receives it from workers: mentions packed. */
export interface PackedDocument extends PackedAnalysis {
  id: string;
  path: string;
  encoding?: string;
}

export interface EntityMention extends DocumentMention {
  documentId: string;
}

/** One document's share of an entity's mentions (boilerplate excluded). */
export interface EntityDocument {
  documentId: string;
  count: number;
  /** The first mention in the document. */
  first: OffsetRange;
}

/** A document's analysis with its mentions packed: what a worker sends back. */
export interface PackedAnalysis extends Omit<DocumentAnalysis, 'mentions'> {
  packed: PackedMentions;
}

export function packAnalysis(analysis: DocumentAnalysis): PackedAnalysis {
  const { mentions, ...rest } = analysis;
  return { ...rest, packed: packMentions(mentions) };
}

export function packDocument(doc: IndexedDocument | PackedDocument): PackedDocument {
  if ('packed' in doc) return doc;
  const { mentions, ...rest } = doc;
  return { ...rest, packed: packMentions(mentions) };
}

/**
 * One copy of each entity id, alias and surface form in the process: a document that comes
 * from a worker or the cache brings its own copies, which would otherwise stay alive, one
 * set per document. The set is bounded by the catalog's spellings.
 */
const internedStrings = new Map<string, string>();

function intern(strings: string[]): void {
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k]!;
    const known = internedStrings.get(s);
    if (known === undefined) internedStrings.set(s, s);
    else strings[k] = known;
  }
}

/** A stored document: reads like an IndexedDocument, keeps its mentions packed. */
export class StoredDocument implements IndexedDocument {
  readonly id: string;
  readonly path: string;
  readonly encoding?: string;
  readonly title: string;
  readonly date: DocumentDate;
  readonly dates: DateMention[];
  readonly boilerplate: OffsetRange[];
  readonly quotations: Quotation[];
  readonly packed: PackedMentions;
  /** Mentions outside boilerplate. */
  readonly countedMentions: number;
  /** Distinct entities among them. */
  readonly entityCount: number;

  constructor(p: PackedDocument) {
    this.id = p.id;
    this.path = p.path;
    if (p.encoding !== undefined) this.encoding = p.encoding;
    this.title = p.title;
    this.date = p.date;
    this.dates = p.dates;
    this.boilerplate = p.boilerplate;
    this.quotations = p.quotations;
    this.packed = p.packed;
    intern(p.packed.strings);
    const entities = new Set<string>();
    let counted = 0;
    for (let k = 0; k < mentionCount(p.packed); k++) {
      if (isBoilerplateAt(p.packed, k)) continue;
      counted++;
      entities.add(entityAt(p.packed, k));
    }
    this.countedMentions = counted;
    this.entityCount = entities.size;
  }

  /** The mentions as objects, built on each read (the index keeps only the packed form). */
  get mentions(): DocumentMention[] {
    return unpackMentions(this.packed);
  }

  /** A plain copy with the mentions built once, for code that reads them many times. */
  materialize(): IndexedDocument {
    const { packed: _packed, ...rest } = this.toPacked();
    return { ...rest, mentions: this.mentions };
  }

  toPacked(): PackedDocument {
    const p: PackedDocument = { id: this.id, path: this.path, title: this.title, date: this.date, dates: this.dates, boilerplate: this.boilerplate, quotations: this.quotations, packed: this.packed };
    if (this.encoding !== undefined) p.encoding = this.encoding;
    return p;
  }
}

/** The order of String#localeCompare, an order of magnitude faster on 100,000 paths. */
const collator = new Intl.Collator();

/** An entity's mentions: parallel lists of document and mention number, in document order. */
interface EntityRefs {
  docs: StoredDocument[];
  mentions: number[];
  /** Distinct documents in `docs`, kept up to date so entity counts need no pass over the lists. */
  documents: number;
}

/** Mention numbers of one document's counted mentions, by entity. */
function countedByEntity(doc: StoredDocument): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let k = 0; k < mentionCount(doc.packed); k++) {
    if (isBoilerplateAt(doc.packed, k)) continue;
    const id = entityAt(doc.packed, k);
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(k);
  }
  return out;
}

function removeRefs(map: Map<string, EntityRefs>, doc: StoredDocument): void {
  for (const entityId of countedByEntity(doc).keys()) {
    const refs = map.get(entityId);
    if (!refs) continue;
    const from = refs.docs.indexOf(doc);
    if (from < 0) continue;
    let to = from;
    while (to < refs.docs.length && refs.docs[to] === doc) to++;
    refs.docs.splice(from, to - from);
    refs.mentions.splice(from, to - from);
    refs.documents--;
    if (refs.docs.length === 0) map.delete(entityId);
  }
}

function addRefs(map: Map<string, EntityRefs>, doc: StoredDocument): void {
  for (const [entityId, mentions] of countedByEntity(doc)) {
    let refs = map.get(entityId);
    if (!refs) map.set(entityId, (refs = { docs: [], mentions: [], documents: 0 }));
    refs.documents++;
    // After every document whose path sorts before or equal to this one (binary search).
    let lo = 0;
    let hi = refs.docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collator.compare(refs.docs[mid]!.path, doc.path) <= 0) lo = mid + 1;
      else hi = mid;
    }
    // concat, not splice(...spread): a document can hold more mentions than a call takes arguments.
    refs.docs = refs.docs.slice(0, lo).concat(new Array<StoredDocument>(mentions.length).fill(doc), refs.docs.slice(lo));
    refs.mentions = refs.mentions.slice(0, lo).concat(mentions, refs.mentions.slice(lo));
  }
}

export class CorpusIndex {
  private readonly docs = new Map<string, StoredDocument>();
  private byEntity: Map<string, EntityRefs> | undefined;

  get size(): number {
    return this.docs.size;
  }

  set(doc: IndexedDocument | PackedDocument): StoredDocument {
    const stored = doc instanceof StoredDocument ? doc : new StoredDocument(packDocument(doc));
    const old = this.docs.get(doc.id);
    this.docs.set(doc.id, stored);
    // One changed file updates the per-entity lists in place rather than rebuilding them for
    // the whole corpus (the file watcher's case: one document out of 100,000).
    if (this.byEntity) {
      if (old) removeRefs(this.byEntity, old);
      addRefs(this.byEntity, stored);
    }
    return stored;
  }

  delete(id: string): boolean {
    const old = this.docs.get(id);
    if (!old) return false;
    this.docs.delete(id);
    if (this.byEntity) removeRefs(this.byEntity, old);
    return true;
  }

  clear(): void {
    this.docs.clear();
    this.byEntity = undefined;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  get(id: string): StoredDocument | undefined {
    return this.docs.get(id);
  }

  documents(): StoredDocument[] {
    return [...this.docs.values()];
  }

  /** Mentions of one entity across the corpus, boilerplate excluded, in document order. */
  mentionsOf(entityId: string): EntityMention[] {
    const refs = this.entityMap().get(entityId);
    if (!refs) return [];
    return refs.docs.map((d, k) => ({ ...mentionAt(d.packed, refs.mentions[k]!), documentId: d.id }));
  }

  /** How many mentions (boilerplate excluded) an entity has, without building them. */
  mentionCountOf(entityId: string): number {
    return this.entityMap().get(entityId)?.docs.length ?? 0;
  }

  /** The documents that mention an entity, in document order, with counts and first mention. */
  documentsOf(entityId: string): EntityDocument[] {
    const refs = this.entityMap().get(entityId);
    const out: EntityDocument[] = [];
    if (!refs) return out;
    for (let k = 0; k < refs.docs.length; k++) {
      const d = refs.docs[k]!;
      const last = out[out.length - 1];
      if (last && last.documentId === d.id) last.count++;
      else out.push({ documentId: d.id, count: 1, first: rangeAt(d.packed, refs.mentions[k]!) });
    }
    return out;
  }

  /** Entity ids with their mention counts (boilerplate excluded), most mentioned first. */
  entityCounts(): Array<{ entityId: string; mentions: number; documents: number }> {
    const out: Array<{ entityId: string; mentions: number; documents: number }> = [];
    for (const [entityId, refs] of this.entityMap()) out.push({ entityId, mentions: refs.docs.length, documents: refs.documents });
    return out.sort((a, b) => b.mentions - a.mentions || a.entityId.localeCompare(b.entityId));
  }

  /** Quotations attributed to an entity across the corpus, with their document. */
  quotationsOf(entityId: string): Array<Quotation & { documentId: string }> {
    const out: Array<Quotation & { documentId: string }> = [];
    for (const d of this.ordered()) {
      for (const q of d.quotations) if (q.speaker === entityId) out.push({ ...q, documentId: d.id });
    }
    return out;
  }

  /** Total mentions, boilerplate excluded. */
  mentionCount(): number {
    let n = 0;
    for (const d of this.docs.values()) n += d.countedMentions;
    return n;
  }

  /** Entities most often mentioned in the same documents as `entityId`. */
  coMentioned(entityId: string, limit = 5): Array<{ entityId: string; documents: number }> {
    const refs = this.entityMap().get(entityId);
    const counts = new Map<string, number>();
    for (const doc of new Set(refs?.docs ?? [])) {
      const seen = new Set<string>();
      for (let k = 0; k < mentionCount(doc.packed); k++) {
        const other = entityAt(doc.packed, k);
        if (other === entityId || seen.has(other) || isBoilerplateAt(doc.packed, k)) continue;
        seen.add(other);
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return [...counts.entries()]
      .map(([id, documents]) => ({ entityId: id, documents }))
      .sort((a, b) => b.documents - a.documents || a.entityId.localeCompare(b.entityId))
      .slice(0, limit);
  }

  private ordered(): StoredDocument[] {
    return [...this.docs.values()].sort((a, b) => collator.compare(a.path, b.path));
  }

  private entityMap(): Map<string, EntityRefs> {
    if (!this.byEntity) {
      const map = new Map<string, EntityRefs>();
      for (const d of this.ordered()) {
        for (let k = 0; k < mentionCount(d.packed); k++) {
          if (isBoilerplateAt(d.packed, k)) continue;
          const entityId = entityAt(d.packed, k);
          let refs = map.get(entityId);
          if (!refs) map.set(entityId, (refs = { docs: [], mentions: [], documents: 0 }));
          if (refs.docs[refs.docs.length - 1] !== d) refs.documents++;
          refs.docs.push(d);
          refs.mentions.push(k);
        }
      }
      this.byEntity = map;
    }
    return this.byEntity;
  }
}
