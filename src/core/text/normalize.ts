/**
 * Text normalization for matching, with a map from every normalized UTF-16 unit back to
 * the exact UTF-16 range of the original text it came from (VS Code ranges are UTF-16).
 *
 * Rules (each one unit-tested in test/unit/normalize.test.ts):
 * - Alef with hamza/madda/wasla (أ إ آ ٱ ٲ ٳ) → ا; ة → ه; ى → ي.
 * - Hamza on a seat (ؤ ئ) → bare hamza ء. The press varies the seat (مسؤول/مسئول) far more
 *   often than it drops the hamza, so unifying the seats joins real variants without
 *   merging words that differ by a hamza.
 * - Stripped: harakat, tanwin, shadda, sukun, combining hamza/madda (U+064B–U+065F, U+0670),
 *   Quranic annotation marks (U+06D6–U+06ED except letters), tatweel U+0640, zero-width
 *   characters (U+200B–U+200F, U+FEFF, U+00AD), bidi controls (U+202A–U+202E, U+2066–U+2069,
 *   U+061C), and Latin combining accents (U+0300–U+036F).
 * - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) → NFKC, then the rules above.
 * - Persian/Urdu/Kurdish look-alikes → Arabic letters (ک→ك, ی→ي, ە→ه, ڤ→ف, …).
 * - Eastern Arabic-Indic (٠–٩) and Persian (۰–۹) digits → 0–9.
 * - Latin and other cased scripts: case-folded, accents stripped (Çavuşoğlu → cavusoglu).
 * - Quotes (“ ” « » „ ‟ ״ …) → ", apostrophes (‘ ’ ‚ ′) → ', dashes (– — ‒ ― − ‐ ‑) → -,
 *   no-break and other spaces → space.
 *
 * Normalizing is idempotent: normalize(normalize(x).text).text === normalize(x).text.
 */

/** A normalized copy of a text plus the map back to the original. */
export interface NormalizedText {
  /** The normalized text that matching runs on. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its source character starts. */
  readonly starts: Uint32Array;
  /** For each UTF-16 unit of `text`, the offset in the original just past its source character. */
  readonly ends: Uint32Array;
}

/** A half-open range [start, end) of UTF-16 offsets. */
export interface OffsetRange {
  start: number;
  end: number;
}

const STRIP = 0xffff; // marker in the fast table: drop this unit
const COMPLEX = 0xfffe; // marker: take the slow path (expansions, case folding)

/** Fast 1→1 map for the BMP: 0 = unchanged, STRIP, COMPLEX, or the replacement code unit. */
const table = new Uint16Array(0x10000);

function setRange(from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) table[c] = value;
}
function setChars(chars: string, value: number): void {
  for (const ch of chars) table[ch.charCodeAt(0)] = value;
}
function mapChars(pairs: Record<string, string>): void {
  for (const [from, to] of Object.entries(pairs)) table[from.charCodeAt(0)] = to.charCodeAt(0);
}

// Marks and invisible characters.
setRange(0x064b, 0x065f, STRIP); // harakat, tanwin, shadda, sukun, combining hamza/madda
table[0x0670] = STRIP; // superscript alef
setRange(0x0610, 0x061a, STRIP); // honorific and Quranic signs above letters
setRange(0x06d6, 0x06dc, STRIP); // Quranic annotation marks
setRange(0x06df, 0x06e4, STRIP);
setRange(0x06e7, 0x06e8, STRIP);
setRange(0x06ea, 0x06ed, STRIP);
setRange(0x08d3, 0x08ff, STRIP); // extended Arabic marks
table[0x0640] = STRIP; // tatweel
setRange(0x200b, 0x200f, STRIP); // zero-width space/joiners, LRM, RLM
table[0xfeff] = STRIP; // BOM / zero-width no-break space
table[0x00ad] = STRIP; // soft hyphen
table[0x061c] = STRIP; // Arabic letter mark
setRange(0x202a, 0x202e, STRIP); // bidi embeddings and overrides
setRange(0x2066, 0x2069, STRIP); // bidi isolates
setRange(0x0300, 0x036f, STRIP); // combining accents (Latin after decomposition, NFD input)

// Arabic letter variants.
mapChars({ 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ؤ': 'ء', 'ئ': 'ء' });
// Persian, Urdu, Kurdish and Maghrebi look-alikes.
mapChars({
  'ک': 'ك', 'گ': 'ك', 'ڪ': 'ك', 'ی': 'ي', 'ې': 'ي', 'ێ': 'ي', 'ے': 'ي', 'ۍ': 'ي', 'ي': 'ي',
  'ە': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ۃ': 'ه', 'ڤ': 'ف', 'ڥ': 'ف', 'پ': 'ب', 'چ': 'ج',
  'ژ': 'ز', 'ڨ': 'ق', 'ٶ': 'ء', 'ٸ': 'ء', 'ۆ': 'و', 'ۇ': 'و', 'ۋ': 'و',
});
// Digits.
for (let d = 0; d < 10; d++) {
  table[0x0660 + d] = 0x30 + d;
  table[0x06f0 + d] = 0x30 + d;
}
mapChars({ '٫': '.', '٬': ',' });
// Quotes, apostrophes, dashes, spaces.
setChars('“”«»„‟״″〝〞＂', 0x22);
setChars('‘’‚‛′´`', 0x27);
setChars('–—‒―−‐‑⁃﹘﹣－', 0x2d);
setChars('\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', 0x20);
// Presentation forms take the NFKC path.
for (let c = 0xfb50; c <= 0xfdff; c++) table[c] = COMPLEX;
for (let c = 0xfe70; c <= 0xfefc; c++) table[c] = COMPLEX;

// Cased letters and precomposed letters with accents take the slow path.
for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20; // ASCII upper → lower, the common case
for (let c = 0xc0; c < 0x0530; c++) {
  if (table[c] !== 0) continue;
  const ch = String.fromCharCode(c);
  if (ch.toLowerCase() !== ch || ch.normalize('NFD') !== ch || c === 0xdf) table[c] = COMPLEX;
}
for (let c = 0x1e00; c <= 0x1fff; c++) table[c] = COMPLEX; // Latin extended additional, Greek extended
for (let c = 0x2c60; c <= 0x2c7f; c++) table[c] = COMPLEX;
for (let c = 0xff21; c <= 0xff5a; c++) table[c] = COMPLEX; // fullwidth Latin

/** Letters that NFD does not decompose but that read as a base letter plus a stroke. */
const LATIN_SPECIAL: Record<string, string> = {
  'ı': 'i', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ħ': 'h', 'Ħ': 'h',
  'ß': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'þ': 'th', 'Þ': 'th',
};

/** Normalizes one character on the slow path; every output unit is a fixed point of the table. */
function slowPath(ch: string): string {
  const special = LATIN_SPECIAL[ch];
  if (special !== undefined) return special;
  const code = ch.charCodeAt(0);
  const isPresentationForm = (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);
  const decomposed = isPresentationForm ? ch.normalize('NFKC') : ch.normalize('NFKD').toLowerCase().normalize('NFD');
  let out = '';
  for (const part of decomposed) {
    const p = part.charCodeAt(0);
    if (part.length > 1) {
      out += part;
      continue;
    }
    const mapped = table[p]!;
    if (mapped === STRIP) continue;
    if (mapped === COMPLEX) {
      const inner = LATIN_SPECIAL[part];
      out += inner ?? (part.toLowerCase() === part ? part : part.toLowerCase());
      continue;
    }
    out += mapped === 0 ? part : String.fromCharCode(mapped);
  }
  return out;
}

const slowCache = new Map<number, string>();

/** The slow path's result for one unit, made once per unit. */
function replacementOf(c: number): string {
  let replacement = slowCache.get(c);
  if (replacement === undefined) {
    replacement = slowPath(String.fromCharCode(c));
    slowCache.set(c, replacement);
  }
  return replacement;
}

/** Normalizes `original` and keeps, for each output unit, the range of its source character. */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  // Only the slow path can make the text longer (ß → ss, ligatures), so the buffers grow
  // there and nowhere else: the loop over ordinary characters has no capacity check.
  let capacity = n + 16;
  let out = capacity <= MAX_SCRATCH_UNITS ? (unitScratch.length >= capacity ? unitScratch : (unitScratch = new Uint16Array(capacity))) : new Uint16Array(capacity);
  // One allocation for both maps: typed arrays this size live off the V8 heap, and each one
  // costs an allocation and GC bookkeeping of its own.
  const offsets = new Uint32Array(capacity * 2);
  let starts = offsets.subarray(0, capacity);
  let ends = offsets.subarray(capacity);
  let len = 0;
  let loneSurrogate = false;

  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // Surrogate pairs pass through unchanged, both units mapped to the whole pair.
      const d = c <= 0xdbff && i + 1 < n ? original.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[len] = c;
        starts[len] = i;
        ends[len++] = i + 2;
        out[len] = d;
        starts[len] = i;
        ends[len++] = i + 2;
        i++;
        continue;
      }
      loneSurrogate = true;
    }
    const mapped = table[c]!;
    if (mapped === 0) {
      out[len] = c;
      starts[len] = i;
      ends[len++] = i + 1;
    } else if (mapped === STRIP) {
      continue;
    } else if (mapped !== COMPLEX) {
      out[len] = mapped;
      starts[len] = i;
      ends[len++] = i + 1;
    } else {
      const replacement = replacementOf(c);
      if (len + replacement.length + (n - i) > capacity) {
        capacity = Math.max(capacity * 2, len + replacement.length + (n - i));
        out = grown(out, new Uint16Array(capacity), len);
        if (capacity <= MAX_SCRATCH_UNITS) unitScratch = out;
        starts = grown(starts, new Uint32Array(capacity), len);
        ends = grown(ends, new Uint32Array(capacity), len);
      }
      for (let k = 0; k < replacement.length; k++) {
        out[len] = replacement.charCodeAt(k);
        starts[len] = i;
        ends[len++] = i + 1;
      }
    }
  }

  return { text: decodeUnits(out, len, loneSurrogate), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** `to`, with the first `len` units of `from` copied in. */
function grown<T extends Uint16Array | Uint32Array>(from: T, to: T, len: number): T {
  to.set(from.subarray(0, len));
  return to;
}

/**
 * The normalized units before they become a string. They are decoded before normalize()
 * returns, so one buffer serves every call (grown when a text needs more).
 */
let unitScratch = new Uint16Array(4096);
/** A text longer than this (2 MB of units) gets a buffer of its own, not kept after it. */
const MAX_SCRATCH_UNITS = 1 << 20;

const utf16 = new TextDecoder('utf-16le');

/**
 * Builds the string from UTF-16 units. TextDecoder is native and fast, but it replaces a
 * lone surrogate with U+FFFD, so text with one takes String.fromCharCode (in chunks: it has
 * an argument limit) and keeps the unit as it is.
 */
function decodeUnits(units: Uint16Array, len: number, loneSurrogate: boolean): string {
  if (!loneSurrogate) return utf16.decode(units.subarray(0, len));
  const CHUNK = 8192;
  let s = '';
  for (let i = 0; i < len; i += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return s;
}

/** Reused by normalizeKey: keys are normalized by the thousand (words, lines, lexicon entries). */
let keyBuffer = new Uint16Array(256);

/**
 * Normalizes a short key (a catalog name, a search query, a word, a line): the text only,
 * no map, and the input itself when nothing in it changes. Same rules as normalize().
 */
export function normalizeKey(s: string): string {
  const n = s.length;
  let i = 0;
  // Most words of a line need no change at all: find the first unit that does.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (table[c] !== 0) break; // (surrogates map to 0: they pass unchanged, as in normalize)
    i++;
  }
  if (i === n) return s;
  if (keyBuffer.length < n * 2 + 16) keyBuffer = new Uint16Array(n * 2 + 16);
  let out = keyBuffer;
  let len = 0;
  for (let k = 0; k < i; k++) out[len++] = s.charCodeAt(k);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const mapped = table[c]!;
    if (mapped === 0) out[len++] = c;
    else if (mapped === STRIP) continue;
    else if (mapped !== COMPLEX) out[len++] = mapped;
    else {
      const replacement = replacementOf(c);
      if (len + replacement.length + (n - i) > out.length) {
        out = grown(out, new Uint16Array((len + replacement.length + (n - i)) * 2), len);
        keyBuffer = out;
      }
      for (let k = 0; k < replacement.length; k++) out[len++] = replacement.charCodeAt(k);
    }
  }
  // Surrogates (valid pairs or not) pass through the table unchanged, so fromCharCode keeps them.
  return decodeUnits(out, len, true);
}

/**
 * Maps a non-empty normalized range [start, end) back to the original text: from the start
 * of the first source character to the end of the last one.
 */
export function toOriginalRange(n: NormalizedText, start: number, end: number): OffsetRange {
  if (start < 0 || end > n.text.length || start >= end) {
    throw new RangeError(`normalized range [${start}, ${end}) outside [0, ${n.text.length}]`);
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}

/**
 * A test for "normalizeKey(text).includes(query)" that makes no normalized copy of the text:
 * each unit is normalized as it is read (the same table) and fed to a KMP matcher. The
 * timeline's text filter runs it over every label; keeping a normalized copy of each (as it
 * did) doubled the memory of a large timeline. `query` must itself be normalized.
 */
export function normalizedIncludes(query: string): (text: string) => boolean {
  const m = query.length;
  if (m === 0) return () => true;
  const q = new Uint16Array(m);
  for (let k = 0; k < m; k++) q[k] = query.charCodeAt(k);
  // fail[k]: the length of the longest proper prefix of q[0..k] that is also its suffix.
  const fail = new Uint32Array(m);
  for (let k = 1, j = 0; k < m; k++) {
    while (j > 0 && q[k] !== q[j]) j = fail[j - 1]!;
    if (q[k] === q[j]) j++;
    fail[k] = j;
  }
  // Every text with a match holds one of the anchor's spellings: indexOf (native, many times
  // faster than the loop below) turns down most texts before the loop reads a unit of them.
  const anchor = anchorOf(query);
  return (text) => {
    if (anchor !== undefined && !anchor.some((spelling) => text.indexOf(spelling) !== -1)) return false;
    let j = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const mapped = table[c]!;
      if (mapped === STRIP) continue;
      if (mapped !== COMPLEX) {
        const u = mapped === 0 ? c : mapped;
        while (j > 0 && q[j] !== u) j = fail[j - 1]!;
        if (q[j] === u && ++j === m) return true;
        continue;
      }
      const replacement = replacementOf(c);
      for (let r = 0; r < replacement.length; r++) {
        const u = replacement.charCodeAt(r);
        while (j > 0 && q[j] !== u) j = fail[j - 1]!;
        if (q[j] === u && ++j === m) return true;
      }
    }
    return false;
  };
}

/** For each unit, the other units that normalize to it or into a text holding it; made on first use. */
let producers: Map<number, number[]> | undefined;

function producersOf(unit: number): readonly number[] {
  if (!producers) {
    producers = new Map();
    const note = (into: number, from: number): void => {
      if (into === from) return;
      const list = producers!.get(into);
      if (!list) producers!.set(into, [from]);
      else if (list[list.length - 1] !== from) list.push(from);
    };
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates pass unchanged
      const mapped = table[c]!;
      if (mapped === 0 || mapped === STRIP) continue;
      if (mapped !== COMPLEX) {
        note(mapped, c);
        continue;
      }
      const replacement = replacementOf(c);
      for (let r = 0; r < replacement.length; r++) note(replacement.charCodeAt(r), c);
    }
  }
  return producers.get(unit) ?? [];
}

/** Letters and digits of ordinary text, most frequent first: the rarer, the better an anchor. */
const FREQUENT = ' اليمونهرتبعدفقسكحجشصطزخذضظغثeaitnosrlhdcumpgfywbvk0123456789';
/** An anchor with more spellings than this costs more indexOf calls than the scan it saves. */
const MAX_ANCHOR_SPELLINGS = 12;

/**
 * The spellings of one unit of the query (itself and every unit that normalizes to it or
 * into a text holding it), chosen rare and with few spellings: a text without any of them
 * cannot match. undefined when every unit has too many.
 */
function anchorOf(query: string): string[] | undefined {
  let best: string[] | undefined;
  let bestRank = -1;
  for (let k = 0; k < query.length; k++) {
    const unit = query.charCodeAt(k);
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const from = producersOf(unit);
    if (from.length >= MAX_ANCHOR_SPELLINGS) continue;
    const at = FREQUENT.indexOf(query[k]!);
    const rank = at === -1 ? FREQUENT.length : at; // the rarer, the better
    if (rank > bestRank || (rank === bestRank && from.length + 1 < best!.length)) {
      best = [query[k]!, ...from.map((c) => String.fromCharCode(c))];
      bestRank = rank;
    }
  }
  return best;
}
