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
import { mergeSorted } from '../index/sorted';

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
  const facts = { title: titleOf(text, boilerplate), boilerplate, date, dates };
  return withEntities(text, facts, options.matcher.match(text, normalized), quotationsOf(text, normalized), options);
}

/**
 * The analysis of a text whose text facts are already known (an earlier analysis of this
 * very text, with the same file name and recorded date): only what depends on the catalog
 * is made again. Equal to analyzeDocument's result for the same text and options.
 */
export function rematchDocument(text: string, facts: TextFacts, options: AnalyzeOptions): DocumentAnalysis {
  const normalized = normalize(text);
  return withEntities(text, facts, options.matcher.match(text, normalized), quotationsOf(text, normalized), options);
}

/** Finds the quotations of a text, given its speakers: the mentions outside boilerplate lines. */
export type QuotationFinder = (speakers: readonly Mention[], isPerson: (entityId: string) => boolean) => Quotation[];

function quotationsOf(text: string, normalized: NormalizedText): QuotationFinder {
  return (speakers, isPerson) => findQuotations(text, normalized, speakers, isPerson);
}

/**
 * The catalog's part, from the text's (resolved) mentions: flags those in boilerplate, finds
 * quotations and the agreements named by date. Shared by the whole-text analyses above and
 * IncrementalAnalyzer, which matches and quotes its blocks one at a time.
 */
export function withEntities(text: string, facts: TextFacts, matched: Mention[], findQuotes: QuotationFinder, options: AnalyzeOptions): DocumentAnalysis {
  const { boilerplate, dates } = facts;
  const mentions: DocumentMention[] = matched;
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
  const quotations = options.isPerson ? findQuotes(inBoilerplate ? mentions.filter((m) => !m.boilerplate) : mentions, options.isPerson) : [];
  let all = mentions;
  if (options.agreements) {
    const references = agreementReferences(text, dates, mentions, boilerplate, options.agreements);
    // Both lists are sorted by start; on a tie the matcher's mention comes first, as sort() kept them.
    if (references.length) all = mergeSorted(mentions, references, (x, y) => x.start < y.start);
  }
  return { title: facts.title, mentions: all, boilerplate, quotations, date: facts.date, dates };
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
