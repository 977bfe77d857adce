/**
 * The in-memory index of a corpus: one analysis per document, keyed by a caller-chosen id
 * (a URI string in the extension, a relative path in the CLI), plus the per-entity views
 * the tree, the hovers and the timeline ask for.
 *
 * Mentions are kept packed (packedMentions.ts), their strings interned across documents, so
 * a 100,000-document corpus fits in memory; a document's `mentions` are built as objects
 * only when someone reads them. Per-entity views keep (document, mention number) pairs.
 */
import type { DocumentAnalysis, DocumentMention, TextFacts } from '../analysis/analyzeDocument';
import type { Quotation } from '../analysis/quotes';
import type { DateMention, DocumentDate } from '../dates/types';
import type { OffsetRange } from '../text/normalize';
import { packDates, unpackDates, type PackedDates } from './packedDates';
import { countedOf, countedTotals, entityAt, forEachCountedEntity, isBoilerplateAt, mentionAt, mentionCount, packMentions, rangeAt, unpackMentions, type PackedMentions } from './packedMentions';

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

/** A document's analysis with its mentions and dates packed: what a worker sends back. */
export interface PackedAnalysis extends Omit<DocumentAnalysis, 'mentions' | 'dates'> {
  packed: PackedMentions;
  packedDates: PackedDates;
}

export function packAnalysis(analysis: DocumentAnalysis): PackedAnalysis {
  const { mentions, dates, ...rest } = analysis;
  return { ...rest, packed: packMentions(mentions), packedDates: packDates(dates) };
}

/** The analysis with its mentions and dates as objects again. */
export function unpackAnalysis<T extends PackedAnalysis>(p: T): Omit<T, 'packed' | 'packedDates'> & Pick<DocumentAnalysis, 'mentions' | 'dates'> {
  const { packed, packedDates, ...rest } = p;
  return { ...rest, mentions: unpackMentions(packed), dates: unpackDates(packedDates) };
}

export function packDocument(doc: IndexedDocument | PackedDocument): PackedDocument {
  if ('packed' in doc) return doc;
  const { mentions, dates, ...rest } = doc;
  return { ...rest, packed: packMentions(mentions), packedDates: packDates(dates) };
}

/** A document's text facts (rematchDocument) as a packed analysis holds them: dates packed. */
export type PackedTextFacts = Pick<PackedAnalysis, 'title' | 'boilerplate' | 'date' | 'packedDates'>;

export function packedTextFactsOf(doc: PackedTextFacts | TextFacts): PackedTextFacts {
  return { title: doc.title, boilerplate: doc.boilerplate, date: doc.date, packedDates: 'packedDates' in doc ? doc.packedDates : packDates(doc.dates) };
}

export function unpackTextFacts(p: PackedTextFacts): TextFacts {
  return { title: p.title, boilerplate: p.boilerplate, date: p.date, dates: unpackDates(p.packedDates) };
}

/** The buffers of a packed analysis, to transfer (not copy) when posting it to another thread. */
export function transferablesOf(p: PackedAnalysis): ArrayBuffer[] {
  return [p.packed.data.buffer as ArrayBuffer, p.packedDates.data.buffer as ArrayBuffer];
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
  readonly boilerplate: OffsetRange[];
  readonly quotations: Quotation[];
  readonly packed: PackedMentions;
  readonly packedDates: PackedDates;
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
    this.boilerplate = p.boilerplate;
    this.quotations = p.quotations;
    this.packed = p.packed;
    this.packedDates = p.packedDates;
    intern(p.packed.strings);
    intern(p.packedDates.strings);
    const totals = countedTotals(p.packed);
    this.countedMentions = totals.mentions;
    this.entityCount = totals.entities;
  }

  /** The mentions as objects, built on each read (the index keeps only the packed form). */
  get mentions(): DocumentMention[] {
    return unpackMentions(this.packed);
  }

  /** The date mentions as objects, built on each read. */
  get dates(): DateMention[] {
    return unpackDates(this.packedDates);
  }

  /** A plain copy with the mentions built once, for code that reads them many times. */
  materialize(): IndexedDocument {
    const { packed: _packed, packedDates: _packedDates, ...rest } = this.toPacked();
    return { ...rest, mentions: this.mentions, dates: this.dates };
  }

  toPacked(): PackedDocument {
    const p: PackedDocument = { id: this.id, path: this.path, title: this.title, date: this.date, boilerplate: this.boilerplate, quotations: this.quotations, packed: this.packed, packedDates: this.packedDates };
    if (this.encoding !== undefined) p.encoding = this.encoding;
    return p;
  }
}

/**
 * The documents that mention an entity (outside boilerplate) and how often in all. One
 * changed document touches only its own entities, in time independent of the corpus size:
 * it is appended, or noted as removed and dropped from the list when the list is next read.
 * (An array per entity, not a Map by document: 3 million entries at 100,000 documents went
 * in five times faster.) The mentions themselves are found in the document's packed list
 * when asked (countedOf). The documents in path order are sorted when asked for and kept
 * until the entity's documents change.
 */
interface EntityRefs {
  /** In no order; each document once, those in `removed` included until the next read. */
  docs: StoredDocument[];
  removed: Set<StoredDocument> | undefined;
  /** Mentions in all documents. */
  mentions: number;
  sorted: StoredDocument[] | undefined;
}

function removeRefs(map: Map<string, EntityRefs>, doc: StoredDocument): void {
  forEachCountedEntity(doc.packed, (entityId, count) => {
    const refs = map.get(entityId);
    if (!refs) return;
    (refs.removed ??= new Set()).add(doc);
    refs.mentions -= count;
    refs.sorted = undefined;
    if (documentCount(refs) === 0) map.delete(entityId);
  });
}

function addRefs(map: Map<string, EntityRefs>, doc: StoredDocument): void {
  forEachCountedEntity(doc.packed, (entityId, count) => {
    let refs = map.get(entityId);
    if (!refs) map.set(entityId, (refs = { docs: [], removed: undefined, mentions: 0, sorted: undefined }));
    // Removed and put back before the list was read: it is still in it.
    if (!refs.removed?.delete(doc)) refs.docs.push(doc);
    refs.mentions += count;
    refs.sorted = undefined;
  });
}

function documentCount(refs: EntityRefs): number {
  return refs.docs.length - (refs.removed?.size ?? 0);
}

/** The entity's documents, without the removed ones (dropped now, once). */
function liveDocs(refs: EntityRefs): StoredDocument[] {
  const removed = refs.removed;
  if (removed?.size) refs.docs = refs.docs.filter((d) => !removed.has(d));
  refs.removed = undefined;
  return refs.docs;
}

/** Path order by UTF-16 code units: cheap enough to sort 100,000 documents on a hover. */
function byPath(a: StoredDocument, b: StoredDocument): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function sortedDocs(refs: EntityRefs): StoredDocument[] {
  return (refs.sorted ??= [...liveDocs(refs)].sort(byPath));
}

/** Changes the index remembers by id (changedSince); past this many it forgets them all. */
const MAX_CHANGE_LOG = 4_096;

export class CorpusIndex {
  private docs = new Map<string, StoredDocument>();
  private byEntity: Map<string, EntityRefs> | undefined;
  /**
   * The ids set or deleted since generation `logFrom`, in order: a view that keeps something
   * per document (the timeline) asks what changed since it last looked instead of going
   * through 100,000 documents at every saved file.
   */
  private changeLog: string[] = [];
  private logFrom = 0;

  /**
   * @param eager keep the per-entity lists from the first document on, instead of building
   * them for the whole corpus at the first question. An index filled in the background (the
   * extension's) so pays for them in small steps: built at once, 100,000 documents would
   * hold the extension host for seconds at the first hover.
   */
  constructor(private readonly eager = false) {
    if (eager) this.byEntity = new Map();
  }

  /** Takes over all that `other` holds, in constant time; `other` is left empty. */
  takeFrom(other: CorpusIndex): void {
    this.docs = other.docs;
    this.byEntity = other.byEntity;
    other.docs = new Map();
    other.byEntity = other.eager ? new Map() : undefined;
    this.forgetChanges();
    other.forgetChanges();
  }

  /** Grows with every change of the index (a document set or deleted, the index cleared or taken over). */
  get generation(): number {
    return this.logFrom + this.changeLog.length;
  }

  /**
   * The ids of the documents set or deleted since `generation` (in order, maybe repeated), or
   * undefined when the index no longer knows: more than MAX_CHANGE_LOG changes, a clear.
   */
  changedSince(generation: number): string[] | undefined {
    if (generation < this.logFrom || generation > this.generation) return undefined;
    return this.changeLog.slice(generation - this.logFrom);
  }

  private noteChange(id: string): void {
    this.changeLog.push(id);
    if (this.changeLog.length > MAX_CHANGE_LOG) this.forgetChanges();
  }

  /** Forgets every change so far: asked about any earlier generation, changedSince says it does not know. */
  private forgetChanges(): void {
    this.logFrom = this.generation + 1;
    this.changeLog = [];
  }

  get size(): number {
    return this.docs.size;
  }

  set(doc: IndexedDocument | PackedDocument): StoredDocument {
    const stored = doc instanceof StoredDocument ? doc : new StoredDocument(packDocument(doc));
    const old = this.docs.get(doc.id);
    this.docs.set(doc.id, stored);
    this.noteChange(doc.id);
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
    this.noteChange(id);
    if (this.byEntity) removeRefs(this.byEntity, old);
    return true;
  }

  clear(): void {
    this.docs.clear();
    this.byEntity = this.eager ? new Map() : undefined;
    this.forgetChanges();
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
    const out: EntityMention[] = [];
    for (const d of sortedDocs(refs)) for (const k of countedOf(d.packed, entityId)) out.push({ ...mentionAt(d.packed, k), documentId: d.id });
    return out;
  }

  /** Mentions of one entity in one document (boilerplate excluded), in order. */
  mentionsIn(entityId: string, documentId: string): EntityMention[] {
    const d = this.docs.get(documentId);
    return d ? countedOf(d.packed, entityId).map((k) => ({ ...mentionAt(d.packed, k), documentId: d.id })) : [];
  }

  /** How many mentions (boilerplate excluded) an entity has, without building them. */
  mentionCountOf(entityId: string): number {
    return this.entityMap().get(entityId)?.mentions ?? 0;
  }

  /** The documents that mention an entity, in document order, with counts and first mention. */
  documentsOf(entityId: string): EntityDocument[] {
    const refs = this.entityMap().get(entityId);
    if (!refs) return [];
    return sortedDocs(refs).map((d) => {
      const counted = countedOf(d.packed, entityId);
      return { documentId: d.id, count: counted.length, first: rangeAt(d.packed, counted[0]!) };
    });
  }

  /** Entity ids with their mention counts (boilerplate excluded), most mentioned first. */
  entityCounts(): Array<{ entityId: string; mentions: number; documents: number }> {
    const out: Array<{ entityId: string; mentions: number; documents: number }> = [];
    for (const [entityId, refs] of this.entityMap()) out.push({ entityId, mentions: refs.mentions, documents: documentCount(refs) });
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
    for (const doc of refs ? liveDocs(refs) : []) {
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
    return [...this.docs.values()].sort(byPath);
  }

  private entityMap(): Map<string, EntityRefs> {
    if (!this.byEntity) {
      const map = new Map<string, EntityRefs>();
      for (const d of this.docs.values()) addRefs(map, d);
      this.byEntity = map;
    }
    return this.byEntity;
  }
}
