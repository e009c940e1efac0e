import { hash } from 'node:crypto';
import {
  close,
  closeSync,
  fstat,
  fstatSync,
  open,
  openSync,
  read,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { promisify } from 'node:util';
import type { ArticleFormat } from '../../api';
import type { Article, ParsedArticle } from './article';
import { decodeText } from './decode';
import { FsPace } from './fs-pace';
import { OPEN_TO_READ } from './open-flags';
import { detectArticleLanguage } from './language';
import { isBinary, parseArticleBytes } from './parse-file';
import { describeFsError, detectFormat } from './scan';

export { parseArticleBytes } from './parse-file';

/** How much Quarry reads, so one odd file cannot stall or swamp a pass. Settings, with these defaults. */
export interface IngestLimits {
  /** Text files (and mail, records) larger than this are reported rather than read. */
  maxTextBytes: number;
  /** PDF, DOCX and EPUB files carry images: they may be larger. */
  maxDocumentBytes: number;
  /** The most a DOCX or EPUB may unpack to. */
  maxUnpackedBytes: number;
  /** An article with a longer body is reported rather than cut. */
  maxArticleChars: number;
  /** A file with more records or messages than this is reported rather than cut. */
  maxArticlesPerFile: number;
  /** A parser that takes longer than this on one file gives up (PDF, DOCX, mail). */
  parseTimeoutMs: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxTextBytes: 50 * 1024 * 1024,
  maxDocumentBytes: 200 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxArticleChars: 5_000_000,
  maxArticlesPerFile: 20_000,
  parseTimeoutMs: 30_000,
};

/** What reading a file gave: its articles (several for records or a mailbox), or why none. */
export type ReadOutcome = { ok: true; articles: Article[]; notes?: string[] } | { ok: false; reason: string };

/** A short, stable identity for the file at `path` (or for `path#key`, an article among several). */
export function articleId(path: string): string {
  return hash('sha256', path).slice(0, 16);
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes);
}

const MB = 1048576;

/**
 * Reads one article file: decodes and parses it into its articles, or says in
 * a sentence why it cannot be read. Never throws for a bad file, and gives up
 * on a file over a limit or a parser that runs past its time.
 */
export async function readArticle(
  path: string,
  folder: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<ReadOutcome> {
  try {
    const format = await detectFormat(path);
    if (!format) return { ok: false, reason: `unsupported file type (${extname(path) || 'no extension'})` };
    const limit =
      format === 'pdf' || format === 'docx' || format === 'epub'
        ? limits.maxDocumentBytes
        : limits.maxTextBytes;
    const file = await readWhole(path, limit, paceOf(folder));
    if (!file.ok) return file;
    const { bytes, mtimeMs } = file;
    const parsed = await parseArticleBytes(bytes, format, titleFromFileName(path), limits, {
      mailbox: /\.(mbox|mbx)$/i.test(path),
      lines: /\.(jsonl|ndjson|tsv)$/i.test(path),
    });
    if (!parsed.ok) return parsed;
    if (parsed.articles.length > limits.maxArticlesPerFile) {
      return {
        ok: false,
        reason: `over the limit: ${parsed.articles.length} articles in one file (the limit is ${limits.maxArticlesPerFile})`,
      };
    }
    const hash = contentHash(bytes);
    const notes = [...(parsed.notes ?? [])];
    const single = parsed.articles.length === 1 && !parsed.articles[0]!.locator;
    const usedKeys = new Set<string>();
    const articles: Article[] = [];
    for (const [index, article] of parsed.articles.entries()) {
      if (article.body.length > limits.maxArticleChars) {
        const what = article.locator ?? 'the article';
        const reason = `over the limit: ${what} has ${article.body.length.toLocaleString('en')} characters (the limit is ${limits.maxArticleChars.toLocaleString('en')})`;
        if (single) return { ok: false, reason };
        notes.push(reason);
        continue;
      }
      // A record's own key keeps its id when records are added or reordered; a repeated key falls back to its place.
      const key = article.key && !usedKeys.has(article.key) ? article.key : `#${index + 1}`;
      usedKeys.add(key);
      articles.push(
        toArticle(article, {
          id: articleId(single ? path : `${path}#${key}`),
          path,
          folder,
          format,
          hash,
          size: bytes.length,
          mtimeMs,
        }),
      );
    }
    if (articles.length === 0) return { ok: false, reason: notes[0] ?? 'no articles' };
    return { ok: true, articles, ...(notes.length > 0 ? { notes: summarise(notes) } : {}) };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

function toArticle(
  parsed: ParsedArticle & { language?: string | null },
  facts: Pick<Article, 'id' | 'path' | 'folder' | 'format' | 'hash' | 'size' | 'mtimeMs'>,
): Article {
  const { key: _key, language, sourceMap, locator, ...shown } = parsed;
  return {
    id: facts.id,
    path: facts.path,
    folder: facts.folder,
    format: facts.format,
    ...shown,
    language: language ?? detectArticleLanguage(parsed.title, parsed.body),
    ...(sourceMap && sourceMap.length > 0 ? { sourceMap } : {}),
    ...(locator ? { locator } : {}),
    hash: facts.hash,
    size: facts.size,
    mtimeMs: facts.mtimeMs,
  };
}

// A file with thousands of bad lines gets a few examples and a count, not thousands of report rows.
function summarise(notes: string[]): string[] {
  if (notes.length <= 5) return notes;
  return [...notes.slice(0, 5), `and ${notes.length - 5} more`];
}

type WholeFile = { ok: true; bytes: Uint8Array; mtimeMs: number } | { ok: false; reason: string };

/**
 * Files up to this size are read with synchronous calls: for a news article
 * the promise machinery of an asynchronous read costs ten times the read
 * itself, and blocking for a few milliseconds at most is harmless.
 */
const SYNC_READ_BYTES = 4 * MB;

// Per library folder, how fast its file system has answered this thread.
const paces = new Map<string, FsPace>();

function paceOf(folder: string): FsPace {
  let pace = paces.get(folder);
  if (!pace) paces.set(folder, (pace = new FsPace()));
  return pace;
}

const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const closeAsync = promisify(close);

/**
 * Reads a file whole through one handle, refusing it when over `limit`
 * without reading it, and noticing when it is rewritten or deleted meanwhile.
 * In a folder that has proved slow (a network share), every call goes to the
 * thread pool, so that the files read ahead are fetched side by side.
 */
async function readWhole(path: string, limit: number, pace = new FsPace()): Promise<WholeFile> {
  const slow = pace.slow;
  const asked = performance.now();
  const fd = slow ? await openAsync(path, OPEN_TO_READ) : openSync(path, OPEN_TO_READ);
  let before: Stats;
  let bytes: Buffer;
  try {
    before = slow ? await fstatAsync(fd) : fstatSync(fd);
    if (!slow) pace.note(performance.now() - asked);
    if (!before.isFile()) return { ok: false, reason: 'not a regular file' };
    if (before.size > limit) {
      return {
        ok: false,
        reason: `over the limit: ${Math.round(before.size / MB)} MB (the limit is ${Math.round(limit / MB)} MB)`,
      };
    }
    // One byte more than expected tells a file that grew while it was read. Only the bytes read are kept: no need to zero it.
    bytes = Buffer.allocUnsafeSlow(before.size + 1);
    const filled = !slow && before.size <= SYNC_READ_BYTES ? fillSync(fd, bytes) : await fill(fd, bytes);
    if (filled !== before.size)
      return { ok: false, reason: 'changed while it was being read (it will be read again)' };
    bytes = bytes.subarray(0, filled);
  } finally {
    if (slow) await closeAsync(fd);
    else closeSync(fd);
  }
  let after: Stats;
  try {
    after = slow ? await stat(path) : statSync(path);
  } catch {
    return { ok: false, reason: 'deleted while it was being read' };
  }
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    return { ok: false, reason: 'changed while it was being read (it will be read again)' };
  }
  return { ok: true, bytes, mtimeMs: before.mtimeMs };
}

// Once a read brings the file up to its size, no read is made just to see the end: the file's size and
// time, checked after reading, tell whether it grew since.
function fillSync(fd: number, bytes: Buffer): number {
  let filled = 0;
  while (filled < bytes.length) {
    const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
    filled += read;
    if (read === 0 || filled === bytes.length - 1) break;
  }
  return filled;
}

async function fill(fd: number, bytes: Buffer): Promise<number> {
  let filled = 0;
  while (filled < bytes.length) {
    const read = await readAsync(fd, bytes, filled, bytes.length - filled, filled);
    filled += read;
    if (read === 0 || filled === bytes.length - 1) break;
  }
  return filled;
}

function readAsync(
  fd: number,
  bytes: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return new Promise((resolve, reject) =>
    read(fd, bytes, offset, length, position, (error, count) => (error ? reject(error) : resolve(count))),
  );
}

/**
 * Reads one plain-text or Markdown article file's whole text, decoded as
 * indexing decodes it but with line endings untouched, so that offsets into
 * it are offsets into the file's decoded text (headline and front matter
 * included). Other formats have no such text and get a reason.
 */
export async function readArticleText(
  path: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<{ ok: true; text: string; format: ArticleFormat } | { ok: false; reason: string }> {
  try {
    const format = await detectFormat(path);
    if (format !== 'txt' && format !== 'md') {
      return { ok: false, reason: `not a .txt or .md article (${extname(path) || 'no extension'})` };
    }
    const file = await readWhole(path, limits.maxTextBytes);
    if (!file.ok) return file;
    if (file.bytes.length === 0) return { ok: false, reason: 'empty file' };
    if (isBinary(file.bytes)) return { ok: false, reason: 'binary data, not text' };
    const { text } = decodeText(file.bytes);
    if (text.trim() === '') return { ok: false, reason: 'no text (only blank space)' };
    return { ok: true, text, format };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

function titleFromFileName(path: string): string {
  const name = basename(path, extname(path));
  return name.replace(/[-_]+/g, ' ').trim() || name;
}
