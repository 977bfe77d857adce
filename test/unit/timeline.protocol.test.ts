import { describe, expect, it } from 'vitest';
import { checkFilterState, checkHostMessage, checkWebviewMessage, DEFAULT_FILTER, isSvgDocument, LIMITS } from '../../src/webview/protocol';
import type { TimelineEvent } from '../../src/core/events';

const known = new Set(['m:file:///a.txt@10', 'd:file:///a.txt']);
const isKnown = (id: string): boolean => known.has(id);
const event: TimelineEvent = {
  id: 'm:file:///a.txt@10', kind: 'mention', label: 'قال لافروف', date: '2018-09-17', precision: 'day', uncertain: false,
  entities: ['person.sergey-lavrov'], documentId: 'file:///a.txt', range: { start: 0, end: 30 }, dateRange: { start: 10, end: 20 },
};

describe('checkWebviewMessage (host side)', () => {
  it('accepts each well-formed message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'rendered', count: 3, held: 5 },
      { type: 'open', eventId: 'm:file:///a.txt@10' },
      { type: 'filterChanged', state: DEFAULT_FILTER },
      { type: 'findDocuments', query: 'سوتشي' },
      { type: 'export', format: 'csv', eventIds: ['d:file:///a.txt'] },
      { type: 'export', format: 'svg', eventIds: [], svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>' },
    ]) expect(checkWebviewMessage(m, isKnown)).toEqual({ ok: true, value: m });
  });

  it('rejects unknown event ids, types and malformed fields', () => {
    const bad = [
      null, 'ready', [], { type: 'nope' },
      { type: 'open', eventId: 'm:file:///etc/passwd@0' },
      { type: 'open', eventId: 42 },
      { type: 'rendered', count: -1, held: 1 },
      { type: 'rendered', count: 1, held: 1.5 },
      { type: 'export', format: 'exe', eventIds: [] },
      { type: 'export', format: 'csv', eventIds: ['unknown'] },
      { type: 'filterChanged', state: { ...DEFAULT_FILTER, lanes: 'sideways' } },
      { type: 'filterChanged', state: { ...DEFAULT_FILTER, view: { from: 10, to: 5 } } },
      { type: 'findDocuments' },
      { type: 'findDocuments', query: 'x'.repeat(2_001) },
    ];
    for (const m of bad) expect(checkWebviewMessage(m, isKnown).ok, JSON.stringify(m)).toBe(false);
  });

  it('drops unknown fields from a filter state', () => {
    const r = checkFilterState({ ...DEFAULT_FILTER, extra: '<b>' });
    expect(r.ok && 'extra' in r.value).toBe(false);
  });
});

describe('isSvgDocument', () => {
  it('accepts a plain SVG and rejects scripts, handlers and other documents', () => {
    const ok = '<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect/></svg>';
    expect(isSvgDocument(ok)).toBe(true);
    expect(isSvgDocument('<html><svg xmlns="http://www.w3.org/2000/svg"></svg></html>')).toBe(false);
    expect(isSvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).toBe(false);
    expect(isSvgDocument('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>')).toBe(false);
    expect(isSvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:x()"/></svg>')).toBe(false);
    expect(isSvgDocument('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>')).toBe(false);
  });
});

describe('checkHostMessage (webview side)', () => {
  const data = { events: [event], entities: [{ id: 'person.sergey-lavrov', type: 'person', label: 'سيرغي لافروف', names: ['Lavrov'] }], documents: [{ id: 'file:///a.txt', title: 't', path: 'a.txt' }] };

  it('accepts init, update and focus', () => {
    expect(checkHostMessage({ type: 'init', data, state: null, focusEntity: null }).ok).toBe(true);
    expect(checkHostMessage({ type: 'update', data }).ok).toBe(true);
    expect(checkHostMessage({ type: 'focus', entityId: 'person.sergey-lavrov' }).ok).toBe(true);
  });

  it('takes progress as two counts, done at most total', () => {
    expect(checkHostMessage({ type: 'progress', done: 120, total: 10_003 })).toEqual({ ok: true, value: { type: 'progress', done: 120, total: 10_003 } });
    expect(checkHostMessage({ type: 'progress', done: 12, total: 10 }).ok).toBe(false);
    expect(checkHostMessage({ type: 'progress', done: -1, total: 10 }).ok).toBe(false);
    expect(checkHostMessage({ type: 'progress', done: '5', total: 10 }).ok).toBe(false);
  });

  it('rejects malformed events and states', () => {
    const withEvent = (patch: object) => ({ type: 'update', data: { ...data, events: [{ ...event, ...patch }] } });
    expect(checkHostMessage(withEvent({ date: '17/09/2018' })).ok).toBe(false);
    expect(checkHostMessage(withEvent({ kind: 'rumour' })).ok).toBe(false);
    expect(checkHostMessage(withEvent({ range: { start: 5, end: 2 } })).ok).toBe(false);
    expect(checkHostMessage(withEvent({ entities: 'x' })).ok).toBe(false);
    expect(checkHostMessage({ type: 'init', data, state: { lanes: 'x' }, focusEntity: null }).ok).toBe(false);
    expect(checkHostMessage({ type: 'eval', code: '1' }).ok).toBe(false);
  });

  it('wants the documents in every update as in the first data', () => {
    const { documents: _documents, ...withoutDocuments } = data;
    expect(checkHostMessage({ type: 'update', data: withoutDocuments }).ok).toBe(false);
    expect(checkHostMessage({ type: 'init', data: withoutDocuments, state: null, focusEntity: null }).ok).toBe(false);
    expect(checkHostMessage({ type: 'update', data: { ...data, documents: 'all' } }).ok).toBe(false);
    expect(checkHostMessage({ type: 'update', data: { ...data, documents: [{ id: 'file:///a.txt', title: 7, path: 'a.txt' }] } }).ok).toBe(false);
  });

  it('takes the documents found for a query: well-formed, at most the limit, within their total', () => {
    const documents = data.documents;
    const m = { type: 'documentMatches', query: 'a', documents, total: 40 };
    expect(checkHostMessage(m)).toEqual({ ok: true, value: m });
    expect(checkHostMessage({ ...m, total: 0 }).ok).toBe(false);
    expect(checkHostMessage({ ...m, query: 3 }).ok).toBe(false);
    expect(checkHostMessage({ ...m, documents: [{ id: 'x' }] }).ok).toBe(false);
    const many = Array.from({ length: LIMITS.documentMatches + 1 }, (_, k) => ({ id: `file:///${k}.txt`, title: '', path: `${k}.txt` }));
    expect(checkHostMessage({ ...m, documents: many, total: many.length }).ok).toBe(false);
  });

  it('takes a sample\'s total only as a count at least the sample\'s size', () => {
    expect(checkHostMessage({ type: 'update', data: { ...data, total: 140_000 } }).ok).toBe(true);
    expect(checkHostMessage({ type: 'update', data: { ...data, total: 0 } }).ok).toBe(false);
    expect(checkHostMessage({ type: 'update', data: { ...data, total: '9' } }).ok).toBe(false);
  });
});
