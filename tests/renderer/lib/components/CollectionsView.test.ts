import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CollectionsView from '../../../../renderer/src/lib/components/CollectionsView.svelte';
import { CollectionsState } from '../../../../renderer/src/lib/state/collections.svelte';
import { FakeBridge, makeCollection, makeQuote } from '../../helpers/fake-bridge';

function setup() {
  const bridge = new FakeBridge('http');
  bridge.collections = [
    makeCollection('c1', 'Chapter one', [
      makeQuote('q1', { text: 'First words', tags: ['water'], speaker: 'Sung Kim' }),
      makeQuote('q2', { text: 'Second words', tags: ['courts'] }),
      makeQuote('q3', {
        text: 'Third words',
        anchor: {
          status: 'orphaned',
          articleId: null,
          start: null,
          end: null,
          currentText: null,
          message: 'The article is no longer in the library; the saved text is kept.',
        },
      }),
    ]),
    makeCollection('c2', 'Chapter two'),
  ];
  const collections = new CollectionsState(bridge);
  const onopensource = vi.fn();
  const writeClipboard = vi.fn(() => Promise.resolve());
  render(CollectionsView, { props: { collections, onopensource, writeClipboard } });
  return { bridge, collections, onopensource, writeClipboard };
}

async function openFirst() {
  await fireEvent.click(await screen.findByRole('button', { name: /Chapter one/ }));
  return screen.findByRole('list', { name: 'Quotes' });
}

function texts(): string[] {
  return [...document.querySelectorAll('.quotes blockquote')].map((quote) => quote.textContent ?? '');
}

describe('CollectionsView', () => {
  it('lists collections with their counts and shows an orphaned quote as such', async () => {
    setup();
    expect(await screen.findByRole('button', { name: 'Chapter one 3' })).toBeInTheDocument();
    await openFirst();
    expect(texts()).toEqual(['First words', 'Second words', 'Third words']);
    expect(screen.getByText('Orphaned')).toBeInTheDocument();
    expect(
      screen.getByText('The article is no longer in the library; the saved text is kept.'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Open source' })[2]).toBeDisabled();
  });

  it('creates a collection and opens it', async () => {
    const { bridge } = setup();
    await fireEvent.input(screen.getByLabelText('New collection name'), {
      target: { value: 'Chapter three' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(bridge.callsOf('createCollection')).toEqual([['Chapter three']]);
    expect(await screen.findByRole('heading', { name: 'Chapter three' })).toBeInTheDocument();
  });

  it('reorders with the keyboard and with drag and drop', async () => {
    const { bridge } = setup();
    await openFirst();
    const first = screen.getByRole('group', { name: /First words/ });
    await fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(texts()).toEqual(['Second words', 'First words', 'Third words']));
    expect(bridge.callsOf('reorderQuotes').at(-1)).toEqual(['c1', ['q2', 'q1', 'q3']]);

    const items = screen.getByRole('list', { name: 'Quotes' }).querySelectorAll(':scope > li');
    await fireEvent.dragStart(items[2]!);
    await fireEvent.dragOver(items[0]!);
    await fireEvent.drop(items[0]!);
    await waitFor(() => expect(texts()).toEqual(['Third words', 'Second words', 'First words']));
    expect(bridge.callsOf('reorderQuotes').at(-1)).toEqual(['c1', ['q3', 'q2', 'q1']]);
  });

  it('filters by tag and by speaker', async () => {
    setup();
    await openFirst();
    await fireEvent.change(screen.getByLabelText('Filter by tag'), { target: { value: 'courts' } });
    expect(texts()).toEqual(['Second words']);
    await fireEvent.change(screen.getByLabelText('Filter by tag'), { target: { value: null } });
    await fireEvent.change(screen.getByLabelText('Filter by speaker'), { target: { value: 'Sung Kim' } });
    expect(texts()).toEqual(['First words']);
  });

  it('edits a note and tags', async () => {
    const { bridge } = setup();
    await openFirst();
    const card = screen.getByRole('group', { name: /Second words/ });
    await fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    await fireEvent.input(within(card).getByLabelText('Note'), { target: { value: 'Use in the intro' } });
    await fireEvent.input(within(card).getByLabelText('Tags'), { target: { value: 'courts, intro' } });
    await fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    expect(bridge.callsOf('editQuote')).toEqual([
      [
        {
          collectionId: 'c1',
          quoteId: 'q2',
          note: 'Use in the intro',
          tags: ['courts', 'intro'],
          speaker: null,
        },
      ],
    ]);
    expect(await screen.findByText('Use in the intro')).toBeInTheDocument();
  });

  it('moves and copies ticked quotes to another collection', async () => {
    const { bridge } = setup();
    await openFirst();
    await fireEvent.click(screen.getAllByRole('checkbox', { name: 'Select this quote' })[0]!);
    await fireEvent.change(screen.getByLabelText('Target collection'), { target: { value: 'c2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(bridge.callsOf('transferQuotes')).toEqual([
      [{ from: 'c1', to: 'c2', quoteIds: ['q1'], mode: 'copy' }],
    ]);
    await fireEvent.change(screen.getByLabelText('Target collection'), { target: { value: 'c2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(texts()).toEqual(['Second words', 'Third words']));
    expect(screen.getByRole('button', { name: 'Chapter two 2' })).toBeInTheDocument();
  });

  it('deletes a collection and brings it back with Undo', async () => {
    const { bridge } = setup();
    await openFirst();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Deleted “Chapter one”.');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Chapter one/ })).toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: 'Chapter one' })).toBeInTheDocument();
    expect(bridge.callsOf('restoreCollection')).toEqual([['c1']]);
  });

  it('copies a quote with its citation and opens its source', async () => {
    const { writeClipboard, onopensource } = setup();
    await openFirst();
    await fireEvent.click(screen.getAllByRole('button', { name: 'Copy with citation' })[0]!);
    await waitFor(() => expect(writeClipboard).toHaveBeenCalledWith('“Quote” (Reyes, 2005)'));
    await fireEvent.click(screen.getAllByRole('button', { name: 'Open source' })[0]!);
    expect(onopensource).toHaveBeenCalledWith(expect.objectContaining({ id: 'q1' }));
  });

  it('exports from a dialog with a preview and the verbatim-check warnings', async () => {
    const { bridge } = setup();
    bridge.exported = {
      ...bridge.exported,
      content: '# Chapter one\n\n> First words\n',
      drift: [{ quoteId: 'q3', status: 'orphaned', message: 'Verbatim check: the article is gone.' }],
    };
    await openFirst();
    await fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getByLabelText('Preview')).toHaveTextContent('> First words'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Verbatim check: the article is gone.');
    await fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'csv' } });
    await fireEvent.change(within(dialog).getByLabelText('Citation style'), { target: { value: 'mla' } });
    await waitFor(() =>
      expect(bridge.callsOf('exportCollection').at(-1)).toEqual([
        { collectionId: 'c1', format: 'csv', style: 'mla' },
      ]),
    );
  });

  it('shows a collection file that cannot be read, with its line and column', async () => {
    const bridge = new FakeBridge('http');
    bridge.listCollections = () =>
      Promise.resolve({
        collections: [],
        problems: [{ file: '/data/collections/notes-1.json', message: 'not valid JSON', line: 4, column: 7 }],
      });
    render(CollectionsView, { props: { collections: new CollectionsState(bridge), onopensource: vi.fn() } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot read notes-1.json (line 4, column 7): not valid JSON. The file was left as it is.',
    );
  });
});
