import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import SearchBox from '../../../../renderer/src/lib/components/SearchBox.svelte';
import { SearchState } from '../../../../renderer/src/lib/state/search.svelte';
import { FakeBridge, makeHit, makeResponse } from '../../helpers/fake-bridge';

describe('SearchBox', () => {
  let bridge: FakeBridge;
  let search: SearchState;

  beforeEach(() => {
    vi.useFakeTimers();
    bridge = new FakeBridge();
    search = new SearchState(bridge, 150);
  });

  function renderBox(onenter = vi.fn()) {
    render(SearchBox, { props: { search, onenter } });
    return { input: screen.getByRole('searchbox', { name: 'Search' }), onenter };
  }

  it('searches once for what was typed after the typing pauses', async () => {
    const { input } = renderBox();
    for (const text of ['e', 'el', 'ele', 'elec']) await fireEvent.input(input, { target: { value: text } });
    expect(bridge.callsOf('search')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(bridge.callsOf('search')).toEqual([[{ query: 'elec', offset: 0, limit: 50, sort: 'relevance' }]]);
  });

  it('underlines exactly the characters the syntax error points at and shows its message', async () => {
    bridge.searchImpl = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'query-syntax', message: 'Unknown field “colour”', at: [7, 13] },
      });
    const { input } = renderBox();
    await fireEvent.input(input, { target: { value: 'budget colour:red' } });
    await vi.advanceTimersByTimeAsync(150);
    await tick();

    const mirror = screen.getByTestId('query-mirror');
    const squiggles = mirror.querySelectorAll('.squiggle');
    expect(squiggles).toHaveLength(1);
    expect(squiggles[0]?.textContent).toBe('colour');
    expect(mirror.textContent).toBe('budget colour:red');
    expect(screen.getByText('Unknown field “colour”')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Unknown field “colour”');
  });

  it('marks the spot when the error range is empty, as at the end of "title:"', async () => {
    bridge.searchImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'query-syntax', message: 'Expected a term', at: [6, 6] } });
    const { input } = renderBox();
    await fireEvent.input(input, { target: { value: 'title:' } });
    await vi.advanceTimersByTimeAsync(150);
    await tick();
    expect(screen.getByTestId('query-mirror').querySelector('.squiggle.at-point')).not.toBeNull();
  });

  it('drops the underline as soon as the query changes, before the next answer', async () => {
    bridge.searchImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'query-syntax', message: 'Bad', at: [0, 1] } });
    const { input } = renderBox();
    await fireEvent.input(input, { target: { value: '-' } });
    await vi.advanceTimersByTimeAsync(150);
    await tick();
    await fireEvent.input(input, { target: { value: '-x' } });
    expect(screen.getByTestId('query-mirror').querySelector('.squiggle')).toBeNull();
  });

  it('moves the result selection with the arrow keys and hands Enter to the caller', async () => {
    bridge.searchImpl = () =>
      Promise.resolve({ ok: true, value: makeResponse([makeHit('a'), makeHit('b'), makeHit('c')]) });
    const { input, onenter } = renderBox();
    await fireEvent.input(input, { target: { value: 'tax' } });
    await vi.advanceTimersByTimeAsync(150);

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(search.selectedHit?.id).toBe('b');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onenter).toHaveBeenCalledTimes(1);
  });

  it('brings focus back to the box on Esc, and clears it on a second Esc', async () => {
    const outside = document.body.appendChild(document.createElement('button'));
    const { input } = renderBox();
    await fireEvent.input(input, { target: { value: 'tax' } });
    outside.focus();

    await fireEvent.keyDown(outside, { key: 'Escape' });
    expect(input).toHaveFocus();
    expect(search.query).toBe('tax');

    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(search.query).toBe('');
    expect(input).toHaveValue('');
    outside.remove();
  });

  it('takes the focus on Ctrl+F', async () => {
    const { input } = renderBox();
    input.blur();
    await fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true });
    expect(input).toHaveFocus();
  });

  it('opens the syntax help from the "?" button', async () => {
    renderBox();
    await fireEvent.click(screen.getByRole('button', { name: 'Search syntax help' }));
    const help = screen.getByRole('region', { name: 'Search syntax' });
    for (const example of [
      '+climate +policy',
      'title:budget',
      'govern*',
      'recieve~1',
      'budget^3 tax',
      '"exact phrase"',
    ]) {
      expect(help).toHaveTextContent(example);
    }
  });
});
