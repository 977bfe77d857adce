/** Every command id of the extension, in one table (package.json contributes the same ids). */
export const Commands = {
  rebuildIndex: 'corpusLens.rebuildIndex',
  searchEntities: 'corpusLens.searchEntities',
  createCatalog: 'corpusLens.createCatalog',
  nextMention: 'corpusLens.nextMention',
  previousMention: 'corpusLens.previousMention',
  openMention: 'corpusLens.openMention',
  toggleHighlights: 'corpusLens.toggleHighlights',
} as const;
