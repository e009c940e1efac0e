import { describe, expect, it } from 'vitest';
import {
  highlightText,
  isQuoteSegment,
  layoutArticle,
  leaves,
  normalizeRanges,
  type LayoutNode,
} from '../../../renderer/src/lib/highlight';
import { makeArticle, makeQuotation } from '../helpers/fake-bridge';

describe('normalizeRanges', () => {
  it('clamps, sorts, drops empty ranges and merges overlapping ones', () => {
    expect(
      normalizeRanges(
        [
          [8, 12],
          [-3, 2],
          [5, 5],
          [1, 4],
          [10, 40],
        ],
        20,
      ),
    ).toEqual([
      [0, 4],
      [8, 20],
    ]);
  });

  it('keeps ranges that only touch apart', () => {
    expect(
      normalizeRanges(
        [
          [0, 3],
          [3, 6],
        ],
        10,
      ),
    ).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });
});

describe('highlightText', () => {
  it('cuts text into plain and numbered hit pieces', () => {
    expect(
      highlightText('the budget and the tax', [
        [4, 10],
        [19, 22],
      ]),
    ).toEqual([
      { text: 'the ', hit: null },
      { text: 'budget', hit: 0 },
      { text: ' and the ', hit: null },
      { text: 'tax', hit: 1 },
    ]);
  });
});

describe('layoutArticle', () => {
  it('numbers the title hits first and the body hits after them', () => {
    const layout = layoutArticle(makeArticle());
    expect(layout.hitCount).toBe(4);
    expect(layout.title[0]).toEqual({ text: 'Budget', hit: 0 });
    const hits = layout.blocks.flatMap((block) => leaves(block.nodes).filter((piece) => piece.hit !== null));
    expect(hits.map((piece) => [piece.text, piece.hit])).toEqual([
      ['Budget', 1],
      ['budget', 2],
      ['budget', 3],
    ]);
  });

  it('splits a hit that crosses a block boundary into one piece per block under one number', () => {
    const body = 'First block ends here. Second starts.';
    const layout = layoutArticle(
      makeArticle({
        title: 'T',
        titleHighlights: [],
        body,
        blocks: [
          { kind: 'paragraph', start: 0, end: 22 },
          { kind: 'paragraph', start: 23, end: body.length },
        ],
        bodyHighlights: [[17, 29]],
      }),
    );
    expect(layout.hitCount).toBe(1);
    expect(layout.blocks.map((block) => leaves(block.nodes).filter((piece) => piece.hit === 0))).toEqual([
      [{ text: 'here.', hit: 0 }],
      [{ text: 'Second', hit: 0 }],
    ]);
  });

  it('does not count hits that fall between blocks', () => {
    const layout = layoutArticle(
      makeArticle({
        titleHighlights: [],
        body: 'One.\n\nTwo.',
        blocks: [
          { kind: 'paragraph', start: 0, end: 4 },
          { kind: 'paragraph', start: 6, end: 10 },
        ],
        bodyHighlights: [
          [4, 6],
          [6, 9],
        ],
      }),
    );
    expect(layout.hitCount).toBe(1);
  });

  it('shows the whole body as one paragraph when the article has no blocks', () => {
    const layout = layoutArticle(makeArticle({ body: 'Just text.', blocks: [], bodyHighlights: [] }));
    expect(layout.blocks).toEqual([
      { kind: 'paragraph', start: 0, end: 10, nodes: [{ text: 'Just text.', hit: null }], opens: [] },
    ]);
  });
});

/** The nodes as nested arrays: quotations as [index, ...children], hits as {hit: text}, plain text as text. */
function shape(nodes: readonly LayoutNode[]): unknown[] {
  return nodes.map((node) =>
    isQuoteSegment(node)
      ? [node.quote, ...shape(node.children)]
      : node.hit === null
        ? node.text
        : { [node.hit]: node.text },
  );
}

describe('layoutArticle with quotations', () => {
  const body = 'He said “we are open to talks about talks” and left.';
  const article = (quotations: ReturnType<typeof makeQuotation>[], bodyHighlights: [number, number][] = []) =>
    makeArticle({
      title: 'T',
      titleHighlights: [],
      body,
      blocks: [{ kind: 'paragraph', start: 0, end: body.length }],
      bodyHighlights,
      quotations,
    });

  it('wraps each quotation around its words and keeps the hits marked inside it', () => {
    const layout = layoutArticle(article([makeQuotation(body, 8, 42, { speaker: 'Ana Ruiz' })], [[16, 20]]));
    const [block] = layout.blocks;
    expect(shape(block!.nodes)).toEqual([
      'He said ',
      [0, '“we are ', { 0: 'open' }, ' to talks about talks”'],
      ' and left.',
    ]);
    expect(
      leaves(block!.nodes)
        .map((piece) => piece.text)
        .join(''),
    ).toBe(body);
    expect(block!.opens.map((group) => group.speaker)).toEqual(['Ana Ruiz']);
  });

  it('nests a quotation inside another and cuts one that only half overlaps', () => {
    const layout = layoutArticle(
      article([
        makeQuotation(body, 8, 42),
        makeQuotation(body, 24, 41, { kind: 'scare' }),
        makeQuotation(body, 36, 46),
      ]),
    );
    expect(shape(layout.blocks[0]!.nodes)).toEqual([
      'He said ',
      [0, '“we are open to ', [1, 'talks about ', [2, 'talks']], [2, '”']],
      [2, ' and'],
      ' left.',
    ]);
    const leads = (nodes: readonly LayoutNode[]): [number, boolean][] =>
      nodes.flatMap((node) =>
        isQuoteSegment(node) ? [[node.quote, node.lead] as [number, boolean], ...leads(node.children)] : [],
      );
    expect(leads(layout.blocks[0]!.nodes)).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [2, false],
      [2, false],
    ]);
  });

  it('lets a hit cross a quotation edge as one numbered hit in several marks', () => {
    const layout = layoutArticle(article([makeQuotation(body, 8, 42)], [[3, 12]]));
    expect(shape(layout.blocks[0]!.nodes)).toEqual([
      'He ',
      { 0: 'said ' },
      [0, { 0: '“we ' }, 'are open to talks about talks”'],
      ' and left.',
    ]);
    expect(layout.hitCount).toBe(1);
  });

  it('names a quotation in two parts once, in the block where it begins', () => {
    const text = '“We are open,” she said.\n\n“To dialogue.”';
    const layout = layoutArticle(
      makeArticle({
        body: text,
        blocks: [
          { kind: 'paragraph', start: 0, end: 24 },
          { kind: 'paragraph', start: 26, end: text.length },
        ],
        bodyHighlights: [],
        quotations: [
          makeQuotation(text, 0, 14, { group: 4, speaker: 'Ingrid Lindqvist' }),
          makeQuotation(text, 26, text.length, { group: 4, speaker: 'Ingrid Lindqvist' }),
        ],
      }),
    );
    expect(layout.quotations).toHaveLength(1);
    expect(layout.blocks.map((block) => block.opens.map((group) => group.key))).toEqual([['g4'], []]);
    const second = layout.blocks[1]!.nodes[0];
    expect(second && isQuoteSegment(second) && { group: second.group, lead: second.lead }).toEqual({
      group: 'g4',
      lead: false,
    });
  });
});
