import { describe, expect, it } from 'vitest';
import type { CitationStyle } from '../../../electron/api';
import { bibliographyEntries, cslItem, inTextCitation } from '../../../electron/engine/export/citations';

const budget = cslItem({
  title: 'Budget day',
  author: 'Jane Doe',
  source: 'The Ledger',
  date: '2019-03-04',
  url: 'https://example.org/budget',
  path: '/desk/budget.md',
});

const unsigned = cslItem({
  title: 'Chelsea sack Mutu',
  author: null,
  source: 'BBC News',
  date: '2004-10-29',
  url: null,
  path: '/bbc/sport/199.txt',
});

// Checked by hand against each manual's newspaper-article examples (APA 7, Chicago author-date, MLA 9).
const KNOWN: Record<CitationStyle, { entries: string[]; inText: string }> = {
  apa: {
    entries: [
      'Chelsea sack Mutu. (2004, October 29). BBC News.',
      'Doe, J. (2019, March 4). Budget day. The Ledger. https://example.org/budget',
    ],
    inText: '(Doe, 2019)',
  },
  chicago: {
    entries: [
      '“Chelsea Sack Mutu.” 2004. BBC News, October 29.',
      'Doe, Jane. 2019. “Budget Day.” The Ledger, March 4. https://example.org/budget.',
    ],
    inText: '(Doe 2019)',
  },
  mla: {
    entries: [
      '“Chelsea Sack Mutu.” BBC News, 29 Oct. 2004.',
      'Doe, Jane. “Budget Day.” The Ledger, 4 Mar. 2019, https://example.org/budget.',
    ],
    inText: '(Doe)',
  },
};

describe.each(Object.entries(KNOWN) as [CitationStyle, (typeof KNOWN)[CitationStyle]][])(
  'citations in %s',
  (style, known) => {
    it('formats the reference list as the style prescribes', () => {
      expect(bibliographyEntries([budget, unsigned], style)).toEqual(known.entries);
    });

    it('formats the in-text citation', () => {
      expect(inTextCitation(budget, style)).toBe(known.inText);
    });
  },
);

describe('cslItem', () => {
  it('reads "Family, Given", several authors and organisations', () => {
    const item = cslItem({
      title: 't',
      author: 'Doe, Jane and John Roe; Reuters staff',
      source: null,
      date: '2019',
      url: null,
      path: '/p',
    });
    expect(item.author).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Roe', given: 'John' },
      { literal: 'Reuters staff' },
    ]);
    expect(item.issued).toEqual({ 'date-parts': [[2019]] });
  });

  it('gives the same article the same id', () => {
    expect(budget.id).toBe(
      cslItem({
        ...{
          title: 'Budget day',
          author: null,
          source: null,
          date: null,
          url: null,
          path: '/desk/budget.md',
        },
      }).id,
    );
  });
});
