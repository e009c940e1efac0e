import { fileURLToPath } from 'node:url';
import type { ImportReport, Result, SavedQuote } from '../../api';
import type { Article } from '../ingest/article';
import { anchorQuote, contextOf } from './anchoring';
import { citationOf, type ArticleSource } from './collections';
import { newQuoteId, parseCollection } from './model';

export interface ReadImport {
  name: string;
  quotes: SavedQuote[];
  skipped: ImportReport['skipped'];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Reads an import: a Quarry JSON export (every field restored), a Quarry
 * collection file, or W3C Web Annotations from another tool, whose
 * TextQuoteSelector / TextPositionSelector are resolved against the library's
 * articles; annotations that resolve to nothing are listed as skipped.
 */
export function readImport(text: string, articles: ArticleSource): Result<ReadImport> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const parsed = parseCollection(text);
    const problem = parsed.ok ? null : parsed.problem;
    const where = problem?.line ? ` (line ${problem.line}, column ${problem.column})` : '';
    return { ok: false, error: { code: 'invalid-argument', message: `The file is not valid JSON${where}.` } };
  }
  if (isObject(document) && document.format === 'quarry-collection') {
    const parsed = parseCollection(text);
    if (!parsed.ok)
      return { ok: false, error: { code: 'invalid-argument', message: parsed.problem.message } };
    return {
      ok: true,
      value: { name: parsed.collection.name, quotes: parsed.collection.quotes, skipped: [] },
    };
  }
  const annotations = annotationsOf(document);
  if (annotations === null) {
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'The file holds neither a Quarry export nor Web Annotations.',
      },
    };
  }
  const name = (isObject(document) ? asString(document.label) : null) ?? 'Imported annotations';
  const quotes: SavedQuote[] = [];
  const skipped: ImportReport['skipped'] = [];
  annotations.forEach((annotation, index) => {
    const outcome = isObject(annotation) ? toQuote(annotation, articles) : 'not an annotation';
    if (typeof outcome === 'string') skipped.push({ index, reason: outcome });
    else quotes.push(outcome);
  });
  return { ok: true, value: { name, quotes, skipped } };
}

function annotationsOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return null;
  if (document.type === 'Annotation') return [document];
  if (Array.isArray(document.items)) return document.items;
  const first = document.first;
  if (isObject(first) && Array.isArray(first.items)) return first.items;
  return null;
}

interface Selectors {
  exact: string | null;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
}

function selectorsOf(target: Json): Selectors {
  const found: Selectors = { exact: null, prefix: '', suffix: '', start: null, end: null };
  const list = Array.isArray(target.selector) ? target.selector : [target.selector];
  const visit = (selector: unknown): void => {
    if (!isObject(selector)) return;
    if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string') {
      found.exact = selector.exact;
      found.prefix = asString(selector.prefix) ?? '';
      found.suffix = asString(selector.suffix) ?? '';
    } else if (
      selector.type === 'TextPositionSelector' &&
      Number.isInteger(selector.start) &&
      Number.isInteger(selector.end)
    ) {
      found.start = selector.start as number;
      found.end = selector.end as number;
    }
    visit(selector.refinedBy);
  };
  list.forEach(visit);
  return found;
}

function toQuote(annotation: Json, articles: ArticleSource): SavedQuote | string {
  const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
  if (!isObject(target)) return 'its target has no selector';
  const selectors = selectorsOf(target);
  const own = isObject(annotation.quarry) ? annotation.quarry : null;
  const { note, tags } = bodiesOf(annotation.body);
  if (own && selectors.exact && isObject(own.citation)) {
    // A Quarry export: restore the quote as it was saved.
    return {
      id: newQuoteId(),
      text: selectors.exact,
      prefix: selectors.prefix,
      suffix: selectors.suffix,
      start: selectors.start ?? 0,
      end: selectors.end ?? selectors.exact.length,
      articleId: asString(own.articleId) ?? '',
      contentHash: asString(own.contentHash) ?? '',
      citation: own.citation as unknown as SavedQuote['citation'],
      note: asString(own.note) ?? note,
      tags: Array.isArray(own.tags) ? own.tags.filter((tag): tag is string => typeof tag === 'string') : tags,
      speaker: asString(own.speaker),
      savedAt: asString(annotation.created) ?? new Date().toISOString(),
    };
  }
  const article = sourceArticle(asString(target.source), selectors, articles);
  if (!article) return 'no article of the library matches its source or text';
  const located = locate(article, selectors);
  if (!located) return `its selectors do not resolve in ${article.path}`;
  return {
    id: newQuoteId(),
    text: article.body.slice(located.start, located.end),
    ...contextOf(article.body, located.start, located.end),
    start: located.start,
    end: located.end,
    articleId: article.id,
    contentHash: article.hash,
    citation: citationOf(article),
    note,
    tags,
    speaker: null,
    savedAt: asString(annotation.created) ?? new Date().toISOString(),
  };
}

function bodiesOf(body: unknown): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  for (const each of Array.isArray(body) ? body : [body]) {
    if (typeof each === 'string') notes.push(each);
    if (!isObject(each) || typeof each.value !== 'string') continue;
    if (each.purpose === 'tagging') tags.push(each.value);
    else notes.push(each.value);
  }
  return { note: notes.join('\n\n'), tags };
}

function sourceArticle(
  source: string | null,
  selectors: Selectors,
  articles: ArticleSource,
): Article | undefined {
  let path: string | null = null;
  if (source?.startsWith('file:')) {
    try {
      path = fileURLToPath(source);
    } catch {
      path = null;
    }
  }
  const all = [...articles.all()];
  const bySource = all.find(
    (article) => (path !== null && article.path === path) || (source !== null && article.url === source),
  );
  if (bySource) return bySource;
  // Another tool's source may be a URL Quarry never saw: the quoted words can still find the article.
  if (selectors.exact) return all.find((article) => article.body.includes(selectors.exact!));
  return undefined;
}

function locate(article: Article, selectors: Selectors): { start: number; end: number } | null {
  if (selectors.exact === null) {
    const { start, end } = selectors;
    if (start === null || end === null || end <= start || end > article.body.length) return null;
    return { start, end };
  }
  const probe: SavedQuote = {
    id: '',
    text: selectors.exact,
    prefix: selectors.prefix,
    suffix: selectors.suffix,
    start: selectors.start ?? 0,
    end: selectors.end ?? selectors.exact.length,
    articleId: article.id,
    contentHash: article.hash,
    citation: citationOf(article),
    note: '',
    tags: [],
    speaker: null,
    savedAt: '',
  };
  const anchor = anchorQuote(probe, {
    byId: (id) => (id === article.id ? article : undefined),
    byHash: () => undefined,
  });
  // Only the same words count: an import must not save text the source does not hold.
  if (
    (anchor.status === 'exact' || anchor.status === 'moved') &&
    anchor.start !== null &&
    anchor.end !== null
  ) {
    return { start: anchor.start, end: anchor.end };
  }
  return null;
}
