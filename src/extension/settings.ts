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
    include: pick('include', (v) => typeof v === 'string' && v.trim().length > 0),
    exclude: pick('exclude', (v) => typeof v === 'string'),
    maxFileSizeMB: pick('maxFileSizeMB', (v) => typeof v === 'number' && v > 0),
    keepTextsMB: pick('keepTextsMB', (v) => typeof v === 'number' && v >= 0),
  };
}
