import approxSearch from 'approx-string-match';
import type { QuoteAnchor, SavedQuote } from '../../api';

/** How much text on each side of a quote is stored to tell repeats apart and to re-anchor. */
export const CONTEXT_LENGTH = 32;

/** Differences allowed, per character of the quote, for a fuzzy re-anchoring to count. */
export const FUZZY_RATE = 0.15;

/** What anchoring needs of an article: its identity, shown body and file hash. */
export interface AnchorArticle {
  id: string;
  path: string;
  body: string;
  hash: string;
}

/** Finds articles of the library by id and by file content hash. */
export interface ArticleFinder {
  byId(id: string): AnchorArticle | undefined;
  byHash(hash: string): AnchorArticle | undefined;
}

/** The context stored beside a quote: the characters just before and after it. */
export function contextOf(body: string, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Finds a saved quote in the library as it is now: the same article (by id,
 * or by content hash when the file was renamed or moved), the same words at
 * the same place, elsewhere in it, or nearly the same words near the old
 * place; otherwise the quote is orphaned. The saved text is never changed.
 */
export function anchorQuote(quote: SavedQuote, find: ArticleFinder): QuoteAnchor {
  let article = find.byId(quote.articleId);
  // A renamed file may keep its article id (the index follows renames), so its path tells too.
  const renamed = !article || article.path !== quote.citation.path;
  article ??= find.byHash(quote.contentHash);
  if (!article) {
    return orphan(null, 'The article is no longer in the library; the saved text is kept.');
  }
  const { body } = article;
  const movedFile = renamed ? `The file was renamed or moved; it is now ${article.path}. ` : '';
  if (body.slice(quote.start, quote.end) === quote.text) {
    if (!renamed) return found('exact', article.id, quote.start, quote.end, null, null);
    return found('moved', article.id, quote.start, quote.end, null, movedFile.trim());
  }
  const exact = bestExact(body, quote);
  if (exact !== null) {
    return found(
      'moved',
      article.id,
      exact,
      exact + quote.text.length,
      null,
      `${movedFile}The passage moved within the article; its words are unchanged.`,
    );
  }
  const fuzzy = nearestFuzzy(body, quote);
  if (fuzzy) {
    const current = body.slice(fuzzy.start, fuzzy.end);
    return found(
      'fuzzy',
      article.id,
      fuzzy.start,
      fuzzy.end,
      current,
      `${movedFile}The source changed: it now reads “${current}”.`,
    );
  }
  return orphan(article.id, `${movedFile}The passage is no longer in the article; the saved text is kept.`);
}

function found(
  status: QuoteAnchor['status'],
  articleId: string,
  start: number,
  end: number,
  currentText: string | null,
  message: string | null,
): QuoteAnchor {
  return { status, articleId, start, end, currentText, message };
}

function orphan(articleId: string | null, message: string): QuoteAnchor {
  return { status: 'orphaned', articleId, start: null, end: null, currentText: null, message };
}

// Among several occurrences, the one whose context matches best, then the nearest to the old place.
function bestExact(body: string, quote: SavedQuote): number | null {
  let best: { at: number; score: number; distance: number } | null = null;
  for (let at = body.indexOf(quote.text); at >= 0; at = body.indexOf(quote.text, at + 1)) {
    const end = at + quote.text.length;
    const score =
      commonSuffix(body.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefix(body.slice(end, end + quote.suffix.length), quote.suffix);
    const distance = Math.abs(at - quote.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { at, score, distance };
    }
  }
  return best?.at ?? null;
}

function nearestFuzzy(body: string, quote: SavedQuote): { start: number; end: number } | null {
  const maxErrors = Math.max(1, Math.floor(quote.text.length * FUZZY_RATE));
  // Widening windows around the old place: the nearest acceptable match wins over a slightly
  // better one far away (a repeated passage elsewhere), and small windows are cheap to search.
  for (const margin of [32, 256, 2048, Infinity]) {
    const from = Math.max(0, quote.start - margin);
    const to = Math.min(body.length, quote.end + margin);
    const matches = approxSearch(body.slice(from, to), quote.text, maxErrors);
    let best: { start: number; end: number; distance: number } | null = null;
    for (const match of matches) {
      const start = match.start + from;
      const distance = Math.abs(start - quote.start);
      if (!best || distance < best.distance) best = { start, end: match.end + from, distance };
    }
    if (best) return { start: best.start, end: best.end };
    if (from === 0 && to === body.length) break;
  }
  return null;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
