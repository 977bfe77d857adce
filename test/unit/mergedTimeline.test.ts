// The timeline's events are kept in order across corpus changes by taking out the changed
// documents' events and merging their new ones in: always the same array a full sort gives.
import { describe, expect, it } from 'vitest';
import { compareEvents, type TimelineEvent } from '../../src/core/events';
import { MergedTimeline } from '../../src/core/events/mergedTimeline';
import { sampleKeyOf } from '../../src/core/events/sampleKey';
import { prng } from '../bench/generateCorpus';

const ENTITIES = ['person.sergey-lavrov', 'person.recep-tayyip-erdogan', 'place.idlib'];

describe('MergedTimeline', () => {
  it('equals a full sort after every change: lists replaced, documents added and removed, nothing changed', () => {
    const rnd = prng(42);
    let serial = 0;
    const seen: TimelineEvent[] = [];
    const list = (doc: string): TimelineEvent[] =>
      remember(Array.from({ length: Math.floor(rnd() * 6) }, () => ({
        id: `m:${doc}@${serial++}`,
        kind: rnd() < 0.2 ? 'document' : 'mention',
        label: 'x',
        date: `20${10 + Math.floor(rnd() * 10)}-0${1 + Math.floor(rnd() * 9)}${rnd() < 0.5 ? '-1' + Math.floor(rnd() * 10) : ''}`,
        precision: 'day',
        uncertain: false,
        entities: ENTITIES.filter(() => rnd() < 0.3),
        documentId: doc,
      })));
    const remember = (events: TimelineEvent[]): TimelineEvent[] => {
      seen.push(...events);
      return events;
    };
    const sources = new Map<string, TimelineEvent[]>();
    for (let d = 0; d < 200; d++) sources.set(`doc${d}`, list(`doc${d}`));
    const merged = new MergedTimeline();
    let lastSources = new Map<string, TimelineEvent[]>();
    for (let round = 0; round < 60; round++) {
      const r = rnd();
      if (r < 0.5) {
        const d = `doc${Math.floor(rnd() * 200)}`;
        sources.set(d, list(d)); // one document changed
      } else if (r < 0.6) sources.delete(`doc${Math.floor(rnd() * 200)}`);
      else if (r < 0.65) for (let k = 0; k < 80; k++) sources.set(`doc${k}`, list(`doc${k}`)); // a rebuild: many at once
      else if (r < 0.7) for (let k = 0; k < 40; k++) sources.set(`doc${k * 5}`, list(`doc${k * 5}`)); // past the splice limit, under a resort
      else if (r < 0.8) sources.set(`new${round}`, list(`new${round}`));
      const expected = [...sources.values()].flat().sort(compareEvents);
      // Half the time the caller names the sources that may have changed (the timeline does,
      // from the index's change log): every changed one, and a few that did not change.
      // A new map, or the caller's own changed in place (the timeline's gathering keeps one).
      const next = rnd() < 0.5 ? new Map(sources) : sources;
      const handedOut = merged.events;
      const asItWas = [...handedOut];
      if (rnd() < 0.5) {
        const keys = new Set([...next.keys(), ...lastSources.keys()].filter((k) => next.get(k) !== lastSources.get(k) || rnd() < 0.05));
        const steps = merged.updateSteps(next, keys);
        while (!steps.next().done);
      } else merged.update(next);
      lastSources = new Map(next);
      expect(handedOut).toEqual(asItWas); // an array handed out is never changed
      expect(merged.events).toEqual(expected);
      // The sampling keys stay beside their events.
      expect([...merged.sampleKeys]).toEqual(expected.map((e) => sampleKeyOf(e.id)));
      // The lookups follow: every event by its id, every named entity and no other.
      const current = new Set(expected);
      for (const e of seen) expect(merged.get(e.id)).toBe(current.has(e) ? e : undefined);
      const named = new Set(expected.flatMap((e) => e.entities));
      for (const id of ENTITIES) expect(merged.names(id)).toBe(named.has(id));
    }
  });

  it('forgets an entity and an event when the only document naming it changes', () => {
    const event = (id: string, entities: string[]): TimelineEvent => ({ id, kind: 'mention', label: id, date: '2019-10-22', precision: 'day', uncertain: false, entities });
    const merged = new MergedTimeline();
    const others = Array.from({ length: 20 }, (_, k) => [`doc${k}`, [event(`m:doc${k}@0`, ['place.idlib'])]] as const);
    merged.update(new Map([...others, ['x', [event('m:x@0', ['place.rare'])]]]));
    expect(merged.names('place.rare')).toBe(true);
    merged.update(new Map([...others, ['x', [event('m:x@5', ['place.idlib'])]]]));
    expect(merged.names('place.rare')).toBe(false);
    expect(merged.get('m:x@0')).toBeUndefined();
    expect(merged.get('m:x@5')?.id).toBe('m:x@5');
    expect(merged.events).toHaveLength(21);
  });

  it('keeps its array when no list changed', () => {
    const sources = new Map([['a', [{ id: 'd:a', kind: 'document', label: 'a', date: '2019-10-22', precision: 'day', uncertain: false, entities: [] } as TimelineEvent]]]);
    const merged = new MergedTimeline();
    merged.update(sources);
    const first = merged.events;
    merged.update(new Map(sources));
    expect(merged.events).toBe(first);
  });
  it('rebuilds in small steps: no step compares more than a bounded number of events', () => {
    // Each event counts the reads of its date (compareEvents reads it first); the count
    // between two steps bounds the work a step does.
    let reads = 0;
    const event = (doc: string, k: number, date: string): TimelineEvent => {
      const e = { id: `m:${doc}@${k}`, kind: 'mention', label: 'x', precision: 'day', uncertain: false, entities: [], documentId: doc } as unknown as TimelineEvent;
      Object.defineProperty(e, 'date', { get: () => (reads++, date), enumerable: true });
      return e;
    };
    const sources = new Map<string, TimelineEvent[]>();
    // Many documents: sorting them all, or merging the last two halves, is a large step.
    for (let d = 0; d < 20_000; d++) sources.set(`doc${d}`, Array.from({ length: 4 }, (_, k) => event(`doc${d}`, k, `201${d % 10}-0${1 + ((d + k) % 9)}-1${k}`)));
    const merged = new MergedTimeline();
    const steps = merged.updateSteps(sources);
    let most = 0;
    for (;;) {
      reads = 0;
      if (steps.next().done) break;
      most = Math.max(most, reads);
    }
    expect(merged.events.length).toBe(80_000);
    expect(merged.events.every((e, k, all) => k === 0 || compareEvents(all[k - 1]!, e) < 0)).toBe(true);
    // A step sorts one source or merges 16,384 events: a few date reads per comparison.
    expect(most).toBeLessThan(100_000);
  });
});
