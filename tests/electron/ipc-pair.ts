import type { FrameLike } from '../../electron/main/app-url';
import type { InvokeEventLike, IpcMainLike } from '../../electron/main/ipc';
import type { IpcRendererLike } from '../../electron/preload/bridge';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;
type Listener = (event: unknown, ...args: unknown[]) => void;

/**
 * An in-memory stand-in for Electron's ipcMain/ipcRenderer pair: invoke reaches
 * handle, send reaches on, and every value crosses by structured clone as it
 * would between processes. `frame` is the sender frame main sees.
 */
export function createIpcPair(frame: FrameLike | null) {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<Listener>>();
  const sender = { frame };

  const ipcMain: IpcMainLike = {
    handle(channel, handler) {
      // Electron refuses a second handler for one channel; so does the fake.
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };

  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      try {
        return structuredClone(await handler({ senderFrame: sender.frame }, ...structuredClone(args)));
      } catch (error) {
        // Electron passes only the message across, wrapped like this.
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
      }
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };

  /** What main's `webContents.send` does: every listener on the channel gets an event object and the payload. */
  function send(channel: string, payload: unknown): void {
    for (const listener of listeners.get(channel) ?? []) {
      listener({ sender: 'the IpcRendererEvent, never to reach the page' }, structuredClone(payload));
    }
  }

  return {
    ipcMain,
    ipcRenderer,
    send,
    sender,
    handlerCount: () => handlers.size,
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
}
