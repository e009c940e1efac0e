import type { ArticleBlock, ArticleFormat, BlockKind, Quotation, SourceSpan } from '../../api';

/** One article as the engine holds it: parsed text plus where it came from. */
export interface Article {
  /** Stable identity of the article within the library (the file's, or the file's plus a record key). */
  id: string;
  path: string;
  /** The library folder the file was found under. */
  folder: string;
  format: ArticleFormat;
  title: string;
  /** The text shown and indexed, blocks separated by blank lines. */
  body: string;
  blocks: ArticleBlock[];
  date: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  tags: string[];
  /** ISO 639-1 code of the body's language, null when it cannot be told (too short, mixed). */
  language?: string | null;
  /** Where each run of `body` came from: byte offsets in the file, PDF pages, EPUB chapters. */
  sourceMap?: SourceSpan[];
  /** Which article of a file holding several this is ("record 12", "message 3"). */
  locator?: string;
  /** The quotations in `body`, when they have been found already (an article read back from the index). */
  quotations?: Quotation[];
  /** SHA-256 of the file's bytes. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/**
 * What a parser makes of a file, before the file facts are added. Source
 * offsets in `sourceMap` are character offsets into the text the parser was
 * given; the reader turns them into byte offsets in the file.
 */
export type ParsedArticle = Pick<
  Article,
  'title' | 'body' | 'blocks' | 'date' | 'source' | 'author' | 'url' | 'tags'
> & {
  sourceMap?: SourceSpan[];
  /** For an article among several in one file: its stable key there (a record id, a Message-ID). */
  key?: string;
  locator?: string;
};

/** A run of text to show as one block, with where it came from. */
export interface BlockPart {
  kind: BlockKind;
  text: string;
  offset?: number;
  page?: number;
  part?: string;
}

/**
 * Joins blocks into an article body (blank line between blocks), with each
 * block's range and its source span. Blocks with no text are dropped.
 */
export function assembleBody(
  parts: readonly BlockPart[],
): Pick<ParsedArticle, 'body' | 'blocks' | 'sourceMap'> {
  const texts: string[] = [];
  const blocks: ArticleBlock[] = [];
  const sourceMap: SourceSpan[] = [];
  let at = 0;
  for (const part of parts) {
    const text = part.text.trim();
    if (!text) continue;
    if (texts.length > 0) at += 2;
    const span: SourceSpan = { start: at, end: at + text.length };
    blocks.push({ kind: part.kind, start: at, end: at + text.length });
    if (part.offset !== undefined) span.offset = part.offset;
    if (part.page !== undefined) span.page = part.page;
    if (part.part !== undefined) span.part = part.part;
    if (span.offset !== undefined || span.page !== undefined || span.part !== undefined) sourceMap.push(span);
    texts.push(text);
    at += text.length;
  }
  return { body: texts.join('\n\n'), blocks, sourceMap };
}

/** A blank line and the blank space after it, tried at a line break. */
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/y;

/** Splits plain text into paragraph blocks at blank lines, with offsets into `text`. */
export function paragraphBlocks(text: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let start = 0;
  // Each line break is tried in place, which makes no match objects.
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    PARAGRAPH_BREAK.lastIndex = at;
    if (!PARAGRAPH_BREAK.test(text)) continue;
    if (at > start) blocks.push({ kind: 'paragraph', start, end: at });
    start = PARAGRAPH_BREAK.lastIndex;
    at = start - 1;
  }
  const end = text.trimEnd().length;
  if (end > start) blocks.push({ kind: 'paragraph', start, end });
  return blocks;
}

/** Source spans for blocks that are verbatim slices of the parsed text starting at `bodyAt`. */
export function verbatimSpans(blocks: readonly ArticleBlock[], bodyAt: number): SourceSpan[] {
  return blocks.map((block) => ({ start: block.start, end: block.end, offset: bodyAt + block.start }));
}

/** What a parser made of a whole file: its articles (with notes on parts it passed over), or why none. */
export type ParseOutcome =
  { ok: true; articles: ParsedArticle[]; notes?: string[] } | { ok: false; reason: string };
