import { describe, expect, it } from 'vitest';
import { CALLS, channel } from '../../../electron/api';
import { createPreloadBridge } from '../../../electron/preload/bridge';
import type { IpcRendererLike } from '../../../electron/preload/bridge';
import { createIpcPair } from '../ipc-pair';

/** An ipcRenderer that answers every invoke with the channel and arguments it was given. */
function echoRenderer(): IpcRendererLike {
  return {
    invoke: (channelName, ...args) => Promise.resolve({ channelName, args }),
    on: () => undefined,
    removeListener: () => undefined,
  };
}

describe('createPreloadBridge', () => {
  it('exposes one named function per call, the three subscriptions and nothing generic', () => {
    const bridge = createPreloadBridge(echoRenderer(), { getPathForFile: () => '' });
    expect(Object.keys(bridge).sort()).toEqual(
      [...CALLS, 'onProgress', 'onLibrary', 'onAddFolderRequested', 'transport', 'pathForFile'].sort(),
    );
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(bridge).not.toHaveProperty('on');
    expect(bridge.transport).toBe('electron');
  });

  it('sends each call on its own channel with the arguments exactly as given', async () => {
    const bridge = createPreloadBridge(echoRenderer());
    expect(await bridge.search({ query: 'marble' })).toEqual({
      channelName: channel('search'),
      args: [{ query: 'marble' }],
    });
    const loose = bridge as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    // Extras are kept so that main's schema check can refuse them.
    expect(await loose.status!('extra')).toEqual({ channelName: channel('status'), args: ['extra'] });
  });

  it('hands listeners the payload only, never the IPC event', () => {
    const pair = createIpcPair(null);
    const bridge = createPreloadBridge(pair.ipcRenderer);
    const received: unknown[][] = [];
    bridge.onLibrary((...args: unknown[]) => received.push(args));
    bridge.onAddFolderRequested((...args: unknown[]) => received.push(args));
    pair.send(channel('library'), { articles: 1 });
    pair.send(channel('add-folder-requested'), null);
    expect(received).toEqual([[{ articles: 1 }], []]);
  });

  it('stops a listener when its unsubscribe is called, once or twice', () => {
    const pair = createIpcPair(null);
    const bridge = createPreloadBridge(pair.ipcRenderer);
    let requests = 0;
    const stop = bridge.onAddFolderRequested(() => requests++);
    const other = bridge.onAddFolderRequested(() => requests++);
    pair.send(channel('add-folder-requested'), null);
    stop();
    stop();
    pair.send(channel('add-folder-requested'), null);
    other();
    expect(requests).toBe(3);
    expect(pair.listenerCount(channel('add-folder-requested'))).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createPreloadBridge(echoRenderer());
    const loose = bridge as unknown as Record<string, (listener: unknown) => unknown>;
    expect(() => loose.onProgress!('not a function')).toThrow(TypeError);
    expect(() => loose.onAddFolderRequested!(null)).toThrow(TypeError);
  });

  it('gives the path of a dropped file, or null when it has none', () => {
    const paths = new Map<unknown, string>([['dropped', '/home/ada/notes']]);
    const bridge = createPreloadBridge(echoRenderer(), { getPathForFile: (file) => paths.get(file) ?? '' });
    expect(bridge.pathForFile?.('dropped' as unknown as File)).toBe('/home/ada/notes');
    expect(bridge.pathForFile?.('made in the page' as unknown as File)).toBeNull();
  });

  it('offers no pathForFile without webUtils', () => {
    expect(createPreloadBridge(echoRenderer()).pathForFile).toBeUndefined();
  });
});
