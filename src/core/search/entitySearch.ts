/**
 * Fuzzy entity search over names and aliases in every script. fuse.js scores the matches,
 * but on our normalized forms (fed through `getFn`): its own `ignoreDiacritics` folds
 * neither ة/ه nor ى/ي, and its match positions refer to its stripped text, so they are
 * never used as document offsets. «اردوغان» finds أردوغان; "cavusoglu" finds جاويش أوغلو.
 */
import Fuse from 'fuse.js';
import type { Catalog } from '../catalog/catalog';
import type { Entity } from '../catalog/types';
import { normalizeKey } from '../text/normalize';

export interface EntityHit {
  entity: Entity;
  /** 0 = exact, 1 = no match (fuse.js score). */
  score: number;
  /** The name or alias that matched best, as written in the catalog. */
  matched: string;
}

interface Row {
  entity: Entity;
  labels: string[];
  keys: string[];
}

export class EntitySearch {
  private readonly fuse: Fuse<Row>;

  constructor(catalog: Catalog) {
    const rows: Row[] = [];
    for (const entity of catalog.entities()) {
      const labels = [
        ...Object.values(entity.names).filter((n): n is string => !!n),
        ...(entity.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
      ];
      rows.push({ entity, labels, keys: labels.map(normalizeKey) });
    }
    this.fuse = new Fuse(rows, {
      keys: ['keys'],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: 0.4,
      getFn: (row) => row.keys,
    });
  }

  /** Best entities for a free-text query, best first. */
  search(query: string, limit = 20): EntityHit[] {
    const q = normalizeKey(query).trim();
    if (!q) return [];
    return this.fuse.search(q, { limit }).map((r) => {
      // fuse.js scores the row, not each alias: take the alias whose text the query covers best.
      let idx = 0;
      let best = -1;
      for (const m of r.matches ?? []) {
        const covered = m.indices.reduce((n, [a, b]) => n + b - a + 1, 0);
        const ratio = covered / Math.max(q.length, m.value?.length ?? 1);
        if (ratio > best) {
          best = ratio;
          idx = m.refIndex ?? 0;
        }
      }
      return { entity: r.item.entity, score: r.score ?? 1, matched: r.item.labels[idx] ?? r.item.labels[0] ?? '' };
    });
  }

  /** Near-miss catalog entries for an unknown name ("did you mean"), stricter than search. */
  didYouMean(name: string, limit = 5): EntityHit[] {
    return this.search(name, limit).filter((h) => h.score <= 0.35);
  }
}
