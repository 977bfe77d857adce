/**
 * What the timeline panel sends to its webview: the events (from the core's timeline
 * builders), the entities they name and the documents. A document's sentences need its
 * text, which the index does not keep: it is read from the open editor if there is one (the
 * live text the analysis was made from) or from disk, a few files at a time, and dropped
 * once the document's events are made. The events are kept per analysis object and
 * catalog, so an unchanged document is not read again, and a re-analysed one is.
 */
import type { Catalog } from '../../core/catalog/catalog';
import { AgreementsByDate, compareEvents, type TimelineEvent } from '../../core/events';
import { catalogTimeline, documentTimeline } from '../../core/events/buildTimeline';
import type { StoredDocument } from '../../core/index/corpusIndex';
import type { EntitySummary, TimelineData } from '../../webview/protocol';
import type { CorpusService } from '../corpus/corpusService';
import { documentText } from '../corpus/documentText';
import { searchText } from './timelineView';

/** Files read at once for their sentences. */
const TEXTS_IN_FLIGHT = 16;

export class DocumentEvents {
  private readonly cache = new WeakMap<StoredDocument, { catalog: Catalog; events: TimelineEvent[] }>();

  async of(doc: StoredDocument, catalog: Catalog, agreements: AgreementsByDate): Promise<TimelineEvent[]> {
    const kept = this.cache.get(doc);
    if (kept?.catalog === catalog) return kept.events;
    // Without its text (deleted meanwhile), a document's events fall back to date + title labels.
    const events = documentTimeline(doc.materialize(), await documentText(doc.id), agreements);
    for (const e of events) searchText(e); // made now, a document at a time, not all at once on the first text filter
    this.cache.set(doc, { catalog, events });
    return events;
  }
}

export async function collectTimelineData(service: CorpusService, documentEvents: DocumentEvents): Promise<TimelineData> {
  const catalog = service.catalog;
  const agreements = new AgreementsByDate(catalog);
  const docs = service.index.documents();
  const events: TimelineEvent[] = [];
  for (let k = 0; k < docs.length; k += TEXTS_IN_FLIGHT) {
    for (const list of await Promise.all(docs.slice(k, k + TEXTS_IN_FLIGHT).map((d) => documentEvents.of(d, catalog, agreements)))) for (const e of list) events.push(e);
  }
  events.push(...catalogTimeline(catalog));
  events.sort(compareEvents);
  const named = new Set(events.flatMap((e) => e.entities));
  const entities: EntitySummary[] = [];
  for (const e of catalog.entities()) {
    if (!named.has(e.id)) continue;
    const names = [...Object.values(e.names), ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))].filter((n): n is string => !!n);
    entities.push({ id: e.id, type: e.type, label: e.names.ar ?? e.names.en ?? e.id, names });
  }
  return {
    events,
    entities,
    documents: docs.map((d) => ({ id: d.id, title: d.title, path: d.path })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}
