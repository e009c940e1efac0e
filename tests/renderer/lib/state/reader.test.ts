import { describe, expect, it } from 'vitest';
import { ReaderState } from '../../../../renderer/src/lib/state/reader.svelte';
import { FakeBridge, makeArticle } from '../../helpers/fake-bridge';

describe('ReaderState', () => {
  it('opens an article with the query and starts at its first hit', async () => {
    const bridge = new FakeBridge();
    const reader = new ReaderState(bridge);
    await reader.open('a1', ' budget ');
    expect(bridge.callsOf('article')).toEqual([[{ id: 'a1', query: 'budget' }]]);
    expect(reader.article?.id).toBe('a1');
    expect(reader.hitCount).toBe(4);
    expect(reader.currentHit).toBe(0);
    expect(reader.shows('a1', 'budget')).toBe(true);
    expect(reader.shows('a1', 'tax')).toBe(false);
  });

  it('opens an article from the Quotes view with its query read as searching quotations', async () => {
    const bridge = new FakeBridge();
    const reader = new ReaderState(bridge);
    await reader.openAtQuotation('a1', 'budget', 12);
    expect(bridge.callsOf('article')).toEqual([[{ id: 'a1', query: 'budget', scope: 'quotations' }]]);
    expect(reader.pendingQuotation).toBe(12);
    // The main search's hits for the same words are other hits: the article is opened again for them.
    expect(reader.shows('a1', 'budget')).toBe(false);
    expect(reader.shows('a1', 'budget', 'quotations')).toBe(true);
    await reader.open('a1', 'budget');
    expect(bridge.callsOf('article').at(-1)).toEqual([{ id: 'a1', query: 'budget' }]);
    expect(reader.shows('a1', 'budget')).toBe(true);
  });

  it('steps through the hits and wraps around at both ends', async () => {
    const reader = new ReaderState(new FakeBridge());
    await reader.open('a1', 'budget');
    reader.previous();
    expect(reader.currentHit).toBe(3);
    reader.next();
    expect(reader.currentHit).toBe(0);
    reader.next();
    expect(reader.currentHit).toBe(1);
  });

  it('says so when the article is gone', async () => {
    const bridge = new FakeBridge();
    bridge.articleImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No article a9' } });
    const reader = new ReaderState(bridge);
    await reader.open('a9', '');
    expect(bridge.callsOf('article')).toEqual([[{ id: 'a9', query: undefined }]]);
    expect(reader.article).toBeNull();
    expect(reader.error).toMatch(/no longer in the library/);
  });

  it('keeps the article it has when a later request fails in transport', async () => {
    const bridge = new FakeBridge();
    const reader = new ReaderState(bridge);
    await reader.open('a1', 'budget');
    bridge.articleImpl = () => Promise.reject(new Error('socket closed'));
    await reader.open('a2', 'budget');
    expect(reader.article).toEqual(makeArticle());
    expect(reader.error).toBe('socket closed');
  });
});
