import { statSync, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import type { ArticleFormat, SkippedFile } from '../../api';
import { FsPace } from './fs-pace';
import { looksLikeEmail } from './parse-email';

/** A file found under a library folder that looks like an article. */
export interface FoundFile {
  path: string;
  folder: string;
  format: ArticleFormat;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: FoundFile[];
  skipped: SkippedFile[];
  ignored: SkippedFile[];
  /** Library folders that could not be read at all, with the reason. */
  folderErrors: Map<string, string>;
}

const FORMATS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.epub': 'epub',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.eml': 'email',
  '.mbox': 'email',
  '.mbx': 'email',
};

/** What the skip reason says Quarry reads. */
const READS = '.txt, .md, .html, .pdf, .docx, .epub, .json, .jsonl, .csv, .tsv, .eml, .mbox and e-mail files';

// Formats with a reason more helpful than "unsupported".
const NOT_YET: Record<string, string> = {
  '.rtf': 'RTF not supported yet',
  '.doc': 'old Word format (.doc) not supported: save it as .docx',
  '.odt': 'OpenDocument text not supported yet',
};

// A saved web page's images and scripts sit in "<page>_files" beside the page.
const SAVED_PAGE_ASSETS = /^(.*)_files$/;

// Notes that describe a folder rather than being part of it.
const FOLDER_NOTES = /(^|[-_. ])(readme|licen[cs]e|copying|changelog)$/i;

/** The article format a file name stands for, or null. */
export function formatOf(path: string): ArticleFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/**
 * The article format of a file: by its extension, and for a file without
 * one, by a look at its first bytes (header-style text is e-mail).
 */
export async function detectFormat(path: string): Promise<ArticleFormat | null> {
  if (extname(basename(path))) return formatOf(path);
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksLikeEmail(head.subarray(0, bytesRead).toString('latin1')) ? 'email' : null;
  } finally {
    await handle.close();
  }
}

/** Told of the scan's progress: every file looked at, and each article file as it is found. */
export interface ScanListener {
  onFile?: (count: number, path: string) => void;
  onArticleFile?: (file: FoundFile) => void;
}

/**
 * Walks library folders and lists every article file, every file it will not
 * read (with the reason) and every file it passes over on purpose. A folder or
 * file that cannot be read is reported, never fatal.
 */
export async function scanFolders(
  folders: readonly string[],
  listener: ScanListener = {},
): Promise<ScanResult> {
  const result: ScanResult = { files: [], skipped: [], ignored: [], folderErrors: new Map() };
  for (const folder of folders) {
    try {
      const info = await stat(folder);
      if (!info.isDirectory()) {
        result.folderErrors.set(folder, 'not a folder');
        continue;
      }
      await walk(folder, folder, new Set([await realpath(folder)]), result, new FsPace(), listener);
    } catch (error) {
      result.folderErrors.set(folder, describeFsError(error));
    }
  }
  return result;
}

async function walk(
  dir: string,
  folder: string,
  visited: Set<string>,
  result: ScanResult,
  pace: FsPace,
  listener: ScanListener = {},
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The files' sizes and times are asked for together, before any file is considered.
  const infos = await statAll(
    pace,
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => join(dir, entry.name)),
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) {
      result.ignored.push({ path, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file' });
      continue;
    }
    try {
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory && isSavedPageAssets(entry.name, entries)) {
        result.ignored.push({ path, reason: 'the images and scripts of a saved web page' });
        continue;
      }
      if (isDirectory) {
        const real = await realpath(path);
        if (visited.has(real)) {
          result.ignored.push({ path, reason: 'link to a folder already scanned' });
          continue;
        }
        visited.add(real);
        await walk(path, folder, visited, result, pace, listener);
      } else if (isFile) {
        const found = await consider(path, folder, result, infos.get(path));
        if (found) listener.onArticleFile?.(found);
        listener.onFile?.(result.files.length + result.skipped.length + result.ignored.length, path);
      }
    } catch (error) {
      result.skipped.push({ path, reason: describeFsError(error) });
    }
  }
}

function isSavedPageAssets(name: string, siblings: readonly { name: string }[]): boolean {
  const page = SAVED_PAGE_ASSETS.exec(name)?.[1];
  if (!page) return false;
  return siblings.some(
    (sibling) => /^\.x?html?$/i.test(sibling.name.slice(page.length)) && sibling.name.startsWith(page),
  );
}

// Asked one by one without waiting, a stat costs a few microseconds; through the promise API, with
// its trips to the thread pool, five times that. The event loop still gets a turn every few milliseconds.
const STAT_SLICE_MS = 8;

// Once a folder's stats prove slow (a network share), the rest are asked for on the thread pool, more at once
// than it has threads, so that each thread takes the next as soon as one returns: the main thread stops waiting
// on the network and the round trips overlap.
const STATS_IN_FLIGHT = 32;

/** Sizes and times of many files; a file that fails is left out (asked again, and reported, later). */
async function statAll(pace: FsPace, paths: readonly string[]): Promise<Map<string, Stats>> {
  const infos = new Map<string, Stats>();
  if (pace.slow) {
    await statInParallel(paths, infos);
    return infos;
  }
  let sliceStart = performance.now();
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const asked = performance.now();
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      if (info) infos.set(path, info);
    } catch {
      // Left out: considering the file asks again and reports why it cannot be read.
    }
    const now = performance.now();
    if (pace.note(now - asked)) {
      await statInParallel(paths.slice(i + 1), infos);
      break;
    }
    if (now - sliceStart > STAT_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return infos;
}

async function statInParallel(paths: readonly string[], infos: Map<string, Stats>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const info = await stat(path).catch(() => null);
      if (info) infos.set(path, info);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STATS_IN_FLIGHT, paths.length) }, lane));
}

/** Lists the file where it belongs in `result`; gives it when it is an article file. */
async function consider(
  path: string,
  folder: string,
  result: ScanResult,
  known?: Stats,
): Promise<FoundFile | null> {
  const name = basename(path);
  const extension = extname(name);
  const stem = extension ? name.slice(0, -extension.length) : name;
  if (FOLDER_NOTES.test(stem)) {
    result.ignored.push({ path, reason: 'folder notes (README, licence), not an article' });
    return null;
  }
  const info = known ?? (await stat(path));
  const format = extension ? formatOf(path) : info.size > 0 ? await detectFormat(path) : null;
  if (!format) {
    const lower = extension.toLowerCase();
    result.skipped.push({
      path,
      reason:
        NOT_YET[lower] ??
        (extension
          ? `unsupported file type (${lower}): Quarry reads ${READS}`
          : `no file extension, and not an e-mail: Quarry reads ${READS}`),
    });
    return null;
  }
  const found: FoundFile = { path, folder, format, size: info.size, mtimeMs: info.mtimeMs };
  result.files.push(found);
  return found;
}

/** The library folder holding `path`, if any. */
export function folderOf(path: string, folders: readonly string[]): string | null {
  let best: string | null = null;
  for (const folder of folders) {
    const rel = relative(folder, path);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    if (!best || folder.length > best.length) best = folder;
  }
  return best;
}

/**
 * Scans only some paths inside library folders (what a watcher reports):
 * a folder is walked like a library folder, a file is judged like one found
 * in a walk, and paths that no longer exist are listed in `missing`. Paths in
 * hidden folders or outside the library are passed over.
 */
export async function scanPaths(
  paths: readonly string[],
  folders: readonly string[],
): Promise<ScanResult & { missing: string[] }> {
  const result: ScanResult & { missing: string[] } = {
    files: [],
    skipped: [],
    ignored: [],
    folderErrors: new Map(),
    missing: [],
  };
  for (const path of paths) {
    const folder = folderOf(path, folders);
    if (
      !folder ||
      relative(folder, path)
        .split(sep)
        .some((part) => part.startsWith('.'))
    )
      continue;
    try {
      if (await inSavedPageAssets(path, folder)) continue;
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, folder, new Set([await realpath(path)]), result, new FsPace());
      else if (info.isFile()) await consider(path, folder, result);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') result.missing.push(path);
      else result.skipped.push({ path, reason: describeFsError(error) });
    }
  }
  return result;
}

/** True when `path` is, or lies in, the "<page>_files" folder of a saved web page, which walks pass over. */
async function inSavedPageAssets(path: string, folder: string): Promise<boolean> {
  for (let dir = path; dir !== folder && dir !== dirname(dir); dir = dirname(dir)) {
    const name = basename(dir);
    if (!SAVED_PAGE_ASSETS.test(name)) continue;
    const siblings = await readdir(dirname(dir)).catch(() => [] as string[]);
    if (
      isSavedPageAssets(
        name,
        siblings.map((sibling) => ({ name: sibling })),
      )
    )
      return true;
  }
  return false;
}

/** Turns a file-system error into a sentence a user can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'not found (moved or deleted?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a folder';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
