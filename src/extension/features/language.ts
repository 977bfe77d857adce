/**
 * The `corpus-text` language: corpus documents (plain `.txt` files inside the workspace) are
 * switched from `plaintext` to it when they open, so they get the news grammar
 * (syntaxes/corpus-text.tmLanguage.json), the Arabic-aware word pattern and the editor defaults
 * of `[corpus-text]` in package.json (no Unicode highlighting of Arabic letters, vscode#140376;
 * no `renderWhitespace`, which reverses RTL selections, vscode#146537).
 *
 * Not by file extension: a `.txt` outside the corpus (or under `.corpus/`) stays plain text.
 */
import * as vscode from 'vscode';
import languageConfiguration from '../../../syntaxes/language-configuration.json';
import type { CorpusService } from '../corpus/corpusService';
import { log } from '../log';

export const CORPUS_LANGUAGE = 'corpus-text';
const SETTING = 'corpusLens.useCorpusLanguage';

/**
 * The word pattern of syntaxes/language-configuration.json as a RegExp. The workbench reads it
 * from the JSON, but the extension host does not: `TextDocument.getWordRangeAtPosition` only
 * knows word patterns given to `setLanguageConfiguration`, so we hand it the same one.
 */
export function corpusWordPattern(): RegExp {
  const { pattern, flags } = languageConfiguration.wordPattern;
  return new RegExp(pattern, flags);
}

export function registerCorpusLanguage(context: vscode.ExtensionContext, service: CorpusService): void {
  // Documents we switched, so turning the setting off switches back only those (not ones the user chose).
  const switched = new Set<string>();
  // Documents the user moved away from corpus-text (language picker): never switched again this session.
  const optedOut = new Set<string>();
  // A language change reaches extensions as a close immediately followed by an open of the same
  // document; this tells such an "open" from a real one.
  const closing = new Set<string>();
  const enabled = (): boolean => vscode.workspace.getConfiguration().get<boolean>(SETTING, true) !== false;

  const setLanguage = (document: vscode.TextDocument, language: string): void => {
    vscode.languages.setTextDocumentLanguage(document, language).then(undefined, (e: unknown) => {
      // The document may have closed meanwhile; nothing to do then.
      if (!document.isClosed) log().warn(`Could not set the language of ${document.uri.toString()}: ${String(e)}`);
    });
  };
  const adopt = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (!enabled() || document.languageId !== 'plaintext' || optedOut.has(key) || !service.isCorpusDocument(document.uri)) return;
    switched.add(key);
    setLanguage(document, CORPUS_LANGUAGE);
  };
  const onOpen = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (!closing.has(key)) return adopt(document);
    if (document.languageId !== CORPUS_LANGUAGE && switched.delete(key)) optedOut.add(key);
  };
  const onClose = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    closing.add(key);
    setTimeout(() => closing.delete(key), 0);
  };
  const release = (): void => {
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId === CORPUS_LANGUAGE && switched.delete(document.uri.toString())) setLanguage(document, 'plaintext');
    }
  };

  context.subscriptions.push(
    vscode.languages.setLanguageConfiguration(CORPUS_LANGUAGE, { wordPattern: corpusWordPattern() }),
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.workspace.onDidCloseTextDocument(onClose),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTING)) return;
      if (enabled()) vscode.workspace.textDocuments.forEach(adopt);
      else release();
    }),
  );
  // Documents restored with the window were opened before we activated.
  vscode.workspace.textDocuments.forEach(adopt);
}
