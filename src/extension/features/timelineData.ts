/**
 * What the timeline panel sends to its webview: the events (from the core's buildTimeline),
 * the entities they name and the documents. Sentences need the documents' texts, which the
 * index does not keep; they are read here, from the open editor if there is one (the live
 * text the analysis was made from) or from disk, and cached per analysis object, so a
 * re-analysed document is read again and an unchanged one is not.
 */
import * as vscode from 'vscode';
import { buildTimeline } from '../../core/events';
import type { IndexedDocument } from '../../core/index/corpusIndex';
import { decodeBytes } from '../../core/io/decode';
import type { EntitySummary, TimelineData } from '../../webview/protocol';
import type { CorpusService } from '../corpus/corpusService';

export class DocumentTexts {
  private readonly cache = new WeakMap<IndexedDocument, string>();

  async get(doc: IndexedDocument): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.id);
    if (open) return open.getText();
    const cached = this.cache.get(doc);
    if (cached !== undefined) return cached;
    try {
      const decoded = decodeBytes(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc.id, true)));
      if (!decoded.ok) return undefined;
      this.cache.set(doc, decoded.text);
      return decoded.text;
    } catch {
      return undefined; // deleted meanwhile: its events fall back to date + title labels
    }
  }
}

export async function collectTimelineData(service: CorpusService, texts: DocumentTexts): Promise<TimelineData> {
  const docs = service.index.documents();
  const byId = new Map<string, string>();
  await Promise.all(
    docs.map(async (d) => {
      const t = await texts.get(d);
      if (t !== undefined) byId.set(d.id, t);
    }),
  );
  const events = buildTimeline(service.index, service.catalog, { textOf: (id) => byId.get(id) });
  const named = new Set(events.flatMap((e) => e.entities));
  const entities: EntitySummary[] = [];
  for (const e of service.catalog.entities()) {
    if (!named.has(e.id)) continue;
    const names = [...Object.values(e.names), ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))].filter((n): n is string => !!n);
    entities.push({ id: e.id, type: e.type, label: e.names.ar ?? e.names.en ?? e.id, names });
  }
  return {
    events,
    entities,
    documents: docs.map((d) => ({ id: d.id, title: d.title, path: d.path })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}
