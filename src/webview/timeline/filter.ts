/**
 * Which events are shown and in which lanes. Pure (no DOM), unit-tested in node.
 * Entity names are matched in normalized form (the core's normalizeKey: hamza forms, ة/ه,
 * case and accents), so «اردوغان» finds «أردوغان» and "cavusoglu" finds "Çavuşoğlu".
 */
import { normalizedIncludes, normalizeKey } from '../../core/text/normalize';
import type { EntitySummary, FilterState, TimelineData, TimelineEvent } from '../protocol';

/** Score of `query` against `name`: 3 prefix, 2 substring, 1 in-order subsequence, 0 none. */
export function fuzzyScore(query: string, name: string): number {
  if (!query) return 0;
  if (name.startsWith(query)) return 3;
  if (name.includes(query)) return 2;
  let k = 0;
  for (let i = 0; i < name.length && k < query.length; i++) if (name[i] === query[k]) k++;
  // A subsequence spread over a long name is noise; ask for a compact one.
  return k === query.length && query.length >= 3 ? 1 : 0;
}

export class EntityFinder {
  private readonly keys: Array<{ entity: EntitySummary; names: string[] }>;

  constructor(entities: EntitySummary[]) {
    this.keys = entities.map((entity) => ({ entity, names: [...new Set([entity.label, ...entity.names].map(normalizeKey))] }));
  }

  /** Best matches first; `limit` of them. */
  find(query: string, limit = 8): EntitySummary[] {
    const q = normalizeKey(query).trim();
    if (!q) return [];
    return this.keys
      .map((k) => ({ e: k.entity, s: Math.max(...k.names.map((n) => fuzzyScore(q, n))) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.e.label.length - b.e.label.length)
      .slice(0, limit)
      .map((x) => x.e);
  }
}

/**
 * The free-text filter: whether the event's label or its date as written holds `text`
 * (normalized), as normalizeKey would find it, without a normalized copy of every label.
 */
export function textMatcher(text: string): (e: TimelineEvent) => boolean {
  const includes = normalizedIncludes(text);
  return (e) => includes(e.label) || (e.dateText !== undefined && includes(e.dateText));
}

/** The events the filter lets through, in their original (chronological) order. */
export function applyFilter(data: TimelineData, state: FilterState, finder: EntityFinder): TimelineEvent[] {
  return data.events.filter(eventFilter(data, state, finder));
}

/** Whether the filter lets an event through: applyFilter's test, for a caller that walks the events itself. */
export function eventFilter(data: TimelineData, state: FilterState, finder: EntityFinder): (e: TimelineEvent) => boolean {
  const typeOf = new Map(data.entities.map((e) => [e.id, e.type]));
  const kinds = new Set(state.kinds);
  const text = normalizeKey(state.text).trim();
  const textMatches = text ? textMatcher(text) : undefined;
  let entityIds: Set<string> | null = null;
  if (state.entityId) entityIds = new Set([state.entityId]);
  else if (state.entityQuery.trim()) entityIds = new Set(finder.find(state.entityQuery, 50).map((e) => e.id));
  return (e) =>
    kinds.has(e.kind) &&
    (!state.documentId || e.documentId === state.documentId) &&
    (!state.entityType || e.entities.some((id) => typeOf.get(id) === state.entityType)) &&
    (!entityIds || e.entities.some((id) => entityIds.has(id))) &&
    (!textMatches || textMatches(e));
}

export interface Lane {
  key: string;
  label: string;
  events: TimelineEvent[];
}

/** At most this many lanes by entity: the most frequent entities among the shown events. */
export const MAX_ENTITY_LANES = 40;
/**
 * At most this many lanes by document (the documents with the most events shown); the others'
 * events share one lane after them. A corpus of thousands would otherwise be a chart taller
 * than anyone scrolls.
 */
export const MAX_DOCUMENT_LANES = 100;

/** Groups events into lanes; in the entity and type modes an event may sit in several lanes. */
export function lanesOf(events: TimelineEvent[], data: TimelineData, mode: FilterState['lanes']): Lane[] {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const lanes = new Map<string, Lane>();
  const add = (key: string, label: string, e: TimelineEvent): void => {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { key, label, events: [] }));
    lane.events.push(e);
  };
  if (mode === 'document') {
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    for (const e of events) {
      const doc = e.documentId ? docs.get(e.documentId) : undefined;
      if (doc) add(doc.id, doc.title || doc.path, e);
      else add('~catalog', e.kind === 'agreement' ? 'Catalog: agreements' : 'Catalog: events', e);
    }
    const catalog = lanes.get('~catalog');
    lanes.delete('~catalog');
    let documentLanes = [...lanes.values()];
    if (documentLanes.length > MAX_DOCUMENT_LANES) {
      const ranked = documentLanes.sort((a, b) => b.events.length - a.events.length || a.key.localeCompare(b.key));
      documentLanes = ranked.slice(0, MAX_DOCUMENT_LANES);
      const rest = ranked.slice(MAX_DOCUMENT_LANES);
      const others: Lane = { key: '~others', label: `${rest.length} other documents`, events: rest.flatMap((l) => l.events).sort(byDate) };
      documentLanes.sort(byFirstDate);
      return [...documentLanes, others, ...(catalog ? [catalog] : [])];
    }
    return [...documentLanes.sort(byFirstDate), ...(catalog ? [catalog] : [])];
  }
  if (mode === 'type') {
    for (const e of events) {
      const types = new Set(e.entities.map((id) => entities.get(id)?.type).filter((t) => t !== undefined));
      if (types.size === 0) add('~none', 'No entity', e);
      for (const t of types) add(t, TYPE_LABELS[t] ?? t, e);
    }
    const order = Object.keys(TYPE_LABELS);
    return [...lanes.values()].sort((a, b) => rank(order, a.key) - rank(order, b.key));
  }
  const counts = new Map<string, number>();
  for (const e of events) for (const id of e.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_ENTITY_LANES);
  for (const [id] of top) {
    const entity = entities.get(id);
    for (const e of events) if (e.entities.includes(id)) add(id, entity?.label ?? id, e);
  }
  return [...lanes.values()];
}

const TYPE_LABELS: Record<string, string> = { person: 'People', place: 'Places', organization: 'Organizations', agreement: 'Agreements', event: 'Events', '~none': 'No entity' };
const rank = (order: string[], key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
const firstDate = (lane: Lane): string => lane.events[0]?.date ?? '';
const byFirstDate = (a: Lane, b: Lane): number => firstDate(a).localeCompare(firstDate(b));
const byDate = (a: TimelineEvent, b: TimelineEvent): number => a.date.localeCompare(b.date);
