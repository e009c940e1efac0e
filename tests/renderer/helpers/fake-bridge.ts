import type {
  ArticleRequest,
  ArticleView,
  IndexProgress,
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
export const NO_FACETS = { sources: [], authors: [], folders: [], formats: [], years: [] };

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
    ...overrides,
  };
}

type Listener<T> = (payload: T) => void;

/** An in-memory QuarryBridge with canned answers that records every call. */
export class FakeBridge implements QuarryBridge {
  transport: 'electron' | 'http';
  calls: { name: string; args: unknown[] }[] = [];

  statusValue: LibraryStatus = makeStatus();
  searchImpl: (request: SearchRequest) => Promise<Result<SearchResponse>> = (request) =>
    Promise.resolve({ ok: true, value: makeResponse([], { query: request.query }) });
  articleImpl: (request: ArticleRequest) => Promise<Result<ArticleView>> = () =>
    Promise.resolve({ ok: true, value: makeArticle() });
  addFolderImpl: (path: string) => Promise<Result<LibraryStatus>> = (path) =>
    Promise.resolve({
      ok: true,
      value: makeStatus({ folders: [{ path, articles: 0 }], articles: 0, indexing: true }),
    });
  pickedFolder: string | null = null;
  pathForFile?: (file: File) => string | null;

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

  search(request: SearchRequest): Promise<Result<SearchResponse>> {
    this.#record('search', request);
    return this.searchImpl(request);
  }

  article(request: ArticleRequest): Promise<Result<ArticleView>> {
    this.#record('article', request);
    return this.articleImpl(request);
  }

  pickFolder(): Promise<string | null> {
    this.#record('pickFolder');
    return Promise.resolve(this.pickedFolder);
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
