import { describe, expect, it } from 'vitest';
import { rebuildParagraphs, type PdfLine } from '../../../electron/engine/ingest/pdf-layout';

const line = (text: string, y: number, page = 1, size = 11, x = 50): PdfLine => ({ text, x, y, size, page });

describe('rebuildParagraphs', () => {
  it('starts a paragraph where the spacing widens and joins the lines of one', () => {
    const lines = [line('One two', 700), line('three.', 686), line('Four five', 658), line('six.', 644)];
    expect(rebuildParagraphs([lines])).toEqual([
      { text: 'One two three.', page: 1 },
      { text: 'Four five six.', page: 1 },
    ]);
  });

  it('carries a sentence over a page break, keeping the page it started on', () => {
    const pages = [[line('It began on one page and', 700)], [line('ended on the next.', 700, 2)]];
    expect(rebuildParagraphs(pages)).toEqual([
      { text: 'It began on one page and ended on the next.', page: 1 },
    ]);
  });

  it('drops headers and footers that recur on the pages, set apart from the text', () => {
    const page = (n: number) => [
      line('Annual report 2019', 800, n, 9),
      line(`Body of page ${n} opens`, 700, n),
      line('and closes.', 686, n),
      line(`Page ${n} of 3`, 40, n, 9),
    ];
    expect(rebuildParagraphs([page(1), page(2), page(3)]).map((p) => p.text)).toEqual([
      'Body of page 1 opens and closes.',
      'Body of page 2 opens and closes.',
      'Body of page 3 opens and closes.',
    ]);
  });
});
