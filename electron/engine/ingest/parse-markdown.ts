import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ArticleBlock, SourceSpan } from '../../api';
import type { ParsedArticle } from './article';

/** Front matter that is not valid YAML; the message says where. */
export class FrontMatterError extends Error {}

// Line endings may be CRLF: the quotation finder reads files as decoded, without normalising them.
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Length of the YAML front matter block that opens `text`, 0 when there is none. */
export function frontMatterLength(text: string): number {
  return FRONT_MATTER.exec(text)?.[0].length ?? 0;
}

/**
 * Reads a Markdown article: optional YAML front matter (title, date, source,
 * author, url, tags), then the body turned into plain text blocks, so that
 * search and highlighting work on the words a reader sees, not the markup.
 * Throws FrontMatterError when the front matter is not valid YAML.
 */
export function parseMarkdown(text: string, fallbackTitle: string): ParsedArticle {
  const match = FRONT_MATTER.exec(text);
  const meta = match ? readFrontMatter(match[1]!) : {};
  const sourceAt = match ? match[0].length : 0;
  const { body, blocks, firstHeading, sourceMap } = markdownToBlocks(text.slice(sourceAt), sourceAt);
  const title = stringField(meta.title) ?? firstHeading ?? fallbackTitle;
  const dropHeading = !stringField(meta.title) && firstHeading !== null && blocks[0]?.kind === 'heading';
  const shown = dropHeading ? withoutFirstBlock(body, blocks, sourceMap) : { body, blocks, sourceMap };
  return {
    title,
    body: shown.body,
    blocks: shown.blocks,
    sourceMap: shown.sourceMap,
    date: normaliseDate(meta.date),
    source: stringField(meta.source) ?? stringField(meta.publication) ?? null,
    author: stringField(meta.author) ?? stringField(meta.byline) ?? null,
    url: stringField(meta.url) ?? stringField(meta.link) ?? null,
    tags: tagList(meta.tags),
  };
}

function readFrontMatter(yaml: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(yaml);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The front matter starts on the file's second line.
      const at = error.linePos?.[0];
      const where = at ? ` (line ${at.line + 1}, column ${at.col})` : '';
      throw new FrontMatterError(`front matter is not valid YAML${where}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError('front matter is not a set of "key: value" lines');
  }
  return value as Record<string, unknown>;
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ') || null;
  return null;
}

function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((tag) => String(tag).trim()).filter(Boolean);
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  }
  return [];
}

/** Normalises a front-matter date to YYYY-MM-DD (or YYYY-MM, YYYY); null when it is not a date. */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value >= 1000 && value <= 9999) return String(value);
  if (typeof value !== 'string') return null;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (iso) return iso[0];
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  // A date without a time zone ("March 4, 2019") is read as local midnight, so its local calendar day is the one meant.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

interface MarkdownBlocks {
  body: string;
  blocks: ArticleBlock[];
  firstHeading: string | null;
  /** Each block's start in the text given to the parser. */
  sourceMap: SourceSpan[];
}

function markdownToBlocks(source: string, sourceAt: number): MarkdownBlocks {
  const parts: string[] = [];
  const blocks: ArticleBlock[] = [];
  const sourceMap: SourceSpan[] = [];
  let firstHeading: string | null = null;
  let offset = 0;
  const separator = /\n[ \t]*\n/g;
  for (let rawAt = 0; rawAt <= source.length;) {
    const found = separator.exec(source);
    const rawEnd = found ? found.index : source.length;
    const raw = source.slice(rawAt, rawEnd);
    const rawStart = rawAt + (raw.length - raw.trimStart().length);
    rawAt = found ? found.index + found[0].length : source.length + 1;
    const block = raw.trim();
    if (!block || /^(?:-{3,}|\*{3,}|_{3,})$/.test(block)) continue;
    let kind: ArticleBlock['kind'] = 'paragraph';
    let text = block;
    const heading = /^#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(block);
    if (heading && !block.includes('\n')) {
      kind = 'heading';
      text = heading[1]!;
    } else if (block.startsWith('>')) {
      kind = 'quote';
      text = block.replace(/^>[ \t]?/gm, '');
    }
    text = inlineText(text);
    if (!text) continue;
    if (kind === 'heading' && firstHeading === null && blocks.length === 0) firstHeading = text;
    if (parts.length > 0) offset += 2;
    blocks.push({ kind, start: offset, end: offset + text.length });
    sourceMap.push({ start: offset, end: offset + text.length, offset: sourceAt + rawStart });
    parts.push(text);
    offset += text.length;
  }
  return { body: parts.join('\n\n'), blocks, firstHeading, sourceMap };
}

function inlineText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?=[^\w*]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

function withoutFirstBlock(
  body: string,
  blocks: ArticleBlock[],
  sourceMap: SourceSpan[],
): { body: string; blocks: ArticleBlock[]; sourceMap: SourceSpan[] } {
  const next = blocks[1];
  if (!next) return { body: '', blocks: [], sourceMap: [] };
  const shift = next.start;
  const move = <T extends { start: number; end: number }>(item: T): T => ({
    ...item,
    start: item.start - shift,
    end: item.end - shift,
  });
  return {
    body: body.slice(shift),
    blocks: blocks.slice(1).map(move),
    sourceMap: sourceMap.slice(1).map(move),
  };
}
