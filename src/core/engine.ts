/**
 * The engine set up from catalog sources: catalog layers, matcher, agreements by date, and
 * the whole-document analysis. The CLI, the benchmarks and the extension's analysis worker
 * build it the same way, so they agree on every result.
 */
import { analyzeDocument, rematchDocument, type DocumentAnalysis, type TextFacts } from './analysis/analyzeDocument';
import { IncrementalAnalyzer } from './analysis/incrementalAnalyzer';
import { builtinCatalog } from './catalog/builtin';
import { Catalog, type CatalogSource } from './catalog/catalog';
import { AgreementsByDate } from './events/agreementLinks';
import { EntityMatcher } from './match/matcher';

export interface EngineSetup {
  /** Extra catalog files (already read), merged over the built-in one in order. */
  catalogs: CatalogSource[];
  builtin: boolean;
}

export interface Engine {
  catalog: Catalog;
  matcher: EntityMatcher;
  agreements: AgreementsByDate;
  /** Analyses a document; `metadataDate` is its recorded date, if any. */
  analyze(text: string, fileName: string, metadataDate?: string | null): DocumentAnalysis;
  /**
   * The same analysis from an earlier one's text facts (same text, file name and recorded
   * date; any catalog): what a catalog change needs, without the date and boilerplate passes.
   */
  rematch(text: string, facts: TextFacts, fileName: string): DocumentAnalysis;
  /**
   * An analyzer for the successive versions of one document (an editor's text): each gives
   * what analyze() gives, and an edit re-analyses only the blocks of lines it touched.
   */
  incremental(): IncrementalAnalyzer;
}

export function createEngine(setup: EngineSetup): Engine {
  const catalog = Catalog.load(setup.catalogs, setup.builtin ? builtinCatalog() : undefined);
  const matcher = new EntityMatcher(catalog.aliases());
  const agreements = new AgreementsByDate(catalog);
  const isPerson = (id: string): boolean => catalog.get(id)?.type === 'person';
  return {
    catalog,
    matcher,
    agreements,
    analyze: (text, fileName, metadataDate) => analyzeDocument(text, { matcher, isPerson, agreements, fileName, metadataDate }),
    rematch: (text, facts, fileName) => rematchDocument(text, facts, { matcher, isPerson, agreements, fileName }),
    incremental: () => new IncrementalAnalyzer({ matcher, isPerson, agreements }),
  };
}
