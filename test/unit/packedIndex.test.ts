import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine';
import { concatBytes, parseCache, parseCacheInSteps, serializeCache, serializeCacheChunks } from '../../src/core/index/cacheFormat';
import { CorpusIndex, packDocument, type IndexedDocument } from '../../src/core/index/corpusIndex';
import { countedOf, countedTotals, forEachCountedEntity, isPackedMentions, packMentions, STRIDE, unpackMentions, type PackedMentions } from '../../src/core/index/packedMentions';
import { isPackedDates, packDates, unpackDates } from '../../src/core/index/packedDates';
import type { DateMention } from '../../src/core/dates/types';
import { ENGINE_VERSION } from '../../src/core/version';

const engine = createEngine({ catalogs: [], builtin: true });
const SAMPLES = path.join(__dirname, '../../samples/corpus');

async function sampleDocuments(): Promise<IndexedDocument[]> {
  const files = (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(
    files.map(async (f) => ({ id: `file:///${f}`, path: f, ...engine.analyze(await fs.readFile(path.join(SAMPLES, f), 'utf8'), f) })),
  );
}

describe('packed dates', () => {
  it('unpack gives back every date of the sample corpus, property for property', async () => {
    const dates = (await sampleDocuments()).flatMap((d) => d.dates);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates.some((d) => d.note !== undefined) && dates.some((d) => d.relative)).toBe(true);
    const more: DateMention[] = [
      { start: 3, end: 20, text: '10 جمادى الأولى 1441', value: '2020-01-05', precision: 'day', relative: false, resolved: true, hijri: '1441-05-10' },
      { start: 30, end: 33, text: 'أمس', value: '', precision: 'day', relative: true, resolved: false, note: 'the day before (no document date)' },
    ];
    expect(unpackDates(packDates([...dates, ...more]))).toEqual([...dates, ...more]);
  });

  it('rejects references outside the string table and unknown precisions', () => {
    const packed = packDates([{ start: 0, end: 4, text: 'أمس', value: '2019-10-18', precision: 'day', relative: true, resolved: true, note: 'the day before' }]);
    expect(isPackedDates(packed)).toBe(true);
    for (const [slot, value] of [[2, 9], [4, 3], [7, 5], [1, -1], [5, 4]] as const) {
      const bad = { data: packed.data.slice(), strings: packed.strings };
      bad.data[slot] = value;
      expect(isPackedDates(bad), `slot ${slot} = ${value}`).toBe(false);
    }
  });
});

describe('packed mentions', () => {
  it('unpack gives back every mention of the sample corpus, property for property', async () => {
    for (const doc of await sampleDocuments()) {
      expect(doc.mentions.length).toBeGreaterThan(0);
      expect(unpackMentions(packMentions(doc.mentions))).toEqual(doc.mentions);
      // Same key order too: exports and the CLI serialize these objects.
      expect(JSON.stringify(unpackMentions(packMentions(doc.mentions)))).toBe(JSON.stringify(doc.mentions));
    }
  });

  it('groups the counted mentions by entity, leaving boilerplate out, in order of first mention', async () => {
    // Each entity once with its count (forEachCountedEntity), and its mentions found again (countedOf).
    const countedByEntity = (p: PackedMentions): Array<[string, number[]]> => {
      const out: Array<[string, number[]]> = [];
      forEachCountedEntity(p, (entityId, count) => {
        const list = countedOf(p, entityId);
        expect(list).toHaveLength(count);
        out.push([entityId, list]);
      });
      return out;
    };
    for (const doc of await sampleDocuments()) {
      const expected = new Map<string, number[]>();
      doc.mentions.forEach((m, k) => {
        if (m.boilerplate) return;
        const list = expected.get(m.entityId) ?? [];
        expected.set(m.entityId, [...list, k]);
      });
      const packed = packMentions(doc.mentions);
      expect(countedByEntity(packed)).toEqual([...expected]);
      const counted = [...expected.values()].reduce((n, l) => n + l.length, 0);
      expect(countedTotals(packed)).toEqual({ mentions: counted, entities: expected.size });
    }
    const withBoilerplate = packMentions([
      { entityId: 'person.erdogan', start: 0, end: 5, text: 'أردوغان', alias: 'أردوغان', ambiguous: false, boilerplate: true },
      { entityId: 'place.idlib', start: 10, end: 14, text: 'إدلب', alias: 'إدلب', ambiguous: false },
      { entityId: 'person.erdogan', start: 20, end: 25, text: 'أردوغان', alias: 'أردوغان', ambiguous: false },
    ]);
    expect(countedByEntity(withBoilerplate)).toEqual([['place.idlib', [1]], ['person.erdogan', [2]]]);
    expect(countedOf(withBoilerplate, 'person.erdogan')).toEqual([2]);
    expect(countedOf(withBoilerplate, 'person.putin')).toEqual([]);
    expect(countedTotals(withBoilerplate)).toEqual({ mentions: 2, entities: 2 });
  });

  it('stores each string once per document', () => {
    const m = { entityId: 'place.idlib', start: 0, end: 4, text: 'إدلب', alias: 'إدلب', ambiguous: false };
    const packed = packMentions([m, { ...m, start: 10, end: 14 }, { ...m, start: 20, end: 25, clitic: 'ب', boilerplate: true }]);
    expect(packed.strings).toEqual(['place.idlib', 'إدلب', 'ب']);
    expect(packed.data.length).toBe(3 * STRIDE);
  });

  it('rejects references outside the string table and negative ranges (the cache is untrusted)', () => {
    const good = packMentions([{ entityId: 'a', start: 1, end: 2, text: 'x', alias: 'x', ambiguous: false }]);
    expect(isPackedMentions(good)).toBe(true);
    expect(isPackedMentions({ data: good.data, strings: [] })).toBe(false);
    const reversed = { data: Int32Array.from(good.data), strings: good.strings };
    reversed.data[1] = 0; // end before start
    expect(isPackedMentions(reversed)).toBe(false);
    expect(isPackedMentions({ data: new Int32Array(STRIDE + 1), strings: ['a'] })).toBe(false);
  });
});

describe('index over packed documents', () => {
  it('answers per-entity questions exactly as the unpacked mentions do', async () => {
    const docs = await sampleDocuments();
    const index = new CorpusIndex();
    for (const d of docs) index.set(d);
    const counted = docs.flatMap((d) => d.mentions.filter((m) => !m.boilerplate).map((m) => ({ ...m, documentId: d.id })));
    expect(index.mentionCount()).toBe(counted.length);
    const ids = [...new Set(counted.map((m) => m.entityId))];
    for (const id of ids) {
      const expected = counted.filter((m) => m.entityId === id);
      expect(index.mentionCountOf(id)).toBe(expected.length);
      expect(index.mentionsOf(id)).toEqual(expected);
      const byDoc = index.documentsOf(id);
      expect(byDoc.map((d) => d.documentId)).toEqual([...new Set(expected.map((m) => m.documentId))]);
      for (const d of byDoc) {
        const inDoc = expected.filter((m) => m.documentId === d.documentId);
        expect(d.count).toBe(inDoc.length);
        expect(d.first).toEqual({ start: inDoc[0]!.start, end: inDoc[0]!.end });
        expect(index.mentionsIn(id, d.documentId)).toEqual(inDoc);
      }
      expect(index.mentionsIn(id, 'file:///not-indexed.txt')).toEqual([]);
    }
    const stored = index.get(docs[0]!.id)!;
    expect(stored.mentions).toEqual(docs[0]!.mentions);
    expect(stored.countedMentions).toBe(docs[0]!.mentions.filter((m) => !m.boilerplate).length);
    expect(stored.entityCount).toBe(new Set(docs[0]!.mentions.filter((m) => !m.boilerplate).map((m) => m.entityId)).size);
  });
});

describe('index updates', () => {
  it('keeps its per-entity lists right through any sequence of set and delete', async () => {
    const docs = await sampleDocuments();
    // Variants of the samples: the same paths with other texts, as a file watcher would see them.
    const variants = docs.map((d, i) => ({ ...docs[(i + 3) % docs.length]!, id: d.id, path: d.path }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(docs.length - 1), fc.constantFrom('set', 'variant', 'delete', 'again', 'read')), { maxLength: 40 }), fc.boolean(), (steps, eager) => {
        // Lazy: the lists are built at the first question; eager: from the first document on,
        // and taken over whole from another index (the extension's rebuild).
        const live = new CorpusIndex(eager);
        if (eager) {
          const filled = new CorpusIndex(true);
          for (const d of docs) filled.set(d);
          live.set(variants[0]!); // replaced by what is taken over
          live.takeFrom(filled);
          expect(filled.size).toBe(0);
          expect(filled.entityCounts()).toEqual([]);
        } else {
          for (const d of docs) live.set(d);
        }
        live.entityCounts(); // builds the per-entity lists (lazy), which the steps must then keep right
        const final = new Map(docs.map((d) => [d.id, d as IndexedDocument | undefined]));
        for (const [k, what] of steps) {
          const doc = what === 'variant' ? variants[k]! : docs[k]!;
          // A question between changes: the lists drop what was removed from them then.
          if (what === 'read') {
            live.documentsOf(live.entityCounts()[k % 3]?.entityId ?? '');
            continue;
          }
          // The stored object itself put back (the rebuild keeps analyses that still hold).
          if (what === 'again') {
            const stored = live.get(doc.id);
            if (stored) live.set(stored);
            continue;
          }
          if (what === 'delete') live.delete(doc.id);
          else live.set(doc);
          final.set(doc.id, what === 'delete' ? undefined : doc);
        }
        const rebuilt = new CorpusIndex();
        for (const d of final.values()) if (d) rebuilt.set(d);
        expect(live.entityCounts()).toEqual(rebuilt.entityCounts());
        for (const { entityId } of rebuilt.entityCounts()) {
          expect(live.mentionsOf(entityId)).toEqual(rebuilt.mentionsOf(entityId));
          expect(live.documentsOf(entityId)).toEqual(rebuilt.documentsOf(entityId));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('index change log', () => {
  it('says which documents changed since a generation, and that it no longer knows after a clear, a take-over or too many', async () => {
    const docs = await sampleDocuments();
    const index = new CorpusIndex(true);
    const start = index.generation;
    index.set(docs[0]!);
    index.set(docs[1]!);
    const middle = index.generation;
    index.delete(docs[0]!.id);
    index.delete('file:///nowhere.txt'); // nothing deleted: no change
    index.set(docs[1]!);
    expect(index.changedSince(start)).toEqual([docs[0]!.id, docs[1]!.id, docs[0]!.id, docs[1]!.id]);
    expect(index.changedSince(middle)).toEqual([docs[0]!.id, docs[1]!.id]);
    expect(index.changedSince(index.generation)).toEqual([]);
    expect(index.changedSince(index.generation + 1)).toBeUndefined();
    const beforeClear = index.generation;
    index.clear();
    expect(index.changedSince(beforeClear)).toBeUndefined();
    expect(index.changedSince(index.generation)).toEqual([]);
    const other = new CorpusIndex(true);
    other.set(docs[2]!);
    const [mine, theirs] = [index.generation, other.generation];
    index.takeFrom(other);
    expect(index.changedSince(mine)).toBeUndefined();
    expect(other.changedSince(theirs)).toBeUndefined();
    const many = index.generation;
    for (let k = 0; k < 5_000; k++) index.set(docs[k % docs.length]!);
    expect(index.changedSince(many)).toBeUndefined();
    const recent = index.generation;
    index.set(docs[3]!);
    expect(index.changedSince(recent)).toEqual([docs[3]!.id]);
  });
});

describe('cache file', () => {
  it('round-trips the index: the warm index equals the cold one', async () => {
    const docs = await sampleDocuments();
    // The first document was analysed with a date recorded for it; the others without.
    const bytes = serializeCache('k1', docs.map((d, i) => ({ size: 100 + i, mtime: 5, ...(i === 0 ? { recorded: '2018-09-17' } : {}), doc: packDocument(d) })));
    const parsed = parseCache(bytes, 'k1');
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    const warm = new CorpusIndex();
    for (const e of parsed.entries.values()) warm.set(e.doc);
    for (const d of docs) {
      expect(warm.get(d.id)!.materialize()).toEqual(d);
      expect(parsed.entries.get(d.id)!.size).toBe(100 + docs.indexOf(d));
      expect(parsed.entries.get(d.id)!.recorded).toBe(docs.indexOf(d) === 0 ? '2018-09-17' : undefined);
    }
  });

  it('is stale for another key or engine version, corrupt when truncated or malformed', async () => {
    const [a, b] = await sampleDocuments();
    const bytes = serializeCache('k1', [a!, b!].map((d) => ({ size: 1, mtime: 1, doc: packDocument(d) })));
    const layout = cacheLayout(bytes);
    const strings = layout.strings;
    expect(layout.header).toEqual({ format: 'corpus-lens-index', engine: ENGINE_VERSION, key: 'k1', documents: 2, littleEndian: true });
    // Each string once for the whole file: an entity id mentioned in both documents is stored once.
    expect(new Set(strings).size).toBe(strings.length);
    expect(layout.chunks).toHaveLength(1);
    const [first, second] = layout.chunks[0]!.docs;
    expect(parseCache(bytes, 'k2').kind).toBe('stale');
    expect(parseCache(withHeader(bytes, { ...layout.header, engine: ENGINE_VERSION + 1 }), 'k1').kind).toBe('stale');
    expect(parseCache(withHeader(bytes, { ...layout.header, littleEndian: false }), 'k1').kind).toBe('stale');
    expect(parseCache(new TextEncoder().encode('{"format":"corpus-lens-index","engine":3}\n'), 'k1').kind).toBe('stale'); // an earlier version's cache
    const truncated = parseCache(bytes.subarray(0, Math.floor(bytes.length * 0.75)), 'k1');
    expect(truncated.kind === 'corrupt' && truncated.reason).toMatch(/^after 0 documents: /);
    const chunkCut = concatBytes(bytes.subarray(0, layout.chunks[0]!.start + 100), bytes.subarray(layout.stringsStart));
    expect(parseCache(chunkCut, 'k1')).toEqual({ kind: 'corrupt', reason: 'after 0 documents: the file ends inside a chunk' });
    expect(parseCache(withHeader(bytes, { ...layout.header, documents: 3 }), 'k1')).toEqual({ kind: 'corrupt', reason: 'ends after 2 of 3 documents' });
    const chunkTwice = concatBytes(bytes.subarray(0, layout.stringsStart), bytes.subarray(layout.chunks[0]!.start));
    expect(parseCache(chunkTwice, 'k1')).toEqual({ kind: 'corrupt', reason: 'more data than the 2 documents announced' });
    const patched = (at: number, value: number): Uint8Array => {
      const copy = bytes.slice();
      new DataView(copy.buffer).setInt32(at, value, true);
      return copy;
    };
    const { data, ids } = layout.chunks[0]!;
    const secondMentions = data + 4 * (first!.n[0] + first!.n[1]);
    expect(parseCache(patched(secondMentions + 2 * 4, 999), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed document 2' }); // an entity outside its string table
    expect(parseCache(patched(data + 4 * first!.n[0] + 4 * 4, 7), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed document 1' }); // a date of precision 7
    expect(parseCache(patched(ids, strings.length), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed document 1' }); // past the header's strings
    const recordedNumber = serializeCache('k1', [{ size: 1, mtime: 1, recorded: 'x', doc: packDocument(a!) }]);
    const at = new TextDecoder().decode(recordedNumber).indexOf('"recorded":"x"');
    const withNumber = concatBytes(recordedNumber.subarray(0, at), new TextEncoder().encode('"recorded":7  '), recordedNumber.subarray(at + 14));
    expect(parseCache(withNumber, 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed document 1' }); // a recorded date that is not a string
    expect(second!.n[0]).toBeGreaterThan(0);
    const numbers = new TextEncoder().encode('[1,2]');
    const length = new Uint8Array(new Uint32Array([numbers.length]).buffer);
    expect(parseCache(concatBytes(bytes.subarray(0, layout.stringsStart), numbers, length), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed string table' });
    const badJson = bytes.slice();
    badJson[layout.chunks[0]!.start + 12] = 0x5d; // "]" where the chunk's JSON starts
    expect(parseCache(badJson, 'k1').kind).toBe('corrupt');
    expect(parseCache(new TextEncoder().encode('\uFFFF not a cache'), 'k1')).toEqual({ kind: 'corrupt', reason: 'not an index cache file' });
    expect(parseCache(new Uint8Array(0), 'k1').kind).toBe('corrupt');
  });

  it('is written in chunks that together are the file', async () => {
    const docs = await sampleDocuments();
    const entries = Array.from({ length: 600 }, (_, i) => ({ size: i, mtime: 1, doc: packDocument({ ...docs[i % docs.length]!, id: `doc-${i}` }) }));
    const chunks = [...serializeCacheChunks('k1', entries)];
    expect(chunks.length).toBeGreaterThan(2);
    const parsed = parseCache(concatBytes(...chunks), 'k1');
    expect(parsed.kind === 'ok' && parsed.entries.size).toBe(600);
    // Read in steps, it pauses after each chunk of 256 documents, and ends with the same result.
    const steps = parseCacheInSteps(concatBytes(...chunks), 'k1');
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(3);
    expect(step.value).toEqual(parsed);
  });
});

/** Where the header, the parts of each chunk and the strings of a cache file are (the layout cacheFormat.ts documents). */
function cacheLayout(bytes: Uint8Array): {
  header: Record<string, unknown>;
  strings: string[];
  stringsStart: number;
  chunks: Array<{ start: number; docs: Array<{ n: [number, number, number, number] }>; data: number; ids: number }>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  const stringsLength = view.getUint32(bytes.length - 4, true);
  const stringsStart = bytes.length - 4 - stringsLength;
  const strings = JSON.parse(new TextDecoder().decode(bytes.subarray(stringsStart, bytes.length - 4))) as string[];
  const chunks = [];
  for (let at = 8 + headerLength; at < stringsStart; ) {
    const [json, dataInts, idInts] = [0, 4, 8].map((k) => view.getUint32(at + k, true)) as [number, number, number];
    const docs = JSON.parse(new TextDecoder().decode(bytes.subarray(at + 12, at + 12 + json))) as Array<{ n: [number, number, number, number] }>;
    chunks.push({ start: at, docs, data: at + 12 + json, ids: at + 12 + json + 4 * dataInts });
    at += 12 + json + 4 * (dataInts + idInts);
  }
  return { header, strings, stringsStart, chunks };
}

function withHeader(bytes: Uint8Array, header: unknown): Uint8Array {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(8);
  head.set(bytes.subarray(0, 4));
  new DataView(head.buffer).setUint32(4, json.length, true);
  return concatBytes(head, json, bytes.subarray(8 + headerLength));
}
