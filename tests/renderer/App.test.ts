import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.svelte';
import { LibraryState } from '../../renderer/src/lib/state/library.svelte';
import { QuoteSearchState } from '../../renderer/src/lib/state/quotes.svelte';
import { ReaderState } from '../../renderer/src/lib/state/reader.svelte';
import { SearchState } from '../../renderer/src/lib/state/search.svelte';
import {
  FakeBridge,
  makeArticle,
  makeHit,
  makeQuotation,
  makeQuoteGroup,
  makeQuoteResponse,
  makeReport,
  makeResponse,
  makeSighting,
  makeStatus,
} from './helpers/fake-bridge';

function renderApp(bridge: FakeBridge) {
  const search = new SearchState(bridge, 0);
  const reader = new ReaderState(bridge);
  const quoteReader = new ReaderState(bridge);
  const quotes = new QuoteSearchState(bridge, 0);
  render(App, {
    props: { library: new LibraryState(bridge), search, reader, quoteReader, quotes },
  });
  return { search, reader, quoteReader, input: screen.getByRole('searchbox', { name: 'Search' }) };
}

describe('App', () => {
  it('explains how to begin when the library has no folders', async () => {
    const bridge = new FakeBridge('electron');
    bridge.statusValue = makeStatus({ folders: [], articles: 0 });
    bridge.pickedFolder = '/home/ana/archive';
    renderApp(bridge);

    expect(await screen.findByRole('heading', { name: 'Your library is empty' })).toBeInTheDocument();
    expect(screen.getByText(/drop a folder anywhere on this window/)).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'Add folder…' });
    expect(buttons).toHaveLength(2);
    await fireEvent.click(buttons[1] as HTMLElement);
    await waitFor(() => expect(bridge.callsOf('addFolder')).toEqual([['/home/ana/archive']]));
    expect(screen.queryByRole('heading', { name: 'Your library is empty' })).toBeNull();
  });

  it('shows a folder that cannot be read', async () => {
    const bridge = new FakeBridge();
    bridge.statusValue = makeStatus({
      folders: [{ path: '/mnt/usb/clippings', articles: 0, error: 'EACCES: permission denied' }],
      articles: 0,
    });
    renderApp(bridge);
    expect(await screen.findByRole('alert')).toHaveTextContent('EACCES: permission denied');
  });

  it('shows why adding a folder failed', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pickedFolder = '/home/ana/archive';
    bridge.addFolderImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'already-added', message: 'Already there' } });
    renderApp(bridge);
    await fireEvent.click(screen.getByRole('button', { name: 'Add folder…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“/home/ana/archive” is already in the library.',
    );
  });

  it('asks for a typed path in a browser and adds it', async () => {
    const bridge = new FakeBridge('http');
    renderApp(bridge);
    await fireEvent.click(screen.getByRole('button', { name: 'Add folder…' }));
    const field = screen.getByLabelText('Folder path');
    await fireEvent.input(field, { target: { value: '/srv/archive' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.callsOf('pickFolder')).toEqual([]);
    expect(bridge.callsOf('addFolder')).toEqual([['/srv/archive']]);
  });

  it('explains in a browser that a dropped folder needs the desktop app', async () => {
    const bridge = new FakeBridge('http');
    renderApp(bridge);
    const file = new File([], 'clips');
    await fireEvent.dragOver(window, { dataTransfer: { types: ['Files'], files: [file] } });
    await fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(await screen.findByRole('dialog', { name: 'Add a folder' })).toHaveTextContent(
      'Dropping a folder works in the desktop app only',
    );
  });

  it('adds a folder dropped on the desktop window by its path', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pathForFile = (file) => `/home/ana/${file.name}`;
    renderApp(bridge);
    const file = new File([], 'clips');
    await fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [file] } });
    await waitFor(() => expect(bridge.callsOf('addFolder')).toEqual([['/home/ana/clips']]));
  });

  it('runs the add-folder flow when the menu asks for it', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pickedFolder = '/p';
    renderApp(bridge);
    await waitFor(() => expect(bridge.addFolderListeners.size).toBe(1));
    bridge.emitAddFolderRequested();
    await waitFor(() => expect(bridge.callsOf('addFolder')).toEqual([['/p']]));
  });

  it('shows progress while indexing, then the summary, and searches again', async () => {
    const bridge = new FakeBridge();
    const { input } = renderApp(bridge);
    await fireEvent.input(input, { target: { value: 'tax' } });
    await waitFor(() => expect(bridge.callsOf('search')).toHaveLength(1));

    bridge.emitProgress({ phase: 'indexing', done: 10, total: 40, rate: 5, etaSeconds: 6 });
    expect(await screen.findByText('10 / 40 files')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsOf('cancelIndexing')).toHaveLength(1);

    bridge.emitLibrary(
      makeStatus({ lastReport: makeReport({ indexed: 40, articles: 43, cancelled: true }) }),
    );
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByText(/Indexed 40 articles/)).toBeInTheDocument();
    expect(screen.getByText('Indexing cancelled.')).toBeInTheDocument();
    await waitFor(() => expect(bridge.callsOf('search')).toHaveLength(2));
  });

  it('retries the skipped files from the summary', async () => {
    const bridge = new FakeBridge();
    bridge.statusValue = makeStatus({
      lastReport: makeReport({
        indexed: 2,
        skipped: [{ path: '/a/locked.pdf', reason: 'permission denied' }],
      }),
    });
    renderApp(bridge);
    await fireEvent.click(await screen.findByRole('button', { name: 'Retry skipped files' }));
    expect(bridge.callsOf('retrySkipped')).toHaveLength(1);
  });

  it('opens the selected result with Enter, then steps to its next hit with Enter', async () => {
    const bridge = new FakeBridge();
    bridge.searchImpl = () =>
      Promise.resolve({ ok: true, value: makeResponse([makeHit('a0'), makeHit('a1'), makeHit('a2')]) });
    const { input } = renderApp(bridge);
    await fireEvent.input(input, { target: { value: 'budget' } });
    expect(await screen.findAllByRole('option')).toHaveLength(3);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');

    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('1 of 4')).toBeInTheDocument();
    expect(bridge.callsOf('article')).toEqual([[{ id: 'a1', query: 'budget' }]]);

    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('2 of 4')).toBeInTheDocument();
    expect(bridge.callsOf('article')).toHaveLength(1);
  });

  it('shows the folders instead of results while the query is empty', async () => {
    const bridge = new FakeBridge();
    renderApp(bridge);
    expect(await screen.findByText('3 articles in 1 folder')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search 3 articles');
  });

  it('offers to search one article, not "1 articles"', async () => {
    const bridge = new FakeBridge();
    bridge.statusValue = makeStatus({
      folders: [{ path: '/home/ana/archive/bbc', articles: 1 }],
      articles: 1,
    });
    renderApp(bridge);
    expect(await screen.findByText('1 article in 1 folder')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search 1 article');
  });

  it('lists the quotations of the library in the Quotes view and opens one in the reader at its place', async () => {
    const bridge = new FakeBridge();
    const body = 'The minister spoke. "We have agreed on the shape of one," he said.';
    const start = body.indexOf('"We');
    const end = body.indexOf(' he said') - 1;
    const quotation = makeQuotation(body, start, end, { speaker: 'Daniel Okafor', cue: 'said' });
    bridge.searchQuotesImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeQuoteResponse(
          [makeQuoteGroup('Daniel Okafor', [makeSighting('brief', quotation.text, { quotation })])],
          {
            query: request.query,
            speakers: [{ value: 'Daniel Okafor', count: 1 }],
          },
        ),
      });
    bridge.articleImpl = () =>
      Promise.resolve({
        ok: true,
        value: makeArticle({
          id: 'brief',
          body,
          blocks: [{ kind: 'paragraph', start: 0, end: body.length }],
          bodyHighlights: [[body.indexOf('shape'), body.indexOf('shape') + 5]],
          quotations: [quotation],
        }),
      });
    const { quoteReader } = renderApp(bridge);
    await fireEvent.click(screen.getByRole('button', { name: 'Quotes' }));
    expect(await screen.findByRole('tree', { name: 'Quotations' })).toHaveTextContent('Daniel Okafor');
    expect(screen.getByRole('complementary', { name: 'Quotation filters' })).toBeInTheDocument();

    const box = screen.getByRole('searchbox', { name: 'Search quotations' });
    await fireEvent.input(box, { target: { value: 'shape' } });
    await waitFor(() =>
      expect(bridge.callsOf('searchQuotes').at(-1)).toEqual([expect.objectContaining({ query: 'shape' })]),
    );
    await fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(quoteReader.article?.id).toBe('brief'));
    // The reader marks what the Quotes view searched: the query's words inside quotations.
    expect(bridge.callsOf('article').at(-1)).toEqual([{ id: 'brief', query: 'shape', scope: 'quotations' }]);
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent('"We have agreed on the shape of one,"'),
    );
    expect(document.querySelector('.labels .speaker')).toHaveTextContent('Daniel Okafor');
  });

  it('keeps the article each view opened: the Quotes view starts empty, and Search shows its own again', async () => {
    const bridge = new FakeBridge();
    bridge.searchImpl = () => Promise.resolve({ ok: true, value: makeResponse([makeHit('a1')]) });
    const body = '"We will not move," said Daniel Okafor.';
    const quotation = makeQuotation(body, 0, body.indexOf(' said'), {
      speaker: 'Daniel Okafor',
      cue: 'said',
    });
    bridge.searchQuotesImpl = (request) =>
      Promise.resolve({
        ok: true,
        value: makeQuoteResponse(
          [makeQuoteGroup('Daniel Okafor', [makeSighting('brief', quotation.text, { quotation })])],
          { query: request.query },
        ),
      });
    bridge.articleImpl = ({ id }) =>
      Promise.resolve({
        ok: true,
        value:
          id === 'brief'
            ? makeArticle({
                id,
                title: 'Harbour talks stall',
                body,
                blocks: [{ kind: 'paragraph', start: 0, end: body.length }],
                quotations: [quotation],
              })
            : makeArticle({ id }),
      });
    const { input, reader, quoteReader } = renderApp(bridge);
    await fireEvent.input(input, { target: { value: 'budget' } });
    await screen.findAllByRole('option');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Budget plans unveiled' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Quotes' }));
    expect(await screen.findByText('Select a quotation to read it in its article.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Budget plans unveiled' })).not.toBeInTheDocument();
    await screen.findByRole('tree', { name: 'Quotations' });
    await fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search quotations' }), { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Harbour talks stall' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('heading', { name: 'Budget plans unveiled' })).toBeInTheDocument();
    expect(reader.article?.id).toBe('a1');
    expect(quoteReader.article?.id).toBe('brief');
  });
});
