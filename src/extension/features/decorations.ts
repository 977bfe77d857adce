/**
 * Entity highlighting. One decoration type per entity type, created once; colours are
 * contributed theme colours. Only background, border and overview-ruler marks are used:
 * `color`/`textDecoration` make VS Code split the text into inline runs, which reorders
 * Arabic words and breaks letter joining (vscode#251528), and before/after badges would sit
 * inside RTL runs. Boilerplate lines get a whole-line background.
 */
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/catalog/types';
import { Commands } from '../commandIds';
import type { CorpusService } from '../corpus/corpusService';
import { toRange } from '../ranges';

const DEBOUNCE_MS = 150;
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

  const apply = (editor: vscode.TextEditor): void => {
    if (!service.isCorpusDocument(editor.document.uri) || !service.catalog) return;
    const perType = vscode.workspace.getConfiguration('corpusLens.highlight');
    const analysis = service.analysisFor(editor.document);
    const ranges = new Map<EntityType, vscode.Range[]>(ENTITY_TYPES.map((t) => [t, []]));
    if (enabled) {
      for (const m of analysis.mentions) {
        const type = service.catalog.get(m.entityId)?.type;
        if (type && perType.get<boolean>(type, true) !== false) ranges.get(type)!.push(toRange(editor.document, m.start, m.end));
      }
    }
    for (const [type, decoration] of types) editor.setDecorations(decoration, ranges.get(type)!);
    editor.setDecorations(boilerplate, enabled ? analysis.boilerplate.map((r) => toRange(editor.document, r.start, r.end)) : []);
  };
  const applyAll = (): void => vscode.window.visibleTextEditors.forEach(apply);
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
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('corpusLens.highlight') && applyAll()),
    service.onDidChange(applyAll),
    vscode.commands.registerCommand(Commands.toggleHighlights, async () => {
      enabled = !enabled;
      await context.workspaceState.update(ENABLED_KEY, enabled);
      applyAll();
      return enabled;
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  applyAll();
}
