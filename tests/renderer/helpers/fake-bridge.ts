import type {
  ArticleRequest,
  ArticleView,
  CiteRequest,
  CollectionList,
  CollectionSummary,
  CollectionView,
  ExportedFile,
  ExportRequest,
  ImportReport,
  ImportRequest,
  QuoteEdit,
  QuoteTransfer,
  QuoteView,
  SavedQuote,
  SaveQuoteRequest,
  IndexProgress,
  Quotation,
  QuoteGroup,
  QuoteSearchRequest,
  QuoteSearchResponse,
  QuoteSighting,
  IndexReport,
  LibraryStatus,
  QuarryBridge,
  Result,
  SearchHit,
  SearchRequest,
  SearchResponse,
  Unsubscribe,
} from '../../../renderer/src/lib/api';

/** Facets with no values, for responses that do not care about them. */
export const NO_FACETS = { sources: [], authors: [], folders: [], formats: [], years: [], speakers: [] };

export function makeStatus(overrides: Partial<LibraryStatus> = {}): LibraryStatus {
  return {
    folders: [{ path: '/home/ana/archive/bbc', articles: 3 }],
    articles: 3,
    indexing: false,
    dataDir: '/home/ana/.quarry',
    lastReport: null,
    ...overrides,
  };
}

export function makeReport(overrides: Partial<IndexReport> = {}): IndexReport {
  return {
    articles: 3,
    indexed: 3,
    removed: 0,
    skipped: [],
    ignored: [],
    ms: 1200,
    cancelled: false,
    ...overrides,
  };
}

export function makeHit(id: string, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id,
    path: `/home/ana/archive/bbc/${id}.txt`,
    folder: '/home/ana/archive/bbc',
    title: `Article ${id}`,
    date: '2005-03-01',
    source: 'BBC',
    author: null,
    format: 'txt',
    score: 1,
    titleHighlights: [],
    snippets: [],
    ...overrides,
  };
}

export function makeResponse(hits: SearchHit[], overrides: Partial<SearchResponse> = {}): SearchResponse {
  return { query: '', total: hits.length, offset: 0, hits, ms: 3, facets: NO_FACETS, ...overrides };
}

export function makeArticle(overrides: Partial<ArticleView> = {}): ArticleView {
  const body = 'Budget day.\n\nThe budget was cut.\n\n"A budget for growth," he said.';
  return {
    id: 'a1',
    path: '/home/ana/archive/bbc/a1.txt',
    folder: '/home/ana/archive/bbc',
    format: 'txt',
    title: 'Budget plans unveiled',
    date: '2005-03-16',
    source: 'BBC',
    author: 'Ana Reyes',
    url: 'https://example.org/budget',
    tags: [],
    body,
    blocks: [
      { kind: 'heading', start: 0, end: 11 },
      { kind: 'paragraph', start: 13, end: 32 },
      { kind: 'quote', start: 34, end: body.length },
    ],
    titleHighlights: [[0, 6]],
    bodyHighlights: [
      [0, 6],
      [17, 23],
      [37, 43],
    ],
    quotations: [],
    ...overrides,
  };
}

/** A quotation of `body` from `start` to `end`. */
export function makeQuotation(
  body: string,
  start: number,
  end: number,
  overrides: Partial<Quotation> = {},
): Quotation {
  return {
    start,
    end,
    text: body.slice(start, end),
    kind: 'direct',
    speaker: null,
    mention: null,
    cue: null,
    ...overrides,
  };
}

export function makeSighting(
  articleId: string,
  text: string,
  overrides: Partial<QuoteSighting> = {},
): QuoteSighting {
  return {
    articleId,
    title: `Article ${articleId}`,
    date: '2012-06-07',
    source: 'Northline Wire',
    path: `/home/ana/archive/${articleId}.md`,
    format: 'md',
    quotation: makeQuotation(`${text}`, 0, text.length, { speaker: 'Daniel Okafor', cue: 'said' }),
    highlights: [],
    ...overrides,
  };
}

export function makeQuoteGroup(speaker: string | null, sightings: QuoteSighting[]): QuoteGroup {
  return { speaker, sightings };
}

export function makeQuoteResponse(
  groups: QuoteGroup[],
  overrides: Partial<QuoteSearchResponse> = {},
): QuoteSearchResponse {
  return {
    query: '',
    total: groups.length,
    quotations: groups.reduce((sum, group) => sum + group.sightings.length, 0),
    offset: 0,
    groups,
    speakers: [],
    ms: 2,
    ...overrides,
  };
}

export function makeQuote(id: string, overrides: Partial<QuoteView> = {}): QuoteView {
  const text = overrides.text ?? `Quote ${id}`;
  return {
    id,
    text,
    prefix: '',
    suffix: '',
    start: 0,
    end: text.length,
    articleId: 'a1',
    contentHash: 'h1',
    citation: {
      title: 'Budget plans unveiled',
      author: 'Ana Reyes',
      source: 'BBC',
      date: '2005-03-16',
      url: null,
      path: '/home/ana/archive/bbc/a1.txt',
    },
    note: '',
    tags: [],
    speaker: null,
    savedAt: '2026-01-01T00:00:00.000Z',
    anchor: {
      status: 'exact',
      articleId: 'a1',
      start: 0,
      end: text.length,
      currentText: null,
      message: null,
    },
    ...overrides,
  };
}

export function makeCollection(id: string, name: string, quotes: QuoteView[] = []): CollectionView {
  return {
    id,
    name,
    quoteCount: quotes.length,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    quotes,
  };
}

function summary(collection: CollectionView): CollectionSummary {
  const { quotes: _quotes, ...rest } = collection;
  return { ...rest, quoteCount: collection.quotes.length };
}

type Listener<T> = (payload: T) => void;

/** An in-memory QuarryBridge with canned answers that records every call. */
export class FakeBridge implements QuarryBridge {
  transport: 'electron' | 'http';
  calls: { name: string; args: unknown[] }[] = [];

  statusValue: LibraryStatus = makeStatus();
  searchImpl: (request: SearchRequest) => Promise<Result<SearchResponse>> = (request) =>
    Promise.resolve({ ok: true, value: makeResponse([], { query: request.query }) });
  searchQuotesImpl: (request: QuoteSearchRequest) => Promise<Result<QuoteSearchResponse>> = (request) =>
    Promise.resolve({ ok: true, value: makeQuoteResponse([], { query: request.query }) });
  articleImpl: (request: ArticleRequest) => Promise<Result<ArticleView>> = () =>
    Promise.resolve({ ok: true, value: makeArticle() });
  addFolderImpl: (path: string) => Promise<Result<LibraryStatus>> = (path) =>
    Promise.resolve({
      ok: true,
      value: makeStatus({ folders: [{ path, articles: 0 }], articles: 0, indexing: true }),
    });
  pickedFolder: string | null = null;
  pathForFile?: (file: File) => string | null;
  /** Collections held in memory; the collection calls read and change them. */
  collections: CollectionView[] = [];
  trash: CollectionView[] = [];
  exported: ExportedFile = {
    fileName: 'Chapter one.md',
    mimeType: 'text/markdown; charset=utf-8',
    encoding: 'utf8',
    content: '# Chapter one\n',
    quoteCount: 0,
    drift: [],
  };
  savedExportPath: string | null = null;

  readonly progressListeners = new Set<Listener<IndexProgress>>();
  readonly libraryListeners = new Set<Listener<LibraryStatus>>();
  readonly addFolderListeners = new Set<() => void>();

  constructor(transport: 'electron' | 'http' = 'electron') {
    this.transport = transport;
  }

  callsOf(name: string): unknown[][] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  #record(name: string, ...args: unknown[]): void {
    this.calls.push({ name, args });
  }

  status(): Promise<LibraryStatus> {
    this.#record('status');
    return Promise.resolve(this.statusValue);
  }

  addFolder(path: string): Promise<Result<LibraryStatus>> {
    this.#record('addFolder', path);
    return this.addFolderImpl(path);
  }

  removeFolder(path: string): Promise<Result<LibraryStatus>> {
    this.#record('removeFolder', path);
    return Promise.resolve({ ok: true, value: makeStatus({ folders: [], articles: 0 }) });
  }

  cancelIndexing(): Promise<void> {
    this.#record('cancelIndexing');
    return Promise.resolve();
  }

  retrySkipped(): Promise<LibraryStatus> {
    this.#record('retrySkipped');
    return Promise.resolve({ ...this.statusValue, indexing: true });
  }

  search(request: SearchRequest): Promise<Result<SearchResponse>> {
    this.#record('search', request);
    return this.searchImpl(request);
  }

  searchQuotes(request: QuoteSearchRequest): Promise<Result<QuoteSearchResponse>> {
    this.#record('searchQuotes', request);
    return this.searchQuotesImpl(request);
  }

  article(request: ArticleRequest): Promise<Result<ArticleView>> {
    this.#record('article', request);
    return this.articleImpl(request);
  }

  pickFolder(): Promise<string | null> {
    this.#record('pickFolder');
    return Promise.resolve(this.pickedFolder);
  }

  #find(id: string): CollectionView | undefined {
    return this.collections.find((collection) => collection.id === id);
  }

  #missing<T>(): Promise<Result<T>> {
    return Promise.resolve({
      ok: false,
      error: { code: 'not-found', message: 'There is no such collection.' },
    });
  }

  listCollections(): Promise<CollectionList> {
    this.#record('listCollections');
    return Promise.resolve({ collections: this.collections.map(summary), problems: [] });
  }

  createCollection(name: string): Promise<Result<CollectionSummary>> {
    this.#record('createCollection', name);
    const collection = makeCollection(`c${this.collections.length + this.trash.length + 1}`, name);
    this.collections.push(collection);
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  renameCollection(id: string, name: string): Promise<Result<CollectionSummary>> {
    this.#record('renameCollection', id, name);
    const collection = this.#find(id);
    if (!collection) return this.#missing();
    collection.name = name;
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  deleteCollection(id: string): Promise<Result<CollectionSummary>> {
    this.#record('deleteCollection', id);
    const collection = this.#find(id);
    if (!collection) return this.#missing();
    this.collections = this.collections.filter((each) => each !== collection);
    this.trash.push(collection);
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  restoreCollection(id: string): Promise<Result<CollectionSummary>> {
    this.#record('restoreCollection', id);
    const collection = this.trash.find((each) => each.id === id);
    if (!collection) return this.#missing();
    this.trash = this.trash.filter((each) => each !== collection);
    this.collections.push(collection);
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  collection(id: string): Promise<Result<CollectionView>> {
    this.#record('collection', id);
    const collection = this.#find(id);
    if (!collection) return this.#missing();
    return Promise.resolve({ ok: true, value: structuredClone(collection) });
  }

  saveQuote(request: SaveQuoteRequest): Promise<Result<SavedQuote>> {
    this.#record('saveQuote', request);
    const collection = this.#find(request.collectionId);
    if (!collection) return this.#missing();
    const quote = makeQuote(`q${collection.quotes.length + 1}`, {
      start: request.start,
      end: request.end,
      articleId: request.articleId,
      note: request.note ?? '',
      tags: request.tags ?? [],
      speaker: request.speaker ?? null,
    });
    collection.quotes.push(quote);
    return Promise.resolve({ ok: true, value: quote });
  }

  editQuote(edit: QuoteEdit): Promise<Result<SavedQuote>> {
    this.#record('editQuote', edit);
    const quote = this.#find(edit.collectionId)?.quotes.find((each) => each.id === edit.quoteId);
    if (!quote) return this.#missing();
    if (edit.note !== undefined) quote.note = edit.note;
    if (edit.tags !== undefined) quote.tags = edit.tags;
    if (edit.speaker !== undefined) quote.speaker = edit.speaker;
    return Promise.resolve({ ok: true, value: quote });
  }

  removeQuotes(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    this.#record('removeQuotes', id, quoteIds);
    const collection = this.#find(id);
    if (!collection) return this.#missing();
    collection.quotes = collection.quotes.filter((quote) => !quoteIds.includes(quote.id));
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  reorderQuotes(id: string, quoteIds: string[]): Promise<Result<CollectionSummary>> {
    this.#record('reorderQuotes', id, quoteIds);
    const collection = this.#find(id);
    if (!collection) return this.#missing();
    collection.quotes = quoteIds.map((quoteId) => collection.quotes.find((quote) => quote.id === quoteId)!);
    return Promise.resolve({ ok: true, value: summary(collection) });
  }

  transferQuotes(transfer: QuoteTransfer): Promise<Result<CollectionSummary>> {
    this.#record('transferQuotes', transfer);
    const from = this.#find(transfer.from);
    const to = this.#find(transfer.to);
    if (!from || !to) return this.#missing();
    const picked = from.quotes.filter((quote) => transfer.quoteIds.includes(quote.id));
    to.quotes.push(...picked.map((quote) => ({ ...quote, id: `${quote.id}-${transfer.mode}` })));
    if (transfer.mode === 'move') from.quotes = from.quotes.filter((quote) => !picked.includes(quote));
    return Promise.resolve({ ok: true, value: summary(to) });
  }

  exportCollection(request: ExportRequest): Promise<Result<ExportedFile>> {
    this.#record('exportCollection', request);
    return Promise.resolve({ ok: true, value: this.exported });
  }

  citeQuote(request: CiteRequest): Promise<Result<string>> {
    this.#record('citeQuote', request);
    return Promise.resolve({ ok: true, value: '“Quote” (Reyes, 2005)' });
  }

  importCollection(request: ImportRequest): Promise<Result<ImportReport>> {
    this.#record('importCollection', request);
    const collection = makeCollection(`c${this.collections.length + 1}`, request.name ?? 'Imported');
    this.collections.push(collection);
    return Promise.resolve({
      ok: true,
      value: { collection: summary(collection), imported: 0, skipped: [] },
    });
  }

  saveExport(request: ExportRequest): Promise<Result<string> | null> {
    this.#record('saveExport', request);
    return Promise.resolve(this.savedExportPath === null ? null : { ok: true, value: this.savedExportPath });
  }

  onProgress(listener: Listener<IndexProgress>): Unsubscribe {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onLibrary(listener: Listener<LibraryStatus>): Unsubscribe {
    this.libraryListeners.add(listener);
    return () => this.libraryListeners.delete(listener);
  }

  onAddFolderRequested(listener: () => void): Unsubscribe {
    this.addFolderListeners.add(listener);
    return () => this.addFolderListeners.delete(listener);
  }

  emitProgress(progress: IndexProgress): void {
    for (const listener of this.progressListeners) listener(progress);
  }

  emitLibrary(status: LibraryStatus): void {
    for (const listener of this.libraryListeners) listener(status);
  }

  emitAddFolderRequested(): void {
    for (const listener of this.addFolderListeners) listener();
  }
}

/** A promise with its resolve function, for answering calls out of order. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
