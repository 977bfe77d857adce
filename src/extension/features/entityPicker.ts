/**
 * A quick pick of catalog entities for a piece of text: "did you mean" suggestions for the
 * text first (close spellings), then the full fuzzy search; typing searches the whole catalog.
 */
import * as vscode from 'vscode';
import type { Entity } from '../../core/catalog/types';
import { EntitySearch, type EntityHit } from '../../core/search/entitySearch';
import type { CorpusService } from '../corpus/corpusService';
import { isolate } from '../markdown';

type Item = vscode.QuickPickItem & { entity?: Entity };

function toItem(hit: EntityHit, service: CorpusService): Item {
  const e = hit.entity;
  const count = service.index.mentionCountOf(e.id);
  return {
    entity: e,
    alwaysShow: true, // our search matched across scripts; the quick pick's own filter would not
    label: isolate(e.names.ar ?? e.names.en ?? e.id),
    description: `${e.names.en ?? ''} · ${e.id}`,
    detail: `${count} mention${count === 1 ? '' : 's'}${hit.matched ? ` · matched ${isolate(hit.matched)}` : ''}`,
  };
}

/** Items for `text`: suggestions, then other search hits, each once. */
export function entityItems(search: EntitySearch, service: CorpusService, text: string, query: string): Item[] {
  const items: Item[] = [];
  const seen = new Set<string>();
  const add = (hits: EntityHit[]): void => {
    for (const h of hits) {
      if (seen.has(h.entity.id)) continue;
      seen.add(h.entity.id);
      items.push(toItem(h, service));
    }
  };
  if (!query) {
    const suggestions = search.didYouMean(text, 5);
    if (suggestions.length) items.push({ label: 'Did you mean', kind: vscode.QuickPickItemKind.Separator });
    add(suggestions);
    const rest = search.search(text, 30).filter((h) => !seen.has(h.entity.id));
    if (rest.length) items.push({ label: 'Search results', kind: vscode.QuickPickItemKind.Separator });
    add(rest);
  } else {
    add(search.search(query, 30));
  }
  return items;
}

/** Lets the user choose the entity `text` is a spelling of; undefined when dismissed. */
export async function pickEntity(service: CorpusService, text: string): Promise<Entity | undefined> {
  const search = new EntitySearch(service.catalog);
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `«${isolate(text)}» is another spelling of…`;
  pick.placeholder = 'Search entities by any name or spelling (Arabic or Latin)';
  // Our own ranking decides the order; stop the quick pick from re-sorting.
  (pick as unknown as { sortByLabel: boolean }).sortByLabel = false;
  pick.items = entityItems(search, service, text, '');
  pick.onDidChangeValue((v) => (pick.items = entityItems(search, service, text, v.trim())));
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return chosen?.entity;
}
