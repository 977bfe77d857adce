/**
 * Entity highlighting. One decoration type per entity type, created once; colours are
 * contributed theme colours. Only background, border and overview-ruler marks are used:
 * `color`/`textDecoration` make VS Code split the text into inline runs, which reorders
 * Arabic words and breaks letter joining (vscode#251528), and before/after badges would sit
 * inside RTL runs. Boilerplate lines get a whole-line background (`corpusLens.boilerplate.dim`);
 * mentions inside them are not highlighted, as they are left out of counts.
 *
 * Decorations are write-only in the VS Code API, so the last ranges applied are kept per
 * document and exposed through `DecorationsQuery` (on the activate() API) for tests.
 */
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/catalog/types';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { toRange } from '../ranges';

const DEBOUNCE_MS = 150;
/** A range as plain numbers, so tests can compare with deepEqual: [startLine, startChar, endLine, endChar]. */
export type RangeTuple = [number, number, number, number];
/** The kinds of decoration: the entity types and `boilerplate`. */
export type DecorationKind = EntityType | 'boilerplate';

/** Test and inspection query: what the highlights currently show. */
export interface DecorationsQuery {
  /**
   * The ranges last applied to the visible editors of a document (by `Uri.toString()`), per
   * kind; kinds with no range are left out, so `{}` means nothing is highlighted.
   */
  appliedRanges(uri: string): Partial<Record<DecorationKind, RangeTuple[]>>;
}

let current: DecorationsQuery | undefined;
/** The query over the running highlights; `decorations` on the activate() API. */
export const decorationsApi: DecorationsQuery = { appliedRanges: (uri) => current?.appliedRanges(uri) ?? {} };

const toTuple = (r: vscode.Range): RangeTuple => [r.start.line, r.start.character, r.end.line, r.end.character];
const ENABLED_KEY = 'corpusLens.highlightsEnabled';

function createTypes(): Map<EntityType, vscode.TextEditorDecorationType> {
  const types = new Map<EntityType, vscode.TextEditorDecorationType>();
  for (const type of ENTITY_TYPES) {
    types.set(
      type,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(`corpusLens.${type}Background`),
        border: '1px solid',
        borderColor: new vscode.ThemeColor(`corpusLens.${type}Border`),
        borderRadius: '3px',
        overviewRulerColor: new vscode.ThemeColor(`corpusLens.${type}Border`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }
  return types;
}

export function registerDecorations(context: vscode.ExtensionContext, service: CorpusService): void {
  const types = createTypes();
  const boilerplate = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('corpusLens.boilerplateBackground'),
  });
  let enabled = context.workspaceState.get<boolean>(ENABLED_KEY, true);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const applied = new Map<string, Partial<Record<DecorationKind, RangeTuple[]>>>();

  const apply = (editor: vscode.TextEditor): void => {
    if (!service.isCorpusDocument(editor.document.uri) || !service.catalog) return;
    const config = vscode.workspace.getConfiguration('corpusLens');
    const analysis = service.analysisFor(editor.document);
    const ranges = new Map<DecorationKind, vscode.Range[]>([...ENTITY_TYPES, 'boilerplate' as const].map((t) => [t, []]));
    if (enabled) {
      for (const m of analysis.mentions) {
        const type = service.catalog.get(m.entityId)?.type;
        if (type && !m.boilerplate && config.get<boolean>(`highlight.${type}`, true) !== false) ranges.get(type)!.push(toRange(editor.document, m.start, m.end));
      }
      if (config.get<boolean>('boilerplate.dim', true) !== false) {
        const dimmed = ranges.get('boilerplate')!;
        for (const r of analysis.boilerplate) dimmed.push(toRange(editor.document, r.start, r.end));
      }
    }
    for (const [type, decoration] of types) editor.setDecorations(decoration, ranges.get(type)!);
    editor.setDecorations(boilerplate, ranges.get('boilerplate')!);
    const record: Partial<Record<DecorationKind, RangeTuple[]>> = {};
    for (const [kind, list] of ranges) if (list.length > 0) record[kind] = list.map(toTuple);
    applied.set(editor.document.uri.toString(), record);
  };
  const applyAll = (): void => {
    // Only visible editors carry decorations; forget the others so the record stays small.
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const uri of applied.keys()) if (!visible.has(uri)) applied.delete(uri);
    vscode.window.visibleTextEditors.forEach(apply);
  };
  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach(apply);
      }, DEBOUNCE_MS),
    );
  };

  context.subscriptions.push(
    ...types.values(),
    boilerplate,
    vscode.window.onDidChangeVisibleTextEditors(applyAll),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('corpusLens.highlight') || e.affectsConfiguration('corpusLens.boilerplate')) && applyAll()),
    service.onDidChange(applyAll),
    vscode.commands.registerCommand(Commands.toggleHighlights, async () => {
      enabled = !enabled;
      await context.workspaceState.update(ENABLED_KEY, enabled);
      applyAll();
      return enabled;
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    { dispose: () => (current = undefined) },
  );
  current = { appliedRanges: (uri) => structuredClone(applied.get(uri) ?? {}) };
  applyAll();
}
