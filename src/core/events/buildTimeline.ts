/**
 * Builds the corpus timeline: every dated sentence, every document by its own date, and
 * every catalogued agreement and event. Pure: the index, the catalog and (optionally) the
 * documents' texts in, sorted events out. Without a text, a date mention still becomes an
 * event, labelled with its date expression and the document title.
 */
import type { Catalog } from '../catalog/catalog';
import type { Entity } from '../catalog/types';
import type { DateMention, DatePrecision } from '../dates/types';
import type { CorpusIndex, IndexedDocument } from '../index/corpusIndex';
import type { OffsetRange } from '../text/normalize';
import { AgreementsByDate, hasCueBefore } from './agreementLinks';
import { labelOf, sentenceAround } from './sentences';
import { firstIndex } from '../index/sorted';
import type { TimelineEvent } from './types';

export interface BuildTimelineOptions {
  /** The text the document's analysis was made from; sentences need it. */
  textOf?: (documentId: string) => string | undefined;
}

export function buildTimeline(index: CorpusIndex, catalog: Catalog, options: BuildTimelineOptions = {}): TimelineEvent[] {
  const agreements = new AgreementsByDate(catalog);
  const events: TimelineEvent[] = [];
  // One push per event: a spread of a huge document's events would overflow the call stack.
  for (const stored of index.documents()) for (const e of documentTimeline(stored.materialize(), options.textOf?.(stored.id), agreements)) events.push(e);
  events.push(...catalogTimeline(catalog));
  return events.sort(compareEvents);
}

/**
 * One document's events (unsorted): its own date and its dated sentences. A caller that
 * keeps these per analysis needs each document's text only once, not all texts at once.
 */
export function documentTimeline(doc: IndexedDocument, text: string | undefined, agreements: AgreementsByDate): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const dates = doc.dates;
  // A text that no longer matches its analysis (edited since) would give wrong sentences.
  const usable = text !== undefined && dates.every((d) => text.slice(d.start, d.end) === d.text) ? text : undefined;
  const documentEvent = eventOfDocument(doc);
  if (documentEvent) events.push(documentEvent);
  for (const mention of dates) {
    const e = eventOfMention(doc, mention, usable, agreements);
    if (e) events.push(e);
  }
  return events;
}

/** The catalogued agreements and events that carry dates (unsorted). */
export function catalogTimeline(catalog: Catalog): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const entity of catalog.entities()) {
    const e = eventOfEntity(entity);
    if (e) events.push(e);
  }
  return events;
}

/** Chronological; on the same start, documents before sentences before catalog entries, then by id. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  // Code-unit order: ISO dates sort right that way, ids only need some fixed order, and
  // localeCompare (a collation per call) made sorting a large corpus's events take 200 ms.
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sentence at most this much longer than its date is a dateline, not a story. */
const DATELINE_SLACK = 40;
const KIND_ORDER = { document: 0, mention: 1, agreement: 2, event: 3 } as const;

function eventOfDocument(doc: IndexedDocument): TimelineEvent | undefined {
  const { value, precision = precisionOf(value ?? '') } = doc.date;
  if (!value) return undefined;
  const range = doc.date.start !== undefined && doc.date.end !== undefined ? { start: doc.date.start, end: doc.date.end } : { start: 0, end: 0 };
  return {
    id: `d:${doc.id}`,
    kind: 'document',
    label: doc.title || doc.path,
    date: value,
    precision,
    uncertain: precision !== 'day' || doc.date.source === 'inferred',
    entities: distinct(doc.mentions.filter((m) => !m.boilerplate).map((m) => m.entityId)),
    documentId: doc.id,
    range,
    ...(doc.date.note ? { note: doc.date.note } : {}),
  };
}

function eventOfMention(doc: IndexedDocument, mention: DateMention, text: string | undefined, agreements: AgreementsByDate): TimelineEvent | undefined {
  if (inBoilerplate(doc.boilerplate, mention)) return undefined;
  const dateRange = { start: mention.start, end: mention.end };
  const sentence = text !== undefined ? sentenceAround(text, mention.start, mention.end) : dateRange;
  // A dateline ("World | Middle East | March 5, 2020") is already the document's own event;
  // a dating sentence with a story in it («التقى لافروف … يوم 29 ديسمبر 2018، …») stays.
  const isDocumentDate = doc.date.start === mention.start && doc.date.end === mention.end;
  if (isDocumentDate && sentence.end - sentence.start - (mention.end - mention.start) < DATELINE_SLACK) return undefined;
  const link = text !== undefined && hasCueBefore(text, mention.start) ? agreements.find(mention) : undefined;
  let date = mention.value;
  let uncertain = mention.precision !== 'day';
  if (!date || !mention.resolved || date.startsWith('--')) {
    // An unanchored date is kept only when an agreement link places it.
    if (!link) return undefined;
    date = link.date;
    uncertain = true;
  }
  // The sentence's mentions by binary search (mentions are in text order): a scan of every
  // mention per date would be quadratic in a long document.
  const mentions = doc.mentions;
  const named: string[] = [];
  for (let k = firstIndex(mentions, (m) => m.start >= sentence.start); k < mentions.length && mentions[k]!.start < sentence.end; k++) {
    const m = mentions[k]!;
    if (!m.boilerplate && m.end <= sentence.end) named.push(m.entityId);
  }
  const entities = distinct(named);
  if (link && !entities.includes(link.id)) entities.push(link.id);
  return {
    id: `m:${doc.id}@${mention.start}`,
    kind: 'mention',
    label: text !== undefined ? labelOf(text, sentence, dateRange) : `${mention.text} — ${doc.title || doc.path}`,
    date,
    precision: mention.precision,
    uncertain,
    entities,
    ...(link ? { linkedAgreements: [link.id] } : {}),
    documentId: doc.id,
    range: sentence,
    dateRange,
    dateText: mention.text,
    ...(mention.note ? { note: mention.note } : {}),
  };
}

function eventOfEntity(e: Entity): TimelineEvent | undefined {
  if (e.type !== 'agreement' && e.type !== 'event') return undefined;
  const start = e.date ?? e.from;
  if (!start || !/^\d{4}(-\d{2}){0,2}$/.test(start)) return undefined;
  const end = e.date ? undefined : e.to;
  const precision = precisionOf(start);
  return {
    id: `c:${e.id}`,
    kind: e.type,
    label: e.names.ar ?? e.names.en ?? e.id,
    date: start,
    ...(end && end !== start ? { endDate: end } : {}),
    ...(!e.date && !e.to ? { openEnded: true } : {}),
    precision,
    uncertain: precision !== 'day',
    entities: distinct([e.id, ...(e.parties ?? []), ...(e.participants ?? []), ...(e.place ? [e.place] : [])]),
    catalogId: e.id,
  };
}

function inBoilerplate(ranges: OffsetRange[], m: OffsetRange): boolean {
  return ranges.some((r) => r.start <= m.start && m.end <= r.end);
}

function precisionOf(value: string): DatePrecision {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'day' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'year';
}

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}
