import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../../electron/api';
import { Searcher } from '../../../electron/engine/search/searcher';
import { makeArticle, memoryShard } from '../fixtures';

/** Articles that quote people, and one that only mentions them. */
function library(): Searcher {
  const searcher = new Searcher();
  searcher.setShard(
    's',
    memoryShard('s', [
      makeArticle(
        'talks',
        'Envoy returns from Beijing',
        'The envoy, Sung Kim, met reporters.\n\n"Denuclearization remains our goal," Kim said.',
        { source: 'Wire' },
      ),
      makeArticle(
        'mention',
        'Talks on denuclearization',
        'Sung Kim flew to Beijing for talks on denuclearization with officials.',
        { source: 'Wire' },
      ),
      makeArticle(
        'minister',
        'Minister on the talks',
        'The minister, Ana Ruiz, was asked about Kim.\n\n"The talks on nuclear weapons will go on," Ms Ruiz said.',
        { source: 'Ledger' },
      ),
    ]),
  );
  return searcher;
}

function search(searcher: Searcher, request: SearchRequest): SearchResponse {
  const result = searcher.search(request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const ids = (searcher: Searcher, query: string, request: Partial<SearchRequest> = {}) =>
  search(searcher, { query, ...request })
    .hits.map((hit) => hit.id)
    .sort();

describe('Searcher.search over quotations', () => {
  it('finds articles quoting a speaker with speaker:, not those that only name them', () => {
    const searcher = library();
    expect(ids(searcher, 'speaker:kim')).toEqual(['talks']);
    expect(ids(searcher, 'kim')).toEqual(['mention', 'minister', 'talks']);
  });

  it('finds words said inside quotations with quote:, phrases and wildcards included', () => {
    const searcher = library();
    expect(ids(searcher, 'quote:denuclearization')).toEqual(['talks']);
    expect(ids(searcher, 'quote:nuclear*')).toEqual(['minister']);
    expect(ids(searcher, 'quote:"nuclear weapons"')).toEqual(['minister']);
    expect(ids(searcher, 'quote:"talks on denuclearization"')).toEqual([]);
    expect(ids(searcher, '+speaker:ruiz +quote:talks')).toEqual(['minister']);
    expect(ids(searcher, '+speaker:"sung kim"')).toEqual(['talks']);
  });

  it('keeps searching title and body alone for words without a field', () => {
    expect(ids(library(), 'denuclearization')).toEqual(['mention', 'talks']);
  });

  it('marks the words of quote: in the body', () => {
    const [hit] = search(library(), { query: 'quote:goal' }).hits;
    const snippet = hit!.snippets[0]!;
    expect(snippet.highlights.map(([start, end]) => snippet.text.slice(start, end))).toEqual(['goal']);
  });

  it('marks the words of quote: only where they are said, not where the article narrates them', () => {
    const searcher = new Searcher();
    const body =
      'The goal of the talks was set in May.\n\n"Our goal is peace," said Ana Ruiz.\n\nCritics called the goal "a dream".';
    searcher.setShard('q', memoryShard('q', [makeArticle('goal', 'Talks', body)]));
    const opened = searcher.article('goal', 'quote:goal');
    if (!opened.ok) throw new Error(opened.error.message);
    const marked = opened.value.bodyHighlights.map(([start, end]) => [start, body.slice(start, end)]);
    expect(marked).toEqual([[body.indexOf('Our goal') + 4, 'goal']]);
    const both = searcher.article('goal', 'quote:goal goal');
    if (!both.ok) throw new Error(both.error.message);
    expect(both.value.bodyHighlights).toHaveLength(3);
  });

  it('filters by speaker and counts articles per speaker, the facet ignoring its own filter', () => {
    const searcher = library();
    const response = search(searcher, { query: 'kim', filters: { speakers: ['Ana Ruiz'] } });
    expect(response.hits.map((hit) => hit.id)).toEqual(['minister']);
    expect(response.facets.speakers).toEqual([
      { value: 'Ana Ruiz', count: 1 },
      { value: 'Sung Kim', count: 1 },
    ]);
  });

  it('names every field when a field is unknown', () => {
    const result = library().search({ query: 'said:kim' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/use title, body, speaker or quote/) as string },
    });
  });

  it('gives the reader the article’s quotations, offsets into its body', () => {
    const result = library().article('talks');
    if (!result.ok) throw new Error(result.error.message);
    const { body, quotations } = result.value;
    expect(quotations).toHaveLength(1);
    expect(quotations[0]).toMatchObject({ kind: 'direct', speaker: 'Sung Kim', cue: 'said' });
    expect(body.slice(quotations[0]!.start, quotations[0]!.end)).toBe('"Denuclearization remains our goal,"');
  });
});
