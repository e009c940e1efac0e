import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Reader from '../../../../renderer/src/lib/components/Reader.svelte';
import SaveQuotePopover from '../../../../renderer/src/lib/components/SaveQuotePopover.svelte';
import { CollectionsState } from '../../../../renderer/src/lib/state/collections.svelte';
import { ReaderState } from '../../../../renderer/src/lib/state/reader.svelte';
import { FakeBridge, makeArticle, makeCollection } from '../../helpers/fake-bridge';
import { selectText, textNodes } from '../../helpers/dom';

async function popover(bridge: FakeBridge, lastUsedId: string | null = null) {
  const collections = new CollectionsState(bridge);
  await collections.load();
  collections.lastUsedId = lastUsedId;
  const onclose = vi.fn();
  render(SaveQuotePopover, {
    props: { collections, articleId: 'a1', start: 13, end: 32, text: 'The budget was cut.', onclose },
  });
  return { collections, onclose };
}

describe('SaveQuotePopover', () => {
  it('names a new collection on the spot when there is none, and saves note, tags and speaker', async () => {
    const bridge = new FakeBridge();
    const { onclose } = await popover(bridge);
    expect(screen.getByText('The budget was cut.')).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Save quote' });
    expect(save).toBeDisabled();
    await fireEvent.input(screen.getByLabelText('New collection name'), { target: { value: 'Budget' } });
    await fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'the key line' } });
    await fireEvent.input(screen.getByLabelText('Tags'), { target: { value: 'money, cuts,' } });
    await fireEvent.input(screen.getByLabelText('Speaker'), { target: { value: 'The chancellor' } });
    await fireEvent.click(save);
    await waitFor(() => expect(onclose).toHaveBeenCalledWith(true));
    expect(bridge.callsOf('createCollection')).toEqual([['Budget']]);
    expect(bridge.callsOf('saveQuote')).toEqual([
      [
        {
          collectionId: 'c1',
          articleId: 'a1',
          start: 13,
          end: 32,
          note: 'the key line',
          tags: ['money', 'cuts'],
          speaker: 'The chancellor',
        },
      ],
    ]);
  });

  it('offers the collection used last and saves into the one chosen', async () => {
    const bridge = new FakeBridge();
    bridge.collections = [makeCollection('c1', 'Alpha'), makeCollection('c2', 'Beta')];
    const { onclose, collections } = await popover(bridge, 'c2');
    const select = screen.getByLabelText('Collection');
    expect(select).toHaveValue('c2');
    await fireEvent.change(select, { target: { value: 'c1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save quote' }));
    await waitFor(() => expect(onclose).toHaveBeenCalledWith(true));
    expect(bridge.callsOf('saveQuote')[0]).toEqual([
      expect.objectContaining({ collectionId: 'c1', speaker: null, tags: [] }),
    ]);
    expect(collections.notice).toBe('Saved to “Alpha”');
  });

  it('closes without saving on Escape', async () => {
    const bridge = new FakeBridge();
    const { onclose } = await popover(bridge);
    await fireEvent.keyDown(screen.getByRole('dialog', { name: 'Save quote' }), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledWith(false);
    expect(bridge.callsOf('saveQuote')).toEqual([]);
  });
});

describe('Reader saving a selection', () => {
  it('maps the selected words to body offsets and saves them with Ctrl+S', async () => {
    const bridge = new FakeBridge();
    bridge.collections = [makeCollection('c1', 'Budget')];
    const reader = new ReaderState(bridge);
    await reader.open('a1', '');
    const collections = new CollectionsState(bridge);
    await collections.load();
    render(Reader, { props: { reader, collections } });
    expect(screen.getByRole('button', { name: 'Save quote' })).toBeDisabled();

    // "budget was cut" in the second block, which starts at 13 in the body.
    const paragraph = document.querySelector('.body p')!;
    // Its text runs over three nodes: "The ", the hit "budget" and " was cut.".
    const nodes = textNodes(paragraph);
    expect(nodes.map((node) => node.textContent)).toEqual(['The ', 'budget', ' was cut.']);
    selectText(nodes[1]!, 0, nodes[2]!, 8);
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });

    const dialog = await screen.findByRole('dialog', { name: 'Save quote' });
    expect(dialog).toHaveTextContent('budget was cut');
    await fireEvent.click(screen.getAllByRole('button', { name: 'Save quote' }).at(-1)!);
    await waitFor(() => expect(bridge.callsOf('saveQuote')).toHaveLength(1));
    const [request] = bridge.callsOf('saveQuote')[0] as [{ start: number; end: number }];
    expect(makeArticle().body.slice(request.start, request.end)).toBe('budget was cut');
    expect(await screen.findByRole('status')).toHaveTextContent('Saved to “Budget”');
  });
});
