import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvField } from '../../src/cli/output';
import { runCli, toWindows1256 } from './support';

let dir: string;
let catalogFile: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-cli-'));
  writeFileSync(path.join(dir, 'a.txt'), 'لقاء في موسكو\nالتقى لافروف نظيره التركي جاويش أوغلو بموسكو.\n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'b.txt'), toWindows1256('وصل الوفد إلى أنقرة'));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  writeFileSync(path.join(dir, 'notes.md'), 'موسكو');
  symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  catalogFile = path.join(dir, 'catalog.json');
  writeFileSync(catalogFile, '{\n  "entities": [\n    { "id": "place.x", "type": "town", "names": { "en": "X" } }\n  ]\n}\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corpus-lens scan', () => {
  it('prints entities, documents with exact offsets, and errors', async () => {
    const { code, out } = await runCli(['scan', dir, '--catalog', catalogFile, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.entities.length).toBeGreaterThan(250);
    expect(result.documents.map((d: { path: string }) => d.path)).toEqual(['a.txt', 'sub/b.txt']);
    const [a, b] = result.documents;
    expect(a.title).toBe('لقاء في موسكو');
    expect(a.date).toEqual({ value: null, source: 'none' });
    expect(Array.isArray(a.dates)).toBe(true);
    const text = 'لقاء في موسكو\nالتقى لافروف نظيره التركي جاويش أوغلو بموسكو.\n';
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(a.mentions.map((m: { entity: string; clitic?: string }) => [m.entity, m.clitic])).toEqual([
      ['place.moscow', undefined],
      ['person.sergey-lavrov', undefined],
      ['person.mevlut-cavusoglu', undefined],
      ['place.moscow', 'ب'],
    ]);
    expect(b.encoding).toBe('windows-1256');
    expect(b.mentions.map((m: { entity: string }) => m.entity)).toEqual(['place.ankara']);
    const errors = result.errors as Array<{ path: string; message: string; line: number | null; column: number | null }>;
    expect(errors).toContainEqual(expect.objectContaining({ path: catalogFile, line: 3, column: 32 }));
    expect(errors).toContainEqual({ path: 'binary.txt', message: 'skipped: binary file (contains NUL bytes)', line: null, column: null });
    expect(errors.some((e) => e.path === 'sub/loop' && e.message.includes('loop'))).toBe(true);
  });

  it('can leave out the built-in catalog', async () => {
    const { out } = await runCli(['scan', dir, '--no-builtin']);
    const result = JSON.parse(out);
    expect(result.entities).toEqual([]);
    expect(result.documents[0].mentions).toEqual([]);
  });

  it('streams one document per line with --jsonl', async () => {
    const { out } = await runCli(['scan', dir, '--jsonl']);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].document.path).toBe('a.txt');
    expect(lines[2].entities.length).toBeGreaterThan(250);
  });

  it('writes one mention per CSV row', async () => {
    const { out } = await runCli(['scan', dir, '--csv']);
    const rows = out.trim().split('\n');
    expect(rows[0]).toBe('path,entity,start,end,text,clitic,boilerplate');
    expect(rows[1]).toBe('a.txt,place.moscow,8,13,موسكو,,false');
    expect(rows).toHaveLength(6);
  });

  it.each([[['scan']], [['index', '.']], [['scan', '/nonexistent/folder']], [['scan', '.', '--json', '--csv']], [['scan', '.', '--bogus']]])(
    'exits 2 on unusable arguments: %j',
    async (args) => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      expect((await runCli(args)).code).toBe(2);
      expect(stderr).toHaveBeenCalled();
      stderr.mockRestore();
    },
  );
});

describe('csvField', () => {
  it('quotes separators and neutralizes formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('corpus-lens scan on worker threads', () => {
  // Workers load the CLI's own bundle again (a worker cannot load TypeScript sources): built
  // here, as esbuild.mjs builds dist/cli.js, then run as a child process.
  let bundle: string;
  let corpus: string;
  beforeAll(async () => {
    const esbuild = await import('esbuild');
    bundle = path.join(dir, 'build', 'cli.js');
    await esbuild.build({ entryPoints: [path.join(__dirname, '../../src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
    // The sample corpus, twice, and this suite's folder with its binary and windows-1256 files.
    corpus = path.join(dir, 'many');
    mkdirSync(corpus);
    for (const copy of ['one', 'two']) cpSync(path.join(__dirname, '../../samples/corpus'), path.join(corpus, copy), { recursive: true });
    writeFileSync(path.join(corpus, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(path.join(corpus, 'old.txt'), toWindows1256('وصل الوفد إلى أنقرة'));
  }, 60_000);

  it('gives, document for document and in order, what the in-process scan gives', async () => {
    const { execFileSync } = await import('node:child_process');
    const run = (jobs: string): string => execFileSync(process.execPath, [bundle, 'scan', corpus, '--jsonl', '--jobs', jobs], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const inProcess = await runCli(['scan', corpus, '--jsonl']);
    expect(inProcess.code).toBe(0);
    const onWorkers = run('2');
    const lines = onWorkers.trim().split('\n');
    // 13 samples twice and old.txt; the binary file is reported among the errors.
    expect(lines.length).toBe(2 * 13 + 1 + 1);
    expect(onWorkers).toBe(inProcess.out);
    expect(run('1')).toBe(inProcess.out);
  }, 60_000);
});
