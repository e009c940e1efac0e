import { z } from 'zod';
import type {
  ArticleRequest,
  CallName,
  CiteRequest,
  ExportRequest,
  ImportRequest,
  QuarryApi,
  QuoteEdit,
  QuoteSearchRequest,
  QuoteTransfer,
  SaveQuoteRequest,
  SearchFilters,
  SearchRequest,
} from './api';

/**
 * Run-time checks of the contract in `api.ts`: types vanish at run time, so
 * every transport validates what arrives before the service sees it.
 */

const path = z.string().min(1).max(4096);

const dateBound = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const values = z.array(z.string().max(4096)).max(1000);

const searchFilters = z.strictObject({
  dateFrom: dateBound.optional(),
  dateTo: dateBound.optional(),
  sources: values.optional(),
  authors: values.optional(),
  folders: values.optional(),
  formats: values.optional(),
  speakers: values.optional(),
}) satisfies z.ZodType<SearchFilters>;

const searchRequest = z.strictObject({
  query: z.string().max(2000),
  offset: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  sort: z.enum(['relevance', 'date-desc', 'date-asc']).optional(),
  filters: searchFilters.optional(),
}) satisfies z.ZodType<SearchRequest>;

const quoteSearchRequest = z.strictObject({
  query: z.string().max(2000),
  speakers: values.optional(),
  kinds: z
    .array(z.enum(['direct', 'transcript', 'block', 'scare']))
    .max(4)
    .optional(),
  filters: searchFilters.omit({ speakers: true }).optional(),
  sort: z.enum(['relevance', 'date-desc', 'date-asc']).optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
}) satisfies z.ZodType<QuoteSearchRequest>;

const articleRequest = z.strictObject({
  id: z.string().min(1).max(200),
  query: z.string().max(2000).optional(),
  scope: z.enum(['articles', 'quotations']).optional(),
}) satisfies z.ZodType<ArticleRequest>;

const none = z.tuple([]);

const id = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(200);
const note = z.string().max(20_000);
const tags = z.array(z.string().trim().min(1).max(100)).max(100);
const speaker = z.string().max(300).nullable();
const offset = z.number().int().min(0).max(1_000_000_000);
const quoteIds = z.array(id).max(100_000);
const style = z.enum(['apa', 'chicago', 'mla']);

const saveQuoteRequest = z
  .strictObject({
    collectionId: id,
    articleId: id,
    start: offset,
    end: offset,
    note: note.optional(),
    tags: tags.optional(),
    speaker: speaker.optional(),
  })
  .refine(
    (request) => request.end > request.start,
    'end must be after start',
  ) satisfies z.ZodType<SaveQuoteRequest>;

const quoteEdit = z.strictObject({
  collectionId: id,
  quoteId: id,
  note: note.optional(),
  tags: tags.optional(),
  speaker: speaker.optional(),
}) satisfies z.ZodType<QuoteEdit>;

const quoteTransfer = z.strictObject({
  from: id,
  to: id,
  quoteIds,
  mode: z.enum(['move', 'copy']),
}) satisfies z.ZodType<QuoteTransfer>;

const exportRequest = z.strictObject({
  collectionId: id,
  format: z.enum(['md', 'html', 'docx', 'csv', 'json', 'ris', 'bibtex', 'csl']),
  style: style.optional(),
  quoteIds: quoteIds.optional(),
}) satisfies z.ZodType<ExportRequest>;

const citeRequest = z.strictObject({ collectionId: id, quoteId: id, style }) satisfies z.ZodType<CiteRequest>;

const importRequest = z.strictObject({
  text: z.string().max(50_000_000),
  name: name.optional(),
}) satisfies z.ZodType<ImportRequest>;

/** The argument list each call accepts. */
export const callArguments = {
  status: none,
  addFolder: z.tuple([path]),
  removeFolder: z.tuple([path]),
  cancelIndexing: none,
  retrySkipped: none,
  search: z.tuple([searchRequest]),
  searchQuotes: z.tuple([quoteSearchRequest]),
  article: z.tuple([articleRequest]),
  pickFolder: none,
  listCollections: none,
  createCollection: z.tuple([name]),
  renameCollection: z.tuple([id, name]),
  deleteCollection: z.tuple([id]),
  restoreCollection: z.tuple([id]),
  collection: z.tuple([id]),
  saveQuote: z.tuple([saveQuoteRequest]),
  editQuote: z.tuple([quoteEdit]),
  removeQuotes: z.tuple([id, quoteIds]),
  reorderQuotes: z.tuple([id, quoteIds]),
  transferQuotes: z.tuple([quoteTransfer]),
  exportCollection: z.tuple([exportRequest]),
  citeQuote: z.tuple([citeRequest]),
  importCollection: z.tuple([importRequest]),
  saveExport: z.tuple([exportRequest]),
} satisfies { [K in CallName]: z.ZodType<Parameters<QuarryApi[K]>> };

export type CheckedArguments = { ok: true; name: CallName; args: unknown[] } | { ok: false; message: string };

/** Checks a call by name and its arguments; says what is wrong when they do not fit. */
export function checkCall(name: unknown, args: unknown): CheckedArguments {
  if (typeof name !== 'string' || !Object.hasOwn(callArguments, name)) {
    return { ok: false, message: `unknown call ${JSON.stringify(name)}` };
  }
  const callName = name as CallName;
  const parsed = callArguments[callName].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return {
      ok: false,
      message: `invalid arguments to ${callName}${where}: ${issue?.message ?? 'rejected'}`,
    };
  }
  return { ok: true, name: callName, args: parsed.data as unknown[] };
}
