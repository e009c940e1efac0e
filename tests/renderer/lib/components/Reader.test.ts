import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Reader from '../../../../renderer/src/lib/components/Reader.svelte';
import { ReaderState } from '../../../../renderer/src/lib/state/reader.svelte';
import { FakeBridge } from '../../helpers/fake-bridge';

async function openReader() {
  const reader = new ReaderState(new FakeBridge());
  await reader.open('a1', 'budget');
  render(Reader, { props: { reader } });
  return reader;
}

function currentMarks(): string[] {
  return [...document.querySelectorAll('mark.current')].map((mark) => mark.textContent);
}

describe('Reader', () => {
  it('renders the blocks as paragraph, heading and quote with every hit marked', async () => {
    await openReader();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Budget plans unveiled');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Budget day.');
    expect(document.querySelector('.body p')).toHaveTextContent('The budget was cut.');
    expect(document.querySelector('blockquote')).toHaveTextContent('"A budget for growth," he said.');
    expect([...document.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Budget',
      'Budget',
      'budget',
      'budget',
    ]);
  });

  it('shows the metadata line', async () => {
    await openReader();
    expect(screen.getByText('BBC · Ana Reyes · 16 Mar 2005')).toBeInTheDocument();
    expect(screen.getByText('/home/ana/archive/bbc/a1.txt')).toBeInTheDocument();
    expect(screen.getByText('https://example.org/budget')).toBeInTheDocument();
  });

  it('counts the hits and makes the first one current', async () => {
    await openReader();
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
    expect(currentMarks()).toHaveLength(1);
    expect(document.querySelector('h1 mark')).toHaveClass('current');
  });

  it('steps through the hits with the buttons and wraps around', async () => {
    await openReader();
    const next = screen.getByRole('button', { name: 'Next hit' });
    const previous = screen.getByRole('button', { name: 'Previous hit' });
    await fireEvent.click(next);
    expect(screen.getByText('2 of 4')).toBeInTheDocument();
    expect(document.querySelector('h3 mark')).toHaveClass('current');
    await fireEvent.click(previous);
    await fireEvent.click(previous);
    expect(screen.getByText('4 of 4')).toBeInTheDocument();
    expect(document.querySelector('blockquote mark')).toHaveClass('current');
    await fireEvent.click(next);
    expect(screen.getByText('1 of 4')).toBeInTheDocument();
  });

  it('steps with F3 and back with Shift+F3 from anywhere in the window', async () => {
    await openReader();
    await fireEvent.keyDown(window, { key: 'F3' });
    await fireEvent.keyDown(document.body, { key: 'F3' });
    expect(screen.getByText('3 of 4')).toBeInTheDocument();
    expect(document.querySelector('.body p mark')).toHaveClass('current');
    await fireEvent.keyDown(document.body, { key: 'F3', shiftKey: true });
    expect(screen.getByText('2 of 4')).toBeInTheDocument();
  });

  it('scrolls the current hit to the middle of the pane where the browser can', async () => {
    const calls: { text: string | null; options: unknown }[] = [];
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      calls.push({ text: this.textContent, options });
    };
    try {
      const reader = await openReader();
      reader.next();
      reader.next();
      await fireEvent.keyDown(window, { key: 'F3' });
      expect(calls.at(-1)).toEqual({ text: 'budget', options: { block: 'center' } });
      expect((document.querySelector('mark.current') as HTMLElement).dataset.hit).toBe('3');
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('marks both halves of a hit that crosses blocks as one current hit', async () => {
    const bridge = new FakeBridge();
    const body = 'It ends here. Here it starts.';
    bridge.articleImpl = () =>
      Promise.resolve({
        ok: true,
        value: {
          id: 'x',
          path: '/x.txt',
          folder: '/',
          format: 'txt',
          title: 'X',
          date: null,
          source: null,
          author: null,
          url: null,
          tags: [],
          body,
          blocks: [
            { kind: 'paragraph', start: 0, end: 13 },
            { kind: 'paragraph', start: 14, end: body.length },
          ],
          titleHighlights: [],
          bodyHighlights: [[8, 18]],
          quotations: [],
        },
      });
    const reader = new ReaderState(bridge);
    await reader.open('x', 'here');
    render(Reader, { props: { reader } });
    expect(screen.getByText('1 of 1')).toBeInTheDocument();
    expect(currentMarks()).toEqual(['here.', 'Here']);
  });

  it('invites a choice when no article is open', () => {
    render(Reader, { props: { reader: new ReaderState(new FakeBridge()) } });
    expect(screen.getByText('Select a result to read it here.')).toBeInTheDocument();
  });
});
