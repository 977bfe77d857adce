/**
 * Hover cards for entity mentions: who or what it is, roles and dates, where else the
 * corpus mentions it, and what it is mentioned with. All text is escaped (see markdown.ts);
 * command links are enabled only for this extension's own commands.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { renderEntityCard } from './entityCard';

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.service.isCorpusDocument(document.uri) || !this.service.catalog) return undefined;
    if (vscode.workspace.getConfiguration('corpusLens', document.uri).get<boolean>('hover.enabled', true) === false) return undefined;
    const offset = document.offsetAt(position);
    const analysis = this.service.analysisFor(document);
    const mention = analysis.mentions.find((m) => m.start <= offset && offset < m.end);
    if (!mention) return undefined;
    const entity = this.service.catalog.get(mention.entityId);
    if (!entity) return undefined;
    const md = new vscode.MarkdownString(renderEntityCard(entity, this.service.catalog, this.service.index));
    md.isTrusted = { enabledCommands: [Commands.openMention, Commands.searchEntities] };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    return new vscode.Hover(md, new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end)));
  }
}

export function registerHover(context: vscode.ExtensionContext, service: CorpusService): void {
  // corpus-text: corpus documents are switched to it (language.ts); the pattern keeps other .txt languages covered.
  const selector: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'corpus-text' }, { pattern: '**/*.txt' }];
  context.subscriptions.push(vscode.languages.registerHoverProvider(selector, new EntityHoverProvider(service)));
}
