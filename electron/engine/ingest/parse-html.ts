import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { BlockKind } from '../../api';
import { assembleBody, type BlockPart, type ParsedArticle } from './article';
import { normaliseDate } from './parse-markdown';

/** Readability gives up on pages with more elements than this (the text is then read without it). */
const MAX_ELEMENTS = 60_000;

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,dt,dd,td,th,address';
const SKIP = 'script,style,noscript,template,nav,header,footer,aside,form,button,svg,iframe,select';

// linkedom's DOM, typed as far as this module uses it (the engine has no DOM typings).
interface El {
  tagName: string;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  closest(selector: string): El | null;
  remove(): void;
}
interface Doc extends El {
  title: string;
  body: El | null;
  documentElement: El | null;
}

interface PageMeta {
  title: string | null;
  date: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  tags: string[];
  language: string | null;
}

/**
 * Reads a saved web page: the article text through Mozilla Readability (the
 * whole page's text when Readability finds no article), with headings and
 * block quotations kept as blocks, and title, date, author, site and URL from
 * the page's metadata (JSON-LD, Open Graph, meta tags, `<time>`). Returns
 * null when the page holds no text.
 */
export function parseHtml(
  html: string,
  fallbackTitle: string,
): (ParsedArticle & { language: string | null }) | null {
  const doc = parseHTML(html).document as unknown as Doc;
  const meta = pageMeta(doc);
  let article: ReturnType<Readability<El>['parse']> = null;
  try {
    // Readability rewrites the document it reads; the metadata was taken first.
    article = new Readability<El>(doc as never, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node as unknown as El,
    }).parse();
  } catch {
    // Too many elements or too deep to walk: the page's own text is read instead.
  }
  const root = article?.content ?? doc.body ?? doc.documentElement;
  const parts = root ? blockParts(root) : [];
  const { body, blocks, sourceMap } = assembleBody(anchor(parts, html));
  const title = meta.title ?? clean(article?.title) ?? clean(doc.title) ?? fallbackTitle;
  if (!body && title === fallbackTitle) return null;
  return {
    title,
    body,
    blocks,
    sourceMap,
    date: meta.date ?? normaliseDate(article?.publishedTime ?? null),
    author: meta.author ?? clean(article?.byline),
    source: meta.source ?? clean(article?.siteName),
    url: meta.url,
    tags: meta.tags,
    language: meta.language ?? (clean(article?.lang)?.slice(0, 2).toLowerCase() || null),
  };
}

/** The blocks of an HTML fragment or page (headings, paragraphs, quotations), without Readability. */
export function htmlBlocks(html: string): BlockPart[] {
  const doc = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Doc;
  return doc.body ? blockParts(doc.body) : [];
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function pageMeta(doc: Doc): PageMeta {
  const metaContent = (...names: string[]): string | null => {
    for (const name of names) {
      const element =
        doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`);
      const value = clean(element?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(doc);
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const keywords = metaContent('keywords', 'news_keywords');
  const lang = clean(doc.documentElement?.getAttribute('lang'));
  return {
    title: ld.headline ?? metaContent('og:title', 'twitter:title', 'dc.title', 'DC.title'),
    date:
      normaliseDate(ld.datePublished) ??
      normaliseDate(
        metaContent('article:published_time', 'date', 'pubdate', 'dc.date', 'DC.date', 'DC.date.issued'),
      ) ??
      normaliseDate(time),
    author: ld.author ?? metaContent('author', 'article:author', 'dc.creator', 'DC.creator'),
    source: ld.publisher ?? metaContent('og:site_name', 'application-name'),
    url: canonical ?? metaContent('og:url') ?? ld.url,
    tags: keywords
      ? keywords
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean)
      : [],
    language: lang ? lang.slice(0, 2).toLowerCase() : null,
  };
}

interface LdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ScholarlyArticle|Report)$/;

function jsonLdArticle(doc: Doc): LdArticle {
  const found: LdArticle = { headline: null, datePublished: null, author: null, publisher: null, url: null };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const candidates = Array.isArray(data) ? data : [data, ...graphOf(data)];
    for (const item of candidates) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      const types = ([] as unknown[]).concat(record['@type']);
      if (!types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))) continue;
      found.headline ??= text(record.headline) ?? text(record.name);
      found.datePublished ??= text(record.datePublished) ?? text(record.dateCreated);
      found.author ??= names(record.author);
      found.publisher ??= names(record.publisher);
      found.url ??= text(record.url) ?? text(record.mainEntityOfPage);
    }
  }
  return found;
}

function graphOf(data: unknown): unknown[] {
  const graph = (data as { '@graph'?: unknown } | null)?.['@graph'];
  return Array.isArray(graph) ? graph : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function names(value: unknown): string | null {
  const list = ([] as unknown[]).concat(value ?? []);
  const found = list
    .map((item) => (typeof item === 'string' ? item : text((item as { name?: unknown } | null)?.name)))
    .filter((name): name is string => Boolean(name));
  return found.length > 0 ? found.join(', ') : null;
}

function kindOf(element: El): BlockKind {
  const tag = element.tagName.toLowerCase();
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'blockquote') return 'quote';
  return 'paragraph';
}

/** The page's blocks in reading order; a block inside another (a paragraph in a quotation) is part of it. */
function blockParts(root: El): BlockPart[] {
  for (const unwanted of [...root.querySelectorAll(SKIP)]) unwanted.remove();
  const parts: BlockPart[] = [];
  let taken: El | null = null;
  const isInside = (element: El, ancestor: El): boolean => {
    for (let at = element.parentElement; at; at = at.parentElement) if (at === ancestor) return true;
    return false;
  };
  for (const element of root.querySelectorAll(BLOCKS)) {
    if (taken && isInside(element, taken)) continue;
    const hasInnerBlocks = element.tagName.toLowerCase() !== 'blockquote' && element.querySelector(BLOCKS);
    if (hasInnerBlocks) continue;
    taken = element;
    const content = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (content) parts.push({ kind: kindOf(element), text: content });
  }
  if (parts.length === 0) {
    const whole = (root.textContent ?? '').replace(/[ \t\r\f\v]+/g, ' ');
    for (const paragraph of whole.split(/\s*\n\s*\n\s*/)) parts.push({ kind: 'paragraph', text: paragraph });
  }
  return parts;
}

/**
 * Finds where each block's opening words stand in the page's source, so a
 * quote can point into the file; a block whose words the markup interrupts
 * (entities, inline tags) keeps no offset rather than a wrong one.
 */
function anchor(parts: BlockPart[], html: string): BlockPart[] {
  let cursor = 0;
  return parts.map((part) => {
    const opening = part.text.slice(0, 32).trim();
    const at = opening.length >= 8 ? html.indexOf(opening, cursor) : -1;
    if (at < 0) return part;
    cursor = at + opening.length;
    return { ...part, offset: at };
  });
}
