// A large corpus's timeline reaches the webview as a sample of what its filter and
// window show, with the count of all of it; a small one goes whole, as before.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/events';
import { matchingEvents, matchingSteps, timelineView } from '../../src/extension/features/timelineView';
import { applyFilter, EntityFinder } from '../../src/webview/timeline/filter';
import { DEFAULT_FILTER, type TimelineData } from '../../src/webview/protocol';
import { dayOf } from '../../src/webview/timeline/scale';
import { finishSteps } from '../../src/core/steps';
import { sampleKeyOf } from '../../src/core/events/sampleKey';
import { registerSampleKeys, stableSampleSteps } from '../../src/extension/features/timelineSample';

/** `n` dated sentences, one a day from 1 Jan 2017, every third naming Lavrov, the others Erdoğan. */
function corpus(n: number): TimelineData {
  const events: TimelineEvent[] = [];
  for (let k = 0; k < n; k++) {
    const date = new Date(Date.UTC(2017, 0, 1 + k)).toISOString().slice(0, 10);
    const entity = k % 3 === 0 ? 'person.sergey-lavrov' : 'person.recep-tayyip-erdogan';
    events.push({ id: `m:file:///d${k}.txt@0`, kind: 'mention', label: `جملة ${k}`, date, precision: 'day', uncertain: false, entities: [entity], documentId: `file:///d${k}.txt`, range: { start: 0, end: 5 } });
  }
  return {
    events,
    entities: [
      { id: 'person.sergey-lavrov', type: 'person', label: 'سيرغي لافروف', names: ['Lavrov', 'لافروف'] },
      { id: 'person.recep-tayyip-erdogan', type: 'person', label: 'رجب طيب أردوغان', names: ['Erdogan', 'أردوغان'] },
    ],
    documents: Array.from({ length: n }, (_, k) => ({ id: `file:///d${k}.txt`, title: `وثيقة ${k}`, path: `d${k}.txt` })),
  };
}

describe('timelineView', () => {
  it('sends a timeline under the limit whole, without a total', () => {
    const data = corpus(50);
    expect(timelineView(data, null, 100)).toBe(data);
  });

  it('sends a sample of a large one, spanning the same time, with the count of all', () => {
    const data = corpus(1_000);
    const view = timelineView(data, null, 100);
    expect(view.events).toHaveLength(100);
    expect(view.total).toBe(1_000);
    expect(view.events[0]).toBe(data.events[0]);
    expect(view.events.at(-1)).toBe(data.events.at(-1));
    // Chronological, and no event twice.
    const order = view.events.map((e) => data.events.indexOf(e));
    expect(order.every((i, k) => k === 0 || i > order[k - 1]!)).toBe(true);
    expect(view.entities).toBe(data.entities);
  });

  it('samples what the filter lets through: every event of the sample names the chosen entity', () => {
    const data = corpus(1_000);
    const view = timelineView(data, { ...DEFAULT_FILTER, entityId: 'person.sergey-lavrov' }, 100);
    expect(view.total).toBe(334);
    expect(view.events).toHaveLength(100);
    expect(view.events.every((e) => e.entities.includes('person.sergey-lavrov'))).toBe(true);
    // A narrower filter that fits is sent whole, with its total.
    const query = timelineView(data, { ...DEFAULT_FILTER, text: 'جملة 99' }, 100);
    expect(query.events.map((e) => e.label)).toEqual(['جملة 99', 'جملة 990', 'جملة 991', 'جملة 992', 'جملة 993', 'جملة 994', 'جملة 995', 'جملة 996', 'جملة 997', 'جملة 998', 'جملة 999']);
    expect(query.total).toBe(11);
  });

  it('samples a filtered view by the keys of its events, registered or not, and barely moves when one event is added', () => {
    const data = corpus(3_000);
    const state = { ...DEFAULT_FILTER, entityId: 'person.recep-tayyip-erdogan' };
    const view = timelineView(data, state, 100);
    const matching = matchingEvents(data, state);
    expect(view.events).toEqual(finishSteps(stableSampleSteps(matching, Uint32Array.from(matching, (e) => sampleKeyOf(e.id)), 100)));
    const more = corpus(3_001);
    registerSampleKeys(more.events, Uint32Array.from(more.events, (e) => sampleKeyOf(e.id)));
    const next = new Set(timelineView(more, state, 100).events.map((e) => e.id));
    expect(view.events.filter((e) => !next.has(e.id)).length).toBeLessThanOrEqual(2);
  });

  it('sends the documents of the sample and the chosen one, not every document of the corpus', () => {
    const data = corpus(1_000);
    const view = timelineView(data, { ...DEFAULT_FILTER, entityId: 'person.sergey-lavrov' }, 100);
    expect(view.documents.map((d) => d.id)).toEqual(data.documents.filter((d) => view.events.some((e) => e.documentId === d.id)).map((d) => d.id));
    expect(view.documents).toHaveLength(100);
    // A chosen document with no event in the sample is still named (the page's document box shows its title).
    const chosen = timelineView(data, { ...DEFAULT_FILTER, documentId: 'file:///d1.txt', entityId: 'person.sergey-lavrov' }, 100);
    expect(chosen.events).toHaveLength(0);
    expect(chosen.documents).toEqual([data.documents[1]]);
  });

  it('samples the window the page shows: zoomed in to a month, every event of it comes', () => {
    const data = corpus(1_000);
    const view = { from: dayOf(2018, 3, 1) + 0.5, to: dayOf(2018, 3, 31) + 0.5 };
    const zoomed = timelineView(data, { ...DEFAULT_FILTER, view }, 100);
    expect(zoomed.events.map((e) => e.date)).toEqual(matchingEvents(data, { ...DEFAULT_FILTER, view }).map((e) => e.date));
    expect(zoomed.events[0]!.date).toBe('2018-03-01');
    expect(zoomed.events.at(-1)!.date).toBe('2018-03-31');
    expect(zoomed.total).toBe(31);
  });
});

describe('matchingSteps', () => {
  it('works through a large timeline in steps, so the host can take turns between them, to the same events', () => {
    const data = corpus(20_000);
    for (const state of [
      { ...DEFAULT_FILTER, text: 'جملة 19' },
      { ...DEFAULT_FILTER, entityId: 'person.sergey-lavrov', view: { from: dayOf(2020, 1, 1), to: dayOf(2021, 1, 1) } },
    ]) {
      const steps = matchingSteps(data, state);
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      expect(step.value).toEqual(matchingEvents(data, state));
      // At most 4,096 events between two steps: 4 in a pass over 20,000 (a window takes two passes).
      expect(yields).toBe(state.view ? 8 : 4);
    }
    expect(matchingEvents(data, { ...DEFAULT_FILTER, text: 'جملة 19' })).toEqual(applyFilter(data, { ...DEFAULT_FILTER, text: 'جملة 19' }, new EntityFinder(data.entities)));
  });

  it('takes no step and makes no copy when nothing narrows the timeline', () => {
    const data = corpus(20_000);
    const steps = matchingSteps(data, DEFAULT_FILTER);
    const step = steps.next();
    expect(step.done).toBe(true);
    expect(step.value).toBe(data.events);
  });
});
