import { paragraphBlocks, type ParsedArticle } from './article';

/**
 * Reads a plain-text article: the first non-blank line is the headline, the
 * rest is the body in paragraphs separated by blank lines.
 */
export function parsePlainText(text: string, fallbackTitle: string): ParsedArticle {
  const lines = text.split('\n');
  const headlineIndex = lines.findIndex((line) => line.trim() !== '');
  const title = headlineIndex >= 0 ? lines[headlineIndex]!.trim() : fallbackTitle;
  const body =
    headlineIndex >= 0
      ? lines
          .slice(headlineIndex + 1)
          .join('\n')
          .replace(/^\s+/, '')
          .trimEnd()
      : '';
  return {
    title,
    body,
    blocks: paragraphBlocks(body),
    date: null,
    source: null,
    author: null,
    url: null,
    tags: [],
  };
}
