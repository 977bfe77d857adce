import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/cli/output';
import { csvField as coreCsvField } from '../../src/core/export/csv';
import { formatMentions, mentionsToCsv, mentionsToJsonl, mentionsToWebAnnotation, type ExportDocument, type EntityLookup } from '../../src/core/export/mentionExport';
import { CodePointCounter, prefixOf, suffixOf, toCodePointOffset } from '../../src/core/export/textOffsets';

const entities: EntityLookup = (id) => (id === 'person.sergey-lavrov' ? { id, type: 'person', name: 'Sergey Lavrov' } : undefined);

/** A mention found by its text, as the matcher would report it (UTF-16 offsets). */
function mentionOf(text: string, exact: string, entityId = 'person.sergey-lavrov'): ExportDocument['mentions'][number] {
  const start = text.indexOf(exact);
  return { entityId, start, end: start + exact.length, text: exact };
}

describe('UTF-16 → code point offsets', () => {
  it('counts an astral character (emoji) as one code point', () => {
    const text = 'a😀b𝔸c';
    expect(text.length).toBe(7);
    expect(toCodePointOffset(text, 0)).toBe(0);
    expect(toCodePointOffset(text, 1)).toBe(1);
    expect(toCodePointOffset(text, 3)).toBe(2); // after the emoji
    expect(toCodePointOffset(text, 6)).toBe(4); // after 𝔸
    expect(toCodePointOffset(text, 7)).toBe(5);
  });

  it('converts in one pass and still answers offsets that go backwards', () => {
    const counter = new CodePointCounter('😀😀x');
    expect(counter.at(4)).toBe(2);
    expect(counter.at(2)).toBe(1);
    expect(counter.at(5)).toBe(3);
  });

  it('is the identity for Arabic (all in the BMP)', () => {
    const text = 'التقى لافروف';
    expect(toCodePointOffset(text, text.length)).toBe(text.length);
  });
});

describe('quote context', () => {
  it('takes up to 32 code points each side without splitting a surrogate pair', () => {
    const text = '😀'.repeat(40) + 'X' + '😀'.repeat(40);
    const at = text.indexOf('X');
    const prefix = prefixOf(text, at, 32);
    const suffix = suffixOf(text, at + 1, 32);
    expect([...prefix]).toHaveLength(32);
    expect(prefix).toBe('😀'.repeat(32));
    expect(suffix).toBe('😀'.repeat(32));
  });

  it('stops at the ends of the text', () => {
    expect(prefixOf('ab', 1, 32)).toBe('a');
    expect(suffixOf('ab', 1, 32)).toBe('b');
  });
});

describe('Web Annotation', () => {
  // The emoji sits inside the 32-character prefix window: 32 code points = 33 UTF-16 units there.
  const text = 'x'.repeat(20) + '😀 Emoji first. Then Sergey Lavrov spoke. ' + 'x'.repeat(50);
  const doc: ExportDocument = { path: 'news/a.txt', text, mentions: [mentionOf(text, 'Sergey Lavrov')] };

  it('is an AnnotationCollection with one Annotation per mention', () => {
    const c = mentionsToWebAnnotation([doc], entities);
    expect(c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(1);
    expect(c.first.type).toBe('AnnotationPage');
    const [a] = c.first.items;
    expect(a!.type).toBe('Annotation');
    expect(a!.target.source).toBe('news/a.txt');
    expect(a!.body).toEqual([
      { type: 'SpecificResource', source: 'person.sergey-lavrov', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Sergey Lavrov', format: 'text/plain', purpose: 'identifying' },
    ]);
  });

  it('positions in code points, quotes with 32 characters of context', () => {
    const [a] = mentionsToWebAnnotation([doc], entities).first.items;
    const [quote, position] = a!.target.selector;
    const utf16 = text.indexOf('Sergey Lavrov');
    expect(position).toEqual({ type: 'TextPositionSelector', start: utf16 - 1, end: utf16 - 1 + 13 });
    // The code-point positions select the exact text in the code-point array.
    expect([...text].slice(utf16 - 1, utf16 + 12).join('')).toBe('Sergey Lavrov');
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'Sergey Lavrov', prefix: text.slice(utf16 - 33, utf16), suffix: text.slice(utf16 + 13, utf16 + 45) });
    expect([...(quote as { prefix: string }).prefix]).toHaveLength(32);
  });

  it('leaves boilerplate mentions out', () => {
    const m = { ...mentionOf(text, 'Sergey Lavrov'), boilerplate: true };
    expect(mentionsToWebAnnotation([{ ...doc, mentions: [m] }], entities).total).toBe(0);
  });

  it('formats as parseable JSON', () => {
    expect(JSON.parse(formatMentions('webannotation', [doc], entities)).total).toBe(1);
  });
});

describe('JSON Lines and CSV', () => {
  const text = 'قال لافروف، "نعم"';
  const doc: ExportDocument = { path: 'a,b.txt', text, mentions: [{ ...mentionOf(text, 'لافروف'), clitic: 'و' }, mentionOf(text, '"نعم"', 'place.unknown')] };

  it('writes one JSON object per line with UTF-16 offsets', () => {
    const lines = mentionsToJsonl([doc], entities).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ document: 'a,b.txt', entity: 'person.sergey-lavrov', name: 'Sergey Lavrov', type: 'person', start: 4, end: 10, text: 'لافروف', clitic: 'و' });
    expect(lines[1]).toMatchObject({ entity: 'place.unknown', name: 'place.unknown', type: null });
  });

  it('writes a header and escaped rows', () => {
    const rows = mentionsToCsv([doc], entities).split('\n');
    expect(rows[0]).toBe('document,entity,name,type,start,end,text,clitic,boilerplate');
    expect(rows[1]).toBe('"a,b.txt",person.sergey-lavrov,Sergey Lavrov,person,4,10,لافروف,و,false');
    expect(rows[2]).toBe('"a,b.txt",place.unknown,place.unknown,,12,17,"""نعم""",,false');
  });

  it('guards spreadsheet formulas, and the CLI shares the same escaping', () => {
    expect(coreCsvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(coreCsvField('a\nb')).toBe('"a\nb"');
    expect(csvField).toBe(coreCsvField);
  });
});
