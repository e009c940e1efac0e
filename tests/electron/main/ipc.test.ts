import { describe, expect, it } from 'vitest';
import { CALLS, channel } from '../../../electron/api';
import type { IndexProgress, LibraryStatus } from '../../../electron/api';
import { appLocation, isOwnMainFrame } from '../../../electron/main/app-url';
import type { AppLocation } from '../../../electron/main/app-url';
import { bindIpc } from '../../../electron/main/ipc';
import { createPreloadBridge } from '../../../electron/preload/bridge';
import { ARTICLE, FakeBackend, QUOTES, SEARCH, STATUS } from '../fake-backend';
import { createIpcPair } from '../ipc-pair';

const INDEX = '/opt/Quarry/resources/app.asar/out/renderer/index.html';
const location: AppLocation = appLocation(undefined, INDEX);
const ownFrame = { url: `file://${INDEX}`, parent: null };

/** The real bridge over the real binding, joined by the in-memory pair. */
function connect(options: { picked?: string | null } = {}) {
  const pair = createIpcPair(ownFrame);
  const backend = new FakeBackend();
  const sent: { channel: string; payload: unknown }[] = [];
  const unbind = bindIpc(pair.ipcMain, backend, {
    pickFolder: () => Promise.resolve(options.picked ?? null),
    saveExport: () => Promise.resolve(null),
    isTrustedSender: (event) => isOwnMainFrame(event.senderFrame, location),
    send: (channelName, payload) => {
      sent.push({ channel: channelName, payload });
      pair.send(channelName, payload);
    },
  });
  const bridge = createPreloadBridge(pair.ipcRenderer);
  // What a page could do if it ignored the types: call with anything.
  const loose = bridge as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return { pair, backend, bridge, loose, unbind, sent };
}

describe('bindIpc', () => {
  it('registers one handler per call in the contract', () => {
    const { pair } = connect();
    expect(pair.handlerCount()).toBe(CALLS.length);
  });

  it('passes each named call to the backend with its arguments and returns its result', async () => {
    const { bridge, backend } = connect();

    expect(await bridge.status()).toEqual(STATUS);
    const added = await bridge.addFolder('/home/ada/clippings');
    expect(added.ok && added.value.folders.map((folder) => folder.path)).toContain('/home/ada/clippings');
    expect(await bridge.removeFolder('/nowhere')).toEqual({
      ok: false,
      error: { code: 'not-found', message: '/nowhere is not in the library' },
    });
    expect(await bridge.cancelIndexing()).toBeUndefined();
    expect(await bridge.retrySkipped()).toEqual({ ...STATUS, indexing: true });
    expect(await bridge.search({ query: 'granite', limit: 20, sort: 'date-desc' })).toEqual(SEARCH);
    expect(await bridge.searchQuotes({ query: 'stone', speakers: ['Ada Lowe'], kinds: ['direct'] })).toEqual(
      QUOTES,
    );
    expect(await bridge.article({ id: 'a1', query: 'stone' })).toEqual(ARTICLE);

    expect(backend.calls).toEqual([
      { name: 'status', args: [] },
      { name: 'addFolder', args: ['/home/ada/clippings'] },
      { name: 'removeFolder', args: ['/nowhere'] },
      { name: 'cancelIndexing', args: [] },
      { name: 'retrySkipped', args: [] },
      { name: 'search', args: [{ query: 'granite', limit: 20, sort: 'date-desc' }] },
      { name: 'searchQuotes', args: [{ query: 'stone', speakers: ['Ada Lowe'], kinds: ['direct'] }] },
      { name: 'article', args: [{ id: 'a1', query: 'stone' }] },
    ]);
  });

  it('answers pickFolder from the dialog function, not the backend', async () => {
    const { bridge, backend } = connect({ picked: '/home/ada/picked' });
    expect(await bridge.pickFolder()).toBe('/home/ada/picked');
    expect(backend.calls).toEqual([]);
  });

  it.each([
    ['search with a number', 'search', [42], /invalid arguments to search/],
    ['addFolder with an empty path', 'addFolder', [''], /invalid arguments to addFolder at 0/],
    ['status with an extra argument', 'status', ['surprise'], /invalid arguments to status/],
    ['search with an unknown field', 'search', [{ query: 'x', page: 2 }], /invalid arguments to search at 0/],
    ['article with no argument', 'article', [], /invalid arguments to article/],
    ['search with a negative offset', 'search', [{ query: 'x', offset: -1 }], /at 0\.offset/],
    [
      'a quote search of an unknown kind',
      'searchQuotes',
      [{ query: 'x', kinds: ['rumour'] }],
      /at 0\.kinds\.0/,
    ],
  ])('rejects %s with a clear message and never reaches the backend', async (_label, name, args, message) => {
    const { loose, backend } = connect();
    await expect(loose[name]!(...args)).rejects.toThrow(message);
    expect(backend.calls).toEqual([]);
  });

  it.each([
    ['an iframe inside the window', { url: `file://${INDEX}`, parent: { url: `file://${INDEX}` } }],
    ['another page', { url: 'https://example.com/', parent: null }],
    ['another file on disk', { url: 'file:///tmp/evil.html', parent: null }],
    ['a frame that has gone', null],
  ])('rejects a call from %s', async (_label, frame) => {
    const { pair, bridge, backend } = connect();
    pair.sender.frame = frame;
    await expect(bridge.status()).rejects.toThrow(/did not come from Quarry's own window/);
    expect(backend.calls).toEqual([]);
  });

  it('forwards backend events to the window on their channels', () => {
    const { backend, sent } = connect();
    const progress: IndexProgress = { phase: 'reading', done: 3, total: 10, rate: 30, etaSeconds: 1 };
    backend.emit('progress', progress);
    backend.emit('library', STATUS);
    expect(sent).toEqual([
      { channel: channel('progress'), payload: progress },
      { channel: channel('library'), payload: STATUS },
    ]);
  });

  it('removes every handler and subscription when unbound', async () => {
    const { pair, backend, bridge, unbind, sent } = connect();
    unbind();
    unbind();
    expect(pair.handlerCount()).toBe(0);
    expect(backend.listenerCount()).toBe(0);
    backend.emit('library', STATUS);
    expect(sent).toEqual([]);
    await expect(bridge.status()).rejects.toThrow(/No handler registered/);
  });

  it('passes a backend failure through as a rejection', async () => {
    const { bridge, backend } = connect();
    backend.status = () => Promise.reject(new Error('index file is corrupt'));
    await expect(bridge.status()).rejects.toThrow(/index file is corrupt/);
  });
});

describe('createPreloadBridge over bindIpc', () => {
  it('delivers progress and library events to their listeners until they unsubscribe', () => {
    const { backend, bridge } = connect();
    const progress: IndexProgress[] = [];
    const library: LibraryStatus[] = [];
    const stopProgress = bridge.onProgress((event) => progress.push(event));
    const stopLibrary = bridge.onLibrary((status) => library.push(status));

    const first: IndexProgress = { phase: 'scanning', done: 0, total: 0, rate: 0, etaSeconds: null };
    backend.emit('progress', first);
    backend.emit('library', STATUS);
    stopProgress();
    stopLibrary();
    backend.emit('progress', { ...first, phase: 'done' });
    backend.emit('library', { ...STATUS, articles: 99 });

    expect(progress).toEqual([first]);
    expect(library).toEqual([STATUS]);
  });
});
