/**
 * Decodes a document's bytes. VS Code's own guesser reads only the first bytes and often
 * misses windows-1256, the usual encoding of Arabic archives, so Corpus Lens decides itself:
 *
 * 1. A BOM wins: UTF-8, UTF-16 LE, UTF-16 BE.
 * 2. Without a BOM, a text whose every other byte is mostly 0x00 or 0x06 (the high bytes of
 *    Latin and Arabic characters) is UTF-16, LE or BE by which position holds them.
 * 3. Other zero bytes mean binary: skipped.
 * 4. Valid UTF-8 is UTF-8.
 * 5. Otherwise a legacy 8-bit code page: windows-1256 when most bytes ≥ 0x80 sit in runs
 *    (whole Arabic words), windows-1252 when they are isolated among ASCII letters
 *    (accented Latin). A result that still looks like noise is refused.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: string };

type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
function decoder(label: Encoding, fatal: boolean): Decoder {
  const key = `${label}/${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal, ignoreBOM: true });
    decoders.set(key, d);
  }
  return d;
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', true);

  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let highEven = 0; // 0x00 or 0x06 at even offsets
  let highOdd = 0;
  let zeros = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) zeros++;
    if (b === 0 || b === 0x06) {
      if (i % 2 === 0) highEven++;
      else highOdd++;
    }
  }
  const half = sample.length / 2;
  // An odd length is still UTF-16 by its byte pattern: utf16() then reports it as truncated
  // (rather than the NUL bytes calling it binary).
  if (sample.length >= 4) {
    if (highOdd > half * 0.6 && highEven < half * 0.1) return utf16(bytes, 'utf-16le', false);
    if (highEven > half * 0.6 && highOdd < half * 0.1) return utf16(bytes, 'utf-16be', false);
  }
  if (zeros > 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };

  try {
    return { ok: true, text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return legacy(bytes);
  }
}

function utf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  try {
    return { ok: true, text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8', bom };
  } catch {
    return { ok: false, reason: 'invalid UTF-8 after a UTF-8 byte-order mark' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodeResult {
  if (bytes.length % 2 !== 0) return { ok: false, reason: `truncated ${encoding.toUpperCase()} (odd number of bytes)` };
  try {
    return { ok: true, text: decoder(encoding, true).decode(bytes), encoding, bom };
  } catch {
    return { ok: false, reason: `invalid ${encoding.toUpperCase()}` };
  }
}

function legacy(bytes: Uint8Array): DecodeResult {
  let high = 0;
  let highInRuns = 0;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      high++;
      if ((i > 0 && bytes[i - 1]! >= 0x80) || (i + 1 < bytes.length && bytes[i + 1]! >= 0x80)) highInRuns++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      control++;
    }
  }
  if (control > bytes.length * 0.01) return { ok: false, reason: 'not text: too many control characters' };
  const encoding: Encoding = highInRuns > high * 0.6 ? 'windows-1256' : 'windows-1252';
  const text = decoder(encoding, false).decode(bytes);
  if (encoding === 'windows-1256' && !looksArabic(text)) {
    return { ok: false, reason: 'not valid UTF-8, and not plausible windows-1256 text' };
  }
  return { ok: true, text, encoding, bom: false };
}

/** Most non-ASCII letters of a windows-1256 decoding should be Arabic letters. */
function looksArabic(text: string): boolean {
  let nonAscii = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x064b && c <= 0x0652) || c === 0x060c || c === 0x061f || c === 0x061b || c === 0x0640) arabic++;
  }
  return nonAscii === 0 || arabic / nonAscii > 0.7;
}
