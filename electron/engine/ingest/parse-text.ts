import { paragraphBlocks, verbatimSpans, type ParsedArticle } from './article';

/**
 * Reads a plain-text article: the first non-blank line is the headline, the
 * rest is the body in paragraphs separated by blank lines.
 */
export function parsePlainText(text: string, fallbackTitle: string): ParsedArticle {
  // Found without splitting into lines, so a file of one multi-megabyte line costs no more than its length.
  const headline = /\S[^\n]*/.exec(text);
  const title = headline ? headline[0].trim() : fallbackTitle;
  const rest = headline ? headline.index + headline[0].length : text.length;
  const bodyAt = rest + (/^\s*/.exec(text.slice(rest, rest + 65536))?.[0].length ?? 0);
  const body = text.slice(bodyAt).trimEnd();
  const blocks = paragraphBlocks(body);
  return {
    title,
    body,
    blocks,
    sourceMap: verbatimSpans(blocks, bodyAt),
    date: null,
    source: null,
    author: null,
    url: null,
    tags: [],
  };
}
