import { channel } from '../api';
import type { CallName, EventName, QuarryApi, QuarryBridge, QuarryEvents, Unsubscribe } from '../api';

/** The part of Electron's `ipcRenderer` the bridge uses; structural, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The part of Electron's `webUtils` the bridge uses. */
export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

// The page is not type-checked: a bad listener should fail here, not later inside an IPC callback.
function assertListener(event: EventName, listener: unknown): void {
  if (typeof listener !== 'function') throw new TypeError(`quarry: a ${event} listener must be a function`);
}

/**
 * Builds what the preload exposes as `window.quarry`: one named function per
 * call and one subscription per event, never a generic invoke, and never the
 * IPC event object (it would hand the page a way to reach `ipcRenderer`).
 */
export function createPreloadBridge(ipcRenderer: IpcRendererLike, webUtils?: WebUtilsLike): QuarryBridge {
  // Every argument the page passed goes through, extras included, so that main's
  // schema check sees the call exactly as it was made.
  const call =
    <K extends CallName>(name: K) =>
    (...args: Parameters<QuarryApi[K]>) =>
      ipcRenderer.invoke(channel(name), ...args) as ReturnType<QuarryApi[K]>;

  const subscribe =
    <E extends EventName>(event: E) =>
    (listener: (payload: QuarryEvents[E]) => void): Unsubscribe => {
      assertListener(event, listener);
      const forward = (_event: unknown, payload: unknown): void => listener(payload as QuarryEvents[E]);
      ipcRenderer.on(channel(event), forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(channel(event), forward);
      };
    };

  const onAddFolder = subscribe('add-folder-requested');

  const bridge: QuarryBridge = {
    status: call('status'),
    addFolder: call('addFolder'),
    removeFolder: call('removeFolder'),
    cancelIndexing: call('cancelIndexing'),
    retrySkipped: call('retrySkipped'),
    search: call('search'),
    searchQuotes: call('searchQuotes'),
    article: call('article'),
    pickFolder: call('pickFolder'),
    listCollections: call('listCollections'),
    createCollection: call('createCollection'),
    renameCollection: call('renameCollection'),
    deleteCollection: call('deleteCollection'),
    restoreCollection: call('restoreCollection'),
    collection: call('collection'),
    saveQuote: call('saveQuote'),
    editQuote: call('editQuote'),
    removeQuotes: call('removeQuotes'),
    reorderQuotes: call('reorderQuotes'),
    transferQuotes: call('transferQuotes'),
    exportCollection: call('exportCollection'),
    citeQuote: call('citeQuote'),
    importCollection: call('importCollection'),
    saveExport: call('saveExport'),
    onProgress: subscribe('progress'),
    onLibrary: subscribe('library'),
    onAddFolderRequested: (listener) => {
      assertListener('add-folder-requested', listener);
      return onAddFolder(() => listener());
    },
    transport: 'electron',
  };
  if (webUtils) {
    // Electron answers '' for a File that has no path on disk (made in the page, say).
    bridge.pathForFile = (file) => webUtils.getPathForFile(file) || null;
  }
  return bridge;
}
