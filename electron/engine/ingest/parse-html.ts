import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import type { BlockKind } from '../../api';
import { assembleBody, type BlockPart, type ParsedArticle } from './article';
import { normaliseDate } from './parse-markdown';
import { decodeXmlEntities } from './zip';

/** Readability gives up on pages with more elements than this (the text is then read without it). */
const MAX_ELEMENTS = 60_000;
/** Pages nested deeper than this are read as flat text: no real article nests so deep. */
const MAX_DEPTH = 400;

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,dt,dd,td,th,address';
const SKIP = 'script,style,noscript,template,nav,header,footer,aside,form,button,svg,iframe,select';

// linkedom's DOM, typed as far as this module uses it (the engine has no DOM typings).
interface El {
  nodeType: number;
  tagName: string;
  childNodes?: Iterable<El>;
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
  if (markupDepth(html, MAX_DEPTH) > MAX_DEPTH) return flatText(html, fallbackTitle);
  const doc = parseDocument(html);
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
  let parts = root ? blockParts(root) : [];
  // Readability can keep too little of a short page; the page as written is then read whole.
  if (parts.length === 0 && article) {
    const fresh = parseDocument(html);
    parts = fresh.body ? blockParts(fresh.body) : [];
  }
  const { body, blocks, sourceMap } = assembleBody(anchor(parts, html));
  const title = meta.title ?? readableTitle(article?.title) ?? clean(doc.title) ?? fallbackTitle;
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

let linkedom: typeof Linkedom | null = null;

/**
 * linkedom's parser, loaded when the first page is read rather than when the
 * engine starts: it takes a tenth of a second to load, which every start of
 * the app, of a command and of an index worker would pay, and most libraries
 * are plain text.
 */
function parseHTML(html: string): { document: unknown } {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/** Parses a page, or a fragment as the body of one (linkedom misplaces a bare fragment's text). */
function parseDocument(html: string): Doc {
  const whole = /<(html|body)\b/i.test(html);
  return parseHTML(whole ? html : `<!doctype html><html><body>${html}</body></html>`)
    .document as unknown as Doc;
}

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|!doctype)$/i;

/**
 * How deeply the elements of a page nest, counted from its tags without
 * building a DOM, stopping once past `limit`: the DOM and Readability slow
 * down with depth far beyond any real article's.
 */
export function markupDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const tags = /<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>/g;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (VOID.test(tag[2]!) || tag[3]) continue;
    depth = tag[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest && (deepest = depth) > limit) break;
  }
  return deepest;
}

/** The text of a page too deeply nested for a DOM: tags taken out, block ends kept as paragraph breaks. */
function flatText(html: string, fallbackTitle: string): (ParsedArticle & { language: null }) | null {
  const text = decodeXmlEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/(p|div|h[1-6]|li|blockquote|tr|section|article)\s*>|<br\s*\/?>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' '),
  );
  const parts = text
    .split(/\s*\n\s*\n\s*/)
    .map((paragraph): BlockPart => ({ kind: 'paragraph', text: paragraph.replace(/\s+/g, ' ') }));
  const { body, blocks, sourceMap } = assembleBody(parts);
  if (!body) return null;
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  return {
    title: title ? decodeXmlEntities(title) : fallbackTitle,
    body,
    blocks,
    sourceMap,
    date: null,
    author: null,
    source: null,
    url: null,
    tags: [],
    language: null,
  };
}

/** The blocks of an HTML fragment or page (headings, paragraphs, quotations), without Readability. */
export function htmlBlocks(html: string): BlockPart[] {
  const doc = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Doc;
  return doc.body ? blockParts(doc.body) : [];
}

// Readability cuts "Headline | Site" at separators; cutting inside brackets leaves half a title, worse than the whole.
function readableTitle(value: string | null | undefined): string | null {
  const title = clean(value);
  if (!title) return null;
  const balance = (open: string, close: string) => title.split(open).length === title.split(close).length;
  return balance('(', ')') && balance('[', ']') ? title : null;
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

const LEAF_BLOCK = new RegExp(`^(${BLOCKS.replace(/,/g, '|')})$`, 'i');
const CONTAINER =
  /^(div|section|article|main|table|thead|tbody|tfoot|tr|ul|ol|dl|figure|center|details|summary|fieldset|hgroup)$/i;
const UNWANTED = new RegExp(`^(${SKIP.replace(/,/g, '|')})$`, 'i');

/**
 * The page's blocks in reading order: headings, paragraphs and quotations
 * (a block inside a quotation is part of it), and text standing loose
 * between blocks as paragraphs of its own.
 */
function blockParts(root: El): BlockPart[] {
  const parts: BlockPart[] = [];
  let loose = '';
  const flush = () => {
    const text = loose.replace(/\s+/g, ' ').trim();
    if (text) parts.push({ kind: 'paragraph', text });
    loose = '';
  };
  const visit = (node: El) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeType === 3) {
        loose += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1 || UNWANTED.test(child.tagName)) continue;
      const tag = child.tagName;
      const holdsBlocks = tag.toLowerCase() !== 'blockquote' && child.querySelector(BLOCKS) !== null;
      if (LEAF_BLOCK.test(tag) && !holdsBlocks) {
        flush();
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) parts.push({ kind: kindOf(child), text });
      } else if (CONTAINER.test(tag) || holdsBlocks) {
        flush();
        visit(child);
        flush();
      } else if (tag.toLowerCase() === 'br') {
        loose += '\n';
      } else {
        loose += child.textContent ?? '';
      }
    }
  };
  visit(root);
  flush();
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
