/**
 * What the timeline panel sends to its webview: the events (from the core's timeline
 * builders), the entities they name and the documents. A document's sentences need its
 * text, which the index does not keep: it is read from the open editor if there is one (the
 * live text the analysis was made from) or from disk, a few files at a time, and dropped
 * once the document's events are made. The events are kept per analysis object and
 * catalog, so an unchanged document is not read again, and a re-analysed one is.
 */
import type { Catalog } from '../../core/catalog/catalog';
import { AgreementsByDate, type TimelineEvent } from '../../core/events';
import { MergedTimeline } from '../../core/events/mergedTimeline';
import { catalogTimeline, documentTimeline } from '../../core/events/buildTimeline';
import type { CorpusIndex, StoredDocument } from '../../core/index/corpusIndex';
import type { DocumentSummary, EntitySummary, TimelineData } from '../../webview/protocol';
import type { CorpusService } from '../corpus/corpusService';
import { documentText } from '../corpus/documentText';
import { inOrderWindow } from '../corpus/inOrderWindow';
import { runInSlices, SLICE_MS, yieldToHost } from '../hostTurns';
import { registerSampleKeys } from './timelineSample';
import { registerDocumentsById } from './timelineDocuments';

/** Files read at once for their sentences. */
const TEXTS_IN_FLIGHT = 32;

/** What the last gathering found, for the next one to start from: only the documents changed since are looked at. */
interface Gathered {
  index: CorpusIndex;
  /** The index's generation when that gathering started. */
  generation: number;
  catalog: Catalog;
  /** Each document's events, by id (and the catalog's, under ''); changed in place by the next gathering. */
  sources: Map<string, readonly TimelineEvent[]>;
  /** The documents with events, by id; changed in place by the next gathering. */
  documents: Map<string, DocumentSummary>;
}

export class DocumentEvents {
  private readonly cache = new WeakMap<StoredDocument, { catalog: Catalog; events: TimelineEvent[] }>();
  /** The last finished gathering (collectTimelineData). */
  gathered: Gathered | undefined;
  private catalogEvents: { catalog: Catalog; events: TimelineEvent[] } | undefined;
  /** All the events in order, updated by the documents whose events changed. */
  readonly timeline = new MergedTimeline();

  /** The catalog's own agreements and events (made again only for another catalog). */
  ofCatalog(catalog: Catalog): TimelineEvent[] {
    if (this.catalogEvents?.catalog !== catalog) this.catalogEvents = { catalog, events: catalogTimeline(catalog) };
    return this.catalogEvents.events;
  }

  /** The document's events when they were made from this analysis with this catalog; undefined when its text must be read. */
  made(doc: StoredDocument, catalog: Catalog): TimelineEvent[] | undefined {
    const kept = this.cache.get(doc);
    return kept?.catalog === catalog ? kept.events : undefined;
  }

  /** @param keptText the indexer's kept text of a document (CorpusService.keptText) */
  async of(doc: StoredDocument, catalog: Catalog, agreements: AgreementsByDate, keptText?: (id: string) => string | undefined): Promise<TimelineEvent[]> {
    const made = this.made(doc, catalog);
    if (made) return made;
    // Without its text (deleted meanwhile), a document's events fall back to date + title labels.
    const events = documentTimeline(doc.materialize(), await documentText(doc.id, undefined, keptText), agreements);
    this.cache.set(doc, { catalog, events });
    return events;
  }
}

/**
 * @param progress called after each document with how many are done of how many
 * @param stopped checked between documents: true stops reading (the panel was closed), and
 * the result is undefined. What was read stays in `documentEvents` for the next time.
 */
export async function collectTimelineData(
  service: CorpusService,
  documentEvents: DocumentEvents,
  progress?: (done: number, total: number) => void,
  stopped: () => boolean = () => false,
): Promise<TimelineData | undefined> {
  const catalog = service.catalog;
  const agreements = new AgreementsByDate(catalog);
  const index = service.index;
  const generation = index.generation; // changes made while this runs are the next one's
  const keptText = (id: string): string | undefined => service.keptText(id);
  // After a change, the documents changed since the last gathering (the index keeps their
  // ids); all of them the first time, after a catalog change, or when the index lost count.
  // Going through every document cost 25 ms per saved file at 10,000 documents.
  const last = documentEvents.gathered;
  const changed = last && last.index === index && last.catalog === catalog ? index.changedSince(last.generation) : undefined;
  // Changed in place: a copy of 100,000 entries per saved file held the host. (MergedTimeline
  // keeps its own map, so it still sees what changed.)
  const sources = changed ? last!.sources : new Map<string, readonly TimelineEvent[]>();
  const toLookAt = changed ? [...new Set(changed)] : undefined;
  const docs: StoredDocument[] = [];
  if (toLookAt) {
    for (const id of toLookAt) {
      const d = index.get(id);
      if (d) docs.push(d);
      else sources.delete(id);
    }
  } else docs.push(...index.documents());
  // Most documents have their events made already: taken here in one loop. (Through the
  // reading window below, each cost a few async turns.)
  const unread: StoredDocument[] = [];
  for (const d of docs) {
    const made = documentEvents.made(d, catalog);
    if (made) sources.set(d.id, made);
    else unread.push(d);
  }
  let done = docs.length - unread.length;
  if (unread.length) progress?.(done, docs.length);
  // Files are read a few at a time, the window filled again once half of it is done (not in
  // batches that wait for their slowest read). Kept texts need no reading, so nothing would
  // wait: the host gets its turns by the clock.
  let sliceStart = Date.now();
  await inOrderWindow(
    unread,
    TEXTS_IN_FLIGHT,
    stopped,
    async (d) => ({ id: d.id, events: await documentEvents.of(d, catalog, agreements, keptText) }),
    async ({ id, events }) => {
      sources.set(id, events);
      progress?.(++done, docs.length);
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToHost();
        sliceStart = Date.now();
      }
    },
  );
  if (stopped()) return undefined;
  sources.set('', documentEvents.ofCatalog(catalog)); // no document has an empty id
  await runInSlices(documentEvents.timeline.updateSteps(sources, toLookAt && [...toLookAt, '']));
  // No copy: the merged timeline never changes an array it handed out.
  const events = documentEvents.timeline.events as TimelineEvent[];
  registerSampleKeys(events, documentEvents.timeline.sampleKeys);
  const entities: EntitySummary[] = [];
  for (const e of catalog.entities()) {
    if (!documentEvents.timeline.names(e.id)) continue;
    const names = [...Object.values(e.names), ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))].filter((n): n is string => !!n);
    entities.push({ id: e.id, type: e.type, label: e.names.ar ?? e.names.en ?? e.id, names });
  }
  // Only documents with events: the page's document box offers them, and one without would
  // show nothing. In no particular order: the box sorts them when it lists them (timelineDocuments.ts).
  const byId = toLookAt ? last!.documents : new Map<string, DocumentSummary>();
  for (const id of toLookAt ?? []) byId.delete(id);
  for (const d of docs) if (sources.get(d.id)!.length > 0) byId.set(d.id, { id: d.id, title: d.title, path: d.path });
  documentEvents.gathered = { index, generation, catalog, sources, documents: byId };
  const documents = [...byId.values()];
  registerDocumentsById(documents, byId);
  return { events, entities, documents };
}
