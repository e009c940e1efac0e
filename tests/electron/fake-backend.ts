import type {
  ArticleView,
  CollectionList,
  CollectionSummary,
  CollectionView,
  ExportedFile,
  ImportReport,
  SavedQuote,
  EventName,
  LibraryStatus,
  QuarryBackend,
  QuarryEvents,
  Result,
  QuoteSearchRequest,
  QuoteSearchResponse,
  SearchResponse,
  Unsubscribe,
} from '../../electron/api';

export const STATUS: LibraryStatus = {
  folders: [{ path: '/archive', articles: 2 }],
  articles: 2,
  indexing: false,
  dataDir: '/data',
  lastReport: null,
};

export const SEARCH: Result<SearchResponse> = {
  ok: true,
  value: {
    query: 'quarry',
    total: 0,
    offset: 0,
    hits: [],
    ms: 1,
    facets: { sources: [], authors: [], folders: [], formats: [], years: [], speakers: [] },
  },
};

export const QUOTES: Result<QuoteSearchResponse> = {
  ok: true,
  value: { query: 'stone', total: 0, quotations: 0, offset: 0, groups: [], speakers: [], ms: 1 },
};

export const ARTICLE: Result<ArticleView> = {
  ok: true,
  value: {
    id: 'a1',
    path: '/archive/a1.md',
    folder: '/archive',
    format: 'md',
    title: 'Stone',
    date: null,
    source: null,
    author: null,
    url: null,
    tags: [],
    body: 'Cut stone.',
    blocks: [{ kind: 'paragraph', start: 0, end: 10 }],
    titleHighlights: [],
    bodyHighlights: [],
    quotations: [],
  },
};

export const SUMMARY: CollectionSummary = {
  id: 'chapter-one-a1b2c3',
  name: 'Chapter one',
  quoteCount: 0,
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
};

const notFound = { ok: false as const, error: { code: 'not-found' as const, message: 'no such collection' } };

/** A QuarryBackend with canned answers that records every call it receives and can emit events. */
export class FakeBackend implements QuarryBackend {
  readonly calls: { name: string; args: unknown[] }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  private record(name: string, args: unknown[]): void {
    this.calls.push({ name, args });
  }

  status(): Promise<LibraryStatus> {
    this.record('status', []);
    return Promise.resolve(STATUS);
  }
  addFolder(path: string): Promise<Result<LibraryStatus>> {
    this.record('addFolder', [path]);
    return Promise.resolve({
      ok: true,
      value: { ...STATUS, folders: [...STATUS.folders, { path, articles: 0 }] },
    });
  }
  removeFolder(path: string): Promise<Result<LibraryStatus>> {
    this.record('removeFolder', [path]);
    return Promise.resolve({
      ok: false,
      error: { code: 'not-found', message: `${path} is not in the library` },
    });
  }
  cancelIndexing(): Promise<void> {
    this.record('cancelIndexing', []);
    return Promise.resolve();
  }
  retrySkipped(): Promise<LibraryStatus> {
    this.record('retrySkipped', []);
    return Promise.resolve({ ...STATUS, indexing: true });
  }
  search(request: Parameters<QuarryBackend['search']>[0]): Promise<Result<SearchResponse>> {
    this.record('search', [request]);
    return Promise.resolve(SEARCH);
  }
  searchQuotes(request: QuoteSearchRequest): Promise<Result<QuoteSearchResponse>> {
    this.record('searchQuotes', [request]);
    return Promise.resolve(QUOTES);
  }
  article(request: Parameters<QuarryBackend['article']>[0]): Promise<Result<ArticleView>> {
    this.record('article', [request]);
    return Promise.resolve(ARTICLE);
  }

  listCollections(): Promise<CollectionList> {
    this.record('listCollections', []);
    return Promise.resolve({ collections: [SUMMARY], problems: [] });
  }
  createCollection(name: string): Promise<Result<CollectionSummary>> {
    this.record('createCollection', [name]);
    return Promise.resolve({ ok: true, value: { ...SUMMARY, name } });
  }
  renameCollection(id: string, name: string): Promise<Result<CollectionSummary>> {
    this.record('renameCollection', [id, name]);
    return Promise.resolve({ ok: true, value: { ...SUMMARY, id, name } });
  }
  deleteCollection(id: string): Promise<Result<CollectionSummary>> {
    this.record('deleteCollection', [id]);
    return Promise.resolve({ ok: true, value: { ...SUMMARY, id } });
  }
  restoreCollection(id: string): Promise<Result<CollectionSummary>> {
    this.record('restoreCollection', [id]);
    return Promise.resolve({ ok: true, value: { ...SUMMARY, id } });
  }
  collection(id: string): Promise<Result<CollectionView>> {
    this.record('collection', [id]);
    return Promise.resolve({ ok: true, value: { ...SUMMARY, id, quotes: [] } });
  }
  saveQuote(request: Parameters<QuarryBackend['saveQuote']>[0]): Promise<Result<SavedQuote>> {
    this.record('saveQuote', [request]);
    return Promise.resolve(notFound);
  }
  editQuote(edit: Parameters<QuarryBackend['editQuote']>[0]): Promise<Result<SavedQuote>> {
    this.record('editQuote', [edit]);
    return Promise.resolve(notFound);
  }
  removeQuotes(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    this.record('removeQuotes', [id, quoteIds]);
    return Promise.resolve({ ok: true, value: SUMMARY });
  }
  reorderQuotes(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    this.record('reorderQuotes', [id, quoteIds]);
    return Promise.resolve({ ok: true, value: SUMMARY });
  }
  transferQuotes(
    transfer: Parameters<QuarryBackend['transferQuotes']>[0],
  ): Promise<Result<CollectionSummary>> {
    this.record('transferQuotes', [transfer]);
    return Promise.resolve({ ok: true, value: SUMMARY });
  }
  exportCollection(request: Parameters<QuarryBackend['exportCollection']>[0]): Promise<Result<ExportedFile>> {
    this.record('exportCollection', [request]);
    return Promise.resolve({
      ok: true,
      value: {
        fileName: 'Chapter one.md',
        mimeType: 'text/markdown',
        encoding: 'utf8',
        content: '# Chapter one\n',
        quoteCount: 0,
        drift: [],
      },
    });
  }
  citeQuote(request: Parameters<QuarryBackend['citeQuote']>[0]): Promise<Result<string>> {
    this.record('citeQuote', [request]);
    return Promise.resolve(notFound);
  }
  importCollection(request: Parameters<QuarryBackend['importCollection']>[0]): Promise<Result<ImportReport>> {
    this.record('importCollection', [request]);
    return Promise.resolve({ ok: true, value: { collection: SUMMARY, imported: 0, skipped: [] } });
  }

  on<E extends EventName>(event: E, listener: (payload: QuarryEvents[E]) => void): Unsubscribe {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: QuarryEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (payload: QuarryEvents[E]) => void)(payload);
  }

  /** How many listeners are subscribed, over all events. */
  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}
