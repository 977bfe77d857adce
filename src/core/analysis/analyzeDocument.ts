/**
 * Everything the engine knows about one document: its title, its entity mentions and which
 * of them sit in boilerplate lines. Pure: text in, analysis out; the CLI, the extension and
 * the benchmarks all call this.
 */
import { analyzeDates, type DateMention, type DocumentDate } from '../dates';
import type { AgreementsByDate } from '../events/agreementLinks';
import type { EntityMatcher, Mention } from '../match/matcher';
import { agreementReferences } from './agreementReferences';
import { normalize, type NormalizedText, type OffsetRange } from '../text/normalize';
import { findBoilerplate } from './boilerplate';
import { findQuotations, type Quotation } from './quotes';

export interface DocumentMention extends Mention {
  /** The mention sits in a boilerplate line: shown dimmed, left out of counts and events. */
  boilerplate?: boolean;
}

export interface DocumentAnalysis {
  /** The first non-empty, non-boilerplate line, trimmed. */
  title: string;
  mentions: DocumentMention[];
  boilerplate: OffsetRange[];
  /** Quoted passages attributed to people (none from boilerplate lines). */
  quotations: Quotation[];
  /** The document's own date and where it came from (header, file name, metadata, inference). */
  date: DocumentDate;
  /** Every date expression, resolved against the document's date where it is relative. */
  dates: DateMention[];
}

export interface AnalyzeOptions {
  matcher: EntityMatcher;
  /** Whether an entity is a person (a possible speaker of a quotation); no quotations without it. */
  isPerson?: (entityId: string) => boolean;
  /** The file name, which may carry the date (`2019-10-19-…txt`). */
  fileName?: string;
  /** The date recorded for this document by "Set Document Date" (`.corpus/documents.json`). */
  metadataDate?: string | null;
  /** Catalogued agreements by signing date: «مذكرة 17 أيلول/سبتمبر 2018» becomes a mention of one. */
  agreements?: AgreementsByDate;
}

/**
 * What an analysis knows from the text alone, whatever the catalog says: the title, the
 * boilerplate lines and the dates (which depend on the file name and recorded date too).
 * A catalog change leaves them as they are, so re-matching keeps them (rematchDocument).
 */
export type TextFacts = Pick<DocumentAnalysis, 'title' | 'boilerplate' | 'date' | 'dates'>;

export function analyzeDocument(text: string, options: AnalyzeOptions): DocumentAnalysis {
  const normalized = normalize(text);
  const boilerplate = findBoilerplate(text, normalized);
  const { date, dates } = analyzeDates(text, { fileName: options.fileName ?? '', metadata: options.metadataDate ?? null, normalized });
  return withEntities(text, normalized, { title: titleOf(text, boilerplate), boilerplate, date, dates }, options);
}

/**
 * The analysis of a text whose text facts are already known (an earlier analysis of this
 * very text, with the same file name and recorded date): only what depends on the catalog
 * is made again. Equal to analyzeDocument's result for the same text and options.
 */
export function rematchDocument(text: string, facts: TextFacts, options: AnalyzeOptions): DocumentAnalysis {
  return withEntities(text, normalize(text), facts, options);
}

/** The catalog's part: mentions (flagged in boilerplate), quotations, agreements named by date. */
function withEntities(text: string, normalized: NormalizedText, facts: TextFacts, options: AnalyzeOptions): DocumentAnalysis {
  const { boilerplate, dates } = facts;
  const mentions: DocumentMention[] = options.matcher.match(text, normalized);
  let b = 0;
  let inBoilerplate = 0;
  for (const m of mentions) {
    while (b < boilerplate.length && boilerplate[b]!.end <= m.start) b++;
    const range = boilerplate[b];
    if (range && range.start <= m.start && m.end <= range.end) {
      m.boilerplate = true;
      inBoilerplate++;
    }
  }
  // findQuotations only reads the mentions: a copy without boilerplate ones is needed only if there are some.
  const quotations = options.isPerson
    ? findQuotations(text, normalized, inBoilerplate ? mentions.filter((m) => !m.boilerplate) : mentions, options.isPerson)
    : [];
  if (options.agreements) {
    const references = agreementReferences(text, dates, mentions, boilerplate, options.agreements);
    if (references.length) mentions.splice(0, mentions.length, ...[...mentions, ...references].sort((a, b) => a.start - b.start));
  }
  return { title: facts.title, mentions, boilerplate, quotations, date: facts.date, dates };
}

/** The first non-empty line that is not boilerplate, whitespace collapsed, at most 200 chars. */
export function titleOf(text: string, boilerplate: OffsetRange[] = []): string {
  const starts = new Set(boilerplate.map((r) => r.start));
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (starts.has(m.index)) continue;
    const t = m[0].replace(/^\ufeff/, '').replace(/\s+/g, ' ').trim();
    if (t) return t.length > 200 ? t.slice(0, 199) + '…' : t;
  }
  return '';
}
