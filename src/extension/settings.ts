/**
 * Reads `corpusLens.*` settings, falling back to the default (with one warning) when a value
 * has the wrong type, so a bad settings.json never breaks indexing.
 */
import * as vscode from 'vscode';
import { log } from './log';

export interface Settings {
  catalogPaths: string[];
  useBuiltinCatalog: boolean;
  include: string;
  exclude: string;
  maxFileSizeMB: number;
  keepTextsMB: number;
}

const DEFAULTS: Settings = {
  catalogPaths: ['.corpus/catalog.json'],
  useBuiltinCatalog: true,
  include: '**/*.txt',
  exclude: '**/{node_modules,.git,.corpus}/**',
  maxFileSizeMB: 20,
  keepTextsMB: 256,
};

const warned = new Set<string>();

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('corpusLens');
  const pick = <K extends keyof Settings>(key: K, valid: (v: unknown) => boolean): Settings[K] => {
    const v = c.get<unknown>(key);
    if (v === undefined || valid(v)) return (v ?? DEFAULTS[key]) as Settings[K];
    if (!warned.has(key)) {
      warned.add(key);
      const message = `Setting corpusLens.${key} has an invalid value (${JSON.stringify(v)}); using the default ${JSON.stringify(DEFAULTS[key])}.`;
      log().warn(message);
      void vscode.window.showWarningMessage(`Corpus Lens: ${message}`);
    }
    return DEFAULTS[key];
  };
  return {
    catalogPaths: pick('catalogPaths', (v) => Array.isArray(v) && v.every((s) => typeof s === 'string')),
    useBuiltinCatalog: pick('useBuiltinCatalog', (v) => typeof v === 'boolean'),
    include: pick('include', (v) => isGlob(v) && v.trim().length > 0),
    exclude: pick('exclude', isGlob),
    maxFileSizeMB: pick('maxFileSizeMB', (v) => typeof v === 'number' && v > 0),
    keepTextsMB: pick('keepTextsMB', (v) => typeof v === 'number' && v >= 0),
  };
}

/**
 * Whether `v` can be a glob: a string whose braces and brackets balance. VS Code's matcher
 * takes an unbalanced pattern without complaint and matches nothing (or everything), which
 * would silently empty the index or index node_modules.
 */
function isGlob(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  let braces = 0;
  let brackets = 0;
  for (const ch of v) {
    if (ch === '{') braces++;
    else if (ch === '}' && --braces < 0) return false;
    else if (ch === '[') brackets++;
    else if (ch === ']' && --brackets < 0) return false;
  }
  return braces === 0 && brackets === 0;
}
