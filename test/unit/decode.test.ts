import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/io/decode';
import { toWindows1256 } from './support';

const arabic = 'أعلن لافروف في موسكو، اليوم السبت، أن المحادثات مع أنقرة مستمرة.\r\n';

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode(arabic);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: arabic, encoding: 'utf-8', bom: false });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text: arabic, encoding: 'utf-8', bom: true });
  });

  it('decodes UTF-16 LE and BE, with and without BOM', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const r = decodeBytes(utf16(arabic + 'Moscow', le, bom));
        expect(r).toEqual({ ok: true, text: arabic + 'Moscow', encoding: le ? 'utf-16le' : 'utf-16be', bom });
      }
    }
  });

  it('detects windows-1256 Arabic', () => {
    const r = decodeBytes(toWindows1256(arabic));
    expect(r).toEqual({ ok: true, text: arabic, encoding: 'windows-1256', bom: false });
  });

  it('reads isolated high bytes among Latin letters as windows-1252', () => {
    const r = decodeBytes(Uint8Array.from([...'Mevl'].map((c) => c.charCodeAt(0)).concat([0xfc, 0x74])));
    expect(r).toMatchObject({ ok: true, text: 'Mevlüt', encoding: 'windows-1252' });
  });

  it('refuses binary files', () => {
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]))).toEqual({
      ok: false,
      reason: 'binary file (contains NUL bytes)',
    });
  });

  it('refuses invalid UTF-8 that is not Arabic either', () => {
    const noise = Uint8Array.from({ length: 200 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    expect(decodeBytes(noise)).toMatchObject({ ok: false });
  });

  it('decodes an empty file as empty UTF-8', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8', bom: false });
  });
});
