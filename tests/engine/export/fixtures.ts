import type { CitationInfo, QuoteView } from '../../../electron/api';

/** Text with everything that breaks exporters: quotes of both kinds, ampersands, accents, commas, line breaks, emoji, markup. */
export const TRICKY = 'He said "no" & “yes”, café — naïve <b>*bold*</b> 50% #1 {x}_y\nSecond line 🎉, done.';

export const CITATION: CitationInfo = {
  title: 'The "river", the café & 🎉',
  author: 'José Ferreira-Lind',
  source: 'Meridian & Co, Review',
  date: '2016-08-02',
  url: 'https://example.org/river?a=1&b=2',
  path: '/archive/meridian/river, café.md',
};

export function quote(id: string, overrides: Partial<QuoteView> = {}): QuoteView {
  const text = overrides.text ?? TRICKY;
  return {
    id,
    text,
    prefix: 'Before, “',
    suffix: '” after',
    start: 120,
    end: 120 + text.length,
    articleId: 'a1',
    contentHash: 'f'.repeat(64),
    citation: CITATION,
    note: 'Note with "quotes", commas & a\nline break ✓',
    tags: ['water, rights', 'café'],
    speaker: 'Marguerite Osei',
    savedAt: '2026-01-02T03:04:05.000Z',
    anchor: {
      status: 'exact',
      articleId: 'a1',
      start: 120,
      end: 120 + text.length,
      currentText: null,
      message: null,
    },
    ...overrides,
  };
}

export const COLLECTION = {
  id: 'river-notes-abc123',
  name: 'River notes: “water” & rights',
  quoteCount: 2,
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-02T00:00:00.000Z',
};

export const NOW = new Date('2026-03-01T12:00:00Z');
