import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/events';
import { DEFAULT_FILTER, type TimelineData } from '../../src/webview/protocol';
import { applyFilter, EntityFinder, fuzzyScore, lanesOf } from '../../src/webview/timeline/filter';
import { extentOf, spanOfIso, TimeScale, ticks, dayOf, isoOfDay } from '../../src/webview/timeline/scale';

const ev = (id: string, patch: Partial<TimelineEvent> = {}): TimelineEvent => ({ id, kind: 'mention', label: id, date: '2018-09-17', precision: 'day', uncertain: false, entities: [], ...patch });
const data: TimelineData = {
  events: [
    ev('a', { entities: ['person.erdogan'], documentId: 'd1', label: 'أردوغان في سوتشي' }),
    ev('b', { entities: ['place.idlib'], documentId: 'd2', date: '2019-03', precision: 'month', uncertain: true }),
    ev('c', { kind: 'agreement', entities: ['agreement.sochi'], catalogId: 'agreement.sochi' }),
  ],
  entities: [
    { id: 'person.erdogan', type: 'person', label: 'رجب طيب أردوغان', names: ['Recep Tayyip Erdoğan', 'أردوغان'] },
    { id: 'place.idlib', type: 'place', label: 'إدلب', names: ['Idlib'] },
    { id: 'agreement.sochi', type: 'agreement', label: 'مذكرة سوتشي', names: ['Sochi memorandum'] },
  ],
  documents: [{ id: 'd1', title: 'One', path: '1.txt' }, { id: 'd2', title: 'Two', path: '2.txt' }],
};
const finder = new EntityFinder(data.entities);

describe('entity filter', () => {
  it('matches names fuzzily across spellings and scripts', () => {
    expect(finder.find('اردوغان')[0]?.id).toBe('person.erdogan');
    expect(finder.find('erdogan')[0]?.id).toBe('person.erdogan');
    expect(finder.find('idl')[0]?.id).toBe('place.idlib');
    expect(fuzzyScore('sch', 'sochi')).toBe(1);
    expect(fuzzyScore('zz', 'sochi')).toBe(0);
  });

  it('filters by entity, type, document, kind and text', () => {
    const ids = (patch: object) => applyFilter(data, { ...DEFAULT_FILTER, ...patch }, finder).map((e) => e.id);
    expect(ids({ entityId: 'place.idlib' })).toEqual(['b']);
    expect(ids({ entityQuery: 'erdogan' })).toEqual(['a']);
    expect(ids({ entityType: 'agreement' })).toEqual(['c']);
    expect(ids({ documentId: 'd2' })).toEqual(['b']);
    expect(ids({ kinds: ['agreement'] })).toEqual(['c']);
    expect(ids({ text: 'اردوغان' })).toEqual(['a']);
  });

  it('groups lanes by document (catalog last), by type and by entity', () => {
    expect(lanesOf(data.events, data, 'document').map((l) => l.label)).toEqual(['One', 'Two', 'Catalog: agreements']);
    expect(lanesOf(data.events, data, 'type').map((l) => l.key)).toEqual(['person', 'place', 'agreement']);
    expect(lanesOf(data.events, data, 'entity')).toHaveLength(3);
  });

  it('keeps the 100 documents with the most events in lanes of their own, and the others in one lane', () => {
    // 150 documents: the first 30 with three events, the rest with one; a catalog agreement.
    const documents = Array.from({ length: 150 }, (_, k) => ({ id: `doc${k}`, title: `Doc ${k}`, path: `doc${k}.txt` }));
    const events: TimelineEvent[] = documents.flatMap((d, k) =>
      Array.from({ length: k < 30 ? 3 : 1 }, (_, j) => ({ ...data.events[0]!, id: `${d.id}-${j}`, documentId: d.id, date: `2019-01-${String((k % 28) + 1).padStart(2, '0')}` })),
    );
    events.push(data.events.find((e) => e.kind === 'agreement')!);
    const lanes = lanesOf(events, { ...data, documents, events }, 'document');
    expect(lanes).toHaveLength(102);
    expect(lanes.at(-1)!.label).toBe('Catalog: agreements');
    const others = lanes.at(-2)!;
    expect(others.label).toBe('50 other documents');
    expect(others.events).toHaveLength(50);
    // Every event is in exactly one lane; the 30 busiest documents all have their own.
    expect(lanes.reduce((n, l) => n + l.events.length, 0)).toBe(events.length);
    for (let k = 0; k < 30; k++) expect(lanes.some((l) => l.key === `doc${k}`)).toBe(true);
    const own = lanes.slice(0, 100);
    expect(own.every((l, i) => i === 0 || l.events[0]!.date >= own[i - 1]!.events[0]!.date)).toBe(true);
  });
});

describe('time scale', () => {
  it('gives each precision its span', () => {
    expect(spanOfIso('2018-09-17').end - spanOfIso('2018-09-17').start).toBe(1);
    expect(spanOfIso('2018-02').end - spanOfIso('2018-02').start).toBe(28);
    expect(spanOfIso('2020').end - spanOfIso('2020').start).toBe(366);
    expect(isoOfDay(dayOf(2018, 9, 17))).toBe('2018-09-17');
    expect(extentOf(data.events[1]!, 0).shape).toBe('uncertain');
    expect(extentOf(ev('s', { endDate: '2018-10-01' }), 0).shape).toBe('span');
    expect(extentOf(ev('o', { openEnded: true }), dayOf(2020)).end).toBe(dayOf(2020));
  });

  it('zooms about a point and pans', () => {
    const s = new TimeScale(0, 1000, 1000);
    const z = s.zoom(0.5, 250);
    expect(z.day(250)).toBeCloseTo(250);
    expect(z.to - z.from).toBeCloseTo(500);
    expect(s.pan(100).from).toBe(100);
  });

  it('ticks decades when zoomed out and days when zoomed in', () => {
    const wide = ticks(new TimeScale(dayOf(1900), dayOf(2020), 1000));
    expect(wide.every((t) => /^\d{3}0$/.test(t.label))).toBe(true);
    const narrow = ticks(new TimeScale(dayOf(2018, 9, 10), dayOf(2018, 9, 20), 1000));
    expect(narrow.length).toBeGreaterThanOrEqual(9);
    expect(narrow.map((t) => t.label)).toContain('17 Sep');
  });
});
