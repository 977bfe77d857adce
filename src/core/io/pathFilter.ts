/**
 * Which workspace-relative paths are corpus documents: those the `include` glob matches and
 * the `exclude` glob does not (the settings `corpusLens.include` / `corpusLens.exclude`).
 * The rebuild asks VS Code's file search with the same globs; the file watcher's events and
 * the editor features ask this, so a file in an excluded folder is never indexed, however it
 * arrives. picomatch reads VS Code's glob syntax (`**`, `*`, `?`, `{a,b}`, `[...]`); `dot`
 * lets `**` and `*` match names that start with a dot, as VS Code's globs do.
 */
import picomatch from 'picomatch';

export type PathFilter = (relativePath: string) => boolean;

export function createPathFilter(include: string, exclude: string): PathFilter {
  const included = picomatch(include, { dot: true });
  const excluded = exclude.trim() ? picomatch(exclude, { dot: true }) : () => false;
  return (relativePath) => included(relativePath) && !excluded(relativePath);
}
