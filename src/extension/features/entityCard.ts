/**
 * The Markdown of an entity's hover card, from plain core objects (no `vscode` import, so
 * it is unit-tested directly). Every piece of corpus or catalog text goes through `safe()`.
 */
import type { Catalog } from '../../core/catalog/catalog';
import type { Entity, LocalizedText } from '../../core/catalog/types';
import type { CorpusIndex } from '../../core/index/corpusIndex';
import { Commands } from '../commandIds';
import { commandLink, safe } from '../markdown';

const MAX_DOCUMENTS = 8;
const MAX_QUOTES = 3;
const MAX_QUOTE_LENGTH = 220;
const TYPE_LABEL: Record<string, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  agreement: 'Agreement',
  event: 'Event',
};

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
      const when = [r.from, r.to].some(Boolean) ? ` · ${r.from ?? '?'} – ${r.to ?? 'present'}` : '';
      // One script per role line: mixing an Arabic name into the English title reorders the line.
      const orgName = org ? (org.names.en ?? org.names.ar ?? org.id) : undefined;
      lines.push(`- ${safe(pick(r.title) ?? '')}${orgName ? ` — ${safe(orgName)}` : ''}${safe(when)}`);
    }
  }
  const refs = (label: string, ids: string[] | undefined): void => {
    const names = (ids ?? []).map((id) => catalog.get(id)).filter((e): e is Entity => !!e).map(displayName);
    if (names.length) lines.push('', `**${label}:** ${names.join(', ')}`);
  };
  refs('Parties', entity.parties);
  refs('Participants', entity.participants);
  refs('Place', entity.place ? [entity.place] : undefined);
  refs('Related', entity.related);

  const aliases = (entity.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)).slice(0, 8);
  if (aliases.length) lines.push('', `**Also written:** ${aliases.map(safe).join(' · ')}`);

  // Counts and first mentions come from the index's packed lists: a name with 100,000
  // mentions must not build 100,000 objects for one hover.
  const count = index.mentionCountOf(entity.id);
  const docs = index.documentsOf(entity.id);
  lines.push('', `**${count} mention${count === 1 ? '' : 's'} in ${docs.length} document${docs.length === 1 ? '' : 's'}**`);
  for (const { documentId: id, first, count: n } of docs.slice(0, MAX_DOCUMENTS)) {
    const doc = index.get(id);
    lines.push(`- ${commandLink(doc?.title || doc?.path || id, Commands.openMention, [id, first.start, first.end], 'Open at the mention')} (${n})`);
  }
  if (docs.length > MAX_DOCUMENTS) lines.push(`- … ${docs.length - MAX_DOCUMENTS} more`);

  const quotes = index.quotationsOf(entity.id);
  if (quotes.length) {
    lines.push('', `**Said in the corpus** (${quotes.length})`);
    for (const q of quotes.slice(0, MAX_QUOTES)) {
      const text = q.text.length > MAX_QUOTE_LENGTH ? q.text.slice(0, MAX_QUOTE_LENGTH - 1) + '…' : q.text;
      lines.push(`> ${safe('«' + text + '»')} ${commandLink('↗', Commands.openMention, [q.documentId, q.start, q.end], 'Open the quotation')}`, '>');
    }
  }

  const co = index.coMentioned(entity.id).map((c) => ({ e: catalog.get(c.entityId), n: c.documents })).filter((c) => c.e);
  if (co.length) lines.push('', `**Often with:** ${co.map((c) => `${displayName(c.e!)} (${c.n})`).join(', ')}`);
  return lines.join('\n');
}

function pick(text: LocalizedText | undefined): string | undefined {
  return text?.en ?? text?.ar ?? (text ? Object.values(text)[0] : undefined);
}

/**
 * "‹Arabic› (English)", escaped, with only the Arabic run isolated: isolating the whole
 * string would make it a right-to-left run and move the parenthesis to the wrong side.
 */
function displayName(e: Entity): string {
  const { ar, en } = e.names;
  if (ar && en) return `${safe(ar)} (${safe(en)})`;
  return safe(ar ?? en ?? e.id);
}

function dateSpan(e: Entity): string | undefined {
  if (e.date) return e.date;
  if (e.from || e.to) return `${e.from ?? '?'} – ${e.to ?? ''}`.trim();
  return undefined;
}

