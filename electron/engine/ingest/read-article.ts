import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ArticleFormat } from '../../api';
import type { Article, ParsedArticle } from './article';
import { decodeText, normaliseNewlines } from './decode';
import { FrontMatterError, parseMarkdown } from './parse-markdown';
import { parsePlainText } from './parse-text';
import { describeFsError, formatOf } from './scan';

/** Files larger than this are reported rather than read. */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024;

export type ReadOutcome = { ok: true; article: Article } | { ok: false; reason: string };

/** A short, stable identity for the file at `path`. */
export function articleId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads one article file: decodes and parses it, or says in a sentence why it
 * cannot be read. Never throws for a bad file.
 */
export async function readArticle(path: string, folder: string): Promise<ReadOutcome> {
  const format = formatOf(path);
  if (!format) return { ok: false, reason: `unsupported file type (${extname(path) || 'no extension'})` };
  try {
    const info = await stat(path);
    if (info.size > MAX_ARTICLE_BYTES) {
      return { ok: false, reason: `too large (${Math.round(info.size / 1048576)} MB; the limit is 50 MB)` };
    }
    const bytes = await readFile(path);
    const parsed = parseArticleBytes(bytes, format, titleFromFileName(path));
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      article: {
        id: articleId(path),
        path,
        folder,
        format,
        ...parsed.article,
        hash: contentHash(bytes),
        size: bytes.length,
        mtimeMs: info.mtimeMs,
      },
    };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

/** Parses the bytes of an article in a known format, or gives the reason it cannot. */
export function parseArticleBytes(
  bytes: Uint8Array,
  format: ArticleFormat,
  fallbackTitle: string,
): { ok: true; article: ParsedArticle } | { ok: false; reason: string } {
  const decoded = articleText(bytes);
  if (!decoded.ok) return decoded;
  const text = normaliseNewlines(decoded.text);
  try {
    const article =
      format === 'md' ? parseMarkdown(text, fallbackTitle) : parsePlainText(text, fallbackTitle);
    return { ok: true, article };
  } catch (error) {
    if (error instanceof FrontMatterError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The decoded text of an article file's bytes, line endings as in the file, or why there is none. */
function articleText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.subarray(0, 8192).includes(0) && !hasUtf16Bom(bytes)) {
    return { ok: false, reason: 'binary data, not text' };
  }
  const { text } = decodeText(bytes);
  if (text.trim() === '') return { ok: false, reason: 'no text (only blank space)' };
  return { ok: true, text };
}

/**
 * Reads one article file's whole text, decoded exactly as indexing decodes
 * it but with line endings untouched, so that offsets into it are offsets
 * into the file's decoded text (headline and front matter included).
 */
export async function readArticleText(
  path: string,
): Promise<{ ok: true; text: string; format: ArticleFormat } | { ok: false; reason: string }> {
  const format = formatOf(path);
  if (!format) return { ok: false, reason: `unsupported file type (${extname(path) || 'no extension'})` };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: 'not a file' };
    if (info.size > MAX_ARTICLE_BYTES) {
      return { ok: false, reason: `too large (${Math.round(info.size / 1048576)} MB; the limit is 50 MB)` };
    }
    const decoded = articleText(await readFile(path));
    return decoded.ok ? { ...decoded, format } : decoded;
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function titleFromFileName(path: string): string {
  const name = basename(path, extname(path));
  return name.replace(/[-_]+/g, ' ').trim() || name;
}
