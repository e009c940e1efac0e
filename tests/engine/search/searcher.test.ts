import lunr from 'lunr';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Range, SearchRequest, SearchResponse } from '../../../electron/api';
import type { Article } from '../../../electron/engine/ingest/article';
import { Searcher } from '../../../electron/engine/search/searcher';
import { wordsOf } from '../../../electron/engine/search/words';
import { makeArticle, memoryShard } from '../fixtures';

// A pass-through spy, so a test can count how often an article's text is split into words.
vi.mock('../../../electron/engine/search/words', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/engine/search/words')>();
  return { ...original, wordsOf: vi.fn(original.wordsOf) };
});

const ARTICLES: Article[] = [
  makeArticle(
    'union',
    'Union talks resume',
    'The union talks about talks with management. Talking went on late.',
    {
      date: '2019-03-04',
    },
  ),
  makeArticle('ministers', 'Ministers meet', 'About talks, ministers said little. Talks were brief.', {
    date: '2018-01-10',
  }),
  makeArticle(
    'hamlet',
    'Hamlet at the Globe',
    '“To be, or not to be”: the actor delivered the line with care.',
  ),
  makeArticle('fishing', 'Fishing quotas cut', 'Fishermen and fishing boats came back; the catch was poor.', {
    date: '2020-06-01',
  }),
  makeArticle('rugby', 'Rugby talks', 'Coaches talked about the fixture list for the season.', {
    date: '2017-05-05',
  }),
  makeArticle('budget', 'Budget statement', 'The chancellor set out the budget. Tax rises were ruled out.', {
    date: '2019-11-20',
  }),
];

function searcherOf(...shards: Article[][]): Searcher {
  const searcher = new Searcher();
  shards.forEach((articles, i) => searcher.setShard(`s${i + 1}`, memoryShard(`s${i + 1}`, articles)));
  return searcher;
}

function run(searcher: Searcher, request: SearchRequest | string): SearchResponse {
  const result = searcher.search(typeof request === 'string' ? { query: request, limit: 100 } : request);
  if (!result.ok) throw new Error(`query failed: ${result.error.message}`);
  return result.value;
}

const ids = (response: SearchResponse) => response.hits.map((hit) => hit.id);
const idSet = (response: SearchResponse) => new Set(ids(response));
const sliced = (text: string, ranges: readonly Range[]) =>
  ranges.map(([start, end]) => text.slice(start, end));

/** What plain Lunr makes of the same articles, fields and boost: the reference for matching. */
const plain = lunr(function () {
  this.ref('id');
  this.field('title', { boost: 5 });
  this.field('body');
  for (const article of ARTICLES) this.add({ id: article.id, title: article.title, body: article.body });
});

let searcher: Searcher;
beforeAll(() => {
  searcher = searcherOf(ARTICLES);
});

/**
 * 400 articles of `filler`: those `holding` have `phrase` and the filler again after it, the others `otherwise`
 * after it, so that a common word's positions run long in every article.
 */
function amidFiller(
  filler: string,
  holding: (n: number) => boolean,
  phrase: string,
  otherwise: string,
): Article[] {
  return Array.from({ length: 400 }, (_, n) =>
    makeArticle(
      `a${n}`,
      `Article ${n}`,
      holding(n) ? `${filler} ${phrase} ${filler}` : `${filler} ${otherwise}`,
    ),
  );
}

describe('Searcher.search', () => {
  it('keeps required and prohibited words', () => {
    expect(idSet(run(searcher, '+talks -rugby'))).toEqual(new Set(['union', 'ministers']));
  });

  it('limits a word to a field', () => {
    expect(idSet(run(searcher, 'title:talks'))).toEqual(new Set(['union', 'rugby']));
  });

  it('expands wildcards and fuzzy words', () => {
    expect(idSet(run(searcher, 'fisher*'))).toEqual(new Set(['fishing']));
    expect(idSet(run(searcher, 'budgit~1'))).toEqual(new Set(['budget']));
  });

  it('lets a boost decide which word matters more', () => {
    expect(ids(run(searcher, 'talks^20 budget'))[0]).not.toBe('budget');
    expect(ids(run(searcher, 'talks budget^20'))[0]).toBe('budget');
  });

  const QUERIES = [
    'talks',
    '+talks -rugby',
    'title:talks',
    'body:talk*',
    'fisher*',
    'budgit~1',
    'talks^3 budget',
    'ministers talks',
    '-talks',
    'tax rises',
    'chancellor +budget',
  ];

  it.each(QUERIES)('matches the same articles with the same scores as plain Lunr for %s', (query) => {
    const ours = run(searcher, query);
    const reference = plain.search(query);
    expect(idSet(ours)).toEqual(new Set(reference.map((result) => result.ref)));
    const scores = Object.fromEntries(reference.map((result) => [result.ref, result.score]));
    for (const hit of ours.hits) expect(hit.score).toBeCloseTo(scores[hit.id]!, 9);
  });

  it.each(QUERIES)('matches the same articles as plain Lunr across two shards for %s', (query) => {
    const split = searcherOf(ARTICLES.slice(0, 3), ARTICLES.slice(3));
    expect(idSet(run(split, query))).toEqual(new Set(plain.search(query).map((result) => result.ref)));
  });

  it('finds a phrase only where its words stand in that order, stop words included', () => {
    const response = run(searcher, '"talks about talks"');
    expect(ids(response)).toEqual(['union']);
    const [snippet] = response.hits[0]!.snippets;
    expect(sliced(snippet!.text, snippet!.highlights)).toEqual(['talks about talks']);
  });

  it('finds a phrase in every article that holds it, among hundreds that hold its words apart', () => {
    // Seeded, so that the lists of "the" and "port" are long and interleave at every distance.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const vocabulary = ['the', 'port', 'the', 'harbour', 'of', 'the', 'quota', 'boats', 'port', 'and'];
    const articles = Array.from({ length: 600 }, (_, i) => {
      const words = Array.from({ length: 2 + Math.floor(next() * 12) }, () =>
        next() < 0.02 ? 'port' : vocabulary[Math.floor(next() * vocabulary.length)]!,
      );
      return makeArticle(`a${i}`, `Article ${i}`, words.join(' '));
    });
    const many = searcherOf(articles.slice(0, 250), articles.slice(250));
    // The rarest word first, in the middle and last; a word twice.
    for (const phrase of [
      'the port',
      'port the',
      'the quota',
      'boats and the',
      'of the harbour',
      'the port and',
      'and the quota',
      'the the',
    ]) {
      const holding = articles.filter((article) => ` ${article.body} `.includes(` ${phrase} `));
      const found = run(many, { query: `"${phrase}"`, limit: 1000 });
      expect(new Set(ids(found)), phrase).toEqual(new Set(holding.map((article) => article.id)));
    }
  });

  it('does not highlight a phrase’s words where they stand alone', () => {
    const [hit] = run(searcher, '"talks about talks"').hits;
    expect(hit!.titleHighlights).toEqual([]);
    expect(hit!.snippets.flatMap((snippet) => sliced(snippet.text, snippet.highlights))).not.toContain(
      'Talking',
    );
  });

  it('finds a quotation made only of stop words', () => {
    const response = run(searcher, '"to be or not to be"');
    expect(ids(response)).toEqual(['hamlet']);
    const [snippet] = response.hits[0]!.snippets;
    expect(sliced(snippet!.text, snippet!.highlights)).toEqual(['To be, or not to be']);
  });

  it('finds a phrase in the title with title:"…" and highlights it there', () => {
    const response = run(searcher, 'title:"union talks"');
    expect(ids(response)).toEqual(['union']);
    expect(sliced(response.hits[0]!.title, response.hits[0]!.titleHighlights)).toEqual(['Union talks']);
    expect(ids(run(searcher, 'title:"talks about"'))).toEqual([]);
  });

  it('does not find a phrase running from the title into the body', () => {
    expect(ids(run(searcher, '"resume the union"'))).toEqual([]);
    expect(ids(run(searcher, '"talks resume"'))).toEqual(['union']);
  });

  it('finds a phrase in articles spread over several shards', () => {
    const split = searcherOf(ARTICLES.slice(0, 1), ARTICLES.slice(1, 3), ARTICLES.slice(3));
    expect(idSet(run(split, '"the line with care"'))).toEqual(new Set(['hamlet']));
    expect(idSet(run(split, 'talks -"about talks"'))).toEqual(new Set(['rugby']));
  });

  it('finds a phrase of a common word whose positions lie far apart in the file, for the few articles holding it', () => {
    // Each article holds "the" hundreds of times, so its positions span many read runs and checksum chunks.
    const filler = Array.from({ length: 300 }, (_, i) => `the word${i % 50}`).join(' ');
    const wide = searcherOf(amidFiller(filler, (n) => n % 97 === 5, 'the threat grew.', 'threat the'));
    expect(idSet(run(wide, '"the threat"'))).toEqual(new Set(['a5', 'a102', 'a199', 'a296', 'a393']));
    expect(run(wide, '"threat the"').total).toBe(395);
  });

  it('finds a phrase whose common word has megabytes of positions among the articles holding the rarer word, again and again', () => {
    // "the" 5,000 times an article: its positions for 400 candidates are more than the memory kept for one word.
    const filler = Array.from({ length: 2500 }, (_, i) => `the w${i % 40}`).join(' ');
    const wide = searcherOf(amidFiller(filler, (n) => n % 50 === 7, 'the threat.', 'threat'));
    for (let round = 0; round < 2; round++) {
      expect(idSet(run(wide, '"the threat"'))).toEqual(
        new Set(['a7', 'a57', 'a107', 'a157', 'a207', 'a257', 'a307', 'a357']),
      );
      // Each filler ends "… the w19".
      expect(run(wide, '"w19 threat"').total).toBe(392);
    }
  });

  it('leaves out articles holding a prohibited phrase', () => {
    expect(idSet(run(searcher, 'talks -"talks about talks"'))).toEqual(new Set(['ministers', 'rugby']));
  });

  it('does not let a required stop word empty the results', () => {
    expect(idSet(run(searcher, '+the talks'))).toEqual(idSet(run(searcher, 'talks')));
    expect(run(searcher, '+the talks').total).toBe(3);
  });

  it('highlights in snippets and titles the words the match rests on', () => {
    const response = run(searcher, 'talk');
    const union = response.hits.find((hit) => hit.id === 'union')!;
    expect(sliced(union.title, union.titleHighlights)).toEqual(['talks']);
    const words = union.snippets.flatMap((snippet) => sliced(snippet.text, snippet.highlights));
    expect(words).toEqual(['talks', 'talks', 'Talking']);
  });

  it('sorts by date, newest or oldest first, with undated articles last either way', () => {
    expect(ids(run(searcher, { query: '', sort: 'date-desc' }))).toEqual([
      'fishing',
      'budget',
      'union',
      'ministers',
      'rugby',
      'hamlet',
    ]);
    expect(ids(run(searcher, { query: '', sort: 'date-asc' }))).toEqual([
      'rugby',
      'ministers',
      'union',
      'budget',
      'fishing',
      'hamlet',
    ]);
  });

  it('sorts by relevance by default, best first', () => {
    const scores = run(searcher, 'talks').hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages with offset and limit while the total stays the whole count', () => {
    const pages = [0, 2, 4].map((offset) => run(searcher, { query: '', offset, limit: 2, sort: 'date-asc' }));
    for (const [i, page] of pages.entries()) {
      expect(page.total).toBe(6);
      expect(page.offset).toBe(i * 2);
      expect(page.hits).toHaveLength(2);
    }
    expect(pages.flatMap(ids)).toEqual(ids(run(searcher, { query: '', sort: 'date-asc' })));
    expect(run(searcher, { query: '', offset: 6, limit: 2 }).hits).toEqual([]);
  });

  it('limits a page to 20 hits when no limit is given', () => {
    const many = Array.from({ length: 25 }, (_, i) => makeArticle(`n${i}`, `Note ${i}`, 'Shipping news.'));
    const response = run(searcherOf(many), { query: 'shipping' });
    expect(response.total).toBe(25);
    expect(response.hits).toHaveLength(20);
  });

  it('lists every article, unhighlighted, for a blank query', () => {
    const response = run(searcher, '  ');
    expect(idSet(response)).toEqual(new Set(ARTICLES.map((article) => article.id)));
    expect(response.hits.every((hit) => hit.titleHighlights.length === 0)).toBe(true);
    expect(
      response.hits.every((hit) => hit.snippets.every((snippet) => snippet.highlights.length === 0)),
    ).toBe(true);
  });

  it('returns a query error as a value with its range', () => {
    expect(searcher.search({ query: 'talks "about' })).toEqual({
      ok: false,
      error: { code: 'query-syntax', message: 'this quotation mark is not closed', at: [6, 12] },
    });
  });

  // Bug: phrase words are compared with apostrophes unified (’ → '), but the
  // required words sent to Lunr to find candidates are the unified form, while
  // the index holds the article's own apostrophe: "Blair’s" is stored as "blair’".
  it('finds a phrase with a typographic apostrophe, typed as the article has it', () => {
    const quoted = searcherOf([
      makeArticle('curly', 'Curly', 'Blair’s budget was praised.'),
      makeArticle('straight', 'Straight', "Blair's budget was praised."),
    ]);
    expect(idSet(run(quoted, '"Blair’s budget"'))).toEqual(new Set(['curly', 'straight']));
  });

  // Bug: Lunr's trimmer (\W, ASCII-only) cuts accented letters off the ends of
  // words when indexing ("café" is stored as "caf"), but the search pipeline
  // has no trimmer, so a search for "café" looks up "café" and finds nothing.
  it('finds a word that ends in an accented letter', () => {
    const cafe = searcherOf([makeArticle('cafe', 'Café society', 'We met at the café near the Élysée.')]);
    expect(ids(run(cafe, 'café'))).toEqual(['cafe']);
  });

  it('finds and highlights words joined by en and em dashes', () => {
    const dashed = searcherOf([
      makeArticle('dash', 'Dashes', 'The minister—Jones—spoke on a two‐day visit – briefly.'),
    ]);
    for (const query of ['minister', 'jones', 'spoke', 'day', 'minister—Jones']) {
      expect(ids(run(dashed, query)), query).toEqual(['dash']);
    }
    const [snippet] = run(dashed, 'minister jones').hits[0]!.snippets;
    expect(sliced(snippet!.text, snippet!.highlights)).toEqual(['minister', 'Jones']);
  });

  it('reads a spaced hyphen in a pasted headline as a gap between words', () => {
    const pasted = searcherOf([
      makeArticle('blair', 'Blair', 'Blair spoke.'),
      makeArticle('brown', 'Brown', 'Brown spoke.'),
    ]);
    expect(idSet(run(pasted, 'Blair - Brown'))).toEqual(new Set(['blair', 'brown']));
  });

  it('refuses fuzzy words with more than 2 edits and one-letter wildcards instead of running them', () => {
    expect(searcher.search({ query: 'xxxxxxxxxxxx~10' })).toMatchObject({
      ok: false,
      error: { code: 'query-syntax', at: [12, 15] },
    });
    expect(searcher.search({ query: '*' })).toMatchObject({ ok: false, error: { at: [0, 1] } });
  });

  // Phrases are matched from stored word positions, so the text is split only to highlight it: once per field.
  it('marks phrases in a result without listing the words of its title or body', () => {
    const split = vi.mocked(wordsOf);
    split.mockClear();
    const response = run(searcher, '"talks about talks" "with management"');
    expect(ids(response)).toEqual(['union']);
    const union = ARTICLES.find((article) => article.id === 'union')!;
    const [hit] = response.hits;
    expect(sliced(hit!.title, hit!.titleHighlights)).toEqual([]);
    expect(hit!.snippets.flatMap((snippet) => sliced(snippet.text, snippet.highlights))).toEqual([
      'talks about talks',
      'with management',
    ]);
    const calls = split.mock.calls.map(([text]) => text);
    expect(calls.filter((text) => text === union.body || text === union.title)).toEqual([]);
  });
});

describe('Searcher.article', () => {
  it('highlights the right words after a letter whose lower case is longer', () => {
    const turkish = searcherOf([makeArticle('ist', 'İstanbul Zebra talks', 'İİİ İstanbul Zebra talks.')]);
    const result = turkish.article('ist', 'zebra talk');
    if (!result.ok) throw new Error(result.error.message);
    expect(sliced(result.value.title, result.value.titleHighlights)).toEqual(['Zebra', 'talks']);
    expect(sliced(result.value.body, result.value.bodyHighlights)).toEqual(['Zebra', 'talks']);
  });

  it('gives the article with the ranges a query matches in its body and title', () => {
    const result = searcher.article('union', 'talk');
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value;
    expect(view).toMatchObject({
      id: 'union',
      title: 'Union talks resume',
      date: '2019-03-04',
      format: 'txt',
    });
    expect(sliced(view.body, view.bodyHighlights)).toEqual(['talks', 'talks', 'Talking']);
    expect(sliced(view.title, view.titleHighlights)).toEqual(['talks']);
    expect(view.blocks.map((block) => view.body.slice(block.start, block.end))).toEqual([view.body]);
  });

  it('highlights a phrase as one range from its first word to its last', () => {
    const result = searcher.article('hamlet', '"to be or not to be"');
    if (!result.ok) throw new Error(result.error.message);
    expect(sliced(result.value.body, result.value.bodyHighlights)).toEqual(['To be, or not to be']);
  });

  it('gives no highlights without a query, or for a query the article does not match', () => {
    const plainView = searcher.article('union');
    const unmatched = searcher.article('union', 'budget');
    expect(plainView.ok && plainView.value.bodyHighlights).toEqual([]);
    expect(unmatched.ok && unmatched.value.bodyHighlights).toEqual([]);
  });

  it('says not-found for an id no shard holds', () => {
    expect(searcher.article('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('Searcher shards', () => {
  it('counts, replaces and removes shards by id', () => {
    const several = searcherOf(ARTICLES.slice(0, 2), ARTICLES.slice(2));
    expect(several.articleCount).toBe(6);
    several.setShard('s1', memoryShard('s1', ARTICLES.slice(0, 1)));
    expect(several.articleCount).toBe(5);
    expect(several.findArticle('ministers')).toBeUndefined();
    several.removeShard('s2');
    expect(several.articleCount).toBe(1);
    expect(ids(run(several, 'budget'))).toEqual([]);
  });
});

describe('Searcher.prepareDictionary', () => {
  it('merges the big shards’ dictionaries ahead of time, so the first fuzzy word reads none of them', () => {
    const big = (shard: number) =>
      Array.from({ length: 1000 }, (_, i) =>
        makeArticle(`s${shard}-${i}`, `Report ${i}`, `Harbour word${shard}x${i} and talks ${i % 7}`),
      );
    const searcherOver = () => {
      const shards = [memoryShard('big1', big(1)), memoryShard('big2', big(2))];
      const searcher = new Searcher();
      shards.forEach((shard) => searcher.setShard(shard.id, shard));
      return { searcher, shards };
    };
    const expected = ids(run(searcherOver().searcher, 'word1x998~1')).sort();
    const { searcher, shards } = searcherOver();
    searcher.prepareDictionary();
    const reads = shards.map((shard) => vi.spyOn(shard, 'terms', 'get'));
    const found = ids(run(searcher, 'word1x998~1')).sort();
    expect(found).toEqual(expected);
    expect(found).toContain('s1-998');
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });
});
