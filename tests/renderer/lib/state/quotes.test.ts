import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuoteSearchRequest } from '../../../../renderer/src/lib/api';
import { QUOTE_PAGE_SIZE, QuoteSearchState } from '../../../../renderer/src/lib/state/quotes.svelte';
import { FakeBridge, makeQuoteGroup, makeQuoteResponse, makeSighting } from '../../helpers/fake-bridge';

/** A library of `total` groups; the group at place i has i % 3 + 1 sightings. */
function library(bridge: FakeBridge, total: number) {
  bridge.searchQuotesImpl = (request: QuoteSearchRequest) => {
    const offset = request.offset ?? 0;
    const groups = Array.from(
      { length: Math.max(0, Math.min(request.limit ?? 50, total - offset)) },
      (_, i) => {
        const place = offset + i;
        return makeQuoteGroup(
          'Daniel Okafor',
          Array.from({ length: (place % 3) + 1 }, (_, k) => makeSighting(`a${place}-${k}`, `Words ${place}`)),
        );
      },
    );
    return Promise.resolve({
      ok: true,
      value: makeQuoteResponse(groups, { total, offset, query: request.query }),
    });
  };
}

describe('QuoteSearchState', () => {
  let bridge: FakeBridge;
  let quotes: QuoteSearchState;

  beforeEach(() => {
    vi.useFakeTimers();
    bridge = new FakeBridge();
    quotes = new QuoteSearchState(bridge, 150);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists every quotation of the library once, when the view is first shown', async () => {
    library(bridge, 3);
    quotes.start();
    quotes.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('searchQuotes')).toEqual([
      [
        {
          query: '',
          offset: 0,
          limit: QUOTE_PAGE_SIZE,
          sort: 'relevance',
          kinds: ['direct', 'transcript', 'block'],
        },
      ],
    ]);
    expect(quotes.total).toBe(3);
    expect(quotes.selected).toEqual({ group: 0, sighting: 0 });
    expect(quotes.answered).toBe(true);
  });

  it('searches once typing pauses, with the chosen speakers, kinds and order', async () => {
    library(bridge, 3);
    quotes.setQuery('herr');
    quotes.setQuery('herring');
    await vi.advanceTimersByTimeAsync(150);
    quotes.toggleSpeaker('Ingrid Lindqvist');
    quotes.toggleKind('scare');
    quotes.toggleKind('direct');
    quotes.setSort('date-asc');
    await vi.advanceTimersByTimeAsync(0);
    const calls = bridge.callsOf('searchQuotes');
    expect(calls[0]).toEqual([expect.objectContaining({ query: 'herring' })]);
    expect(calls.at(-1)).toEqual([
      {
        query: 'herring',
        offset: 0,
        limit: QUOTE_PAGE_SIZE,
        sort: 'date-asc',
        kinds: ['transcript', 'block', 'scare'],
        speakers: ['Ingrid Lindqvist'],
      },
    ]);
    expect(quotes.filtered).toBe(true);
    quotes.clearSpeakers();
    expect(quotes.speakers).toEqual([]);
  });

  it('keeps at least one kind, since no kinds would list nothing', async () => {
    quotes.toggleKind('direct');
    quotes.toggleKind('transcript');
    quotes.toggleKind('block');
    await vi.advanceTimersByTimeAsync(0);
    expect(quotes.kinds).toEqual(['block']);
  });

  it('keeps a query that does not parse apart from the groups it shows', async () => {
    library(bridge, 2);
    await quotes.run();
    bridge.searchQuotesImpl = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'query-syntax', message: 'unknown field "colour"', at: [0, 6] },
      });
    quotes.setQuery('colour:red');
    await vi.advanceTimersByTimeAsync(150);
    expect(quotes.error?.at).toEqual([0, 6]);
    expect(quotes.errorQuery).toBe('colour:red');
    expect(quotes.total).toBe(2);
  });

  it('says when the backend cannot be reached', async () => {
    bridge.searchQuotesImpl = () => Promise.reject(new Error('socket closed'));
    await quotes.run();
    expect(quotes.failure).toBe('socket closed');
    expect(quotes.loading).toBe(false);
  });

  it('fetches only the pages scrolled into view, however far down', async () => {
    library(bridge, 5000);
    await quotes.run();
    quotes.showRange(4010, 4030);
    quotes.showRange(4010, 4030);
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('searchQuotes').map(([request]) => (request as QuoteSearchRequest).offset)).toEqual(
      [0, 4000],
    );
    expect(quotes.groupAt(4012)?.sightings[0]?.quotation.text).toBe('Words 4012');
    expect(quotes.groupAt(3999)).toBeUndefined();
  });

  it('moves through groups and the sightings of expanded ones, and stops at the ends', async () => {
    library(bridge, 3);
    await quotes.run();
    quotes.move(-1);
    expect(quotes.selected).toEqual({ group: 0, sighting: 0 });
    quotes.move(1);
    expect(quotes.selected).toEqual({ group: 1, sighting: 0 });
    quotes.setExpanded(1, true);
    quotes.move(1);
    expect(quotes.selected).toEqual({ group: 1, sighting: 1 });
    expect(quotes.selectedSighting?.articleId).toBe('a1-1');
    quotes.move(1);
    quotes.move(1);
    quotes.move(1);
    expect(quotes.selected).toEqual({ group: 2, sighting: 0 });
    quotes.move(-1);
    expect(quotes.selected).toEqual({ group: 1, sighting: 1 });
    quotes.setExpanded(1, false);
    expect(quotes.selected).toEqual({ group: 1, sighting: 0 });
  });

  it('does not expand a quotation said only once', async () => {
    library(bridge, 1);
    await quotes.run();
    quotes.setExpanded(0, true);
    expect(quotes.expanded).toEqual({});
    expect(quotes.rowsOf(0)).toBe(1);
  });

  it('searches again when the library changes, once the view has been shown', async () => {
    library(bridge, 1);
    const stop = quotes.connect();
    bridge.emitLibrary(bridge.statusValue);
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('searchQuotes')).toHaveLength(0);
    quotes.start();
    bridge.emitLibrary(bridge.statusValue);
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('searchQuotes')).toHaveLength(2);
    stop();
  });
});
