/**
 * Timeline events: what the timeline webview draws and the CSV/JSON export writes. Plain
 * data (no class, no Map) because it crosses the webview boundary as JSON.
 */
import type { DatePrecision } from '../dates/types';
import type { OffsetRange } from '../text/normalize';

/**
 * Where an event comes from: a dated sentence of a document, a document's own date, or a
 * catalogued agreement or event.
 */
export type TimelineEventKind = 'mention' | 'document' | 'agreement' | 'event';
export const TIMELINE_EVENT_KINDS: readonly TimelineEventKind[] = ['mention', 'document', 'agreement', 'event'];

export interface TimelineEvent {
  /** Stable across rebuilds of the same text: `m:<documentId>@<dateStart>`, `d:<documentId>`, `c:<entityId>`. */
  id: string;
  kind: TimelineEventKind;
  /** The sentence (trimmed, whitespace collapsed, at most ~200 chars), a title, or a catalog name. */
  label: string;
  /** ISO start: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  /** ISO end of a span (catalog events with `from`/`to`); absent for points. */
  endDate?: string;
  /** A span that has started and not ended (catalog `from` without `to`). */
  openEnded?: boolean;
  precision: DatePrecision;
  /** Month/year precision, or a year-less date placed through an agreement link. */
  uncertain: boolean;
  /** Entity ids: mentioned in the sentence (document order), or the catalog entry and its parties. */
  entities: string[];
  /** Agreements referred to by date ("مذكرة 17 أيلول/سبتمبر 2018"); also listed in `entities`. */
  linkedAgreements?: string[];
  /** The corpus document, for mention and document events. */
  documentId?: string;
  /** The passage to select when the event is opened: the sentence (or the dating expression). */
  range?: OffsetRange;
  /** The date expression itself, for mention events. */
  dateRange?: OffsetRange;
  /** The date as written, e.g. «17 أيلول/سبتمبر 2018». */
  dateText?: string;
  /** The catalog entry an agreement/event comes from. */
  catalogId?: string;
  /** An explanation from the date engine (Hijri source, inferred year, …). */
  note?: string;
}
