/**
 * Finds and decodes the .txt documents of a folder on disk (Node only: the CLI and the
 * benchmarks). Symlinked folders are followed once (a loop is detected by real path);
 * unreadable, binary or mis-encoded files are reported and skipped.
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, type Encoding } from '../core/io/decode';

export interface CorpusFile {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  absolutePath: string;
  text: string;
  encoding: Encoding;
  size: number;
}

export interface CorpusProblem {
  path: string;
  message: string;
}

export interface ListOptions {
  /** Files larger than this are skipped with a problem report. */
  maxBytes?: number;
  /** Folder names never entered. */
  skipFolders?: ReadonlySet<string>;
}

const DEFAULT_SKIP = new Set(['node_modules', '.git', '.corpus', '.vscode', '.cache']);

/** Lists the .txt files under `root`, sorted, with problems for folders that cannot be read. */
export async function listTextFiles(root: string, options: ListOptions = {}): Promise<{ files: string[]; problems: CorpusProblem[] }> {
  const skip = options.skipFolders ?? DEFAULT_SKIP;
  const files: string[] = [];
  const problems: CorpusProblem[] = [];
  const visited = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      problems.push({ path: rel(root, dir), message: `cannot resolve folder: ${(e as Error).message}` });
      return;
    }
    if (visited.has(real)) {
      problems.push({ path: rel(root, dir), message: 'symbolic link loop: folder already visited, skipped' });
      return;
    }
    visited.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: rel(root, dir), message: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fs.stat(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          problems.push({ path: rel(root, full), message: 'broken symbolic link, skipped' });
          continue;
        }
      }
      if (isDir) {
        if (!skip.has(entry.name)) await walk(full);
      } else if (isFile && entry.name.toLowerCase().endsWith('.txt')) {
        files.push(full);
      }
    }
  }
  await walk(root);
  return { files, problems };
}

/**
 * Reads and decodes one file; a problem instead of a file when it must be skipped.
 *
 * The reads are synchronous on purpose: this runs on an analysis worker (or the CLI's own
 * thread), where nothing else waits, and for news-sized files the promise API's trips
 * through the thread pool cost far more than the reading (10,000 files of 4 KB: 0.2 s
 * synchronous, 4 s awaited one by one).
 */
export async function readCorpusFile(root: string, absolutePath: string, maxBytes = Infinity): Promise<CorpusFile | CorpusProblem> {
  const relative = rel(root, absolutePath);
  try {
    const st = statSync(absolutePath);
    if (st.size > maxBytes) {
      return { path: relative, message: `skipped: ${overLimit(st.size, maxBytes)}` };
    }
    const bytes = readFileSync(absolutePath);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { path: relative, message: `skipped: ${decoded.reason}` };
    return { path: relative, absolutePath, text: decoded.text, encoding: decoded.encoding, size: bytes.length };
  } catch (e) {
    return { path: relative, message: `cannot read: ${(e as Error).message}` };
  }
}

export function isProblem(x: CorpusFile | CorpusProblem): x is CorpusProblem {
  return !('text' in x);
}

function rel(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join('/') || '.';
}

/** "1.5 MB is over the 1.0 MB limit"; exact byte counts when the rounded sizes would read the same. */
function overLimit(size: number, maxBytes: number): string {
  const [a, b] = [formatBytes(size), formatBytes(maxBytes)];
  return a === b ? `${size} bytes is over the ${Math.floor(maxBytes)} bytes limit` : `${a} is over the ${b} limit`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
