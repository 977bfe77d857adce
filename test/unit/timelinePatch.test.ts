// An update of the timeline goes to the page as the change from what it holds; the page puts
// it together again and gets exactly the data the host would have sent whole.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/events';
import { checkHostMessage, type TimelineData } from '../../src/webview/protocol';
import { applyPatch, isEmptyPatch, patchOf } from '../../src/webview/timelinePatch';

function event(doc: number, k: number): TimelineEvent {
  return { id: `m:file:///d${doc}.txt@${k}`, kind: 'mention', label: `جملة ${doc}/${k}`, date: `20${17 + (k % 4)}-0${1 + (doc % 9)}-1${k % 10}`, precision: 'day', uncertain: false, entities: ['person.sergey-lavrov'], documentId: `file:///d${doc}.txt`, range: { start: k, end: k + 5 } };
}

const entities: TimelineData['entities'] = [{ id: 'person.sergey-lavrov', type: 'person', label: 'سيرغي لافروف', names: ['Lavrov', 'لافروف'] }];

function dataOf(events: TimelineEvent[], total?: number): TimelineData {
  const docs = [...new Set(events.map((e) => e.documentId!))].map((id) => ({ id, title: `عنوان ${id}`, path: id.slice(8) }));
  const data: TimelineData = { events, entities, documents: docs };
  if (total !== undefined) data.total = total;
  return data;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** What the page's data holds, with documents in any order. */
function comparable(d: TimelineData): unknown {
  return { ...d, documents: [...d.documents].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('patchOf / applyPatch', () => {
  it('rebuilds exactly the new data from the old, over many random changes', () => {
    const next = lcg(11);
    let page = dataOf(Array.from({ length: 400 }, (_, k) => event(k >> 2, k & 3)), 9_000);
    let host = page;
    for (let round = 0; round < 150; round++) {
      // A document analysed again: its events replaced (new objects, some with the same ids), some gone, some new.
      const doc = Math.floor(next() * 120);
      const events = host.events.filter((e) => e.documentId !== `file:///d${doc}.txt`);
      const count = Math.floor(next() * 5);
      for (let k = 0; k < count; k++) events.splice(Math.floor(next() * (events.length + 1)), 0, event(doc, k));
      const after = dataOf(events, next() < 0.2 ? undefined : 9_000 + round);
      const patch = patchOf(host, after, true)!;
      expect(patch).toBeDefined();
      const checked = checkHostMessage(JSON.parse(JSON.stringify({ type: 'patch', patch })));
      expect(checked.ok).toBe(true);
      const applied = applyPatch(page, (checked as { value: { patch: typeof patch } }).value.patch)!;
      expect(comparable(applied)).toEqual(comparable(JSON.parse(JSON.stringify(after))));
      page = applied;
      host = after;
    }
  });

  it('is small: a document with one new event changes one event and nothing else', () => {
    const before = dataOf(Array.from({ length: 2_000 }, (_, k) => event(k >> 3, k & 7)));
    const events = [...before.events];
    events.splice(700, 0, event(5_000, 1));
    const patch = patchOf(before, dataOf(events), true)!;
    expect(patch.removed).toEqual([]);
    expect(patch.added).toEqual([event(5_000, 1)]);
    expect(patch.addedAt).toEqual([700]);
    expect(patch.documentsAdded.map((d) => d.id)).toEqual(['file:///d5000.txt']);
    expect(patch.documentsRemoved).toEqual([]);
    expect(patch.entities).toBeUndefined();
    expect(JSON.stringify(patch).length).toBeLessThan(1_000);
    expect(isEmptyPatch(patchOf(before, dataOf([...before.events]), true)!)).toBe(true);
  });

  it('carries the entities only when they changed, and gives up on a change of most events', () => {
    const before = dataOf(Array.from({ length: 100 }, (_, k) => event(k, 0)));
    expect(patchOf(before, before, false)!.entities).toBe(before.entities);
    expect(patchOf(before, dataOf(Array.from({ length: 100 }, (_, k) => event(k, 1))), true)).toBeUndefined();
  });

  it('refuses a patch that does not fit the page’s data, so the page asks for all of it', () => {
    const before = dataOf([event(1, 0), event(2, 0), event(3, 0)]);
    const after = dataOf([event(1, 0), event(4, 0), event(3, 0)]);
    const patch = patchOf(before, after, true)!;
    expect(applyPatch(before, patch)).toBeDefined();
    expect(applyPatch(dataOf([event(1, 0), event(3, 0)]), patch)).toBeUndefined(); // the page lacks a removed event
    expect(applyPatch(before, { ...patch, count: 4 })).toBeUndefined();
    expect(applyPatch(before, { ...patch, addedAt: [3] })).toBeUndefined();
    expect(applyPatch(before, { ...patch, removed: [...patch.removed, ...patch.removed] })).toBeUndefined();
  });

  it('is checked on the page like the rest of the host’s data', () => {
    const patch = patchOf(dataOf([event(1, 0)]), dataOf([event(1, 0), event(2, 0)]), true)!;
    const bad = (p: object): boolean => checkHostMessage({ type: 'patch', patch: { ...patch, ...p } }).ok;
    expect(bad({})).toBe(true);
    expect(bad({ addedAt: [] })).toBe(false);
    expect(bad({ total: 0 })).toBe(false);
    expect(bad({ added: [{ ...event(2, 0), date: 'yesterday' }] })).toBe(false);
    expect(bad({ documentsAdded: [{ id: 'x' }] })).toBe(false);
    expect(bad({ entities: [{ id: 'x', type: 'wizard', label: 'x', names: [] }] })).toBe(false);
    expect(bad({ removed: 'all' })).toBe(false);
  });
});
