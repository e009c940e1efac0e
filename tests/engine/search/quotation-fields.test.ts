import { describe, expect, it } from 'vitest';
import type { Range, SearchRequest, SearchResponse } from '../../../electron/api';
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

  it('reads a query from the Quotes view as it searched: words marked inside quotations only', () => {
    const searcher = new Searcher();
    const body =
      'The goal of the talks was set in May.\n\n"Our goal is peace," said Ana Ruiz.\n\nCritics called the goal "a dream".';
    searcher.setShard('q', memoryShard('q', [makeArticle('goal', 'Goal of the talks', body)]));
    const marked = (query: string, scope?: 'articles' | 'quotations') => {
      const opened = searcher.article('goal', query, scope);
      if (!opened.ok) throw new Error(opened.error.message);
      const { titleHighlights, bodyHighlights } = opened.value;
      return { title: titleHighlights, body: bodyHighlights.map(([start, end]) => body.slice(start, end)) };
    };
    expect(marked('goal')).toEqual({ title: [[0, 4]], body: ['goal', 'goal', 'goal'] });
    expect(marked('goal', 'articles')).toEqual(marked('goal'));
    expect(marked('goal', 'quotations')).toEqual({ title: [], body: ['goal'] });
    expect(marked('"our goal"', 'quotations')).toEqual({ title: [], body: ['Our goal'] });
    expect(marked('speaker:ruiz peace', 'quotations')).toEqual({ title: [], body: ['peace', 'Ana Ruiz'] });
    expect(marked('talks', 'quotations')).toEqual({ title: [], body: [] });
  });

  describe('speaker:', () => {
    const BRIEFING = [
      'Daniel Okafor, the fisheries minister, flew home on Friday after three days of talks in Skarvik.',
      '"We argued about every tonne of herring and every tonne of mackerel, and in the end every tonne was worth arguing about, because the boats will fish these waters for years," Mr Okafor said.',
      'Ingrid Lindqvist was more guarded. "Nobody gets everything," she said. "But our boats can plan."',
      'Okafor will report to parliament next week, and the Skarvik assembly will vote in the autumn on whether the islands accept the terms.',
    ].join('\n\n');

    function briefing(): Searcher {
      const searcher = new Searcher();
      searcher.setShard('b', memoryShard('b', [makeArticle('briefing', 'Fisheries talks end', BRIEFING)]));
      return searcher;
    }

    const marked = (searcher: Searcher, query: string) => {
      const opened = searcher.article('briefing', query);
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.value.bodyHighlights.map(([start, end]) => [start, BRIEFING.slice(start, end)]);
    };

    it('marks where the article gives words to the speaker: the mention the attribution rests on', () => {
      const searcher = briefing();
      expect(marked(searcher, 'speaker:okafor')).toEqual([[BRIEFING.indexOf('Mr Okafor'), 'Mr Okafor']]);
      // One mention attributes both parts she speaks; her name, said where she is not quoted, is not marked.
      expect(marked(searcher, 'speaker:lindqvist')).toEqual([[BRIEFING.indexOf('she said'), 'she']]);
      expect(marked(searcher, 'speaker:okafor speaker:lindqvist')).toHaveLength(2);
    });

    it('matches speakers as the query does: by the terms of their names, phrases and wildcards included', () => {
      const searcher = briefing();
      const okafor = [[BRIEFING.indexOf('Mr Okafor'), 'Mr Okafor']];
      expect(marked(searcher, 'speaker:daniel')).toEqual(okafor);
      expect(marked(searcher, 'speaker:"daniel okafor"')).toEqual(okafor);
      expect(marked(searcher, 'speaker:okaf*')).toEqual(okafor);
      expect(marked(searcher, 'speaker:"okafor daniel"')).toEqual([]);
      // A name without the field is a word of the text, marked wherever it is written.
      expect(marked(searcher, 'okafor')).toEqual([
        [BRIEFING.indexOf('Okafor'), 'Okafor'],
        [BRIEFING.indexOf('Okafor said'), 'Okafor'],
        [BRIEFING.lastIndexOf('Okafor'), 'Okafor'],
      ]);
    });

    it('cuts the snippet from the quotation the speaker’s mention attributes, the mention marked', () => {
      const [hit] = search(briefing(), { query: 'speaker:okafor' }).hits;
      const [snippet, ...others] = hit!.snippets;
      expect(others).toEqual([]);
      const [[start, end]] = snippet!.highlights as [Range];
      expect(snippet!.text.slice(start, end)).toBe('Mr Okafor');
      // A long quotation is shown up to its attribution, which stays in the snippet's first half.
      const quoted = snippet!.text.slice(2, start);
      expect(BRIEFING).toContain(`${quoted}Mr Okafor said`);
      expect(quoted).toMatch(/^mackerel, and in the end every tonne .*years," $/);
      expect(start).toBeLessThan(120);

      const [lindqvist] = search(briefing(), { query: 'speaker:lindqvist' }).hits;
      expect(lindqvist!.snippets[0]!.text).toMatch(
        /^… "Nobody gets everything," she said. "But our boats can plan."/,
      );
    });

    it('marks Sung Kim’s attribution for speaker:kim, not the places that only name him', () => {
      const [hit] = search(library(), { query: 'speaker:kim' }).hits;
      const snippet = hit!.snippets[0]!;
      const [[start, end]] = snippet.highlights as [Range];
      expect(snippet.text.slice(start, end)).toBe('Kim');
      expect(snippet.text.slice(start - 3, end + 5)).toBe('," Kim said');
    });
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
