import { describe, expect, it, vi } from 'vitest';
import {
  createHttpBridge,
  takeToken,
  type EventSourceLike,
  type FetchLike,
} from '../../../renderer/src/lib/client';
import type { LibraryStatus } from '../../../renderer/src/lib/api';
import { makeStatus } from '../helpers/fake-bridge';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(type: string, data: unknown): void {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

describe('createHttpBridge', () => {
  it('posts each call with the bearer token and the arguments, and returns the result', async () => {
    const status = makeStatus();
    const fetchImpl = vi.fn<FetchLike>(() => Promise.resolve(jsonResponse(200, { result: status })));
    const bridge = createHttpBridge(fetchImpl, undefined, 's3cret');

    await expect(bridge.addFolder('/home/ana/archive')).resolves.toEqual(status);

    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/api/addFolder');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ args: ['/home/ana/archive'] });
  });

  it('sends the search request as its single argument', async () => {
    const fetchImpl = vi.fn<FetchLike>(() =>
      Promise.resolve(
        jsonResponse(200, { result: { ok: false, error: { code: 'query-syntax', message: 'x' } } }),
      ),
    );
    const bridge = createHttpBridge(fetchImpl, undefined, 't');
    const result = await bridge.search({ query: 'tax', limit: 50 });
    expect(result.ok).toBe(false);
    expect(JSON.parse(String(fetchImpl.mock.calls[0]?.[1].body))).toEqual({
      args: [{ query: 'tax', limit: 50 }],
    });
  });

  it('throws the error message of a non-2xx response', async () => {
    const fetchImpl: FetchLike = () => Promise.resolve(jsonResponse(401, { error: 'bad token' }));
    const bridge = createHttpBridge(fetchImpl, undefined, 'wrong');
    await expect(bridge.status()).rejects.toThrow('bad token');
  });

  it('throws with the status code when a failed response has no JSON body', async () => {
    const fetchImpl: FetchLike = () => Promise.resolve(new Response('oops', { status: 500 }));
    const bridge = createHttpBridge(fetchImpl, undefined, 't');
    await expect(bridge.status()).rejects.toThrow('HTTP 500');
  });

  it('answers pickFolder with null and offers no pathForFile', async () => {
    const fetchImpl = vi.fn<FetchLike>();
    const bridge = createHttpBridge(fetchImpl, undefined, 't');
    await expect(bridge.pickFolder()).resolves.toBeNull();
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(bridge.pathForFile).toBeUndefined();
    expect(bridge.transport).toBe('http');
  });

  it('opens one event stream with the token, delivers named events, and closes it after the last unsubscribe', () => {
    FakeEventSource.instances = [];
    const bridge = createHttpBridge(vi.fn<FetchLike>(), FakeEventSource, 'a b');
    const statuses: LibraryStatus[] = [];
    const progress: number[] = [];
    let requests = 0;

    const stopLibrary = bridge.onLibrary((status) => statuses.push(status));
    const stopProgress = bridge.onProgress((update) => progress.push(update.done));
    const stopRequests = bridge.onAddFolderRequested(() => requests++);

    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0];
    expect(source?.url).toBe('/api/events?token=a%20b');

    source?.emit('library', makeStatus({ articles: 7 }));
    source?.emit('progress', { phase: 'reading', done: 3, total: 9, rate: 1, etaSeconds: 6 });
    source?.emit('add-folder-requested', null);
    expect(statuses.map((status) => status.articles)).toEqual([7]);
    expect(progress).toEqual([3]);
    expect(requests).toBe(1);

    stopLibrary();
    source?.emit('library', makeStatus());
    expect(statuses).toHaveLength(1);

    stopProgress();
    expect(source?.closed).toBe(false);
    stopRequests();
    expect(source?.closed).toBe(true);
  });
});

describe('takeToken', () => {
  it('takes the token from the hash, keeps it for reloads and removes it from the address', () => {
    history.replaceState(null, '', '/app?x=1#token=abc123');
    expect(takeToken(location, history, sessionStorage)).toBe('abc123');
    expect(location.hash).toBe('');
    expect(location.pathname + location.search).toBe('/app?x=1');
    expect(sessionStorage.getItem('quarry.token')).toBe('abc123');

    expect(takeToken(location, history, sessionStorage)).toBe('abc123');
  });

  it('returns null when no token was ever given', () => {
    history.replaceState(null, '', '/');
    expect(takeToken(location, history, sessionStorage)).toBeNull();
  });
});
