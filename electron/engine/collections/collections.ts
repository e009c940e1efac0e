import type {
  ApiError,
  CiteRequest,
  CollectionList,
  CollectionSummary,
  CollectionView,
  ErrorCode,
  ExportedFile,
  ExportRequest,
  QuoteEdit,
  QuoteTransfer,
  Result,
  SavedQuote,
  SaveQuoteRequest,
} from '../../api';
import type { Article } from '../ingest/article';
import { exportQuotes } from '../export';
import { bibliographyEntries, cslItem, inTextCitation } from '../export/citations';
import { anchorQuote, contextOf, type ArticleFinder } from './anchoring';
import { newCollection, newQuoteId, summarize, type StoredCollection } from './model';
import { CollectionStore } from './store';

/** Where collections find the library's articles. */
export interface ArticleSource {
  byId(id: string): Article | undefined;
  all(): Iterable<Article>;
}

function fail<T>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** The citation facts of an article as they are when a quote is saved. */
export function citationOf(article: Article): SavedQuote['citation'] {
  return {
    title: article.title,
    author: article.author,
    source: article.source,
    date: article.date,
    url: article.url,
    path: article.path,
  };
}

/**
 * Quote collections over a store and the library's articles. Every change is
 * read-modify-write of one file, one at a time, so that the window and the
 * CLI may both change collections; failures come back as values.
 */
export class Collections {
  readonly store: CollectionStore;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly articles: ArticleSource,
  ) {
    this.store = new CollectionStore(dataDir);
  }

  /** Runs changes one after another, so that two saves never read the same old version. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Every readable collection, by name, and a problem for each file that is not. */
  async list(): Promise<CollectionList> {
    await this.store.sweepTemporaryFiles();
    const { collections, problems } = await this.store.loadAll();
    return {
      collections: collections.map(summarize).sort((a, b) => a.name.localeCompare(b.name)),
      problems,
    };
  }

  /** Reads a collection, or says why it cannot be used. */
  async read(id: string): Promise<Result<StoredCollection>> {
    if (!CollectionStore.validId(id)) return fail('not-found', 'There is no such collection.');
    const outcome = await this.store.load(id);
    if (outcome.kind === 'ok') return { ok: true, value: outcome.collection };
    if (outcome.kind === 'missing') return fail('not-found', 'There is no such collection.');
    const { file, message, line, column } = outcome.problem;
    const where = line !== null ? ` (line ${line}, column ${column})` : '';
    return fail('damaged', `${file} cannot be read${where}: ${message}. It was left as it is.`);
  }

  async create(name: string): Promise<Result<CollectionSummary>> {
    return this.#serial(async () => {
      const trimmed = name.trim();
      const { collections } = await this.store.loadAll();
      if (collections.some((known) => known.name.toLowerCase() === trimmed.toLowerCase())) {
        return fail('already-exists', `There is already a collection called “${trimmed}”.`);
      }
      const collection = newCollection(trimmed);
      await this.store.save(collection);
      return { ok: true, value: summarize(collection) };
    });
  }

  async rename(id: string, name: string): Promise<Result<CollectionSummary>> {
    return this.#change(id, (collection) => {
      collection.name = name.trim();
    });
  }

  async remove(id: string): Promise<Result<CollectionSummary>> {
    return this.#serial(async () => {
      const read = await this.read(id);
      if (!read.ok) return read;
      await this.store.moveToTrash(id);
      return { ok: true, value: summarize(read.value) };
    });
  }

  async restore(id: string): Promise<Result<CollectionSummary>> {
    return this.#serial(async () => {
      if (!CollectionStore.validId(id) || !(await this.store.restoreFromTrash(id))) {
        return fail('not-found', 'This collection is not in the trash any more.');
      }
      return this.read(id).then((read) => (read.ok ? { ok: true, value: summarize(read.value) } : read));
    });
  }

  /** A collection with every quote anchored in the library as it is now. */
  async view(id: string): Promise<Result<CollectionView>> {
    const read = await this.read(id);
    if (!read.ok) return read;
    const finder = this.#finder();
    return {
      ok: true,
      value: {
        ...summarize(read.value),
        quotes: read.value.quotes.map((quote) => ({ ...quote, anchor: anchorQuote(quote, finder) })),
      },
    };
  }

  async saveQuote(request: SaveQuoteRequest): Promise<Result<SavedQuote>> {
    const article = this.articles.byId(request.articleId);
    if (!article) return fail('not-found', 'This article is no longer in the library.');
    let { start, end } = request;
    if (end <= start || end > article.body.length) {
      return fail(
        'invalid-argument',
        `The passage ${start}–${end} is outside the article (${article.body.length} characters).`,
      );
    }
    if (article.body.slice(start, end).trim() === '')
      return fail('invalid-argument', 'The passage is blank.');
    // A selection that runs to the next paragraph carries its line breaks; a quote starts and ends with words.
    while (/\s/.test(article.body[start]!)) start++;
    while (/\s/.test(article.body[end - 1]!)) end--;
    const text = article.body.slice(start, end);
    const quote: SavedQuote = {
      id: newQuoteId(),
      text,
      ...contextOf(article.body, start, end),
      start,
      end,
      articleId: article.id,
      contentHash: article.hash,
      citation: citationOf(article),
      note: request.note ?? '',
      tags: cleanTags(request.tags ?? []),
      speaker: request.speaker ?? null,
      savedAt: new Date().toISOString(),
    };
    const changed = await this.#change(request.collectionId, (collection) => {
      collection.quotes.push(quote);
    });
    return changed.ok ? { ok: true, value: quote } : changed;
  }

  async editQuote(edit: QuoteEdit): Promise<Result<SavedQuote>> {
    let edited: SavedQuote | undefined;
    const changed = await this.#change(edit.collectionId, (collection) => {
      edited = collection.quotes.find((quote) => quote.id === edit.quoteId);
      if (!edited) return { code: 'not-found', message: 'This quote is not in the collection.' };
      if (edit.note !== undefined) edited.note = edit.note;
      if (edit.tags !== undefined) edited.tags = cleanTags(edit.tags);
      if (edit.speaker !== undefined) edited.speaker = edit.speaker?.trim() || null;
    });
    return changed.ok ? { ok: true, value: edited! } : changed;
  }

  async removeQuotes(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    const remove = new Set(quoteIds);
    return this.#change(id, (collection) => {
      collection.quotes = collection.quotes.filter((quote) => !remove.has(quote.id));
    });
  }

  async reorder(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    return this.#change(id, (collection) => {
      const byId = new Map(collection.quotes.map((quote) => [quote.id, quote]));
      if (
        quoteIds.length !== byId.size ||
        new Set(quoteIds).size !== byId.size ||
        !quoteIds.every((q) => byId.has(q))
      ) {
        return {
          code: 'invalid-argument',
          message: 'The new order must name every quote of the collection once.',
        };
      }
      collection.quotes = quoteIds.map((quoteId) => byId.get(quoteId)!);
    });
  }

  /** Moves or copies quotes; the target is saved before the source, so a crash can duplicate but never lose. */
  async transfer({ from, to, quoteIds, mode }: QuoteTransfer): Promise<Result<CollectionSummary>> {
    if (from === to) return fail('invalid-argument', 'Choose another collection.');
    const source = await this.read(from);
    if (!source.ok) return source;
    const wanted = new Set(quoteIds);
    const picked = source.value.quotes.filter((quote) => wanted.has(quote.id));
    if (picked.length === 0) return fail('not-found', 'None of these quotes is in the collection.');
    const added = await this.#change(to, (target) => {
      const present = new Set(target.quotes.map((quote) => quote.id));
      for (const quote of picked) {
        target.quotes.push(mode === 'copy' || present.has(quote.id) ? { ...quote, id: newQuoteId() } : quote);
      }
    });
    if (!added.ok || mode === 'copy') return added;
    const removed = await this.removeQuotes(from, [...wanted]);
    return removed.ok ? added : removed;
  }

  async export(request: ExportRequest): Promise<Result<ExportedFile>> {
    const viewed = await this.view(request.collectionId);
    if (!viewed.ok) return viewed;
    const wanted = request.quoteIds ? new Set(request.quoteIds) : null;
    const quotes = viewed.value.quotes.filter((quote) => !wanted || wanted.has(quote.id));
    return { ok: true, value: await exportQuotes(viewed.value, quotes, request.format, request.style) };
  }

  /** “Text” (citation), a blank line and the reference: what Copy puts on the clipboard. */
  async cite(request: CiteRequest): Promise<Result<string>> {
    const read = await this.read(request.collectionId);
    if (!read.ok) return read;
    const quote = read.value.quotes.find((each) => each.id === request.quoteId);
    if (!quote) return fail('not-found', 'This quote is not in the collection.');
    const item = cslItem(quote.citation);
    const speaker = quote.speaker ? ` — ${quote.speaker}` : '';
    const reference = bibliographyEntries([item], request.style).join('\n');
    return {
      ok: true,
      value: `“${quote.text}”${speaker} ${inTextCitation(item, request.style)}\n\n${reference}`,
    };
  }

  /** Adds a whole collection (an import), saved under a fresh id. */
  async add(name: string, quotes: SavedQuote[]): Promise<CollectionSummary> {
    return this.#serial(async () => {
      const { collections } = await this.store.loadAll();
      const taken = new Set(collections.map((known) => known.name.toLowerCase()));
      let unique = name.trim() || 'Imported';
      for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name.trim()} (${n})`;
      const collection = newCollection(unique);
      collection.quotes = quotes;
      await this.store.save(collection);
      return summarize(collection);
    });
  }

  #finder(): ArticleFinder {
    let byHash: Map<string, Article> | null = null;
    return {
      byId: (id) => this.articles.byId(id),
      byHash: (hash) => {
        byHash ??= new Map(Array.from(this.articles.all(), (article) => [article.hash, article]));
        return byHash.get(hash);
      },
    };
  }

  // A change returns an error to refuse it (nothing is written), or nothing to have it saved.
  #change(
    id: string,
    apply: (collection: StoredCollection) => ApiError | void,
  ): Promise<Result<CollectionSummary>> {
    return this.#serial(async () => {
      const read = await this.read(id);
      if (!read.ok) return read;
      const collection = read.value;
      const refused = apply(collection);
      if (refused) return { ok: false, error: refused };
      collection.updated = new Date().toISOString();
      await this.store.save(collection);
      return { ok: true, value: summarize(collection) };
    });
  }
}

function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}
