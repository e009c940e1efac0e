import type { ArticleFormat, SourceSpan } from '../../api';
import type { ParsedArticle, ParseOutcome } from './article';
import { bomLength, decodeText, normaliseNewlines, unmarkedUtf16 } from './decode';
import { parseDocx } from './parse-docx';
import { parseEmail } from './parse-email';
import { parseEpub } from './parse-epub';
import { parseHtml } from './parse-html';
import { FrontMatterError, parseMarkdown } from './parse-markdown';
import { PdfError } from './parse-pdf';
import { readPdfOffThread } from './pdf-thread';
import { parseCsvRecords, parseJsonRecords } from './parse-records';
import { parsePlainText } from './parse-text';
import { guessDelimiter } from './csv';
import { toFileOffsets } from './source-offsets';
import { ZipError } from './zip';
import type { IngestLimits } from './read-article';

const DEFAULTS: Pick<IngestLimits, 'maxUnpackedBytes' | 'parseTimeoutMs'> = {
  maxUnpackedBytes: 200 * 1024 * 1024,
  parseTimeoutMs: 30_000,
};

class TimeoutError extends Error {}

export interface ParseOptions {
  /** The e-mail file is a mailbox of many messages (.mbox). */
  mailbox?: boolean;
  /** The records file is JSON Lines (.jsonl), or the table is tab-separated (.tsv). */
  lines?: boolean;
}

/**
 * Parses the bytes of a file in a known format into its articles, or gives
 * the reason it cannot, in words a user understands. Never throws: a parser's
 * failure, however unexpected, becomes a reason.
 */
export async function parseArticleBytes(
  bytes: Uint8Array,
  format: ArticleFormat,
  fallbackTitle: string,
  limits: Pick<IngestLimits, 'maxUnpackedBytes' | 'parseTimeoutMs'> = DEFAULTS,
  options: ParseOptions = {},
): Promise<ParseOutcome> {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  try {
    // The text formats are parsed at once, done before any timer could fire: they are not timed.
    if (format !== 'pdf' && format !== 'docx' && format !== 'epub' && format !== 'email') {
      return parseText(bytes, format, fallbackTitle, options);
    }
    const parsing = parseDocument(bytes, format, fallbackTitle, limits, options);
    // A PDF's time is kept by its own thread, from when it starts on it, not while it waits for one.
    return await (format === 'pdf' ? parsing : withTimeout(parsing, limits.parseTimeoutMs));
  } catch (error) {
    if (
      error instanceof PdfError ||
      error instanceof ZipError ||
      error instanceof TimeoutError ||
      error instanceof FrontMatterError
    ) {
      return { ok: false, reason: error.message };
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, reason: 'too deeply nested to read' };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `could not be read (${message.slice(0, 160)})` };
  }
}

/** The formats that are not plain text: documents, and e-mail with its attachments. */
async function parseDocument(
  bytes: Uint8Array,
  format: 'pdf' | 'docx' | 'epub' | 'email',
  fallbackTitle: string,
  limits: Pick<IngestLimits, 'maxUnpackedBytes' | 'parseTimeoutMs'>,
  options: ParseOptions,
): Promise<ParseOutcome> {
  switch (format) {
    case 'pdf':
      return one(await readPdfOffThread(bytes, fallbackTitle, { timeoutMs: limits.parseTimeoutMs }));
    case 'docx':
      return one(await parseDocx(bytes, fallbackTitle, limits.maxUnpackedBytes));
    case 'epub':
      return one(parseEpub(bytes, fallbackTitle, limits.maxUnpackedBytes));
    case 'email':
      if (isBinary(bytes)) return { ok: false, reason: 'binary data, not text' };
      return parseEmail(bytes, fallbackTitle, options.mailbox ?? false);
  }
}

function one(article: ParsedArticle): ParseOutcome {
  if (!article.body && article.blocks.length === 0) return { ok: false, reason: 'no text' };
  return { ok: true, articles: [article] };
}

/** The text formats: decoded (encoding detected), line endings unified, then parsed. */
function parseText(
  bytes: Uint8Array,
  format: ArticleFormat,
  fallbackTitle: string,
  options: ParseOptions,
): ParseOutcome {
  if (isBinary(bytes)) return { ok: false, reason: 'binary data, not text' };
  const decoded = decodeText(bytes);
  // Stray NULs (padding, a crash mid-write) become spaces: the text keeps its length, so offsets hold.
  const original = decoded.text.includes('\0') ? decoded.text.replace(/\0/g, ' ') : decoded.text;
  const text = normaliseNewlines(original);
  if (text.trim() === '') return { ok: false, reason: 'no text (only blank space)' };
  let outcome: ParseOutcome;
  if (format === 'md') outcome = { ok: true, articles: [parseMarkdown(text, fallbackTitle)] };
  else if (format === 'html') {
    const page = parseHtml(text, fallbackTitle);
    outcome = page ? { ok: true, articles: [page] } : { ok: false, reason: 'no text in the page' };
  } else if (format === 'json') outcome = parseJsonRecords(text, options.lines ?? false);
  else if (format === 'csv') outcome = parseCsvRecords(text, options.lines ? '\t' : guessDelimiter(text));
  else outcome = { ok: true, articles: [parsePlainText(text, fallbackTitle)] };
  if (!outcome.ok) return outcome;
  // Every article's spans in one walk over the text: a file of many records is read once, not once a record.
  const spans: SourceSpan[] = [];
  for (const article of outcome.articles) for (const span of article.sourceMap ?? []) spans.push(span);
  const mapped = toFileOffsets(spans, original, decoded.encoding, bomLength(bytes, decoded.encoding));
  let next = 0;
  return {
    ...outcome,
    articles: outcome.articles.map((article) => {
      if (!article.sourceMap) return article;
      const sourceMap = mapped.slice(next, next + article.sourceMap.length);
      next += article.sourceMap.length;
      return { ...article, sourceMap };
    }),
  };
}

/** The control characters text holds, by code: tab, line feed, form feed, carriage return, escape. */
const TEXT_CONTROLS = new Uint8Array(32);
for (const code of [9, 10, 12, 13, 27]) TEXT_CONTROLS[code] = 1;

/**
 * Tells binary data from text by its first 8 KB: NULs beyond a stray few (UTF-16
 * aside), or control characters that text does not hold.
 */
export function isBinary(bytes: Uint8Array): boolean {
  // Most text holds no NUL or stray control character at all, which one tight pass tells.
  const length = Math.min(bytes.length, 8192);
  let at = 0;
  while (at < length && (bytes[at]! >= 32 || TEXT_CONTROLS[bytes[at]!])) at++;
  if (at === length) return false;
  const head = bytes.subarray(0, length);
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || unmarkedUtf16(head);
  if (utf16) return false;
  let nuls = 0;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === 0) nuls++;
    else if (byte < 32 && !TEXT_CONTROLS[byte]) controls++;
  }
  return (
    nuls > Math.max(1, head.length / 1000) || (nuls > 0 && head.length < 64) || controls > head.length * 0.05
  );
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeoutError(`took too long to read (over ${Math.round(ms / 1000)} s)`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
