import type { ArticleBlock, ArticleFormat } from '../../api';

/** One article as the engine holds it: parsed text plus where it came from. */
export interface Article {
  /** Stable identity of the file within the library. */
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
  /** SHA-256 of the file's bytes. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** What a parser makes of a file's text, before the file facts are added. */
export type ParsedArticle = Pick<
  Article,
  'title' | 'body' | 'blocks' | 'date' | 'source' | 'author' | 'url' | 'tags'
>;

/** Splits plain text into paragraph blocks at blank lines, with offsets into `text`. */
export function paragraphBlocks(text: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    if (match.index > start) blocks.push({ kind: 'paragraph', start, end: match.index });
    start = match.index + match[0].length;
  }
  const end = text.trimEnd().length;
  if (end > start) blocks.push({ kind: 'paragraph', start, end });
  return blocks;
}
