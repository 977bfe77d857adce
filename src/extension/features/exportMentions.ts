/**
 * "Export Mentions": every mention of the corpus as JSON Lines, CSV, or a W3C Web Annotation
 * collection (formatting in core/export). Offsets in JSONL/CSV are UTF-16 code units, as in
 * the CLI; the Web Annotation TextPositionSelector counts code points, as the W3C model
 * requires. Each document's text is re-read so quotes and offsets agree with it; a document
 * that changed since it was indexed is re-analysed first.
 *
 * Scripted form: executeCommand('corpusLens.exportMentions', { format: 'jsonl' | 'csv' | 'webannotation', target: uri, overwrite?: true })
 * resolves to { uri, mentions } or undefined when cancelled.
 */
import * as vscode from 'vscode';
import { EXPORT_FORMATS, formatMentions, type ExportDocument, type ExportEntity, type ExportFormat } from '../../core/export/mentionExport';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { documentText } from '../corpus/documentText';
import { yieldToHost } from '../hostTurns';
import { log } from '../log';
import { fileExists, folderFor } from './workspaceFiles';

export interface ExportArgs {
  format?: ExportFormat;
  target?: vscode.Uri;
  /** Scripted targets only: replace an existing file without asking. */
  overwrite?: boolean;
}

const FORMATS: Record<ExportFormat, { label: string; detail: string; extension: string; filter: string }> = {
  jsonl: { label: 'JSON Lines', detail: 'One JSON object per mention (UTF-16 offsets, as the CLI)', extension: 'jsonl', filter: 'JSON Lines' },
  csv: { label: 'CSV', detail: 'One row per mention, for spreadsheets', extension: 'csv', filter: 'CSV' },
  webannotation: { label: 'W3C Web Annotation', detail: 'JSON-LD AnnotationCollection; positions in code points', extension: 'jsonld', filter: 'JSON-LD' },
};

export class ExportMentions {
  constructor(private readonly service: CorpusService) {}

  async run(args: ExportArgs = {}): Promise<{ uri: vscode.Uri; mentions: number } | undefined> {
    await this.service.start();
    const format = args.format ?? (await this.pickFormat());
    if (!format) return undefined;
    const target = args.target ?? (await this.pickTarget(format));
    if (!target) return undefined;
    // The save dialog already asked before replacing a file; a scripted target did not.
    if (args.target && !args.overwrite && (await fileExists(target))) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists. Replace it?`, { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Corpus Lens: exporting mentions', cancellable: true },
      async (progress, token) => {
        const docs = await this.collect(progress, token);
        if (!docs) return undefined;
        const content = formatMentions(format, docs, (id) => this.entity(id));
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
        return { uri: target, mentions: docs.reduce((n, d) => n + d.mentions.length, 0) };
      },
    );
    if (result) {
      const open = 'Open';
      void vscode.window
        .showInformationMessage(`Corpus Lens: exported ${result.mentions} mentions to ${vscode.workspace.asRelativePath(target)}.`, open)
        .then((choice) => choice === open && vscode.commands.executeCommand('vscode.open', target));
    }
    return result;
  }

  private async pickFormat(): Promise<ExportFormat | undefined> {
    const chosen = await vscode.window.showQuickPick(
      EXPORT_FORMATS.map((f) => ({ format: f, label: FORMATS[f].label, detail: FORMATS[f].detail })),
      { title: 'Export mentions as' },
    );
    return chosen?.format;
  }

  private async pickTarget(format: ExportFormat): Promise<vscode.Uri | undefined> {
    const { extension, filter } = FORMATS[format];
    const folder = folderFor();
    return vscode.window.showSaveDialog({
      title: 'Export mentions',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, `corpus-mentions.${extension}`) } : {}),
      filters: { [filter]: [extension] },
    });
  }

  /** The documents with their current text, by path; undefined when cancelled. */
  private async collect(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ExportDocument[] | undefined> {
    const indexed = this.service.index.documents().sort((a, b) => a.path.localeCompare(b.path));
    const out: ExportDocument[] = [];
    let sliceStart = Date.now();
    let reported = 0;
    for (let k = 0; k < indexed.length; k++) {
      if (token.isCancellationRequested) return undefined;
      const doc = indexed[k]!;
      const text = await this.textOf(doc.id);
      if (text === undefined) continue;
      // Offsets must point into this very text; if the file changed since indexing, re-analyse.
      const fresh = doc.mentions.every((m) => text.slice(m.start, m.end) === m.text) ? doc : this.service.analyze(doc.id, doc.path, text, doc.encoding);
      out.push({ path: doc.path, text, mentions: fresh.mentions });
      if (Date.now() - sliceStart > 50) {
        progress.report({ message: `${k + 1} / ${indexed.length} documents`, increment: (100 * (k + 1 - reported)) / indexed.length });
        reported = k + 1;
        await yieldToHost();
        sliceStart = Date.now();
      }
    }
    return out;
  }

  private textOf(id: string): Promise<string | undefined> {
    return documentText(id, (why) => log().warn(`Export: cannot read ${id}: ${why}`), (doc) => this.service.keptText(doc));
  }

  private entity(id: string): ExportEntity | undefined {
    const e = this.service.catalog.get(id);
    return e && { id, type: e.type, name: e.names.en ?? e.names.ar ?? id };
  }
}

export function registerExportMentions(context: vscode.ExtensionContext, service: CorpusService): void {
  const command = new ExportMentions(service);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportMentions, (args?: unknown) => {
      const a = (args ?? {}) as Record<string, unknown>;
      const target = a.target instanceof vscode.Uri ? a.target : typeof a.target === 'string' ? vscode.Uri.parse(a.target, true) : undefined;
      return command.run({
        ...(EXPORT_FORMATS.includes(a.format as ExportFormat) ? { format: a.format as ExportFormat } : {}),
        ...(target ? { target } : {}),
        overwrite: a.overwrite === true,
      });
    }),
  );
}
