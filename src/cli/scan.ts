/** The `scan` command: read a folder, run the engine, write JSON, JSON lines or CSV. */
import { unpackMentions } from '../core/index/packedMentions';
import { unpackDates } from '../core/index/packedDates';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CatalogSource } from '../core/catalog/catalog';
import { analyzeFiles } from './analyzeFiles';
import { createEngine } from '../core/engine';
import { listTextFiles } from './readCorpus';
import { toCsvRows, type ScanDocument, type ScanError } from './output';

export type OutputFormat = 'json' | 'jsonl' | 'csv';

export interface ScanOptions {
  folder: string;
  catalogs: string[];
  builtin: boolean;
  format: OutputFormat;
  maxBytes: number;
  out: NodeJS.WritableStream;
  /** Worker threads (default: cores, at most 4). */
  jobs?: number;
}

export async function runScan(o: ScanOptions): Promise<number> {
  const root = path.resolve(o.folder);
  try {
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    process.stderr.write(`corpus-lens: cannot scan "${o.folder}": ${(e as Error).message}\n`);
    return 2;
  }
  const errors: ScanError[] = [];
  const sources: CatalogSource[] = [];
  for (const file of o.catalogs) {
    try {
      sources.push({ path: file, text: await fs.readFile(file, 'utf8') });
    } catch (e) {
      process.stderr.write(`corpus-lens: cannot read catalog "${file}": ${(e as Error).message}\n`);
      return 2;
    }
  }
  const setup = { catalogs: sources, builtin: o.builtin };
  const { catalog } = createEngine(setup);
  for (const d of catalog.diagnostics) {
    errors.push({ path: d.path, message: `${d.severity}: ${d.message}`, line: d.line, column: d.column });
  }
  const entities = [...catalog.entities()];

  const { files, problems } = await listTextFiles(root);
  for (const p of problems) errors.push({ path: p.path, message: p.message, line: null, column: null });

  const documents: ScanDocument[] = [];
  if (o.format === 'csv') o.out.write('path,entity,start,end,text,clitic,boilerplate\n');
  for await (const read of analyzeFiles(files, { root, setup, maxBytes: o.maxBytes, jobs: o.jobs })) {
    const analysis = read.analysis;
    if (read.problem !== undefined || !analysis) {
      errors.push({ path: read.path, message: read.problem ?? 'not analysed', line: null, column: null });
      continue;
    }
    const doc: ScanDocument = {
      path: read.path,
      title: analysis.title,
      encoding: read.encoding ?? 'utf-8',
      date: { value: analysis.date.value, source: analysis.date.source, ...(analysis.date.note ? { note: analysis.date.note } : {}) },
      mentions: unpackMentions(analysis.packed).map((m) => ({
        entity: m.entityId,
        start: m.start,
        end: m.end,
        text: m.text,
        ...(m.clitic ? { clitic: m.clitic } : {}),
        ...(m.boilerplate ? { boilerplate: true } : {}),
      })),
      dates: unpackDates(analysis.packedDates).map((d) => ({
        start: d.start,
        end: d.end,
        text: d.text,
        value: d.value,
        precision: d.precision,
        ...(d.relative ? { relative: true } : {}),
        ...(d.resolved ? {} : { resolved: false }),
        ...(d.hijri ? { hijri: d.hijri } : {}),
        ...(d.note ? { note: d.note } : {}),
      })),
    };
    if (o.format === 'jsonl') o.out.write(JSON.stringify({ document: doc }) + '\n');
    else if (o.format === 'csv') o.out.write(toCsvRows(doc));
    else documents.push(doc);
  }
  if (o.format === 'json') o.out.write(JSON.stringify({ entities, documents, errors }, null, 2) + '\n');
  else if (o.format === 'jsonl') o.out.write(JSON.stringify({ entities, errors }) + '\n');
  else for (const e of errors) process.stderr.write(`${e.path}${e.line ? `:${e.line}:${e.column}` : ''}: ${e.message}\n`);
  return 0;
}
