import { randomBytes, randomUUID } from 'node:crypto';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { CollectionSummary, SavedQuote } from '../../api';

export const COLLECTION_FORMAT = 'quarry-collection';
export const COLLECTION_VERSION = 1;

/** One collection as its file holds it. */
export interface StoredCollection {
  format: typeof COLLECTION_FORMAT;
  version: number;
  id: string;
  name: string;
  created: string;
  updated: string;
  quotes: SavedQuote[];
}

const citation = z.object({
  title: z.string(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  path: z.string(),
});

const quote = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  articleId: z.string(),
  contentHash: z.string(),
  citation,
  note: z.string(),
  tags: z.array(z.string()),
  speaker: z.string().nullable(),
  savedAt: z.string(),
}) satisfies z.ZodType<SavedQuote>;

// Unknown keys are kept (z.looseObject) so that a newer Quarry's additions survive an older one's save.
const collectionFile = z.looseObject({
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(COLLECTION_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  created: z.string(),
  updated: z.string(),
  quotes: z.array(z.looseObject(quote.shape)),
});

/** Why a collection file could not be read, with where in the file. */
export interface FileProblem {
  message: string;
  line: number | null;
  column: number | null;
}

export type ParsedCollection =
  { ok: true; collection: StoredCollection } | { ok: false; problem: FileProblem };

/**
 * Reads the text of a collection file; a file that is not valid JSON or not a
 * collection gives the line and column of the first problem.
 */
export function parseCollection(text: string): ParsedCollection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : endOf(text);
    return {
      ok: false,
      problem: { message: `not valid JSON: ${message.replace(/ in JSON.*$/, '')}`, ...where },
    };
  }
  const parsed = collectionFile.safeParse(value);
  if (parsed.success) return { ok: true, collection: parsed.data as StoredCollection };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'symbol' ? String(key) : key));
  const where = locate(text, path);
  const field = path.length > 0 ? `${path.join('.')}: ` : '';
  return {
    ok: false,
    problem: {
      message: `not a Quarry collection: ${field}${issue?.message ?? 'unexpected content'}`,
      ...where,
    },
  };
}

/** The file's text: indented, one field a line, so that people can read, diff and sync it. */
export function serializeCollection(collection: StoredCollection): string {
  return JSON.stringify(collection, null, 2) + '\n';
}

/** A new, empty collection with an id made from its name (the file is named after the id). */
export function newCollection(name: string, now = new Date()): StoredCollection {
  const stamp = now.toISOString();
  return {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    id: `${slug(name)}-${randomBytes(3).toString('hex')}`,
    name,
    created: stamp,
    updated: stamp,
    quotes: [],
  };
}

/** A fresh id for a saved quote. */
export function newQuoteId(): string {
  return randomUUID();
}

export function summarize(collection: StoredCollection): CollectionSummary {
  return {
    id: collection.id,
    name: collection.name,
    quoteCount: collection.quotes.length,
    created: collection.created,
    updated: collection.updated,
  };
}

function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'collection';
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

function endOf(text: string): { line: number; column: number } {
  return lineColumn(text, text.length);
}

// JSON is YAML, whose parser keeps source ranges: it finds where a field the schema refused sits.
function locate(text: string, path: (string | number)[]): { line: number | null; column: number | null } {
  try {
    const document = parseDocument(text, { keepSourceTokens: true });
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineColumn(text, range[0]);
    }
  } catch {
    // Locating is a courtesy; the message says what is wrong either way.
  }
  return { line: null, column: null };
}
