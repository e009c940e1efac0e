import type {
  CallName,
  EventName,
  IndexProgress,
  LibraryStatus,
  QuarryApi,
  QuarryBridge,
  QuarryEvents,
  Unsubscribe,
} from './api';

/** What the HTTP bridge needs of `fetch`. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What the HTTP bridge needs of an `EventSource`. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceConstructor = new (url: string) => EventSourceLike;

const TOKEN_KEY = 'quarry.token';

/**
 * The web-mode token: taken from `#token=…` when the page was opened with one, kept in
 * session storage so a reload keeps working, and wiped from the visible address.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const payload: unknown = await response.json();
    if (payload && typeof payload === 'object' && 'error' in payload && typeof payload.error === 'string') {
      return payload.error;
    }
  } catch {
    // A body that is not JSON says nothing more than the status does.
  }
  return `Request failed with HTTP ${response.status}`;
}

/**
 * The bridge over the loopback HTTP transport: one POST per call, and one shared
 * EventSource, opened for the first listener and closed after the last one leaves.
 */
export function createHttpBridge(
  fetchImpl: FetchLike,
  EventSourceImpl: EventSourceConstructor | undefined,
  token: string | null,
): QuarryBridge {
  async function call<N extends CallName>(
    name: N,
    ...args: Parameters<QuarryApi[N]>
  ): Promise<Awaited<ReturnType<QuarryApi[N]>>> {
    const response = await fetchImpl(`/api/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token ?? ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    const payload = (await response.json()) as { result: Awaited<ReturnType<QuarryApi[N]>> };
    return payload.result;
  }

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | null = null;

  function open(): void {
    if (source || !EventSourceImpl) return;
    source = new EventSourceImpl(`/api/events?token=${encodeURIComponent(token ?? '')}`);
    for (const name of ['progress', 'library', 'add-folder-requested'] as const) {
      source.addEventListener(name, (event) => {
        const payload: unknown = event.data ? JSON.parse(event.data) : null;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  }

  function subscribe<E extends EventName>(
    name: E,
    listener: (payload: QuarryEvents[E]) => void,
  ): Unsubscribe {
    const wrapped = listener as (payload: unknown) => void;
    const set = listeners.get(name) ?? new Set();
    set.add(wrapped);
    listeners.set(name, set);
    open();
    return () => {
      set.delete(wrapped);
      const remaining = [...listeners.values()].reduce((sum, each) => sum + each.size, 0);
      if (remaining === 0 && source) {
        source.close();
        source = null;
      }
    };
  }

  return {
    transport: 'http',
    status: () => call('status'),
    addFolder: (path) => call('addFolder', path),
    removeFolder: (path) => call('removeFolder', path),
    cancelIndexing: () => call('cancelIndexing'),
    retrySkipped: () => call('retrySkipped'),
    search: (request) => call('search', request),
    searchQuotes: (request) => call('searchQuotes', request),
    article: (request) => call('article', request),
    pickFolder: () => Promise.resolve(null),
    listCollections: () => call('listCollections'),
    createCollection: (name) => call('createCollection', name),
    renameCollection: (id, name) => call('renameCollection', id, name),
    deleteCollection: (id) => call('deleteCollection', id),
    restoreCollection: (id) => call('restoreCollection', id),
    collection: (id) => call('collection', id),
    saveQuote: (request) => call('saveQuote', request),
    editQuote: (edit) => call('editQuote', edit),
    removeQuotes: (id, quoteIds) => call('removeQuotes', id, quoteIds),
    reorderQuotes: (id, quoteIds) => call('reorderQuotes', id, quoteIds),
    transferQuotes: (transfer) => call('transferQuotes', transfer),
    exportCollection: (request) => call('exportCollection', request),
    citeQuote: (request) => call('citeQuote', request),
    importCollection: (request) => call('importCollection', request),
    // A browser has no save dialog to offer: the window downloads the exported bytes instead.
    saveExport: () => Promise.resolve(null),
    onProgress: (listener: (progress: IndexProgress) => void) => subscribe('progress', listener),
    onLibrary: (listener: (status: LibraryStatus) => void) => subscribe('library', listener),
    onAddFolderRequested: (listener: () => void) => subscribe('add-folder-requested', () => listener()),
  };
}

function chooseBridge(): QuarryBridge {
  const preload = (window as Window & { quarry?: QuarryBridge }).quarry;
  if (preload) return preload;
  const EventSourceImpl = (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
  return createHttpBridge(
    (url, init) => fetch(url, init),
    EventSourceImpl,
    takeToken(window.location, window.history, window.sessionStorage),
  );
}

/** The one way the window talks to its backend: the Electron preload, or HTTP in a browser. */
export const client: QuarryBridge = chooseBridge();
