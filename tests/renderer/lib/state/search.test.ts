import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result, SearchResponse } from '../../../../renderer/src/lib/api';
import { MAX_LIMIT, PAGE_SIZE, SearchState } from '../../../../renderer/src/lib/state/search.svelte';
import { FakeBridge, deferred, makeHit, makeResponse, makeStatus } from '../../helpers/fake-bridge';

function hits(count: number, from = 0) {
  return Array.from({ length: count }, (_, index) => makeHit(`h${from + index}`));
}

describe('SearchState', () => {
  let bridge: FakeBridge;
  let search: SearchState;

  beforeEach(() => {
    vi.useFakeTimers();
    bridge = new FakeBridge();
    search = new SearchState(bridge, 150);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('searches once, 150 ms after the typing stops', async () => {
    search.setQuery('b');
    search.setQuery('bu');
    await vi.advanceTimersByTimeAsync(100);
    search.setQuery('bud');
    await vi.advanceTimersByTimeAsync(149);
    expect(bridge.callsOf('search')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.callsOf('search')).toEqual([
      [{ query: 'bud', offset: 0, limit: PAGE_SIZE, sort: 'relevance' }],
    ]);
  });

  it('ignores an answer that arrives after a newer search was sent', async () => {
    const slow = deferred<Result<SearchResponse>>();
    const fast = deferred<Result<SearchResponse>>();
    bridge.searchImpl = (request) => (request.query === 'old' ? slow.promise : fast.promise);

    search.setQuery('old');
    await vi.advanceTimersByTimeAsync(150);
    search.setQuery('new');
    await vi.advanceTimersByTimeAsync(150);
    fast.resolve({ ok: true, value: makeResponse([makeHit('new-1')]) });
    await vi.advanceTimersByTimeAsync(0);
    slow.resolve({ ok: true, value: makeResponse([makeHit('old-1'), makeHit('old-2')]) });
    await vi.advanceTimersByTimeAsync(0);

    expect(search.hits.map((hit) => hit.id)).toEqual(['new-1']);
    expect(search.resultsQuery).toBe('new');
  });

  it('clears the results without searching when the query is emptied', async () => {
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse(hits(2)) });
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.hits).toHaveLength(2);
    search.setQuery('  ');
    await vi.advanceTimersByTimeAsync(500);
    expect(search.hits).toEqual([]);
    expect(bridge.callsOf('search')).toHaveLength(1);
  });

  it('keeps a syntax error with the query it belongs to and does not throw', async () => {
    bridge.searchImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'query-syntax', message: 'Expected a term', at: [6, 7] } });
    search.setQuery('title:');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.error).toEqual({ code: 'query-syntax', message: 'Expected a term', at: [6, 7] });
    expect(search.errorQuery).toBe('title:');
  });

  it('reports a transport failure as a message instead of throwing', async () => {
    bridge.searchImpl = () => Promise.reject(new Error('connection refused'));
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.failure).toBe('connection refused');
  });

  it('loads the next page from where the shown hits end', async () => {
    bridge.searchImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeResponse(hits(request.offset === 0 ? PAGE_SIZE : 10, request.offset), {
          total: PAGE_SIZE + 10,
        }),
      });
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.hasMore).toBe(true);
    await search.loadMore();
    expect(bridge.callsOf('search')[1]).toEqual([
      { query: 'tax', offset: PAGE_SIZE, limit: PAGE_SIZE, sort: 'relevance' },
    ]);
    expect(search.hits).toHaveLength(PAGE_SIZE + 10);
    expect(search.hasMore).toBe(false);
  });

  it('moves the selection within the results and stops at either end', async () => {
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse(hits(3)) });
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.selected).toBe(0);
    search.move(1);
    search.move(1);
    search.move(1);
    expect(search.selected).toBe(2);
    search.move(-5);
    expect(search.selected).toBe(0);
  });

  it('searches again at once with the new order when the sort changes', async () => {
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    search.setSort('date-desc');
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('search').at(-1)).toEqual([
      { query: 'tax', offset: 0, limit: PAGE_SIZE, sort: 'date-desc' },
    ]);
  });

  it('runs the search again when the library changes, keeping the selected hit', async () => {
    let round = 0;
    bridge.searchImpl = () => {
      round++;
      const found = round === 1 ? hits(3) : [makeHit('new'), ...hits(3)];
      return Promise.resolve({ ok: true, value: makeResponse(found) });
    };
    const stop = search.connect();
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    search.move(1);
    expect(search.selectedHit?.id).toBe('h1');

    bridge.emitLibrary(makeStatus());
    await vi.advanceTimersByTimeAsync(0);

    expect(bridge.callsOf('search')).toHaveLength(2);
    expect(search.hits).toHaveLength(4);
    expect(search.selectedHit?.id).toBe('h1');
    stop();
    expect(bridge.libraryListeners.size).toBe(0);
  });

  it('refreshes more hits than one call may ask for in several calls, keeping them all and the selection', async () => {
    const library = hits(1300);
    bridge.searchImpl = (request) => {
      const { offset = 0, limit = PAGE_SIZE } = request;
      // What the backend's argument check does with a limit above its maximum.
      if (limit > 1000) return Promise.reject(new Error('invalid arguments to search at 0.limit'));
      return Promise.resolve({
        ok: true,
        value: makeResponse(library.slice(offset, offset + limit), { total: library.length, offset }),
      });
    };
    const stop = search.connect();
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    while (search.hits.length < 1200) await search.loadMore();
    search.select(1150);
    const before = bridge.callsOf('search').length;

    bridge.emitLibrary(makeStatus());
    await vi.advanceTimersByTimeAsync(0);

    const refresh = bridge.callsOf('search').slice(before) as [{ offset: number; limit: number }][];
    expect(refresh.map(([request]) => [request.offset, request.limit])).toEqual([
      [0, MAX_LIMIT],
      [MAX_LIMIT, 1200 - MAX_LIMIT],
    ]);
    expect(search.failure).toBeNull();
    expect(search.hits.map((hit) => hit.id)).toEqual(library.slice(0, 1200).map((hit) => hit.id));
    expect(search.selectedHit?.id).toBe('h1150');
    expect(search.hasMore).toBe(true);
    await search.loadMore();
    expect(bridge.callsOf('search').at(-1)).toEqual([
      { query: 'tax', offset: 1200, limit: PAGE_SIZE, sort: 'relevance' },
    ]);
    stop();
  });

  it('flush runs a held-back search at once and waits for it', async () => {
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse(hits(1)) });
    search.setQuery('tax');
    await search.flush();
    expect(bridge.callsOf('search')).toHaveLength(1);
    expect(search.selectedHit?.id).toBe('h0');
    await vi.advanceTimersByTimeAsync(500);
    expect(bridge.callsOf('search')).toHaveLength(1);
  });

  it('keeps the facets of the answer and sends filters only once one is set', async () => {
    const facets = {
      sources: [{ value: 'BBC', count: 2 }],
      authors: [],
      speakers: [],
      folders: [],
      formats: [],
      years: [],
    };
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse(hits(2), { facets }) });
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    expect(search.facets).toEqual(facets);
    search.toggle('sources', 'BBC');
    search.setDates('2004', '');
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('search').at(-1)).toEqual([
      {
        query: 'tax',
        offset: 0,
        limit: PAGE_SIZE,
        sort: 'relevance',
        filters: { sources: ['BBC'], dateFrom: '2004' },
      },
    ]);
    expect(search.filtered).toBe(true);
  });

  it('fetches pages far down the list on their own and finds their hits by place', async () => {
    bridge.searchImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeResponse(hits(request.offset === 0 ? PAGE_SIZE : PAGE_SIZE, request.offset), {
          total: 10_000,
        }),
      });
    search.setQuery('tax');
    await vi.advanceTimersByTimeAsync(150);
    search.showRange(5000, 5010);
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('search').at(-1)?.[0]).toMatchObject({ offset: 5000, limit: PAGE_SIZE });
    expect(search.hitAt(5003)?.id).toBe('h5003');
    expect(search.hits).toHaveLength(PAGE_SIZE);
    search.select(5003);
    expect(search.selectedHit?.id).toBe('h5003');
  });
});
