// The reliability matrix, unit half: catalogs that are wrong in ways users produce (missing
// references in roles and related, one bad entity in a 10 MB file, an alias claimed across
// files, a file cut off inside a string), documents that are hard to read (empty, one huge
// line, too large, undecodable, UTF-16 without BOM, CRLF, deleted mid-scan, thousands of
// files), and hostile catalog and corpus text in the hover card.
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblem, listTextFiles, readCorpusFile } from '../../src/cli/readCorpus';
import { analyzeDocument } from '../../src/core/analysis/analyzeDocument';
import { Catalog } from '../../src/core/catalog/catalog';
import { parseCatalog } from '../../src/core/catalog/parse';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { decodeBytes } from '../../src/core/io/decode';
import { EntityMatcher } from '../../src/core/match/matcher';
import { renderEntityCard } from '../../src/extension/features/entityCard';
import { isolate } from '../../src/extension/markdown';
import { runCli } from './support';

const MB = 1024 * 1024;

function file(...entities: string[]): string {
  return `{\n"version": 1,\n"entities": [\n${entities.join(',\n')}\n]\n}\n`;
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
function positionOf(text: string, needle: string, after = 0): { line: number; column: number; offset: number } {
  const offset = text.indexOf(needle, after);
  if (offset < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

interface ScanJson {
  documents: Array<{
    path: string;
    title: string;
    encoding: string;
    mentions: Array<{ entity: string; start: number; end: number; text: string; clitic?: string }>;
    dates: Array<{ start: number; end: number; text: string; value: string }>;
  }>;
  errors: Array<{ path: string; message: string; line: number | null; column: number | null }>;
}

describe('catalog reliability', () => {
  it('an unknown type leaves that entity out and reports the type value (as well as in a merge)', () => {
    // The single-file case is in catalog.test.ts; here the bad entity overrides a good one.
    const good = `{ "id": "place.x", "type": "place", "names": { "en": "X" }, "aliases": ["Ex"] }`;
    const bad = `{ "id": "place.x", "type": "planet", "names": { "en": "X2" } }`;
    const b = file(bad);
    const c = Catalog.load([
      { path: 'a.json', text: file(good) },
      { path: 'b.json', text: b },
    ]);
    expect(c.get('place.x')).toMatchObject({ type: 'place', names: { en: 'X' } });
    const at = positionOf(b, '"planet"');
    expect(c.diagnostics).toEqual([
      {
        path: 'b.json',
        code: 'schema',
        severity: 'error',
        message: 'Entity 1 ("place.x"): "type" must be one of "person", "place", "organization", "agreement", "event"',
        line: at.line,
        column: at.column,
        offset: at.offset,
        length: '"planet"'.length,
      },
    ]);
  });

  it('a missing id in roles[].organization and in related[] is reported at that id, and the entity is kept', () => {
    const text = file(
      `{ "id": "person.envoy", "type": "person", "names": { "en": "Envoy" },\n  "roles": [{ "title": { "en": "Envoy" }, "organization": "organization.un" }, { "title": { "en": "Adviser" }, "organization": "organization.ghost" }],\n  "related": ["place.geneva", "event.ghost-talks"] }`,
      `{ "id": "organization.un", "type": "organization", "names": { "en": "United Nations" } }`,
      `{ "id": "place.geneva", "type": "place", "names": { "en": "Geneva" } }`,
    );
    const c = Catalog.load([{ path: 'c.json', text }]);
    expect(c.get('person.envoy')?.roles).toHaveLength(2);
    const org = positionOf(text, '"organization.ghost"');
    const rel = positionOf(text, '"event.ghost-talks"');
    expect(c.diagnostics).toHaveLength(2);
    expect(c.diagnostics).toEqual(
      expect.arrayContaining([
        {
          path: 'c.json',
          code: 'missing-reference',
          severity: 'warning',
          message: '"person.envoy" refers to "organization.ghost", which no catalog defines.',
          line: org.line,
          column: org.column,
          offset: org.offset,
          length: '"organization.ghost"'.length,
        },
        {
          path: 'c.json',
          code: 'missing-reference',
          severity: 'warning',
          message: '"person.envoy" refers to "event.ghost-talks", which no catalog defines.',
          line: rel.line,
          column: rel.column,
          offset: rel.offset,
          length: '"event.ghost-talks"'.length,
        },
      ]),
    );
    expect(org).toMatchObject({ line: 5 });
    expect(rel).toMatchObject({ line: 6 });
  });

  it('a reference resolved by another catalog file is not reported', () => {
    const c = Catalog.load([
      { path: 'a.json', text: file(`{ "id": "person.envoy", "type": "person", "names": { "en": "Envoy" }, "roles": [{ "title": { "en": "Envoy" }, "organization": "organization.un" }], "related": ["place.geneva"] }`) },
      { path: 'b.json', text: file(`{ "id": "organization.un", "type": "organization", "names": { "en": "UN" } }`, `{ "id": "place.geneva", "type": "place", "names": { "en": "Geneva" } }`) },
    ]);
    expect(c.diagnostics).toEqual([]);
  });

  it('a ~10 MB catalog of 40,000 entities: one bad entity in the middle is reported at its line and column, every other entity is kept', () => {
    const N = 40_000;
    const BAD = 20_000;
    const lines: string[] = [];
    for (let i = 0; i < N; i++) {
      const e = {
        id: `person.p${i}`,
        type: 'person',
        names: { ar: `شخص رقم ${i}`, en: `Person number ${i}` },
        aliases: [`Pn${i}x`],
        description: { en: `Entity ${i} of a generated catalog, long enough to make the file large: ${'lorem ipsum '.repeat(3)}` },
        roles: [{ title: { en: 'Minister' }, from: i === BAD ? '2011-13' : '2011-03' }],
      };
      lines.push('    ' + JSON.stringify(e));
    }
    const text = `{\n  "version": 1,\n  "entities": [\n${lines.join(',\n')}\n  ]\n}\n`;
    expect(text.length).toBeGreaterThan(9 * MB);
    expect(text.length).toBeLessThan(14 * MB);
    const c = Catalog.load([{ path: 'big.json', text }]);
    expect(c.size).toBe(N - 1);
    expect(c.get(`person.p${BAD}`)).toBeUndefined();
    expect(c.get(`person.p${BAD - 1}`)).toBeDefined();
    expect(c.get(`person.p${BAD + 1}`)).toBeDefined();
    expect(c.get(`person.p${N - 1}`)?.names.en).toBe(`Person number ${N - 1}`);
    // Entity BAD sits on line BAD + 4 (three header lines, 1-based).
    const line = lines[BAD]!;
    const column = line.indexOf('"2011-13"') + 1;
    expect(c.diagnostics).toEqual([
      {
        path: 'big.json',
        code: 'schema',
        severity: 'error',
        message: `Entity ${BAD + 1} ("person.p${BAD}"): "roles.0.from" has an invalid format (expected YYYY, YYYY-MM or YYYY-MM-DD)`,
        line: BAD + 4,
        column,
        offset: text.indexOf('"2011-13"'),
        length: '"2011-13"'.length,
      },
    ]);
    // 2 aliases per entity (names ar + en) + 1 alias: nothing lost, nothing in conflict.
    expect(c.aliases()).toHaveLength((N - 1) * 3);
  }, 60_000);

  it('an alias claimed by two entities in two files: the later file wins, the loser is pointed at in its own file', () => {
    const a = file(
      `{ "id": "person.bashar-a", "type": "person", "names": { "en": "Bashar A" },\n  "aliases": ["Abu Hafs", "الأسد"] }`,
    );
    const b = file(
      `{ "id": "person.bashar-b", "type": "person", "names": { "en": "Bashar B" },\n  "aliases": ["الاسد"] }`,
    );
    const c = Catalog.load([
      { path: 'a.json', text: a },
      { path: 'b.json', text: b },
    ]);
    expect(c.aliases().filter((x) => x.text === 'الأسد' || x.text === 'الاسد')).toEqual([{ entityId: 'person.bashar-b', text: 'الاسد' }]);
    const at = positionOf(a, '"الأسد"');
    expect(c.diagnostics).toEqual([
      {
        path: 'a.json',
        code: 'alias-conflict',
        severity: 'warning',
        message: 'Alias "الأسد" of "person.bashar-a" is also claimed by "person.bashar-b" (as "الاسد"); mentions go to "person.bashar-b".',
        line: at.line,
        column: at.column,
        offset: at.offset,
        length: '"الأسد"'.length,
      },
    ]);
    // Both entities are kept; only the alias moved.
    expect(c.get('person.bashar-a')?.aliases).toEqual(['Abu Hafs', 'الأسد']);
    expect(c.aliases()).toContainEqual({ entityId: 'person.bashar-a', text: 'Abu Hafs' });
  });

  it('a file cut off in the middle of a string: the cut entity is left out (no half name becomes an alias), the ones before are kept', () => {
    const lavrov = `{ "id": "person.sergey-lavrov", "type": "person", "names": { "ar": "سيرغي لافروف", "en": "Sergey Lavrov" } }`;
    const cut = `{ "id": "person.lakhdar-brahimi", "type": "person", "names": { "ar": "الأخضر الإبراهيمي", "en": "Lakhdar Brahimi" } }`;
    const whole = file(lavrov, cut);
    const text = whole.slice(0, whole.indexOf('Lakhdar Brahimi') + 'Lak'.length);
    const parsed = parseCatalog('c.json', text);
    expect(parsed.entities.map((e) => e.entity.id)).toEqual(['person.sergey-lavrov']);
    const str = positionOf(text, '"Lak');
    const entity = positionOf(text, '{ "id": "person.lakhdar-brahimi"');
    expect(parsed.diagnostics).toEqual([
      { path: 'c.json', code: 'json-syntax', severity: 'error', message: 'JSON syntax error: unterminated string', line: str.line, column: str.column, offset: str.offset, length: 4 },
      { path: 'c.json', code: 'json-syntax', severity: 'error', message: 'JSON syntax error: closing brace "}" expected', line: str.line, column: str.column + 4, offset: text.length, length: 1 },
      {
        path: 'c.json',
        code: 'json-syntax',
        severity: 'error',
        message: 'Entity 2 ("person.lakhdar-brahimi"): incomplete (the file ends or a string is not closed inside it); ignored.',
        line: entity.line,
        column: entity.column,
        offset: entity.offset,
        length: text.length - entity.offset,
      },
    ]);
    const c = Catalog.load([{ path: 'c.json', text }]);
    expect(c.aliases().map((a) => a.text)).not.toContain('Lak');
    expect(c.get('person.lakhdar-brahimi')).toBeUndefined();
  });

  it('a string left open at the end of a line invalidates only its entity', () => {
    const text = file(
      `{ "id": "place.a", "type": "place", "names": { "en": "Aleppo } },`.replace(' },', ''),
      `{ "id": "place.b", "type": "place", "names": { "en": "Beirut" } }`,
    );
    const parsed = parseCatalog('c.json', text);
    expect(parsed.entities.map((e) => e.entity.names.en)).not.toContain('Aleppo }');
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'json-syntax', message: 'JSON syntax error: unterminated string', ...pick(positionOf(text, '"Aleppo')) });
    expect(parsed.diagnostics.some((d) => d.message.startsWith('Entity 1 ("place.a"): incomplete'))).toBe(true);
  });
});

function pick(p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

describe('document reliability', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-reliability-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, bytes: string | Uint8Array): string {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    return p;
  }

  it('an empty file is an empty UTF-8 document, and scans with an empty title and no mentions', async () => {
    const sub = path.join(dir, 'empty-case');
    const p = write('empty-case/empty.txt', '');
    expect(await readCorpusFile(sub, p)).toEqual({ path: 'empty.txt', absolutePath: p, text: '', encoding: 'utf-8', size: 0 });
    const { code, out } = await runCli(['scan', sub, '--json', '--jobs', '1']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as ScanJson;
    expect(result.documents).toEqual([{ path: 'empty.txt', title: '', encoding: 'utf-8', date: { value: null, source: 'none' }, mentions: [], dates: [] }]);
    expect(result.errors).toEqual([]);
  });

  it('a single 2 MB line is read whole and its mentions found at exact offsets (the title is capped)', async () => {
    const sub = path.join(dir, 'long-line');
    const filler = 'كلام عادي بلا أسماء ';
    const line = filler.repeat(Math.ceil((2 * MB) / Buffer.byteLength(filler))) + 'ثم وصل لافروف إلى موسكو';
    const p = write('long-line/one-line.txt', line);
    const read = await readCorpusFile(sub, p);
    expect(isProblem(read)).toBe(false);
    if (isProblem(read)) return;
    expect(read.size).toBeGreaterThan(2 * MB);
    expect(read.text).toBe(line);
    const { out } = await runCli(['scan', sub, '--json', '--jobs', '1']);
    const [doc] = (JSON.parse(out) as ScanJson).documents;
    expect(doc!.title).toHaveLength(200);
    expect(doc!.title.endsWith('…')).toBe(true);
    expect(doc!.mentions.map((m) => [m.entity, m.start, m.text])).toEqual([
      ['person.sergey-lavrov', line.lastIndexOf('لافروف'), 'لافروف'],
      ['place.moscow', line.lastIndexOf('موسكو'), 'موسكو'],
    ]);
  });

  it('a file over the size limit is skipped with its size and the limit in the reason', async () => {
    const sub = path.join(dir, 'too-big');
    const big = write('too-big/big.txt', 'a'.repeat(1.5 * MB));
    expect(await readCorpusFile(sub, big, MB)).toEqual({ path: 'big.txt', message: 'skipped: 1.5 MB is over the 1.0 MB limit' });
    // One byte over: the two sizes must not print the same.
    const edge = write('too-big/edge.txt', 'a'.repeat(MB + 1));
    expect(await readCorpusFile(sub, edge, MB)).toEqual({ path: 'edge.txt', message: 'skipped: 1048577 bytes is over the 1048576 bytes limit' });
    // Exactly at the limit is allowed.
    const at = write('too-big/at-limit.txt', 'a'.repeat(MB));
    expect(isProblem(await readCorpusFile(sub, at, MB))).toBe(false);
    const { out } = await runCli(['scan', sub, '--json', '--jobs', '1', '--max-size', '1']);
    const result = JSON.parse(out) as ScanJson;
    expect(result.documents.map((d) => d.path)).toEqual(['at-limit.txt']);
    expect(result.errors).toEqual([
      { path: 'big.txt', message: 'skipped: 1.5 MB is over the 1.0 MB limit', line: null, column: null },
      { path: 'edge.txt', message: 'skipped: 1048577 bytes is over the 1048576 bytes limit', line: null, column: null },
    ]);
  });

  it('invalid UTF-8 that is not windows-1256 either is skipped with that reason', async () => {
    // UTF-8 Arabic cut inside its last character, and Cyrillic with a stray continuation byte.
    const utf8 = new TextEncoder().encode('أعلن لافروف في موسكو');
    const cutArabic = utf8.subarray(0, utf8.length - 1);
    const cyrillic = Uint8Array.from([...new TextEncoder().encode('Лавров заявил'), 0x80, ...new TextEncoder().encode(' в Москве')]);
    for (const [name, bytes] of [['cut-arabic.txt', cutArabic], ['cyrillic.txt', cyrillic]] as const) {
      const reason = 'not valid UTF-8, and not plausible windows-1256 text';
      expect(decodeBytes(bytes)).toEqual({ ok: false, reason });
      const p = write(`bad-utf8/${name}`, bytes);
      expect(await readCorpusFile(path.join(dir, 'bad-utf8'), p)).toEqual({ path: name, message: `skipped: ${reason}` });
    }
  });

  it('UTF-16 LE Arabic without a BOM is detected and decoded exactly; cut at an odd byte it is reported as truncated UTF-16', async () => {
    const text = 'أعلن لافروف في موسكو،\r\nأن المحادثات مع أنقرة مستمرة.';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: 'utf-16le', bom: false });
    const sub = path.join(dir, 'utf16');
    const p = write('utf16/le.txt', bytes);
    expect(await readCorpusFile(sub, p)).toEqual({ path: 'le.txt', absolutePath: p, text, encoding: 'utf-16le', size: bytes.length });
    const odd = bytes.subarray(0, bytes.length - 1);
    expect(decodeBytes(odd)).toEqual({ ok: false, reason: 'truncated UTF-16LE (odd number of bytes)' });
    const q = write('utf16/odd.txt', odd);
    expect(await readCorpusFile(sub, q)).toEqual({ path: 'odd.txt', message: 'skipped: truncated UTF-16LE (odd number of bytes)' });
    const { out } = await runCli(['scan', sub, '--json', '--jobs', '1']);
    const result = JSON.parse(out) as ScanJson;
    expect(result.documents.map((d) => [d.path, d.encoding, d.mentions.map((m) => m.entity)])).toEqual([['le.txt', 'utf-16le', ['person.sergey-lavrov', 'place.moscow', 'place.ankara']]]);
    expect(result.errors).toEqual([{ path: 'odd.txt', message: 'skipped: truncated UTF-16LE (odd number of bytes)', line: null, column: null }]);
  });

  it('CRLF line endings: offsets in the CLI JSON count both characters and reproduce the text', async () => {
    const sub = path.join(dir, 'crlf');
    const text = 'لقاء في موسكو\r\n\r\nالتقى لافروف نظيره التركي جاويش أوغلو بموسكو في 17 أيلول 2018.\r\nوقال لافروف: «المحادثات مستمرة».\r\n';
    write('crlf/crlf.txt', text);
    const { out } = await runCli(['scan', sub, '--json', '--jobs', '1']);
    const [doc] = (JSON.parse(out) as ScanJson).documents;
    expect(doc!.title).toBe('لقاء في موسكو');
    for (const m of doc!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const d of doc!.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    const second = text.indexOf('لافروف');
    const third = text.indexOf('لافروف', second + 1);
    expect(doc!.mentions.map((m) => [m.entity, m.start, m.end])).toEqual([
      ['place.moscow', 8, 13],
      ['person.sergey-lavrov', second, second + 6],
      ['person.mevlut-cavusoglu', text.indexOf('جاويش'), text.indexOf('جاويش') + 'جاويش أوغلو'.length],
      ['place.moscow', text.indexOf('بموسكو') + 1, text.indexOf('بموسكو') + 6],
      ['person.sergey-lavrov', third, third + 6],
    ]);
    // Line 3 starts after two CRLF pairs: 13 + 2 + 2 characters.
    expect(second).toBe(17 + 'التقى '.length);
    expect(doc!.dates.map((d) => [d.text, d.value, d.start])).toEqual([['17 أيلول 2018', '2018-09-17', text.indexOf('17 أيلول')]]);
  });

  it('a file deleted between listing and reading is reported as "cannot read", the others are read', async () => {
    const sub = path.join(dir, 'vanishing');
    write('vanishing/a.txt', 'موسكو');
    const gone = write('vanishing/b.txt', 'أنقرة');
    const { files } = await listTextFiles(sub);
    expect(files).toEqual([path.join(sub, 'a.txt'), gone]);
    unlinkSync(gone);
    const results = await Promise.all(files.map((f) => readCorpusFile(sub, f)));
    expect(isProblem(results[0]!)).toBe(false);
    expect(results[1]).toEqual({ path: 'b.txt', message: `cannot read: ENOENT: no such file or directory, stat '${gone}'` });
  });
});

describe('a very large folder', () => {
  const roots: string[] = [];
  // Deleting 100,000 files takes a while on a busy machine.
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })), 120_000);

  it('a folder of 100,000 tiny files (1,000 folders of 100) scans completely', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'corpus-100k-'));
    roots.push(root);
    const N = 100_000;
    for (let d = 0; d < N / 100; d++) {
      const sub = path.join(root, String(d).padStart(4, '0'));
      mkdirSync(sub, { recursive: true });
      for (let i = d * 100; i < (d + 1) * 100; i++) writeFileSync(path.join(sub, `doc-${String(i).padStart(6, '0')}.txt`), i % 2 ? `خبر ${i} من موسكو` : `Note ${i}`);
    }
    // --jsonl streams one line per document: the whole result never sits in one string.
    const { code, out } = await runCli(['scan', root, '--jsonl', '--jobs', '1']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as { document?: ScanJson['documents'][number]; errors?: unknown[] });
    const docs = lines.flatMap((l) => (l.document ? [l.document] : []));
    expect(lines[lines.length - 1]!.errors).toEqual([]);
    expect(docs).toHaveLength(N);
    expect(docs[0]!.path).toBe('0000/doc-000000.txt');
    expect(docs[N - 1]!.path).toBe('0999/doc-099999.txt');
    expect(docs.filter((d) => d.mentions.some((m) => m.entity === 'place.moscow'))).toHaveLength(N / 2);
  }, 240_000);
});

describe('hostile catalog and corpus text in the hover card', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const LINK = '[click](command:workbench.action.terminal.new)';
  const JS = 'javascript:alert(1)';
  const ICON = '$(alert)';
  const EMPHASIS = '**bold** _it_ `code`';
  const ALL = `${IMG} ${LINK} ${JS} ${ICON} ${EMPHASIS}`;
  // escapeMarkdown's exact output for each piece.
  const IMG_ESC = '\\<img src\\=x onerror\\=alert\\(1\\)\\>';
  const LINK_ESC = '\\[click\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)';
  const JS_ESC = 'javascript\\:alert\\(1\\)';
  const ICON_ESC = '\\$\\(alert\\)';
  const EMPHASIS_ESC = '\\*\\*bold\\*\\* \\_it\\_ \\`code\\`';
  const ALL_ESC = `${IMG_ESC} ${LINK_ESC} ${JS_ESC} ${ICON_ESC} ${EMPHASIS_ESC}`;

  const catalog = Catalog.load([
    {
      path: 'c.json',
      text: JSON.stringify({
        entities: [
          {
            id: 'person.zenobia',
            type: 'person',
            names: { ar: `زنوبيا ${IMG}`, en: LINK, ru: `${ICON} ${EMPHASIS}` },
            aliases: ['زنوبيا', JS, { text: EMPHASIS, ambiguous: true }],
            description: { en: ALL },
            roles: [{ title: { en: `Queen ${LINK}` }, organization: 'organization.hostile', from: '0267' }],
            related: ['place.hostile'],
          },
          { id: 'organization.hostile', type: 'organization', names: { en: `${IMG} Org` } },
          { id: 'place.hostile', type: 'place', names: { ar: 'تدمر', en: `${JS} ${ICON}` } },
        ],
      }),
    },
  ]);
  const matcher = new EntityMatcher(catalog.aliases());
  const index = new CorpusIndex();
  const title = `${ALL} تدمر`;
  const docText = `${title}\nقالت زنوبيا في تدمر: «${LINK} ${IMG}».\n`;
  // A document id with characters that end a Markdown link destination (an unbalanced parenthesis).
  const docId = 'file:///corpus/odd) [1].txt';
  index.set({ id: docId, path: 'odd) [1].txt', ...analyzeDocument(docText, { matcher, isPerson: (id) => id.startsWith('person.') }) });
  const card = renderEntityCard(catalog.get('person.zenobia')!, catalog, index);
  /** The card with every backslash escape and the card's own quote markers removed: what is left is Markdown that acts. */
  const active = card.replace(/\\[\s\S]/g, '').replace(/^> ?/gm, '');

  it('the document mentions the entity (so the card lists documents and a quotation)', () => {
    expect(card).toContain('**1 mention in 1 document**');
    expect(card).toContain('**Said in the corpus** (1)');
  });

  it('shows every hostile piece in its exact escaped form', () => {
    expect(card).toContain(`**${isolate(`زنوبيا ${IMG_ESC}`)}** · ${LINK_ESC} · ${ICON_ESC} ${EMPHASIS_ESC}`);
    expect(card).toContain(`\n${ALL_ESC}\n`); // the description
    expect(card).toContain(`- Queen ${LINK_ESC} — ${IMG_ESC} Org · 0267 – present`);
    expect(card).toContain(`**Related:** ${isolate('تدمر')} (${JS_ESC} ${ICON_ESC})`);
    expect(card).toContain(`**Also written:** ${isolate('زنوبيا')} · ${JS_ESC} · ${EMPHASIS_ESC}`);
    // The document title (the link label) and the quotation.
    expect(card).toContain(`- [${isolate(`${ALL_ESC} تدمر`)}](command:corpusLens.openMention?`);
    expect(card).toContain(`> ${isolate(`«${LINK_ESC} ${IMG_ESC}»`)}`);
  });

  it('nothing hostile is left in active form', () => {
    expect(active).not.toMatch(/[<>`$_]/);
    expect(active).not.toContain('javascript:');
    expect(active).not.toContain('command:workbench');
    expect(active).not.toContain('onerror=');
    // Asterisks only as the card's own bold/italic markers, around fixed labels.
    for (const m of active.matchAll(/\*+[^*\n]*\*+/g)) {
      expect(m[0]).toMatch(/^(\*\*[^*]*\*\*|\*(Person|Place|Organization|Agreement|Event)\*)$/);
    }
  });

  it('links only to corpusLens commands, with destinations that cannot end early', () => {
    const targets = [...active.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1]!);
    expect(targets.length).toBe(2); // the document and the quotation
    for (const t of targets) expect(t).toMatch(/^command:corpusLens\.openMention\?[^()\s]+$/);
    // The arguments survive the trip: the whole id, with its parentheses and brackets.
    const query = /\]\(command:corpusLens\.openMention\?([^\s)]+)/.exec(card)![1]!;
    expect(JSON.parse(decodeURIComponent(query))[0]).toBe(docId);
  });
});
