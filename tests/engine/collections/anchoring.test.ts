import { describe, expect, it } from 'vitest';
import type { SavedQuote } from '../../../electron/api';
import {
  anchorQuote,
  contextOf,
  type AnchorArticle,
  type ArticleFinder,
} from '../../../electron/engine/collections/anchoring';

const BODY =
  'The council met on Tuesday. “We will not close the library,” said the mayor. The vote was close. Later, “we will not close the library” was repeated by her deputy.';

function finder(...articles: AnchorArticle[]): ArticleFinder {
  return {
    byId: (id) => articles.find((article) => article.id === id),
    byHash: (hash) => articles.find((article) => article.hash === hash),
  };
}

function saved(body: string, start: number, end: number, overrides: Partial<SavedQuote> = {}): SavedQuote {
  return {
    id: 'q1',
    text: body.slice(start, end),
    ...contextOf(body, start, end),
    start,
    end,
    articleId: 'a1',
    contentHash: 'hash-1',
    citation: {
      title: 'Council',
      author: null,
      source: null,
      date: null,
      url: null,
      path: '/news/council.txt',
    },
    note: '',
    tags: [],
    speaker: null,
    savedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const article: AnchorArticle = { id: 'a1', path: '/news/council.txt', body: BODY, hash: 'hash-1' };
const start = BODY.indexOf('We will not');
const quote = saved(BODY, start, start + 'We will not close the library'.length);

describe('anchorQuote', () => {
  it('finds an unchanged quote exactly where it was saved', () => {
    expect(anchorQuote(quote, finder(article))).toEqual({
      status: 'exact',
      articleId: 'a1',
      start: quote.start,
      end: quote.end,
      currentText: null,
      message: null,
    });
  });

  it('follows a quote that moved when text was added before it', () => {
    const edited = { ...article, body: 'Update: corrected the date. ' + BODY, hash: 'hash-2' };
    const anchor = anchorQuote(quote, finder(edited));
    expect(anchor.status).toBe('moved');
    expect(edited.body.slice(anchor.start!, anchor.end!)).toBe(quote.text);
    expect(anchor.start).toBe(quote.start + 'Update: corrected the date. '.length);
  });

  it('tells a repeated passage apart by its context', () => {
    const later = BODY.indexOf('we will not close the library');
    const second = saved(BODY, later, later + 'we will not close the library'.length);
    const edited = { ...article, body: 'Note. ' + BODY };
    const anchor = anchorQuote(second, finder(edited));
    expect(anchor.start).toBe(later + 'Note. '.length);
  });

  it('re-anchors fuzzily near the old place when words were edited, and says what the source reads now', () => {
    const edited = {
      ...article,
      body: BODY.replace('We will not close the library', 'We will never close the library'),
    };
    const anchor = anchorQuote(quote, finder(edited));
    expect(anchor.status).toBe('fuzzy');
    expect(anchor.currentText).toBe('We will never close the library');
    expect(anchor.message).toContain('We will never close the library');
  });

  it('orphans a quote whose words are gone, keeping nothing but the saved text', () => {
    const edited = { ...article, body: 'The council met on Tuesday and adjourned without a statement.' };
    const anchor = anchorQuote(quote, finder(edited));
    expect(anchor).toMatchObject({ status: 'orphaned', articleId: 'a1', start: null, end: null });
    expect(anchor.message).toMatch(/no longer in the article/);
  });

  it('orphans a quote whose article left the library', () => {
    expect(anchorQuote(quote, finder()).status).toBe('orphaned');
    expect(anchorQuote(quote, finder()).message).toMatch(/no longer in the library/);
  });

  it('keeps a quote of a renamed file through its content hash', () => {
    const renamed = { ...article, id: 'a9', path: '/news/2024/council-meeting.txt' };
    const anchor = anchorQuote(quote, finder(renamed));
    expect(anchor).toMatchObject({ status: 'moved', articleId: 'a9', start: quote.start, end: quote.end });
    expect(anchor.message).toContain('/news/2024/council-meeting.txt');
  });
});

describe('contextOf', () => {
  it('takes up to 32 characters on each side', () => {
    expect(contextOf('abc', 1, 2)).toEqual({ prefix: 'a', suffix: 'c' });
    const { prefix, suffix } = contextOf('x'.repeat(100), 50, 51);
    expect([prefix.length, suffix.length]).toEqual([32, 32]);
  });
});
