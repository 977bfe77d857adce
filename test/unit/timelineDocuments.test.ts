// The timeline's document box searches on the host: the page gets only the documents it needs.
import { describe, expect, it } from 'vitest';
import { DocumentFinder, documentsOfEvents, MAX_DOCUMENT_MATCHES, registerDocumentsById } from '../../src/extension/features/timelineDocuments';
import type { DocumentSummary, TimelineEvent } from '../../src/webview/protocol';

const doc = (n: number, title: string, path = `news/${n}.txt`): DocumentSummary => ({ id: `file:///${path}`, title, path });
const documents = [
  doc(1, 'لافروف يلتقي جاويش أوغلو في موسكو'),
  doc(2, 'أنقرة وموسكو توقعان مذكرة سوتشي', 'news/sochi.txt'),
  doc(3, 'مذكرة سوتشي: ما الذي تغير في إدلب؟'),
  doc(4, '', 'archive/2018/سوتشي-ملحق.txt'),
  doc(5, 'Erdoğan and Putin meet in Sochi'),
];

describe('DocumentFinder', () => {
  const findDocuments = (all: DocumentSummary[], query: string, limit?: number) => new DocumentFinder(all).find(query, limit);
  it('finds by title or path, any spelling: titles starting with the query first, then titles, then paths, each by path', () => {
    const found = findDocuments(documents, 'مذكره سوتشى');
    expect(found.documents.map((d) => d.title)).toEqual(['مذكرة سوتشي: ما الذي تغير في إدلب؟', 'أنقرة وموسكو توقعان مذكرة سوتشي']);
    expect(findDocuments(documents, 'سوتشي').documents.map((d) => d.path)).toEqual(['news/3.txt', 'news/sochi.txt', 'archive/2018/سوتشي-ملحق.txt']);
    expect(findDocuments(documents, 'SOCHI').documents.map((d) => d.path)).toEqual(['news/5.txt', 'news/sochi.txt']);
    expect(findDocuments(documents, 'اوغلو').documents).toEqual([documents[0]]);
    expect(findDocuments(documents, 'طهران')).toEqual({ documents: [], total: 0 });
  });

  it('lists at most the limit and counts all of the matches', () => {
    // In the index's order, not by path: the finder sorts them (by path, numbers as numbers).
    const many = Array.from({ length: 300 }, (_, k) => doc(299 - k, `تقرير رقم ${299 - k}`));
    const byPath = [...many].reverse();
    const found = findDocuments(many, 'تقرير');
    expect(found.total).toBe(300);
    expect(found.documents).toEqual(byPath.slice(0, MAX_DOCUMENT_MATCHES));
    expect(found.documents.slice(0, 3).map((d) => d.path)).toEqual(['news/0.txt', 'news/1.txt', 'news/2.txt']);
    // An empty query lists the first documents.
    expect(findDocuments(many, '  ', 3)).toEqual({ documents: byPath.slice(0, 3), total: 300 });
  });
});

describe('DocumentFinder in steps', () => {
  it('sorts and searches a large list in steps, to the same answer', () => {
    const many = Array.from({ length: 20_000 }, (_, k) => doc(19_999 - k, k % 7 ? `تقرير ${k}` : `مذكرة سوتشي ${k}`));
    const finder = new DocumentFinder(many);
    const steps = finder.findSteps('سوتشى');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value).toEqual(new DocumentFinder(many).find('سوتشي'));
    expect(step.value.total).toBe(2_858);
    // The first question sorts (5 runs of 4,096, then merges) and then searches (4 steps more).
    expect(yields).toBeGreaterThan(9);
    // Sorted once: the next question only searches.
    let again = 0;
    const next = finder.findSteps('تقرير');
    for (let s = next.next(); !s.done; s = next.next()) again++;
    expect(again).toBe(4);
  });
});

describe('documentsOfEvents', () => {
  it('keeps the documents the events come from and the chosen one, in the order of the events', () => {
    const event = (documentId?: string): TimelineEvent => ({ id: `e${documentId}`, kind: 'mention', label: '', date: '2018-09-17', precision: 'day', uncertain: false, entities: [], documentId });
    const events = [event(documents[4]!.id), event(undefined), event(documents[1]!.id), event(documents[4]!.id)];
    expect(documentsOfEvents(documents, events, null)).toEqual([documents[4], documents[1]]);
    expect(documentsOfEvents(documents, events, documents[0]!.id)).toEqual([documents[4], documents[1], documents[0]]);
    expect(documentsOfEvents(documents, [], null)).toEqual([]);
    expect(documentsOfEvents(documents, [event('file:///not-a-document.txt')], 'file:///nor-this.txt')).toEqual([]);
  });

  it('looks documents up in the map registered for the list, which its owner keeps up to date', () => {
    const list = documents.slice(0, 3);
    const byId = new Map(list.map((d) => [d.id, d]));
    registerDocumentsById(list, byId);
    const event = (documentId: string): TimelineEvent => ({ id: `e${documentId}`, kind: 'mention', label: '', date: '2018-09-17', precision: 'day', uncertain: false, entities: [], documentId });
    const retitled = { ...list[2]!, title: 'عنوان جديد' };
    byId.set(retitled.id, retitled);
    expect(documentsOfEvents(list, [event(list[2]!.id)], null)).toEqual([retitled]);
  });
});
