/**
 * The in-memory index of a corpus: one analysis per document, keyed by a caller-chosen id
 * (a URI string in the extension, a relative path in the CLI), plus the per-entity views
 * the tree, the hovers and the timeline ask for.
 */
import type { DocumentAnalysis, DocumentMention } from '../analysis/analyzeDocument';
import type { Quotation } from '../analysis/quotes';

export interface IndexedDocument extends DocumentAnalysis {
  /** The caller's key: a URI string or a path. */
  id: string;
  /** Path relative to the corpus root, for display. */
  path: string;
  encoding?: string;
}

export interface EntityMention extends DocumentMention {
  documentId: string;
}

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private byEntity: Map<string, EntityMention[]> | undefined;

  get size(): number {
    return this.docs.size;
  }

  set(doc: IndexedDocument): void {
    this.docs.set(doc.id, doc);
    this.byEntity = undefined;
  }

  delete(id: string): boolean {
    this.byEntity = undefined;
    return this.docs.delete(id);
  }

  clear(): void {
    this.docs.clear();
    this.byEntity = undefined;
  }

  get(id: string): IndexedDocument | undefined {
    return this.docs.get(id);
  }

  documents(): IndexedDocument[] {
    return [...this.docs.values()];
  }

  /** Mentions of one entity across the corpus, boilerplate excluded, in document order. */
  mentionsOf(entityId: string): readonly EntityMention[] {
    return this.entityMap().get(entityId) ?? [];
  }

  /** Entity ids with their mention counts (boilerplate excluded), most mentioned first. */
  entityCounts(): Array<{ entityId: string; mentions: number; documents: number }> {
    return [...this.entityMap().entries()]
      .map(([entityId, ms]) => ({ entityId, mentions: ms.length, documents: new Set(ms.map((m) => m.documentId)).size }))
      .sort((a, b) => b.mentions - a.mentions || a.entityId.localeCompare(b.entityId));
  }

  /** Quotations attributed to an entity across the corpus, with their document. */
  quotationsOf(entityId: string): Array<Quotation & { documentId: string }> {
    const out: Array<Quotation & { documentId: string }> = [];
    for (const d of [...this.docs.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      for (const q of d.quotations) if (q.speaker === entityId) out.push({ ...q, documentId: d.id });
    }
    return out;
  }

  /** Total mentions, boilerplate excluded. */
  mentionCount(): number {
    let n = 0;
    for (const d of this.docs.values()) for (const m of d.mentions) if (!m.boilerplate) n++;
    return n;
  }

  /** Entities most often mentioned in the same documents as `entityId`. */
  coMentioned(entityId: string, limit = 5): Array<{ entityId: string; documents: number }> {
    const docsWith = new Set(this.mentionsOf(entityId).map((m) => m.documentId));
    const counts = new Map<string, number>();
    for (const id of docsWith) {
      const seen = new Set<string>();
      for (const m of this.docs.get(id)?.mentions ?? []) {
        if (m.boilerplate || m.entityId === entityId || seen.has(m.entityId)) continue;
        seen.add(m.entityId);
        counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      }
    }
    return [...counts.entries()]
      .map(([id, documents]) => ({ entityId: id, documents }))
      .sort((a, b) => b.documents - a.documents || a.entityId.localeCompare(b.entityId))
      .slice(0, limit);
  }

  private entityMap(): Map<string, EntityMention[]> {
    if (!this.byEntity) {
      const map = new Map<string, EntityMention[]>();
      const ordered = [...this.docs.values()].sort((a, b) => a.path.localeCompare(b.path));
      for (const d of ordered) {
        for (const m of d.mentions) {
          if (m.boilerplate) continue;
          let list = map.get(m.entityId);
          if (!list) map.set(m.entityId, (list = []));
          list.push({ ...m, documentId: d.id });
        }
      }
      this.byEntity = map;
    }
    return this.byEntity;
  }
}
