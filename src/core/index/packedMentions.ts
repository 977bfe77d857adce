/**
 * The mentions of one document packed into one Int32Array plus a small string table, instead
 * of an object (and four strings) per mention. A 100,000-document corpus has millions of
 * mentions: packed, they cost 28 bytes each, travel from a worker as one transferable
 * buffer, and serialize to the cache as a flat list of numbers.
 */
import type { DocumentMention } from '../analysis/analyzeDocument';
import { StringTable } from './stringTable';

export interface PackedMentions {
  /** Per mention, STRIDE numbers: start, end, entity, alias, text, clitic (-1: none), flags. */
  data: Int32Array;
  /** The strings the numbers refer to, each once. */
  strings: string[];
}

export const STRIDE = 7;
const START = 0;
const END = 1;
const ENTITY = 2;
const ALIAS = 3;
const TEXT = 4;
const CLITIC = 5;
const FLAGS = 6;
const AMBIGUOUS = 1;
const BOILERPLATE = 2;

export function packMentions(mentions: readonly DocumentMention[]): PackedMentions {
  const data = new Int32Array(mentions.length * STRIDE);
  const table = new StringTable();
  let o = 0;
  for (const m of mentions) {
    data[o + START] = m.start;
    data[o + END] = m.end;
    data[o + ENTITY] = table.idOf(m.entityId);
    const alias = table.idOf(m.alias);
    data[o + ALIAS] = alias;
    // Most mentions read exactly as their alias: comparing spares hashing a fresh string.
    data[o + TEXT] = m.text === m.alias ? alias : table.idOf(m.text);
    data[o + CLITIC] = table.optionalIdOf(m.clitic);
    data[o + FLAGS] = (m.ambiguous ? AMBIGUOUS : 0) | (m.boilerplate ? BOILERPLATE : 0);
    o += STRIDE;
  }
  return { data, strings: table.strings };
}

export function mentionCount(p: PackedMentions): number {
  return p.data.length / STRIDE;
}

/** Mention `k` as an object, with its properties in the order the matcher creates them. */
export function mentionAt(p: PackedMentions, k: number): DocumentMention {
  const o = k * STRIDE;
  const d = p.data;
  const m: DocumentMention = {
    entityId: p.strings[d[o + ENTITY]!]!,
    start: d[o + START]!,
    end: d[o + END]!,
    text: p.strings[d[o + TEXT]!]!,
    alias: p.strings[d[o + ALIAS]!]!,
    ambiguous: (d[o + FLAGS]! & AMBIGUOUS) !== 0,
  };
  if (d[o + CLITIC]! >= 0) m.clitic = p.strings[d[o + CLITIC]!]!;
  if (d[o + FLAGS]! & BOILERPLATE) m.boilerplate = true;
  return m;
}

export function unpackMentions(p: PackedMentions): DocumentMention[] {
  const n = mentionCount(p);
  const out = new Array<DocumentMention>(n);
  for (let k = 0; k < n; k++) out[k] = mentionAt(p, k);
  return out;
}

/** The entity id of mention `k`, without building the mention. */
export function entityAt(p: PackedMentions, k: number): string {
  return p.strings[p.data[k * STRIDE + ENTITY]!]!;
}

/**
 * The entities of the counted mentions (those outside boilerplate), each once, in the order
 * of their first mention, with how many mentions each has. Counted by the entity's number in
 * the string table, so no string is hashed per mention. The index keeps only these counts per
 * document and finds the mentions again when asked (countedOf): a list per entity and
 * document was 3 million arrays at 100,000 documents, and most of the time of a warm start.
 */
export function forEachCountedEntity(p: PackedMentions, take: (entityId: string, count: number) => void): void {
  const d = p.data;
  const counts = new Uint32Array(p.strings.length);
  const order: number[] = [];
  for (let o = 0; o < d.length; o += STRIDE) {
    if (d[o + FLAGS]! & BOILERPLATE) continue;
    const e = d[o + ENTITY]!;
    if (counts[e] === 0) order.push(e);
    counts[e]!++;
  }
  for (const e of order) take(p.strings[e]!, counts[e]!);
}

/** The numbers of an entity's counted mentions (outside boilerplate), in order. */
export function countedOf(p: PackedMentions, entityId: string): number[] {
  const e = p.strings.indexOf(entityId);
  const out: number[] = [];
  if (e < 0) return out;
  const d = p.data;
  for (let k = 0, o = 0; o < d.length; k++, o += STRIDE) if (d[o + ENTITY] === e && !(d[o + FLAGS]! & BOILERPLATE)) out.push(k);
  return out;
}

/** How many mentions are counted (outside boilerplate), and of how many distinct entities. */
export function countedTotals(p: PackedMentions): { mentions: number; entities: number } {
  const d = p.data;
  const seen = new Uint8Array(p.strings.length);
  let mentions = 0;
  let entities = 0;
  for (let o = 0; o < d.length; o += STRIDE) {
    if (d[o + FLAGS]! & BOILERPLATE) continue;
    mentions++;
    const e = d[o + ENTITY]!;
    if (seen[e] === 0) {
      seen[e] = 1;
      entities++;
    }
  }
  return { mentions, entities };
}

export function isBoilerplateAt(p: PackedMentions, k: number): boolean {
  return (p.data[k * STRIDE + FLAGS]! & BOILERPLATE) !== 0;
}

export function rangeAt(p: PackedMentions, k: number): { start: number; end: number } {
  return { start: p.data[k * STRIDE + START]!, end: p.data[k * STRIDE + END]! };
}

/** Whether `x` has the shape of PackedMentions and every reference is in range (for untrusted input: the cache). */
export function isPackedMentions(x: unknown): x is PackedMentions {
  const p = x as PackedMentions | null;
  if (!p || !(p.data instanceof Int32Array) || !Array.isArray(p.strings) || p.data.length % STRIDE !== 0) return false;
  if (!p.strings.every((s) => typeof s === 'string')) return false;
  const n = p.strings.length;
  for (let o = 0; o < p.data.length; o += STRIDE) {
    const d = p.data;
    if (d[o + START]! < 0 || d[o + END]! < d[o + START]!) return false;
    for (const f of [ENTITY, ALIAS, TEXT]) if (d[o + f]! < 0 || d[o + f]! >= n) return false;
    if (d[o + CLITIC]! < -1 || d[o + CLITIC]! >= n) return false;
  }
  return true;
}
