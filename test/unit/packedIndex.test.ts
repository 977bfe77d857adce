import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine';
import { parseCache, serializeCache } from '../../src/core/index/cacheFormat';
import { CorpusIndex, packDocument, type IndexedDocument } from '../../src/core/index/corpusIndex';
import { isPackedMentions, packMentions, STRIDE, unpackMentions } from '../../src/core/index/packedMentions';
import { ENGINE_VERSION } from '../../src/core/version';

const engine = createEngine({ catalogs: [], builtin: true });
const SAMPLES = path.join(__dirname, '../../samples/corpus');

async function sampleDocuments(): Promise<IndexedDocument[]> {
  const files = (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(
    files.map(async (f) => ({ id: `file:///${f}`, path: f, ...engine.analyze(await fs.readFile(path.join(SAMPLES, f), 'utf8'), f) })),
  );
}

describe('packed mentions', () => {
  it('unpack gives back every mention of the sample corpus, property for property', async () => {
    for (const doc of await sampleDocuments()) {
      expect(doc.mentions.length).toBeGreaterThan(0);
      expect(unpackMentions(packMentions(doc.mentions))).toEqual(doc.mentions);
      // Same key order too: exports and the CLI serialize these objects.
      expect(JSON.stringify(unpackMentions(packMentions(doc.mentions)))).toBe(JSON.stringify(doc.mentions));
    }
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
      }
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
      fc.property(fc.array(fc.tuple(fc.nat(docs.length - 1), fc.constantFrom('set', 'variant', 'delete')), { maxLength: 40 }), (steps) => {
        const live = new CorpusIndex();
        for (const d of docs) live.set(d);
        live.entityCounts(); // builds the per-entity lists, which the steps must then keep right
        const final = new Map(docs.map((d) => [d.id, d as IndexedDocument | undefined]));
        for (const [k, what] of steps) {
          const doc = what === 'variant' ? variants[k]! : docs[k]!;
          if (what === 'delete') live.delete(doc.id);
          else live.set(doc);
          final.set(doc.id, what === 'delete' ? undefined : doc);
        }
        const rebuilt = new CorpusIndex();
        for (const d of final.values()) if (d) rebuilt.set(d);
        expect(live.entityCounts()).toEqual(rebuilt.entityCounts());
        for (const { entityId } of rebuilt.entityCounts()) expect(live.mentionsOf(entityId)).toEqual(rebuilt.mentionsOf(entityId));
      }),
      { numRuns: 60 },
    );
  });
});

describe('cache file', () => {
  it('round-trips the index: the warm index equals the cold one', async () => {
    const docs = await sampleDocuments();
    const bytes = serializeCache('k1', docs.map((d, i) => ({ size: 100 + i, mtime: 5, doc: packDocument(d) })));
    const parsed = parseCache(bytes, 'k1');
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    const warm = new CorpusIndex();
    for (const e of parsed.entries.values()) warm.set(e.doc);
    for (const d of docs) {
      expect(warm.get(d.id)!.materialize()).toEqual(d);
      expect(parsed.entries.get(d.id)!.size).toBe(100 + docs.indexOf(d));
    }
  });

  it('is stale for another key or engine version, corrupt when truncated or malformed', async () => {
    const [a, b] = await sampleDocuments();
    const bytes = serializeCache('k1', [a!, b!].map((d) => ({ size: 1, mtime: 1, doc: packDocument(d) })));
    const text = new TextDecoder().decode(bytes);
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    // A header line, then one line per document.
    const [header, ...lines] = text.trimEnd().split('\n');
    expect(JSON.parse(header!)).toEqual({ format: 'corpus-lens-index', engine: ENGINE_VERSION, key: 'k1', documents: 2 });
    expect(lines).toHaveLength(2);
    expect(parseCache(bytes, 'k2').kind).toBe('stale');
    expect(parseCache(encode(text.replace(`"engine":${ENGINE_VERSION}`, `"engine":${ENGINE_VERSION + 1}`)), 'k1').kind).toBe('stale');
    expect(parseCache(bytes.subarray(0, Math.floor(bytes.length * 0.75)), 'k1').kind).toBe('corrupt');
    expect(parseCache(encode([header, lines[0]].join('\n')), 'k1')).toEqual({ kind: 'corrupt', reason: 'ends after 1 of 2 documents' });
    expect(parseCache(encode(text + text), 'k1')).toEqual({ kind: 'corrupt', reason: 'more lines than the 2 documents announced' });
    const second = JSON.parse(lines[1]!);
    second.doc.packed.data[2] = 999; // an entity id outside the string table
    expect(parseCache(encode([header, lines[0], JSON.stringify(second)].join('\n')), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed line 3' });
    second.doc.packed.data = 'nonsense';
    expect(parseCache(encode([header, lines[0], JSON.stringify(second)].join('\n')), 'k1')).toEqual({ kind: 'corrupt', reason: 'malformed line 3' });
    expect(parseCache(encode('\uFFFF not json'), 'k1').kind).toBe('corrupt');
  });
});
