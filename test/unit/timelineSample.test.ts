// The sample of a large timeline is chosen by a hash of each event's id, so that a change of
// one document changes the sample by an event or two and the page gets a small patch.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/events';
import { finishSteps } from '../../src/core/steps';
import { registerSampleKeys, sampleKeysOf, stableSampleSteps } from '../../src/extension/features/timelineSample';
import { sampleKeyOf } from '../../src/core/events/sampleKey';

function event(k: number): TimelineEvent {
  const date = new Date(Date.UTC(2017, 0, 1) + k * 3_600_000).toISOString().slice(0, 10);
  return { id: `m:file:///corpus/d${k >> 3}.txt@${(k & 7) * 100}`, kind: 'mention', label: `جملة ${k}`, date, precision: 'day', uncertain: false, entities: [] };
}

const sample = (events: readonly TimelineEvent[], limit: number): TimelineEvent[] => finishSteps(stableSampleSteps(events, sampleKeysOf(events), limit));

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('stableSampleSteps', () => {
  const events = Array.from({ length: 10_000 }, (_, k) => event(k));

  it('keeps `limit` events in order, the first and the last among them', () => {
    const s = sample(events, 500);
    expect(s).toHaveLength(500);
    expect(s[0]).toBe(events[0]);
    expect(s.at(-1)).toBe(events.at(-1));
    const at = s.map((e) => events.indexOf(e));
    expect(at.every((i, k) => k === 0 || i > at[k - 1]!)).toBe(true);
    expect(sample(events.slice(0, 40), 500)).toEqual(events.slice(0, 40));
    expect(sample(events, 2)).toEqual([events[0], events.at(-1)]);
    expect(sample(events, 1)).toEqual([events[0]]);
    expect(sample(events, 0)).toEqual([]);
  });

  it('spreads the sample over the whole timeline', () => {
    const s = new Set(sample(events, 1_000));
    // Each tenth of the timeline holds about a tenth of the sample.
    for (let tenth = 0; tenth < 10; tenth++) {
      const inTenth = events.slice(tenth * 1_000, (tenth + 1) * 1_000).filter((e) => s.has(e)).length;
      expect(inTenth).toBeGreaterThan(60);
      expect(inTenth).toBeLessThan(140);
    }
  });

  it('changes by at most two events when one event comes or goes', () => {
    const next = lcg(7);
    let current = events.slice(0, 3_000);
    let before = sample(current, 300);
    for (let round = 0; round < 200; round++) {
      const at = 1 + Math.floor(next() * (current.length - 2));
      current = next() < 0.5 ? [...current.slice(0, at), event(20_000 + round), ...current.slice(at)] : [...current.slice(0, at), ...current.slice(at + 1)];
      const after = sample(current, 300);
      const had = new Set(before);
      const has = new Set(after);
      const changed = after.filter((e) => !had.has(e)).length + before.filter((e) => !has.has(e)).length;
      expect(changed).toBeLessThanOrEqual(2);
      expect(after).toHaveLength(300);
      before = after;
    }
  });

  it('works in steps, with the keys registered for a list, or hashed from the ids', () => {
    const steps = stableSampleSteps(events, sampleKeysOf(events), 100);
    let yields = 0;
    for (let s = steps.next(); !s.done; s = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(4);
    expect(sampleKeysOf(events)).toBe(sampleKeysOf(events)); // hashed once per list
    expect(sampleKeysOf(events)[3]).toBe(sampleKeyOf(events[3]!.id));
    const list = events.slice(0, 10);
    const keys = Uint32Array.from(list, (_, k) => 10 - k); // lowest keys last
    registerSampleKeys(list, keys);
    expect(sampleKeysOf(list)).toBe(keys);
    expect(finishSteps(stableSampleSteps(list, keys, 4)).map((e) => list.indexOf(e))).toEqual([0, 7, 8, 9]);
    expect(() => registerSampleKeys(list, new Uint32Array(3))).toThrow();
  });

  it('takes the same sample in every session: keys come from the ids alone', () => {
    const fresh = Array.from({ length: 5_000 }, (_, k) => event(k));
    expect(sample(fresh, 250).map((e) => e.id)).toEqual(sample(events.slice(0, 5_000), 250).map((e) => e.id));
  });
});
