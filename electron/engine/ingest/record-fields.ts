import { paragraphBlocks, type BlockPart, type ParsedArticle } from './article';
import { htmlBlocks } from './parse-html';
import { normaliseDate } from './parse-markdown';

/** The names each article field goes by in database and feed exports, most telling first. */
const FIELD_NAMES = {
  title: ['title', 'headline', 'subject', 'heading', 'name'],
  body: [
    'body',
    'text',
    'content',
    'article',
    'story',
    'fulltext',
    'full_text',
    'bodytext',
    'message',
    'abstract',
    'summary',
    'description',
  ],
  date: [
    'date',
    'published',
    'published_at',
    'publishedat',
    'publication_date',
    'pubdate',
    'datepublished',
    'date_published',
    'created',
    'created_at',
    'timestamp',
    'time',
  ],
  source: ['source', 'publication', 'publisher', 'site', 'site_name', 'outlet', 'newspaper', 'source_name'],
  author: ['author', 'authors', 'byline', 'creator', 'by', 'writer'],
  url: ['url', 'link', 'href', 'permalink', 'uri', 'web_url'],
  tags: ['tags', 'keywords', 'categories', 'topics', 'subjects', 'labels'],
  key: ['id', '_id', 'uuid', 'guid', 'key', 'doc_id', 'article_id', 'docid'],
} as const;

type Field = keyof typeof FIELD_NAMES;

/** Says which field (if any) a column or property name stands for. */
export function fieldOf(name: string): Field | null {
  const lower = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  for (const [field, names] of Object.entries(FIELD_NAMES) as [Field, readonly string[]][]) {
    if (names.includes(lower) || names.includes(lower.replace(/_/g, ''))) return field;
  }
  return null;
}

/** A flat record's values under the fields they map to, the most telling name winning. */
function mapFields(record: Record<string, unknown>): Partial<Record<Field, unknown>> {
  const found: Partial<Record<Field, { rank: number; value: unknown }>> = {};
  for (const [name, value] of Object.entries(record)) {
    const field = fieldOf(name);
    if (!field || value === null || value === undefined || value === '') continue;
    const lower = name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const rank = (FIELD_NAMES[field] as readonly string[]).indexOf(lower);
    const current = found[field];
    if (!current || (rank >= 0 && (current.rank < 0 || rank < current.rank))) found[field] = { rank, value };
  }
  return Object.fromEntries(Object.entries(found).map(([field, entry]) => [field, entry.value]));
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(textOf).filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const named = value as Record<string, unknown>;
    return textOf(named.name ?? named.title ?? named.text ?? named.value ?? null);
  }
  return null;
}

function dateOf(value: unknown): string | null {
  // Epoch seconds or milliseconds, as databases export them.
  if (typeof value === 'number' && value > 1e8) {
    const date = new Date(value > 1e11 ? value : value * 1000);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  }
  return normaliseDate(typeof value === 'number' ? value : textOf(value));
}

/** The blocks of a record's body: HTML when it is markup, otherwise paragraphs at blank lines. */
function bodyParts(body: string): BlockPart[] {
  if (/<\/(p|div|blockquote|h[1-6])>|<br\s*\/?>/i.test(body)) return htmlBlocks(body);
  const text = body.replace(/\r\n?/g, '\n');
  return paragraphBlocks(text).map((block) => ({
    kind: block.kind,
    text: text.slice(block.start, block.end),
  }));
}

/** A record turned into an article, or null when none of its fields holds article text. */
export function recordToArticle(
  record: Record<string, unknown>,
  offset: number | undefined,
): (Omit<ParsedArticle, 'body' | 'blocks' | 'sourceMap'> & { parts: BlockPart[] }) | null {
  const fields = mapFields(record);
  const body = textOf(fields.body);
  const title = textOf(fields.title);
  if (!body && !title) return null;
  const parts = body ? bodyParts(body) : [];
  if (parts[0] && offset !== undefined) parts[0] = { ...parts[0], offset };
  const tags = fields.tags;
  const key = textOf(fields.key);
  return {
    title: title ?? firstWords(parts[0]?.text ?? ''),
    parts,
    date: dateOf(fields.date),
    source: textOf(fields.source),
    author: textOf(fields.author),
    url: textOf(fields.url),
    tags: Array.isArray(tags)
      ? tags.map(textOf).filter((tag): tag is string => tag !== null)
      : (textOf(tags) ?? '')
          .split(/[,;]/)
          .map((tag) => tag.trim())
          .filter(Boolean),
    ...(key ? { key } : {}),
  };
}

/** A stand-in headline: the opening words of the text, cut at a word. */
function firstWords(text: string): string {
  const line = text.split('\n')[0]!.trim();
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 100)}…`;
}

/** The words a "no known fields" reason ends with, naming what Quarry looks for. */
export const KNOWN_FIELDS_HINT =
  'Quarry looks for title/headline, body/text/content, date, source, author, url';
