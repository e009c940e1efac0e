import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import FilterPanel from '../../../../renderer/src/lib/components/FilterPanel.svelte';
import { SearchState } from '../../../../renderer/src/lib/state/search.svelte';
import { FakeBridge, makeHit, makeResponse } from '../../helpers/fake-bridge';

const FACETS = {
  sources: [
    { value: 'BBC', count: 120 },
    { value: 'Reuters', count: 30 },
  ],
  authors: [{ value: 'Jane Doe', count: 4 }],
  folders: [{ value: '/home/ana/archive', count: 150 }],
  formats: [
    { value: 'txt', count: 140 },
    { value: 'md', count: 10 },
  ],
  years: [
    { value: '2005', count: 100 },
    { value: '2004', count: 50 },
  ],
  speakers: [
    { value: 'Daniel Okafor', count: 7 },
    { value: 'Ingrid Lindqvist', count: 5 },
  ],
};

describe('FilterPanel', () => {
  let bridge: FakeBridge;
  let search: SearchState;

  beforeEach(async () => {
    bridge = new FakeBridge();
    search = new SearchState(bridge, 0);
    bridge.searchImpl = () =>
      Promise.resolve({ ok: true, value: makeResponse([makeHit('a')], { total: 150, facets: FACETS }) });
    search.setQuery('budget');
    await search.flush();
  });

  it('lists each facet’s values with their counts', () => {
    render(FilterPanel, { props: { search } });
    const sources = screen.getByRole('group', { name: 'Source' });
    expect(within(sources).getByLabelText(/BBC/)).not.toBeChecked();
    expect(sources).toHaveTextContent(/BBC\s*120/);
    expect(screen.getByRole('group', { name: 'Type' })).toHaveTextContent(/Plain text\s*140/);
    expect(screen.getByRole('group', { name: 'Folder' })).toHaveTextContent(/archive\s*150/);
    expect(screen.getByRole('button', { name: /2004/ })).toHaveTextContent(/2004\s*50/);
  });

  it('searches again with a source chosen, and with it taken away again', async () => {
    render(FilterPanel, { props: { search } });
    await fireEvent.click(screen.getByLabelText(/BBC/));
    expect(bridge.callsOf('search').at(-1)).toEqual([
      { query: 'budget', offset: 0, limit: 50, sort: 'relevance', filters: { sources: ['BBC'] } },
    ]);
    await fireEvent.click(screen.getByLabelText(/BBC/));
    expect(bridge.callsOf('search').at(-1)).toEqual([
      { query: 'budget', offset: 0, limit: 50, sort: 'relevance' },
    ]);
  });

  it('narrows to articles quoting a speaker, like an author', async () => {
    render(FilterPanel, { props: { search } });
    const speakers = screen.getByRole('group', { name: 'Speaker' });
    expect(speakers).toHaveTextContent(/Daniel Okafor\s*7/);
    await fireEvent.click(within(speakers).getByLabelText(/Ingrid Lindqvist/));
    expect(bridge.callsOf('search').at(-1)).toEqual([
      {
        query: 'budget',
        offset: 0,
        limit: 50,
        sort: 'relevance',
        filters: { speakers: ['Ingrid Lindqvist'] },
      },
    ]);
    expect(screen.getByRole('button', { name: 'Clear all' })).toBeInTheDocument();
  });

  it('limits the dates to a year when its button is pressed, and clears every filter at once', async () => {
    render(FilterPanel, { props: { search } });
    await fireEvent.click(screen.getByRole('button', { name: /2005/ }));
    expect(search.filters).toEqual({ dateFrom: '2005', dateTo: '2005' });
    expect(screen.getByRole('button', { name: /2005/ })).toHaveAttribute('aria-pressed', 'true');
    await fireEvent.click(screen.getByLabelText(/Jane Doe/));
    await fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(search.filters).toEqual({});
    expect(bridge.callsOf('search').at(-1)?.[0]).not.toHaveProperty('filters');
  });

  it('sets the date range from the date fields', async () => {
    render(FilterPanel, { props: { search } });
    await fireEvent.change(screen.getByLabelText('From'), { target: { value: '2005-02-01' } });
    await fireEvent.change(screen.getByLabelText('To'), { target: { value: '2005-03-31' } });
    expect(search.filters).toEqual({ dateFrom: '2005-02-01', dateTo: '2005-03-31' });
  });
});
