/**
 * Hover cards for entity mentions: who or what it is, roles and dates, where else the
 * corpus mentions it, and what it is mentioned with. All text is escaped (see markdown.ts);
 * command links are enabled only for this extension's own commands.
 */
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/catalog';
import type { Entity, LocalizedText } from '../../core/catalog/types';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { commandLink, safe } from '../markdown';

const MAX_DOCUMENTS = 8;
const TYPE_LABEL: Record<string, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  agreement: 'Agreement',
  event: 'Event',
};

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.service.isCorpusDocument(document.uri) || !this.service.catalog) return undefined;
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

/** The card's Markdown. Exported for tests: it takes plain core objects. */
export function renderEntityCard(entity: Entity, catalog: Catalog, index: CorpusIndex): string {
  const lines: string[] = [];
  const other = Object.entries(entity.names).filter(([lang]) => lang !== 'ar' && lang !== 'en').map(([, n]) => n!);
  lines.push(`**${safe(entity.names.ar ?? entity.names.en ?? entity.id)}**${entity.names.en && entity.names.ar ? ` · ${safe(entity.names.en)}` : ''}${other.length ? ` · ${other.map(safe).join(' · ')}` : ''}`);
  lines.push(`*${TYPE_LABEL[entity.type] ?? entity.type}*${dateSpan(entity) ? ` · ${safe(dateSpan(entity)!)}` : ''}`);
  const description = pick(entity.description);
  if (description) lines.push('', safe(description));

  if (entity.roles?.length) {
    lines.push('', '**Roles**');
    for (const r of entity.roles.slice(0, 6)) {
      const org = r.organization ? catalog.get(r.organization) : undefined;
      const when = [r.from, r.to].some(Boolean) ? ` (${r.from ?? '?'} – ${r.to ?? ''})` : '';
      lines.push(`- ${safe(pick(r.title) ?? '')}${org ? `, ${safe(displayName(org))}` : ''}${safe(when)}`);
    }
  }
  const refs = (label: string, ids: string[] | undefined): void => {
    const names = (ids ?? []).map((id) => catalog.get(id)).filter((e): e is Entity => !!e).map((e) => safe(displayName(e)));
    if (names.length) lines.push('', `**${label}:** ${names.join(', ')}`);
  };
  refs('Parties', entity.parties);
  refs('Participants', entity.participants);
  refs('Place', entity.place ? [entity.place] : undefined);
  refs('Related', entity.related);

  const aliases = (entity.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)).slice(0, 8);
  if (aliases.length) lines.push('', `**Also written:** ${aliases.map(safe).join(' · ')}`);

  const mentions = index.mentionsOf(entity.id);
  const docIds = [...new Set(mentions.map((m) => m.documentId))];
  lines.push('', `**${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${docIds.length} document${docIds.length === 1 ? '' : 's'}**`);
  for (const id of docIds.slice(0, MAX_DOCUMENTS)) {
    const doc = index.get(id);
    const first = mentions.find((m) => m.documentId === id)!;
    const count = mentions.filter((m) => m.documentId === id).length;
    lines.push(`- ${commandLink(doc?.title || doc?.path || id, Commands.openMention, [id, first.start, first.end], 'Open at the mention')} (${count})`);
  }
  if (docIds.length > MAX_DOCUMENTS) lines.push(`- … ${docIds.length - MAX_DOCUMENTS} more`);

  const co = index.coMentioned(entity.id).map((c) => ({ e: catalog.get(c.entityId), n: c.documents })).filter((c) => c.e);
  if (co.length) lines.push('', `**Often with:** ${co.map((c) => `${safe(displayName(c.e!))} (${c.n})`).join(', ')}`);
  return lines.join('\n');
}

function pick(text: LocalizedText | undefined): string | undefined {
  return text?.en ?? text?.ar ?? (text ? Object.values(text)[0] : undefined);
}

function displayName(e: Entity): string {
  return e.names.ar && e.names.en ? `${e.names.ar} (${e.names.en})` : (e.names.ar ?? e.names.en ?? e.id);
}

function dateSpan(e: Entity): string | undefined {
  if (e.date) return e.date;
  if (e.from || e.to) return `${e.from ?? '?'} – ${e.to ?? ''}`.trim();
  return undefined;
}

export function registerHover(context: vscode.ExtensionContext, service: CorpusService): void {
  const selector: vscode.DocumentSelector = [{ language: 'plaintext' }, { pattern: '**/*.txt' }];
  context.subscriptions.push(vscode.languages.registerHoverProvider(selector, new EntityHoverProvider(service)));
}
