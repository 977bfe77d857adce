/**
 * The timeline's message protocol, shared by the extension host (timelinePanel.ts) and the
 * webview (timeline/main.ts). Both directions are typed unions, and both sides run the
 * validators below on what they receive: the webview is a sandboxed page showing corpus
 * text, so the host treats its messages as untrusted input (types, known event ids, sizes),
 * and the webview checks the host's data before drawing it.
 * No DOM and no `vscode` here: this file is compiled by both tsconfigs.
 */
import type { EntityType } from '../core/catalog/types';
import { ENTITY_TYPES } from '../core/catalog/types';
import type { TimelineEvent, TimelineEventKind } from '../core/events/types';
import { TIMELINE_EVENT_KINDS } from '../core/events/types';
import type { TimelinePatch } from './timelinePatch';

export type { TimelineEvent, TimelineEventKind, TimelinePatch };
export type LaneMode = 'document' | 'type' | 'entity';
export const LANE_MODES: readonly LaneMode[] = ['document', 'type', 'entity'];
export type ExportFormat = 'csv' | 'json' | 'svg';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'svg'];

/** What the user filtered and where they looked; saved by the webview and in workspaceState. */
export interface FilterState {
  /** Free text matched against labels. */
  text: string;
  /** What is typed in the entity box (fuzzy over entity names). */
  entityQuery: string;
  /** The entity chosen from the suggestions, or focused by "Show on Timeline". */
  entityId: string | null;
  /** Only events mentioning an entity of this type ('' = any). */
  entityType: EntityType | '';
  /** Event kinds shown. */
  kinds: TimelineEventKind[];
  documentId: string | null;
  lanes: LaneMode;
  /** The visible window in days since 1970-01-01 (UTC); null = fit the corpus. */
  view: { from: number; to: number } | null;
}

export const DEFAULT_FILTER: FilterState = {
  text: '',
  entityQuery: '',
  entityId: null,
  entityType: '',
  kinds: [...TIMELINE_EVENT_KINDS],
  documentId: null,
  lanes: 'document',
  view: null,
};

/** An entity as the webview needs it: names for fuzzy matching and display. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  /** Display name (Arabic first when there is one). */
  label: string;
  /** Every name and alias, any script, for the entity filter. */
  names: string[];
}

export interface DocumentSummary {
  id: string;
  title: string;
  path: string;
}

export interface TimelineData {
  events: TimelineEvent[];
  entities: EntitySummary[];
  /**
   * The documents of `events`, and the one the filter chose: what the page's lanes, details
   * and document box name. The box finds the others through the host (`findDocuments`).
   */
  documents: DocumentSummary[];
  /**
   * Set when `events` is a sample (a large corpus; timelineView.ts): how many events the
   * filter state the host last heard of lets through, of which `events` is a sample (timelineSample.ts).
   */
  total?: number;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'init'; data: TimelineData; state: FilterState | null; focusEntity: string | null }
  | { type: 'update'; data: TimelineData }
  // An update as the change from the data the page holds (timelinePatch.ts).
  | { type: 'patch'; patch: TimelinePatch }
  | { type: 'focus'; entityId: string }
  // The answer to `findDocuments`: the first matches of all `total`.
  | { type: 'documentMatches'; query: string; documents: DocumentSummary[]; total: number }
  // Before the first `init`: how many documents' dated sentences have been read, of how many.
  | { type: 'progress'; done: number; total: number };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  // A patch did not fit what the page holds: the host posts the whole data.
  | { type: 'resync' }
  | { type: 'open'; eventId: string }
  | { type: 'filterChanged'; state: FilterState }
  // What is typed in the document box: the host answers with `documentMatches`.
  | { type: 'findDocuments'; query: string }
  | { type: 'export'; format: 'csv' | 'json'; eventIds: string[] }
  | { type: 'export'; format: 'svg'; eventIds: string[]; svg: string }
  // Drawn: how many events, and how many the page holds (all it was sent, patches applied).
  | { type: 'rendered'; count: number; held: number };

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Limits that keep a misbehaving page from making the host allocate without bound. */
export const LIMITS = { ids: 200_000, svgChars: 20_000_000, text: 2_000, documentMatches: 200 } as const;

// ---- small guards -------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max: number = LIMITS.text): x is string => typeof x === 'string' && x.length <= max;
const isNat = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isRange = (x: unknown): boolean => isObj(x) && isNat(x.start) && isNat(x.end) && (x.end as number) >= (x.start as number);
const oneOf = <T extends string>(values: readonly T[], x: unknown): x is T => typeof x === 'string' && (values as readonly string[]).includes(x);
const strings = (x: unknown, max: number): x is string[] => Array.isArray(x) && x.length <= max && x.every((s) => isStr(s));
class Invalid extends Error {}
function need(cond: boolean, what: string): asserts cond {
  if (!cond) throw new Invalid(what);
}
function check<T>(parse: () => T): Checked<T> {
  try {
    return { ok: true, value: parse() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

// ---- shared pieces ------------------------------------------------------------------------

/** A filter state, from a message or from saved state; unknown fields are dropped. */
export function checkFilterState(x: unknown): Checked<FilterState> {
  return check(() => {
    need(isObj(x), 'state is not an object');
    need(isStr(x.text) && isStr(x.entityQuery), 'state text fields');
    need(x.entityId === null || isStr(x.entityId), 'state.entityId');
    need(x.entityType === '' || oneOf(ENTITY_TYPES, x.entityType), 'state.entityType');
    need(Array.isArray(x.kinds) && x.kinds.every((k) => oneOf(TIMELINE_EVENT_KINDS, k)), 'state.kinds');
    need(x.documentId === null || isStr(x.documentId), 'state.documentId');
    need(oneOf(LANE_MODES, x.lanes), 'state.lanes');
    const v = x.view;
    need(v === null || (isObj(v) && Number.isFinite(v.from) && Number.isFinite(v.to) && (v.to as number) > (v.from as number)), 'state.view');
    return {
      text: x.text,
      entityQuery: x.entityQuery,
      entityId: x.entityId,
      entityType: x.entityType,
      kinds: [...new Set(x.kinds as TimelineEventKind[])],
      documentId: x.documentId,
      lanes: x.lanes,
      view: v === null ? null : { from: (v as Obj).from as number, to: (v as Obj).to as number },
    };
  });
}

function checkEvent(e: unknown, k: number): void {
  need(isObj(e), `events[${k}]`);
  need(isStr(e.id) && oneOf(TIMELINE_EVENT_KINDS, e.kind) && isStr(e.label), `events[${k}] id/kind/label`);
  need(isStr(e.date) && ISO.test(e.date) && (e.endDate === undefined || (isStr(e.endDate) && ISO.test(e.endDate))), `events[${k}] dates`);
  need(oneOf(['day', 'month', 'year'] as const, e.precision) && typeof e.uncertain === 'boolean', `events[${k}] precision`);
  need(strings(e.entities, 10_000), `events[${k}].entities`);
  need(e.documentId === undefined || isStr(e.documentId), `events[${k}].documentId`);
  need(e.range === undefined || isRange(e.range), `events[${k}].range`);
  need(e.dateRange === undefined || isRange(e.dateRange), `events[${k}].dateRange`);
}

function checkDocument(doc: unknown): void {
  need(isObj(doc) && isStr(doc.id) && isStr(doc.title) && isStr(doc.path), 'document');
}

function checkEntity(en: unknown): void {
  need(isObj(en) && isStr(en.id) && oneOf(ENTITY_TYPES, en.type) && isStr(en.label) && strings(en.names, 1_000), 'entity');
}

function checkPatch(p: unknown): TimelinePatch {
  need(isObj(p), 'patch is not an object');
  need(strings(p.removed, LIMITS.ids), 'patch.removed');
  need(Array.isArray(p.added) && p.added.length <= LIMITS.ids, 'patch.added');
  p.added.forEach(checkEvent);
  need(Array.isArray(p.addedAt) && p.addedAt.length === p.added.length && p.addedAt.every(isNat), 'patch.addedAt');
  need(isNat(p.count) && p.count <= LIMITS.ids, 'patch.count');
  need(p.total === null || (isNat(p.total) && p.total >= p.count), 'patch.total');
  need(p.entities === undefined || Array.isArray(p.entities), 'patch.entities');
  (p.entities as unknown[] | undefined)?.forEach(checkEntity);
  need(strings(p.documentsRemoved, LIMITS.ids) && Array.isArray(p.documentsAdded) && p.documentsAdded.length <= LIMITS.ids, 'patch documents');
  p.documentsAdded.forEach(checkDocument);
  return p as unknown as TimelinePatch;
}

/** The webview's check of what the host sends. */
export function checkHostMessage(x: unknown): Checked<HostMessage> {
  return check(() => {
    need(isObj(x), 'message is not an object');
    if (x.type === 'focus') {
      need(isStr(x.entityId), 'focus.entityId');
      return { type: 'focus', entityId: x.entityId };
    }
    if (x.type === 'documentMatches') {
      need(isStr(x.query) && Array.isArray(x.documents) && x.documents.length <= LIMITS.documentMatches, 'documentMatches');
      x.documents.forEach(checkDocument);
      need(isNat(x.total) && x.total >= x.documents.length, 'documentMatches.total');
      return { type: 'documentMatches', query: x.query, documents: x.documents as DocumentSummary[], total: x.total };
    }
    if (x.type === 'progress') {
      need(isNat(x.done) && isNat(x.total) && x.done <= x.total, 'progress counts');
      return { type: 'progress', done: x.done, total: x.total };
    }
    if (x.type === 'patch') return { type: 'patch', patch: checkPatch(x.patch) };
    need(x.type === 'init' || x.type === 'update', `unknown message type ${String(x.type)}`);
    const d = x.data;
    need(isObj(d) && Array.isArray(d.events) && Array.isArray(d.entities) && Array.isArray(d.documents), 'data');
    need(d.events.length <= LIMITS.ids, 'too many events');
    d.events.forEach(checkEvent);
    d.entities.forEach(checkEntity);
    (d.documents as unknown[]).forEach(checkDocument);
    need(d.total === undefined || (isNat(d.total) && d.total >= d.events.length), 'data.total');
    const data = d as unknown as TimelineData;
    if (x.type === 'update') return { type: 'update', data };
    let state: FilterState | null = null;
    if (x.state !== null && x.state !== undefined) {
      const s = checkFilterState(x.state);
      need(s.ok, `init.state: ${s.ok ? '' : s.error}`);
      state = s.value;
    }
    need(x.focusEntity === null || x.focusEntity === undefined || isStr(x.focusEntity), 'init.focusEntity');
    return { type: 'init', data, state, focusEntity: (x.focusEntity as string | null | undefined) ?? null };
  });
}

/**
 * The host's check of what the webview sends: well-formed, within limits, and naming only
 * events the host itself sent (`isKnownEvent`).
 */
export function checkWebviewMessage(x: unknown, isKnownEvent: (id: string) => boolean): Checked<WebviewMessage> {
  return check((): WebviewMessage => {
    need(isObj(x), 'message is not an object');
    switch (x.type) {
      case 'ready':
        return { type: 'ready' };
      case 'resync':
        return { type: 'resync' };
      case 'rendered':
        need(isNat(x.count) && isNat(x.held), 'rendered counts');
        return { type: 'rendered', count: x.count, held: x.held };
      case 'open':
        need(isStr(x.eventId) && isKnownEvent(x.eventId), 'open.eventId is not a known event');
        return { type: 'open', eventId: x.eventId };
      case 'filterChanged': {
        const s = checkFilterState(x.state);
        need(s.ok, `filterChanged.state: ${s.ok ? '' : s.error}`);
        return { type: 'filterChanged', state: s.value };
      }
      case 'findDocuments':
        need(isStr(x.query), 'findDocuments.query');
        return { type: 'findDocuments', query: x.query };
      case 'export': {
        need(oneOf(EXPORT_FORMATS, x.format), 'export.format');
        need(strings(x.eventIds, LIMITS.ids) && x.eventIds.every(isKnownEvent), 'export.eventIds');
        if (x.format !== 'svg') return { type: 'export', format: x.format, eventIds: x.eventIds };
        need(isStr(x.svg, LIMITS.svgChars) && isSvgDocument(x.svg), 'export.svg is not an <svg> document');
        return { type: 'export', format: 'svg', eventIds: x.eventIds, svg: x.svg };
      }
      default:
        throw new Invalid(`unknown message type ${String(x.type)}`);
    }
  });
}

/**
 * A serialized SVG element and nothing else: starts with <svg in the SVG namespace, ends
 * with </svg>, and carries no script, foreignObject, event handler or javascript: URL (the
 * file may later be opened in a browser).
 */
export function isSvgDocument(s: string): boolean {
  const t = s.trim();
  if (!/^<svg[\s>]/.test(t) || !t.endsWith('</svg>') || !t.includes('xmlns="http://www.w3.org/2000/svg"')) return false;
  return !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<!ENTITY/i.test(t);
}
