import type {
  ArticleView,
  EventName,
  LibraryStatus,
  QuarryBackend,
  QuarryEvents,
  Result,
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
    facets: { sources: [], authors: [], folders: [], formats: [], years: [] },
  },
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
  },
};

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
  search(request: Parameters<QuarryBackend['search']>[0]): Promise<Result<SearchResponse>> {
    this.record('search', [request]);
    return Promise.resolve(SEARCH);
  }
  article(request: Parameters<QuarryBackend['article']>[0]): Promise<Result<ArticleView>> {
    this.record('article', [request]);
    return Promise.resolve(ARTICLE);
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
