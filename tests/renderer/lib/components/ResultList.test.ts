import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest } from '../../../../renderer/src/lib/api';
import ResultList from '../../../../renderer/src/lib/components/ResultList.svelte';
import { SearchState } from '../../../../renderer/src/lib/state/search.svelte';
import { FakeBridge, makeHit, makeResponse } from '../../helpers/fake-bridge';

describe('ResultList', () => {
  let bridge: FakeBridge;
  let search: SearchState;

  beforeEach(async () => {
    bridge = new FakeBridge();
    search = new SearchState(bridge, 0);
    bridge.searchImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeResponse(
          request.offset === 0
            ? [
                makeHit('a', {
                  title: 'Budget plans unveiled',
                  titleHighlights: [[0, 6]],
                  folder: '/home/ana/archive',
                  path: '/home/ana/archive/bbc/business/a.txt',
                  source: 'BBC',
                  date: '2005-03-16',
                  snippets: [
                    {
                      text: '…said the budget would help families…',
                      highlights: [[10, 16]],
                    },
                  ],
                }),
                makeHit('b'),
                makeHit('c'),
              ]
            : [makeHit(`page-${request.offset ?? 0}`)],
          { total: 1234 },
        ),
      });
    search.setQuery('budget');
    await search.flush();
  });

  it('shows the total count with thousands separators', () => {
    render(ResultList, { props: { search, onopen: vi.fn() } });
    expect(screen.getByText('1,234 results')).toBeInTheDocument();
  });

  it('renders each hit with its title, source, date, folder and highlighted snippets', () => {
    render(ResultList, { props: { search, onopen: vi.fn() } });
    const first = screen.getAllByRole('option')[0];
    if (!first) throw new Error('no results rendered');
    const marks = [...first.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['Budget', 'budget']);
    expect(within(first).getByRole('heading')).toHaveTextContent('Budget plans unveiled');
    expect(first).toHaveTextContent('BBC');
    expect(first).toHaveTextContent('16 Mar 2005');
    expect(within(first).getByTitle('/home/ana/archive/bbc/business/a.txt')).toHaveTextContent(
      'archive/bbc/business',
    );
    expect(first).toHaveTextContent('…said the budget would help families…');
  });

  it('moves the selection with the arrow keys and opens it with Enter', async () => {
    const onopen = vi.fn();
    render(ResultList, { props: { search, onopen } });
    const list = screen.getByRole('listbox');
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(list).toHaveAttribute('aria-activedescendant', 'result-1');
    await fireEvent.keyDown(list, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('opens a result when it is clicked', async () => {
    const onopen = vi.fn();
    render(ResultList, { props: { search, onopen } });
    const third = screen.getAllByRole('option')[2];
    if (!third) throw new Error('no third result');
    await fireEvent.click(third);
    expect(onopen).toHaveBeenCalledExactlyOnceWith(2);
    expect(search.selected).toBe(2);
  });

  it('draws only the rows in view, placed by their row in the whole list', () => {
    render(ResultList, { props: { search, onopen: vi.fn() } });
    const list = screen.getByRole('listbox');
    expect(list.style.height).toBe(`${1234 * 124}px`);
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.getAttribute('aria-posinset'))).toEqual(['1', '2', '3']);
    expect(options[2]).toHaveAttribute('aria-setsize', '1234');
    expect(options[2]!.style.top).toBe('248px');
    // Rows not fetched yet are drawn as placeholders, and far fewer than the 1,234 hits.
    expect(list.querySelectorAll('li').length).toBeLessThan(30);
  });

  it('fetches the page in view when the list is scrolled far down at once', async () => {
    const { container } = render(ResultList, { props: { search, onopen: vi.fn() } });
    const scroller = container.querySelector('.scroller') as HTMLElement;
    scroller.scrollTop = 700 * 124;
    await fireEvent.scroll(scroller);
    const offsets = () => bridge.callsOf('search').map(([request]) => (request as SearchRequest).offset);
    await vi.waitFor(() => expect(offsets()).toEqual(expect.arrayContaining([650, 700])));
    // The pages between were never asked for.
    expect(offsets()).not.toContain(50);
    await vi.waitFor(() => expect(search.hitAt(650)?.id).toBe('page-650'));
  });

  it('says so when nothing matches', async () => {
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse([]) });
    search.setQuery('zzz');
    await search.flush();
    render(ResultList, { props: { search, onopen: vi.fn() } });
    expect(screen.getByText('0 results')).toBeInTheDocument();
    expect(screen.getByText(/Nothing matches/)).toBeInTheDocument();
  });
});
