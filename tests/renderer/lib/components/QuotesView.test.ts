import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import QuoteFilters from '../../../../renderer/src/lib/components/QuoteFilters.svelte';
import QuoteResults from '../../../../renderer/src/lib/components/QuoteResults.svelte';
import { QuoteSearchState } from '../../../../renderer/src/lib/state/quotes.svelte';
import { FakeBridge, makeQuoteGroup, makeQuoteResponse, makeSighting } from '../../helpers/fake-bridge';

const WORDS = '“Nobody gets everything in a negotiation like this.”';
const GROUPS = [
  makeQuoteGroup('Ingrid Lindqvist', [
    makeSighting('signed', WORDS, {
      title: 'Fisheries agreement signed',
      date: '2013-04-15',
      highlights: [[13, 23]],
      quotation: {
        ...makeSighting('x', WORDS).quotation,
        speaker: 'Ingrid Lindqvist',
        start: 950,
        end: 1002,
      },
    }),
    makeSighting('renewal', WORDS, {
      title: 'North Sound renewal',
      source: 'Meridian Review',
      date: '2022-01-27',
    }),
    makeSighting('profile', WORDS, {
      title: 'Lindqvist profile',
      source: 'Meridian Review',
      date: '2023-02-01',
    }),
  ]),
  makeQuoteGroup(null, [makeSighting('brief', '"Smaller by how much?"', { title: 'Briefing transcript' })]),
];

async function view(groups = GROUPS, speakers = [{ value: 'Ingrid Lindqvist', count: 3 }]) {
  const bridge = new FakeBridge();
  bridge.searchQuotesImpl = (request) =>
    Promise.resolve({ ok: true, value: makeQuoteResponse(groups, { query: request.query, speakers }) });
  const quotes = new QuoteSearchState(bridge, 0);
  await quotes.run();
  const onopen = vi.fn();
  render(QuoteResults, { props: { quotes, onopen } });
  return { bridge, quotes, onopen };
}

describe('QuoteResults', () => {
  it('shows each quotation with its speaker and where it was first said', async () => {
    await view();
    const tree = screen.getByRole('tree', { name: 'Quotations' });
    const [first, second] = within(tree).getAllByRole('treeitem');
    expect(first).toHaveTextContent(WORDS);
    expect(first).toHaveTextContent('Ingrid Lindqvist');
    expect(first).toHaveTextContent('First said in Fisheries agreement signed, Northline Wire, 15 Apr 2013');
    expect(first).toHaveTextContent('Also in 2 articles');
    expect(first).toHaveAttribute('aria-expanded', 'false');
    expect(first!.querySelector('mark')).toHaveTextContent('everything');
    expect(second).toHaveTextContent('Speaker not named');
    expect(second).toHaveTextContent('In Briefing transcript');
    expect(second).not.toHaveAttribute('aria-expanded');
    expect(screen.getByRole('status')).toHaveTextContent('2 quotations · quoted 4 times in all');
  });

  it('expands to the other articles and opens the one chosen', async () => {
    const { onopen } = await view();
    await fireEvent.click(screen.getByRole('button', { name: /Also in 2 articles/ }));
    const tree = screen.getByRole('tree', { name: 'Quotations' });
    expect(within(tree).getAllByRole('treeitem')[0]).toHaveAttribute('aria-expanded', 'true');
    const others = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"][aria-level="2"]')];
    expect(others.map((each) => each.textContent?.trim())).toEqual([
      'North Sound renewal Meridian Review, 27 Jan 2022',
      'Lindqvist profile Meridian Review, 1 Feb 2023',
    ]);
    await fireEvent.click(others[1]!);
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ articleId: 'profile' }));
  });

  it('walks the tree with the keyboard: down, right into the other articles, left back, Enter opens', async () => {
    const { quotes, onopen } = await view();
    const tree = screen.getByRole('tree', { name: 'Quotations' });
    expect(tree).toHaveAttribute('aria-activedescendant', 'quote-0-0');
    await fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(quotes.expanded).toEqual({ 0: true });
    await fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(tree).toHaveAttribute('aria-activedescendant', 'quote-0-2');
    expect(document.getElementById('quote-0-2')).toHaveAttribute('aria-selected', 'true');
    await fireEvent.keyDown(tree, { key: 'Enter' });
    expect(onopen).toHaveBeenLastCalledWith(expect.objectContaining({ articleId: 'profile' }));
    await fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    await fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(quotes.expanded).toEqual({});
    await fireEvent.keyDown(tree, { key: 'End' });
    expect(tree).toHaveAttribute('aria-activedescendant', 'quote-1-0');
    await fireEvent.keyDown(tree, { key: 'Home' });
    expect(tree).toHaveAttribute('aria-activedescendant', 'quote-0-0');
  });

  it('draws only the rows in view of a long list', async () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      makeQuoteGroup('Daniel Okafor', [makeSighting(`a${i}`, `Words ${i}`)]),
    );
    const bridge = new FakeBridge();
    bridge.searchQuotesImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeQuoteResponse(many, { total: 3000, offset: request.offset ?? 0 }),
      });
    const quotes = new QuoteSearchState(bridge, 0);
    await quotes.run();
    render(QuoteResults, { props: { quotes, onopen: vi.fn() } });
    const tree = screen.getByRole('tree', { name: 'Quotations' });
    expect(within(tree).getAllByRole('treeitem').length).toBeLessThan(20);
    expect(screen.getByRole('status')).toHaveTextContent('3,000 quotations');
  });

  it('says when nothing matches, and when the library has no quotations at all', async () => {
    const bridge = new FakeBridge();
    const quotes = new QuoteSearchState(bridge, 0);
    await quotes.run();
    render(QuoteResults, { props: { quotes, onopen: vi.fn() } });
    expect(screen.getByText(/No quotations found in the library yet/)).toBeInTheDocument();
    quotes.setQuery('herring');
    quotes.toggleSpeaker('Ingrid Lindqvist');
    await waitFor(() =>
      expect(
        screen.getByText(/No quotation matches “herring” by Ingrid Lindqvist with these filters/),
      ).toBeInTheDocument(),
    );
  });

  it('offers to try again when the backend failed', async () => {
    const bridge = new FakeBridge();
    bridge.searchQuotesImpl = () => Promise.reject(new Error('socket closed'));
    const quotes = new QuoteSearchState(bridge, 0);
    await quotes.run();
    render(QuoteResults, { props: { quotes, onopen: vi.fn() } });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not list the quotations: socket closed');
    bridge.searchQuotesImpl = () => Promise.resolve({ ok: true, value: makeQuoteResponse(GROUPS) });
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByRole('treeitem')).toHaveLength(2));
  });
});

describe('QuoteFilters', () => {
  it('filters by kind and by speaker with their counts', async () => {
    const { bridge, quotes } = await view();
    render(QuoteFilters, { props: { quotes } });
    const kinds = screen.getByRole('group', { name: 'Kind' });
    expect(within(kinds).getByLabelText('Scare quotes')).not.toBeChecked();
    await fireEvent.click(within(kinds).getByLabelText('Scare quotes'));
    const speakers = screen.getByRole('group', { name: 'Speaker' });
    expect(speakers).toHaveTextContent('Ingrid Lindqvist 3');
    await fireEvent.click(within(speakers).getByLabelText(/Ingrid Lindqvist/));
    await waitFor(() =>
      expect(bridge.callsOf('searchQuotes').at(-1)).toEqual([
        expect.objectContaining({
          kinds: ['direct', 'transcript', 'block', 'scare'],
          speakers: ['Ingrid Lindqvist'],
        }),
      ]),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'All speakers' }));
    expect(quotes.speakers).toEqual([]);
  });

  it('offers a box to find a speaker among many, accents aside', async () => {
    const names = ['Zoë Hartwell', ...Array.from({ length: 20 }, (_, i) => `Speaker ${i}`)];
    const { quotes } = await view(
      GROUPS,
      names.map((value, i) => ({ value, count: 30 - i })),
    );
    render(QuoteFilters, { props: { quotes } });
    const speakers = screen.getByRole('group', { name: 'Speaker' });
    expect(within(speakers).getAllByRole('checkbox')).toHaveLength(12);
    await fireEvent.input(within(speakers).getByRole('searchbox', { name: 'Find a speaker' }), {
      target: { value: 'zoe' },
    });
    expect(
      within(speakers)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent?.trim()),
    ).toEqual(['Zoë Hartwell 30']);
    await fireEvent.input(within(speakers).getByRole('searchbox', { name: 'Find a speaker' }), {
      target: { value: 'nobody' },
    });
    expect(speakers).toHaveTextContent('No speaker matches “nobody”.');
  });
});
