import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Reader from '../../../../renderer/src/lib/components/Reader.svelte';
import type { ArticleView } from '../../../../renderer/src/lib/api';
import { CollectionsState } from '../../../../renderer/src/lib/state/collections.svelte';
import { ReaderState } from '../../../../renderer/src/lib/state/reader.svelte';
import { FakeBridge, makeArticle, makeCollection, makeQuotation } from '../../helpers/fake-bridge';
import { selectText, textNodes } from '../../helpers/dom';

const TURN = 'MINISTER OKAFOR: We have agreed on the shape of one.';
const QUESTION = 'QUESTION: Critics call this "talks about talks." Is that fair?';
const SPLIT = '"We are open," she said, "to a deal on herring."';
const body = [TURN, QUESTION, SPLIT].join('\n\n');
const at = (text: string) => body.indexOf(text);
const block = (text: string) => ({
  kind: 'paragraph' as const,
  start: at(text),
  end: at(text) + text.length,
});

function briefing(overrides: Partial<ArticleView> = {}): ArticleView {
  const turn = at('We have');
  const question = at('Critics');
  const scare = at('"talks about');
  const open = at('"We are');
  const rest = at('"to a deal');
  return makeArticle({
    id: 'brief',
    title: 'Fisheries briefing',
    titleHighlights: [],
    body,
    blocks: [block(TURN), block(QUESTION), block(SPLIT)],
    bodyHighlights: [[at('herring'), at('herring') + 7]],
    quotations: [
      makeQuotation(body, turn, turn + 'We have agreed on the shape of one.'.length, {
        kind: 'transcript',
        speaker: 'Daniel Okafor',
        mention: { start: 0, end: 15, text: 'MINISTER OKAFOR' },
      }),
      makeQuotation(body, question, body.indexOf('fair?') + 5, {
        kind: 'transcript',
        speaker: 'unnamed questioner',
      }),
      makeQuotation(body, scare, scare + '"talks about talks."'.length, { kind: 'scare' }),
      makeQuotation(body, open, open + '"We are open,"'.length, { group: 1, cue: 'said' }),
      makeQuotation(body, rest, body.length, { group: 1, cue: 'said' }),
    ],
    ...overrides,
  });
}

async function openBriefing(withCollections = false) {
  const bridge = new FakeBridge();
  bridge.articleImpl = () => Promise.resolve({ ok: true, value: briefing() });
  bridge.collections = [makeCollection('c1', 'Fisheries')];
  const reader = new ReaderState(bridge);
  await reader.open('brief', 'herring');
  const collections = withCollections ? new CollectionsState(bridge) : undefined;
  await collections?.load();
  render(Reader, { props: { reader, collections } });
  return { bridge, reader };
}

const quotations = () => [...document.querySelectorAll<HTMLElement>('.quotation')];

describe('Reader with quotations', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('marks each quotation by kind, leaving the text as the body has it', async () => {
    await openBriefing();
    expect(
      quotations().map((each) => [each.className.split(' ').slice(0, 2).join(' '), each.textContent]),
    ).toEqual([
      ['quotation transcript', 'We have agreed on the shape of one.'],
      ['quotation transcript', 'Critics call this "talks about talks." Is that fair?'],
      ['quotation scare', '"talks about talks."'],
      ['quotation direct', '"We are open,"'],
      ['quotation direct', '"to a deal on herring."'],
    ]);
    const paragraphs = [...document.querySelectorAll('.body [data-start]')].map((each) => each.textContent);
    expect(paragraphs).toEqual([TURN, QUESTION, SPLIT]);
  });

  it('keeps search hits marked inside a quotation', async () => {
    await openBriefing();
    const hit = document.querySelector('.quotation.direct mark');
    expect(hit).toHaveTextContent('herring');
    expect(hit).toHaveClass('current');
  });

  it('names the speaker beside each attributed quotation and says quietly when nobody is named', async () => {
    await openBriefing();
    const labels = [...document.querySelectorAll<HTMLElement>('.labels .speaker')];
    expect(labels.map((label) => [label.textContent, label.classList.contains('unnamed')])).toEqual([
      ['Daniel Okafor', false],
      ['unnamed questioner', false],
      ['Speaker not named', true],
    ]);
    // The scare quotes get no label on screen, and the labels are not part of the text a selection counts.
    expect(document.querySelectorAll('.body [data-start] .speaker')).toHaveLength(0);
    const lead = document.getElementById(labels[0]!.id.replace('speaker-', 'quotation-'))!;
    expect(lead).toHaveAccessibleDescription('Daniel Okafor');
  });

  it('shows who spoke when a quotation is pointed at, and lights up every part of it', async () => {
    await openBriefing();
    const [, , , first, second] = quotations();
    await fireEvent.pointerOver(second!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Speaker not named Direct quotation');
    expect(first).toHaveClass('active');
    expect(second).toHaveClass('active');
    await fireEvent.pointerOver(quotations()[0]!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Daniel Okafor');
    expect(first).not.toHaveClass('active');
  });

  it('tells scare quotes apart as not attributed', async () => {
    await openBriefing();
    await fireEvent.pointerOver(quotations()[2]!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Scare quotes, not attributed');
  });

  it('lists the quotes of the article and jumps to one, focusing it and making it flash', async () => {
    vi.useFakeTimers();
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.textContent);
    };
    await openBriefing();
    await fireEvent.click(screen.getByRole('button', { name: /Quotes/ }));
    const list = screen.getByRole('navigation', { name: 'Quotes in this article' });
    const items = within(list).getAllByRole('button', { name: /^(?!Close)/ });
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual(
      [
        'Daniel Okafor Transcript turn We have agreed on the shape of one.',
        'unnamed questioner Transcript turn Critics call this "talks about talks." Is that fair?',
        'Scare quotes, not attributed talks about talks.',
        'Speaker not named We are open, … to a deal on herring.',
      ].map((text) => text.replace(/\s+/g, ' ')),
    );

    items[1]!.focus();
    await fireEvent.keyDown(items[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[2]);
    await fireEvent.keyDown(items[2]!, { key: 'End' });
    await fireEvent.click(document.activeElement!);
    const lead = quotations()[3]!;
    expect(document.activeElement).toBe(lead);
    expect(lead).toHaveClass('flash');
    expect(items[3]).toHaveAttribute('aria-current', 'location');
    expect(quotations()[4]).toHaveClass('flash');
    expect(scrolled.at(-1)).toBe('"We are open,"');
    expect(screen.getByRole('tooltip')).toHaveTextContent('Speaker not named');
    vi.advanceTimersByTime(2000);
    await waitFor(() => expect(lead).not.toHaveClass('flash'));
  });

  it('offers to save a clicked quotation, with all its parts and its speaker filled in', async () => {
    const { bridge } = await openBriefing(true);
    await fireEvent.click(quotations()[0]!);
    const card = screen.getByRole('dialog', { name: 'Quotation' });
    expect(card).toHaveTextContent('Daniel Okafor');
    expect(within(card).getByRole('button', { name: 'Save quote…' })).toHaveFocus();
    await fireEvent.click(within(card).getByRole('button', { name: 'Save quote…' }));

    const form = screen.getByRole('dialog', { name: 'Save quote' });
    expect(within(form).getByRole('textbox', { name: 'Speaker' })).toHaveValue('Daniel Okafor');
    expect(form).toHaveTextContent('We have agreed on the shape of one.');
    await fireEvent.click(within(form).getByRole('button', { name: 'Save quote' }));
    await waitFor(() => expect(bridge.callsOf('saveQuote')).toHaveLength(1));
    const turn = at('We have');
    expect(bridge.callsOf('saveQuote')[0]).toEqual([
      expect.objectContaining({
        collectionId: 'c1',
        articleId: 'brief',
        start: turn,
        end: turn + 35,
        speaker: 'Daniel Okafor',
      }),
    ]);
  });

  it('saves a quotation in two parts from its first mark to its last, keyboard only', async () => {
    const { bridge } = await openBriefing(true);
    const second = quotations()[4]!;
    second.focus();
    await fireEvent.keyDown(second, { key: 'Enter' });
    await fireEvent.click(screen.getByRole('button', { name: 'Save quote…' }));
    const form = screen.getByRole('dialog', { name: 'Save quote' });
    expect(within(form).getByRole('textbox', { name: 'Speaker' })).toHaveValue('');
    await fireEvent.submit(form.querySelector('form')!);
    await waitFor(() => expect(bridge.callsOf('saveQuote')).toHaveLength(1));
    const [request] = bridge.callsOf('saveQuote')[0] as [{ start: number; end: number }];
    expect(body.slice(request.start, request.end)).toBe(SPLIT);
  });

  it('closes the card on Escape and gives the focus back to the quotation', async () => {
    await openBriefing(true);
    const turn = quotations()[0]!;
    turn.focus();
    await fireEvent.keyDown(turn, { key: ' ' });
    await fireEvent.keyDown(screen.getByRole('dialog', { name: 'Quotation' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Quotation' })).toBeNull();
    expect(document.activeElement).toBe(turn);
  });

  it('saves a selection that starts inside a quotation and ends outside it at the right offsets', async () => {
    const { bridge } = await openBriefing(true);
    const paragraph = document.querySelectorAll('.body [data-start]')[1]!;
    const nodes = textNodes(paragraph);
    expect(nodes.map((node) => node.textContent)).toEqual([
      'QUESTION: ',
      'Critics call this ',
      '"talks about talks."',
      ' Is that fair?',
    ]);
    selectText(nodes[2]!, 1, nodes[3]!, 8);
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    const form = await screen.findByRole('dialog', { name: 'Save quote' });
    // Words inside one quotation take its speaker.
    expect(within(form).getByRole('textbox', { name: 'Speaker' })).toHaveValue('unnamed questioner');
    await fireEvent.submit(form.querySelector('form')!);
    await waitFor(() => expect(bridge.callsOf('saveQuote')).toHaveLength(1));
    const [request] = bridge.callsOf('saveQuote')[0] as [{ start: number; end: number }];
    expect(body.slice(request.start, request.end)).toBe('talks about talks." Is that');
  });

  it('opens at a quotation asked for by offset and makes the hit inside it current', async () => {
    const bridge = new FakeBridge();
    bridge.articleImpl = () =>
      Promise.resolve({
        ok: true,
        value: briefing({
          bodyHighlights: [
            [at('shape'), at('shape') + 5],
            [at('herring'), at('herring') + 7],
          ],
        }),
      });
    const reader = new ReaderState(bridge);
    render(Reader, { props: { reader } });
    await reader.openAtQuotation('brief', 'shape herring', at('"to a deal'));
    await waitFor(() => expect(document.activeElement).toBe(quotations()[3]));
    expect(bridge.callsOf('article')).toEqual([
      [{ id: 'brief', query: 'shape herring', scope: 'quotations' }],
    ]);
    expect(reader.currentHit).toBe(1);
    expect(reader.pendingQuotation).toBeNull();
  });
});

describe('Reader speaker labels', () => {
  const SIGNED =
    'Ingrid Lindqvist was satisfied. "Nobody gets everything," she said. "But our boats can plan." ' +
    'Daniel Okafor agreed: "It is fair." Later she added: "We are open," she said, "to more talks."';
  const quoted = (text: string) => [SIGNED.indexOf(text), SIGNED.indexOf(text) + text.length] as const;
  // Where each quotation (by its index) starts: the first three on the paragraph's first line.
  const FIRST_LINES = [0, 0, 0, 1, 1];

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function openSigned(margin = true) {
    const lindqvist = { speaker: 'Ingrid Lindqvist', cue: 'said' };
    const bridge = new FakeBridge();
    bridge.articleImpl = () =>
      Promise.resolve({
        ok: true,
        value: makeArticle({
          id: 'signed',
          body: SIGNED,
          blocks: [{ kind: 'paragraph', start: 0, end: SIGNED.length }],
          bodyHighlights: [],
          quotations: [
            makeQuotation(SIGNED, ...quoted('"Nobody gets everything,"'), lindqvist),
            makeQuotation(SIGNED, ...quoted('"But our boats can plan."'), lindqvist),
            makeQuotation(SIGNED, ...quoted('"It is fair."'), { speaker: 'Daniel Okafor' }),
            makeQuotation(SIGNED, ...quoted('"We are open,"'), { ...lindqvist, group: 1 }),
            makeQuotation(SIGNED, ...quoted('"to more talks."'), { ...lindqvist, group: 1 }),
          ],
        }),
      });
    // jsdom lays nothing out: the browser's answers are given here, each line 24px tall and (when wide) a margin.
    if (margin) {
      const style = window.getComputedStyle.bind(window);
      vi.spyOn(window, 'getComputedStyle').mockImplementation((element) =>
        element.classList.contains('labels')
          ? ({ position: 'absolute' } as CSSStyleDeclaration)
          : style(element),
      );
    }
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      const line = FIRST_LINES[Number(this.getAttribute('data-quote'))] ?? 0;
      return [{ top: line * 24, bottom: line * 24 + 20 }] as unknown as DOMRectList;
    });
    const reader = new ReaderState(bridge);
    await reader.open('signed', '');
    render(Reader, { props: { reader } });
  }

  const shown = () =>
    [...document.querySelectorAll<HTMLElement>('.labels .speaker')].filter(
      (label) => label.style.display !== 'none',
    );

  it('names a speaker once for quotations of theirs that start on the same line, and each other speaker', async () => {
    await openSigned();
    await waitFor(() => expect(shown()).toHaveLength(3));
    expect(shown().map((label) => [label.textContent, label.style.top])).toEqual([
      ['Ingrid Lindqvist', '0px'],
      ['Daniel Okafor', '2px'],
      ['Ingrid Lindqvist', '24px'],
    ]);
    // The quotation whose name is not said again is still described by it.
    expect(quotations()[1]).toHaveAccessibleDescription('Ingrid Lindqvist');
  });

  it('says each name once on the line above the paragraph when there is no margin', async () => {
    await openSigned(false);
    await waitFor(() => expect(shown()).toHaveLength(2));
    expect(shown().map((label) => [label.textContent, label.style.top])).toEqual([
      ['Ingrid Lindqvist', ''],
      ['Daniel Okafor', ''],
    ]);
  });

  it('lights the one label and every part of the quotation pointed at, for each quotation it names', async () => {
    await openSigned();
    await waitFor(() => expect(shown()).toHaveLength(3));
    const [first, second, , open, rest] = quotations();
    const [label] = shown();
    await fireEvent.pointerOver(second!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Ingrid Lindqvist');
    expect(second).toHaveClass('active');
    expect(first).not.toHaveClass('active');
    expect(label).toHaveClass('active');
    await fireEvent.pointerOver(first!);
    expect(label).toHaveClass('active');
    await fireEvent.pointerOver(rest!);
    expect(open).toHaveClass('active');
    expect(rest).toHaveClass('active');
    expect(label).not.toHaveClass('active');
    expect(shown()[2]).toHaveClass('active');
  });
});
