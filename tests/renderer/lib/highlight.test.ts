import { describe, expect, it } from 'vitest';
import { highlightText, layoutArticle, normalizeRanges } from '../../../renderer/src/lib/highlight';
import { makeArticle } from '../helpers/fake-bridge';

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
    const hits = layout.blocks.flatMap((block) => block.pieces.filter((piece) => piece.hit !== null));
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
    expect(layout.blocks.map((block) => block.pieces.filter((piece) => piece.hit === 0))).toEqual([
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
      { kind: 'paragraph', start: 0, end: 10, pieces: [{ text: 'Just text.', hit: null }] },
    ]);
  });
});
