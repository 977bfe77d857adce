/**
 * The persistent index cache's file format, shared by the extension (workspace storage) and
 * the benchmark (warm start). A warm start is mostly reading this file, so it is binary and
 * laid out to be read with few steps:
 * - the packed mentions and dates are Int32 arrays as they are: one copy per chunk of
 *   documents, which the documents then share as views;
 * - the strings those numbers refer to (entity ids, aliases, date notes) repeat across
 *   documents: the file holds each once, at its end (so the writer can collect them as it
 *   goes, a chunk at a time), and a document's string table is numbers into them;
 * - the rest of each document (path, title, date, boilerplate, quotations) is JSON, one
 *   JSON array per chunk.
 *
 *   file  = MAGIC, u32 header length, header JSON, chunks, strings JSON, u32 strings length
 *   chunk = u32 JSON length, u32 data ints, u32 string-id ints, the JSON (one object per
 *           document, with its four array lengths), the data (per document its mention
 *           then date ints), the string ids (per document its mention then date strings)
 *
 * Framing numbers are little-endian; the Int32 arrays are in the machine's byte order, which
 * the header records (a cache copied to a machine of the other order is stale, not misread).
 * The file is written a chunk at a time (a 100,000-document cache is hundreds of megabytes).
 *
 * Parsing treats the file as untrusted: a wrong format, engine version or key makes it
 * stale; anything malformed makes it corrupt; neither is ever used in part.
 */
import { ENGINE_VERSION } from '../version';
import type { PackedDocument } from './corpusIndex';
import { isPackedDates } from './packedDates';
import { isPackedMentions } from './packedMentions';
import { StringTable } from './stringTable';

export interface CacheEntry {
  size: number;
  mtime: number;
  /** The date recorded for the document (`.corpus/documents.json`) when it was analysed, if any. */
  recorded?: string;
  doc: PackedDocument;
}

interface CacheHeader {
  format: 'corpus-lens-index';
  engine: number;
  key: string;
  documents: number;
  littleEndian: boolean;
}

/** A document in a chunk's JSON: all but its packed arrays, and their lengths. */
interface DocumentJson {
  size: number;
  mtime: number;
  recorded?: string;
  doc: Omit<PackedDocument, 'packed' | 'packedDates'>;
  /** Lengths of: mention ints, date ints, mention string ids, date string ids. */
  n: [number, number, number, number];
}

export type ParsedCache = { kind: 'ok'; entries: Map<string, CacheEntry> } | { kind: 'stale' } | { kind: 'corrupt'; reason: string };

/** "CLIX": Corpus Lens IndeX. */
const MAGIC = [0x43, 0x4c, 0x49, 0x58];
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const CHUNK_HEAD = 12;
/** Documents per chunk. */
const CHUNK_DOCUMENTS = 256;
const encoder = new TextEncoder();

/** The cache file a chunk at a time, so no caller has to hold it whole or wait for all of it. */
export function* serializeCacheChunks(key: string, entries: readonly CacheEntry[]): Generator<Uint8Array> {
  const header: CacheHeader = { format: 'corpus-lens-index', engine: ENGINE_VERSION, key, documents: entries.length, littleEndian: LITTLE_ENDIAN };
  const headerJson = encoder.encode(JSON.stringify(header));
  const head = new Uint8Array(8 + headerJson.length);
  head.set(MAGIC, 0);
  new DataView(head.buffer).setUint32(4, headerJson.length, true);
  head.set(headerJson, 8);
  yield head;
  const table = new StringTable();
  for (let k = 0; k < entries.length; k += CHUNK_DOCUMENTS) yield serializeChunk(entries.slice(k, k + CHUNK_DOCUMENTS), table);
  const strings = encoder.encode(JSON.stringify(table.strings));
  const tail = new Uint8Array(strings.length + 4);
  tail.set(strings, 0);
  new DataView(tail.buffer).setUint32(strings.length, strings.length, true);
  yield tail;
}

/** The whole cache file as one buffer (tests and small corpora). */
export function serializeCache(key: string, entries: Iterable<CacheEntry>): Uint8Array {
  return concatBytes(...serializeCacheChunks(key, [...entries]));
}

function serializeChunk(entries: readonly CacheEntry[], table: StringTable): Uint8Array {
  const docs: DocumentJson[] = [];
  const data: Int32Array[] = [];
  const ids: Int32Array[] = [];
  for (const e of entries) {
    const { packed, packedDates, ...doc } = e.doc;
    const mentionStrings = Int32Array.from(packed.strings, (s) => table.idOf(s));
    const dateStrings = Int32Array.from(packedDates.strings, (s) => table.idOf(s));
    const n: DocumentJson['n'] = [packed.data.length, packedDates.data.length, mentionStrings.length, dateStrings.length];
    docs.push(e.recorded === undefined ? { size: e.size, mtime: e.mtime, doc, n } : { size: e.size, mtime: e.mtime, recorded: e.recorded, doc, n });
    data.push(packed.data, packedDates.data);
    ids.push(mentionStrings, dateStrings);
  }
  const json = encoder.encode(JSON.stringify(docs));
  const ints = (list: Int32Array[]): number => list.reduce((n, a) => n + a.length, 0);
  const head = new Uint8Array(CHUNK_HEAD);
  const view = new DataView(head.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, ints(data), true);
  view.setUint32(8, ints(ids), true);
  return concatBytes(head, json, ...data.map(bytesOf), ...ids.map(bytesOf));
}

export function parseCache(bytes: Uint8Array, key: string): ParsedCache {
  const steps = parseCacheInSteps(bytes, key);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseCache a chunk at a time: it pauses after each chunk of documents, so a caller that
 * shares its thread (the extension host) can let others run between chunks.
 */
export function* parseCacheInSteps(bytes: Uint8Array, key: string): Generator<void, ParsedCache> {
  if (bytes[0] === 0x7b) return { kind: 'stale' }; // "{": the JSON caches of earlier versions
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) return { kind: 'corrupt', reason: 'not an index cache file' };
  let documents = 0;
  try {
    const front = new Reader(bytes);
    front.at = 4;
    const header = front.json(front.u32()) as Partial<CacheHeader> | null;
    if (!header || typeof header !== 'object') return { kind: 'corrupt', reason: 'no header' };
    // A stale cache (the catalog changed) is told by its header alone, before the strings are parsed.
    if (header.format !== 'corpus-lens-index' || header.engine !== ENGINE_VERSION || header.key !== key || header.littleEndian !== LITTLE_ENDIAN) return { kind: 'stale' };
    if (typeof header.documents !== 'number') return { kind: 'corrupt', reason: 'malformed header' };
    const { strings, end } = readStrings(bytes);
    if (!strings) return { kind: 'corrupt', reason: 'malformed string table' };
    const reader = new Reader(bytes.subarray(0, end)); // the chunks, up to the strings
    reader.at = front.at;
    const entries = new Map<string, CacheEntry>();
    while (documents < header.documents) {
      if (reader.done) return { kind: 'corrupt', reason: `ends after ${documents} of ${header.documents} documents` };
      const chunk = readChunk(reader, strings, documents);
      if (typeof chunk === 'string') return { kind: 'corrupt', reason: chunk };
      for (const e of chunk) entries.set(e.doc.id, e);
      documents += chunk.length;
      yield;
    }
    if (documents > header.documents || !reader.done) return { kind: 'corrupt', reason: `more data than the ${header.documents} documents announced` };
    return { kind: 'ok', entries };
  } catch (e) {
    return { kind: 'corrupt', reason: `after ${documents} documents: ${(e as Error).message}` };
  }
}

/** The string table at the end of the file (undefined if it is not a list of strings), and where the chunks end. */
function readStrings(bytes: Uint8Array): { strings: string[] | undefined; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw new Error('the file is too short');
  const length = view.getUint32(bytes.length - 4, true);
  const end = bytes.length - 4 - length;
  if (end < 8) throw new Error('the string table runs past the start of the file');
  const strings = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(end, bytes.length - 4))) as unknown;
  const ok = Array.isArray(strings) && strings.every((s) => typeof s === 'string');
  return { strings: ok ? (strings as string[]) : undefined, end };
}

/** One chunk's entries, or why it is malformed. `before`: documents in the chunks before it. */
function readChunk(reader: Reader, strings: readonly string[], before: number): CacheEntry[] | string {
  const jsonLength = reader.u32();
  const dataLength = reader.u32();
  const idLength = reader.u32();
  const docs = reader.json(jsonLength) as DocumentJson[];
  const data = reader.int32s(dataLength); // kept: the documents' arrays are views of it
  const ids = reader.int32s(idLength); // read once, then dropped
  if (!Array.isArray(docs)) return `malformed document ${before + 1}`;
  const entries: CacheEntry[] = [];
  let d = 0;
  let s = 0;
  for (const [k, item] of docs.entries()) {
    const entry = toEntry(item, (n) => data.subarray(d, (d += n)), (n) => stringsOf(ids.subarray(s, (s += n)), strings));
    if (!entry || d > data.length || s > ids.length) return `malformed document ${before + k + 1}`;
    entries.push(entry);
  }
  if (d !== data.length || s !== ids.length) return `malformed document ${before + docs.length}`;
  return entries;
}

/** A document's string table from its numbers into the header's strings (undefined where one is out of range). */
function stringsOf(ids: Int32Array, strings: readonly string[]): string[] {
  const out = new Array<string>(ids.length);
  for (let k = 0; k < ids.length; k++) out[k] = strings[ids[k]!]!;
  return out;
}

function toEntry(item: DocumentJson | null, ints: (n: number) => Int32Array, strs: (n: number) => string[]): CacheEntry | undefined {
  if (!item || typeof item.size !== 'number' || typeof item.mtime !== 'number' || !item.doc || !Array.isArray(item.n) || item.n.length !== 4) return undefined;
  if (!item.n.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  if (item.recorded !== undefined && typeof item.recorded !== 'string') return undefined;
  const d = item.doc as PackedDocument;
  if (typeof d.id !== 'string' || typeof d.path !== 'string' || typeof d.title !== 'string' || !d.date || typeof d.date !== 'object') return undefined;
  if (!Array.isArray(d.boilerplate) || !Array.isArray(d.quotations)) return undefined;
  const [mentionInts, dateInts, mentionStrings, dateStrings] = item.n;
  d.packed = { data: ints(mentionInts), strings: [] };
  d.packedDates = { data: ints(dateInts), strings: [] };
  d.packed.strings = strs(mentionStrings);
  d.packedDates.strings = strs(dateStrings);
  if (!isPackedMentions(d.packed) || !isPackedDates(d.packedDates)) return undefined;
  return item.recorded === undefined ? { size: item.size, mtime: item.mtime, doc: d } : { size: item.size, mtime: item.mtime, recorded: item.recorded, doc: d };
}

/** Reads the file front to back; every read checks that the bytes are there. */
class Reader {
  at = 0;
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }

  json(length: number): unknown {
    this.need(length);
    const value = JSON.parse(this.decoder.decode(this.bytes.subarray(this.at, this.at + length))) as unknown;
    this.at += length;
    return value;
  }

  /** A copy (the entries must not keep the whole file alive), in one allocation. */
  int32s(count: number): Int32Array {
    this.need(count * 4);
    const out = new Int32Array(count);
    bytesOf(out).set(this.bytes.subarray(this.at, this.at + count * 4));
    this.at += count * 4;
    return out;
  }

  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new Error('the file ends inside a chunk');
  }
}

function bytesOf(a: Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The parts one after another, in one buffer. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
