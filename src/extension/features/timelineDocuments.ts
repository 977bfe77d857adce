/**
 * The timeline's documents on the page. A large corpus has tens of thousands of them: posting
 * every title (megabytes) and listing them in a <select> froze the page. So the page gets only
 * the documents of the events it was sent (its lanes and details name them) and the chosen
 * one, and its document box asks the host, which searches them all here.
 * Pure (no `vscode`), unit-tested in node.
 */
import { sortSteps } from '../../core/index/sorted';
import { finishSteps } from '../../core/steps';
import { normalizedIncludes, normalizeKey } from '../../core/text/normalize';
import type { DocumentSummary, TimelineEvent } from '../../webview/protocol';

/** The most documents one answer of the document box lists. */
export const MAX_DOCUMENT_MATCHES = 50;

/**
 * Each list of documents by id: the timeline's gathering registers the map it keeps (updated
 * in place as documents change), so that the sample's documents are looked up, not found by
 * going through 100,000 (30 ms per saved file). A list without one gets it built once.
 */
const byIdOf = new WeakMap<readonly DocumentSummary[], ReadonlyMap<string, DocumentSummary>>();

export function registerDocumentsById(all: readonly DocumentSummary[], byId: ReadonlyMap<string, DocumentSummary>): void {
  byIdOf.set(all, byId);
}

/** `all`'s documents that `events` come from, and the chosen one, in the order of the events (the chosen one last). */
export function documentsOfEvents(all: readonly DocumentSummary[], events: readonly TimelineEvent[], chosen: string | null): DocumentSummary[] {
  let byId = byIdOf.get(all);
  if (!byId) byIdOf.set(all, (byId = new Map(all.map((d) => [d.id, d]))));
  const wanted = new Set<string>();
  for (const e of events) if (e.documentId) wanted.add(e.documentId);
  if (chosen) wanted.add(chosen);
  const out: DocumentSummary[] = [];
  for (const id of wanted) {
    const d = byId.get(id);
    if (d) out.push(d);
  }
  return out;
}

export interface DocumentMatches {
  documents: DocumentSummary[];
  /** How many documents match in all (`documents` holds the first `limit`). */
  total: number;
}

/** Paths in the order a file browser shows them (doc-2 before doc-10). */
const BY_PATH = new Intl.Collator(undefined, { numeric: true });

/** Documents looked at between two steps of a search. */
const STEP_DOCUMENTS = 4_096;

/**
 * Finds documents for the page's document box, in a list sorted by path once, on the first
 * question (the timeline's list comes in the index's order, and most changes of the corpus are
 * never followed by a question). Sorting and searching come as steps: at 100,000 documents
 * each took up to a second at once.
 */
export class DocumentFinder {
  private sorted: DocumentSummary[] | undefined;

  constructor(private readonly all: readonly DocumentSummary[]) {}

  find(query: string, limit = MAX_DOCUMENT_MATCHES): DocumentMatches {
    return finishSteps(this.findSteps(query, limit));
  }

  /**
   * The documents whose title or path holds `query` after normalization (any hamza, ta
   * marbuta, harakat, case): first those whose title starts with it, then those whose title
   * holds it, then those whose path does, each by path. An empty query lists the first ones.
   */
  *findSteps(query: string, limit = MAX_DOCUMENT_MATCHES): Generator<void, DocumentMatches> {
    const all = (this.sorted ??= yield* sortSteps(this.all, (a, b) => BY_PATH.compare(a.path, b.path)));
    const q = normalizeKey(query).trim();
    if (!q) return { documents: all.slice(0, limit), total: all.length };
    const includes = normalizedIncludes(q);
    const ranks: DocumentSummary[][] = [[], [], []];
    for (let k = 0; k < all.length; k++) {
      const d = all[k]!;
      if (includes(d.title)) ranks[normalizeKey(d.title).trimStart().startsWith(q) ? 0 : 1]!.push(d);
      else if (includes(d.path)) ranks[2]!.push(d);
      if (k % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    }
    const ranked = ranks.flat();
    return { documents: ranked.slice(0, limit), total: ranked.length };
  }
}
