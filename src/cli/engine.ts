/** The engine as the CLI and the benchmarks set it up: catalog layers, matcher, analysis. */
import { analyzeDocument, type DocumentAnalysis } from '../core/analysis/analyzeDocument';
import { builtinCatalog } from '../core/catalog/builtin';
import { Catalog, type CatalogSource } from '../core/catalog/catalog';
import { AgreementsByDate } from '../core/events/agreementLinks';
import { EntityMatcher } from '../core/match/matcher';

export interface EngineSetup {
  /** Extra catalog files (already read), merged over the built-in one in order. */
  catalogs: CatalogSource[];
  builtin: boolean;
}

export interface Engine {
  catalog: Catalog;
  analyze(text: string, fileName: string): DocumentAnalysis;
}

export function createEngine(setup: EngineSetup): Engine {
  const catalog = Catalog.load(setup.catalogs, setup.builtin ? builtinCatalog() : undefined);
  const matcher = new EntityMatcher(catalog.aliases());
  const agreements = new AgreementsByDate(catalog);
  const isPerson = (id: string): boolean => catalog.get(id)?.type === 'person';
  return { catalog, analyze: (text, fileName) => analyzeDocument(text, { matcher, isPerson, agreements, fileName }) };
}
