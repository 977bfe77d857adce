/** Every command id of the extension, in one table (package.json contributes the same ids). */
export const Commands = {
  rebuildIndex: 'corpusLens.rebuildIndex',
  searchEntities: 'corpusLens.searchEntities',
  createCatalog: 'corpusLens.createCatalog',
  nextMention: 'corpusLens.nextMention',
  previousMention: 'corpusLens.previousMention',
  openMention: 'corpusLens.openMention',
  toggleHighlights: 'corpusLens.toggleHighlights',
  addSelectionToCatalog: 'corpusLens.addSelectionToCatalog',
  setDocumentDate: 'corpusLens.setDocumentDate',
  markReviewed: 'corpusLens.markReviewed',
  flagDocument: 'corpusLens.flagDocument',
  markUnreviewed: 'corpusLens.markUnreviewed',
  toggleDocumentsSort: 'corpusLens.toggleDocumentsSort',
  exportMentions: 'corpusLens.exportMentions',
  openCatalog: 'corpusLens.openCatalog',
  /** Internal (hidden from the palette): the Documents tree item of a document, for tests and scripts. */
  documentTreeItem: 'corpusLens.documentTreeItem',
  /** Internal: what the Documents view refreshed last, the whole list or some items (for tests). */
  documentTreeLastRefresh: 'corpusLens.documentTreeLastRefresh',
  /** Internal: one level of the Documents view (the top, or a "more" element's), with labels (for tests). */
  documentTreeLevel: 'corpusLens.documentTreeLevel',
  /** Internal: the Entities tree's types and entities with their labels and counts. */
  entityTreeSnapshot: 'corpusLens.entityTreeSnapshot',
} as const;
