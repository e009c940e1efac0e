import { CALLS, EVENTS, channel } from '../api';
import type { CallName, EventName, QuarryApi, QuarryBackend, Unsubscribe } from '../api';
import { checkCall } from '../api-schema';
import type { FrameLike } from './app-url';

/** The part of Electron's `IpcMainInvokeEvent` the binding reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/**
 * The part of Electron's `ipcMain` the binding uses; structural, so tests can
 * pass an in-memory fake and Electron's own object fits as it is.
 */
export interface IpcMainLike<E extends InvokeEventLike = InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions<E extends InvokeEventLike = InvokeEventLike> {
  /** Shows the system folder dialog; the service has no dialogs of its own. */
  pickFolder: () => Promise<string | null>;
  /** Exports a collection and saves it where the system save dialog says; null when cancelled. */
  saveExport: QuarryApi['saveExport'];
  /** Says whether a call comes from Quarry's own window and page. */
  isTrustedSender: (event: E) => boolean;
  /** Delivers an event to the window (if there is one). */
  send: (channelName: string, payload: unknown) => void;
}

type Dispatch = { [K in CallName]: (args: Parameters<QuarryApi[K]>) => ReturnType<QuarryApi[K]> };

/**
 * Binds every call in the contract to `backend` and forwards every backend
 * event to the window; calls from other frames or with arguments that do not
 * fit the schema are rejected before the backend sees them. Returns a function
 * that removes all handlers and subscriptions.
 */
export function bindIpc<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  backend: QuarryBackend,
  options: IpcOptions<E>,
): () => void {
  const dispatch: Dispatch = {
    status: () => backend.status(),
    addFolder: ([path]) => backend.addFolder(path),
    removeFolder: ([path]) => backend.removeFolder(path),
    cancelIndexing: () => backend.cancelIndexing(),
    retrySkipped: () => backend.retrySkipped(),
    search: ([request]) => backend.search(request),
    searchQuotes: ([request]) => backend.searchQuotes(request),
    article: ([request]) => backend.article(request),
    pickFolder: () => options.pickFolder(),
    listCollections: () => backend.listCollections(),
    createCollection: ([name]) => backend.createCollection(name),
    renameCollection: ([id, name]) => backend.renameCollection(id, name),
    deleteCollection: ([id]) => backend.deleteCollection(id),
    restoreCollection: ([id]) => backend.restoreCollection(id),
    collection: ([id]) => backend.collection(id),
    saveQuote: ([request]) => backend.saveQuote(request),
    editQuote: ([edit]) => backend.editQuote(edit),
    removeQuotes: ([id, quoteIds]) => backend.removeQuotes(id, quoteIds),
    reorderQuotes: ([id, quoteIds]) => backend.reorderQuotes(id, quoteIds),
    transferQuotes: ([transfer]) => backend.transferQuotes(transfer),
    exportCollection: ([request]) => backend.exportCollection(request),
    citeQuote: ([request]) => backend.citeQuote(request),
    importCollection: ([request]) => backend.importCollection(request),
    saveExport: ([request]) => options.saveExport(request),
  };

  for (const name of CALLS) {
    ipcMain.handle(channel(name), async (event, ...args) => {
      if (!options.isTrustedSender(event)) {
        throw new Error(`refused ${name}: the call did not come from Quarry's own window`);
      }
      const checked = checkCall(name, args);
      if (!checked.ok) throw new Error(checked.message);
      // checkCall parsed the list with callArguments[name], whose type is Parameters<QuarryApi[name]>.
      const call = dispatch[name] as (args: unknown[]) => Promise<unknown>;
      return call(checked.args);
    });
  }

  const subscriptions: Unsubscribe[] = EVENTS.map((event: EventName) =>
    backend.on(event, (payload) => options.send(channel(event), payload)),
  );

  let bound = true;
  return () => {
    if (!bound) return;
    bound = false;
    for (const name of CALLS) ipcMain.removeHandler(channel(name));
    for (const unsubscribe of subscriptions) unsubscribe();
  };
}
