/**
 * Mention export in three forms: JSON Lines and CSV (one mention per line, UTF-16 offsets as
 * in the CLI's output), and a W3C Web Annotation collection (JSON-LD), whose
 * TextPositionSelector counts code points: offsets are converted here, and every annotation
 * also carries a TextQuoteSelector (exact text plus 32 characters of context each side) so
 * it can be re-anchored after the text changes.
 */
import { csvRow } from './csv';
import { CodePointCounter, prefixOf, suffixOf } from './textOffsets';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'webannotation'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the export says about an entity. */
export interface ExportEntity {
  id: string;
  type: string;
  /** Display name (English, else Arabic, else the id). */
  name: string;
}

export interface ExportMention {
  entityId: string;
  /** UTF-16 offsets into `ExportDocument.text`. */
  start: number;
  end: number;
  text: string;
  clitic?: string;
  boilerplate?: boolean;
}

export interface ExportDocument {
  /** Workspace-relative path (forward slashes); the annotation target's source. */
  path: string;
  /** The decoded text the offsets refer to. */
  text: string;
  mentions: readonly ExportMention[];
}

export type EntityLookup = (id: string) => ExportEntity | undefined;

/** Characters of context on each side in a TextQuoteSelector. */
export const QUOTE_CONTEXT = 32;

export function formatMentions(format: ExportFormat, docs: readonly ExportDocument[], entityOf: EntityLookup): string {
  switch (format) {
    case 'jsonl':
      return mentionsToJsonl(docs, entityOf);
    case 'csv':
      return mentionsToCsv(docs, entityOf);
    case 'webannotation':
      return JSON.stringify(mentionsToWebAnnotation(docs, entityOf), null, 2) + '\n';
  }
}

/** One JSON object per line: document, entity, name, type, start, end (UTF-16), text, clitic, boilerplate. */
export function mentionsToJsonl(docs: readonly ExportDocument[], entityOf: EntityLookup): string {
  let out = '';
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const e = entityOf(m.entityId);
      const row = {
        document: doc.path,
        entity: m.entityId,
        name: e?.name ?? m.entityId,
        type: e?.type ?? null,
        start: m.start,
        end: m.end,
        text: m.text,
        ...(m.clitic ? { clitic: m.clitic } : {}),
        ...(m.boilerplate ? { boilerplate: true } : {}),
      };
      out += JSON.stringify(row) + '\n';
    }
  }
  return out;
}

export const CSV_HEADER = ['document', 'entity', 'name', 'type', 'start', 'end', 'text', 'clitic', 'boilerplate'] as const;

/** A header line, then one row per mention; fields escaped as the CLI's CSV. */
export function mentionsToCsv(docs: readonly ExportDocument[], entityOf: EntityLookup): string {
  let out = csvRow(CSV_HEADER);
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const e = entityOf(m.entityId);
      out += csvRow([doc.path, m.entityId, e?.name ?? m.entityId, e?.type, m.start, m.end, m.text, m.clitic, m.boilerplate ?? false]);
    }
  }
  return out;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  body: Array<{ type: 'SpecificResource'; source: string; purpose: 'tagging' } | { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'identifying' }>;
  target: {
    source: string;
    selector: Array<{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number }>;
  };
}

export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/**
 * One Annotation per mention outside boilerplate. `target.source` is the document's relative
 * path (portable between machines); `body` tags the entity id and names it.
 */
export function mentionsToWebAnnotation(docs: readonly ExportDocument[], entityOf: EntityLookup): WebAnnotationCollection {
  const items: WebAnnotation[] = [];
  for (const doc of docs) {
    const points = new CodePointCounter(doc.text);
    const ordered = [...doc.mentions].filter((m) => !m.boilerplate).sort((a, b) => a.start - b.start);
    for (const m of ordered) {
      const name = entityOf(m.entityId)?.name ?? m.entityId;
      items.push({
        id: `urn:corpus-lens:mention:${items.length + 1}`,
        type: 'Annotation',
        motivation: 'tagging',
        body: [
          { type: 'SpecificResource', source: m.entityId, purpose: 'tagging' },
          { type: 'TextualBody', value: name, format: 'text/plain', purpose: 'identifying' },
        ],
        target: {
          source: doc.path,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: doc.text.slice(m.start, m.end),
              prefix: prefixOf(doc.text, m.start, QUOTE_CONTEXT),
              suffix: suffixOf(doc.text, m.end, QUOTE_CONTEXT),
            },
            { type: 'TextPositionSelector', start: points.at(m.start), end: points.at(m.end) },
          ],
        },
      });
    }
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Corpus Lens entity mentions',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
