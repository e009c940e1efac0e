import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../../electron/api';
import { Searcher } from '../../../electron/engine/search/searcher';
import { makeArticle, memoryShard } from '../fixtures';

const DESK = [
  makeArticle('a', 'Budget day', 'The budget was set out.', {
    date: '2019-03-04',
    source: 'Ledger',
    author: 'Jane Doe',
  }),
  makeArticle('b', 'Budget row', 'A budget row broke out.', {
    date: '2019-11-20',
    source: 'Courier',
    author: 'Ann Lee',
  }),
  makeArticle('c', 'Old budget', 'An old budget resurfaced.', { date: '2004-01-02', source: 'Ledger' }),
  makeArticle('d', 'Budget notes', 'Notes on the budget.', { folder: '/notes', format: 'md' }),
  makeArticle('e', 'Fishing', 'Boats came back.', { date: '2019-05-05', source: 'Ledger' }),
];

function searcher(): Searcher {
  const s = new Searcher();
  s.setShard('s1', memoryShard('s1', DESK.slice(0, 2)));
  s.setShard('s2', memoryShard('s2', DESK.slice(2)));
  return s;
}

function run(request: SearchRequest): SearchResponse {
  const result = searcher().search({ limit: 100, ...request });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const ids = (response: SearchResponse) => response.hits.map((hit) => hit.id).sort();

describe('Searcher filters', () => {
  it('keeps the articles of the chosen sources, authors, folders and types', () => {
    expect(ids(run({ query: 'budget', filters: { sources: ['Ledger'] } }))).toEqual(['a', 'c']);
    expect(ids(run({ query: 'budget', filters: { sources: ['Ledger', 'Courier'] } }))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(run({ query: 'budget', filters: { authors: ['Ann Lee'] } }))).toEqual(['b']);
    expect(ids(run({ query: 'budget', filters: { folders: ['/notes'] } }))).toEqual(['d']);
    expect(ids(run({ query: 'budget', filters: { formats: ['txt'] } }))).toEqual(['a', 'b', 'c']);
  });

  it('keeps the articles dated within the range, bounds included, and leaves undated ones out', () => {
    expect(ids(run({ query: 'budget', filters: { dateFrom: '2019' } }))).toEqual(['a', 'b']);
    expect(ids(run({ query: 'budget', filters: { dateFrom: '2019-03-04', dateTo: '2019-03' } }))).toEqual([
      'a',
    ]);
    expect(ids(run({ query: 'budget', filters: { dateTo: '2004' } }))).toEqual(['c']);
  });

  it('counts the total after filtering, before paging', () => {
    const response = run({ query: 'budget', limit: 1, filters: { sources: ['Ledger'] } });
    expect(response.total).toBe(2);
    expect(response.hits).toHaveLength(1);
  });
});

describe('Searcher facets', () => {
  it('counts each value over the matching articles', () => {
    const { facets } = run({ query: 'budget' });
    expect(facets.sources).toEqual([
      { value: 'Ledger', count: 2 },
      { value: 'Courier', count: 1 },
    ]);
    expect(facets.authors).toEqual([
      { value: 'Ann Lee', count: 1 },
      { value: 'Jane Doe', count: 1 },
    ]);
    expect(facets.folders).toEqual([
      { value: '/library', count: 3 },
      { value: '/notes', count: 1 },
    ]);
    expect(facets.formats).toEqual([
      { value: 'txt', count: 3 },
      { value: 'md', count: 1 },
    ]);
    expect(facets.years).toEqual([
      { value: '2019', count: 2 },
      { value: '2004', count: 1 },
    ]);
  });

  it('counts a facet without its own filter, so the other values stay visible', () => {
    const { facets, total } = run({ query: 'budget', filters: { sources: ['Courier'], dateFrom: '2019' } });
    expect(total).toBe(1);
    // Sources: every 2019 budget article; years: every Courier one.
    expect(facets.sources).toEqual([
      { value: 'Courier', count: 1 },
      { value: 'Ledger', count: 1 },
    ]);
    expect(facets.years).toEqual([{ value: '2019', count: 1 }]);
    expect(facets.formats).toEqual([{ value: 'txt', count: 1 }]);
  });

  it('lists a chosen value even when nothing matching has it', () => {
    const { facets } = run({ query: 'budget', filters: { sources: ['Gazette'] } });
    expect(facets.sources).toContainEqual({ value: 'Gazette', count: 0 });
  });
});
