import { beforeAll, describe, expect, it } from 'vitest';
import type { Range, SearchHit, SearchResponse } from '../../../electron/api';
import type { Article } from '../../../electron/engine/ingest/article';
import { Searcher } from '../../../electron/engine/search/searcher';
import { makeArticle, memoryShard } from '../fixtures';

const inLanguage = (language: string, id: string, title: string, body: string): Article => ({
  ...makeArticle(id, title, body),
  language,
});

const ARTICLES: Article[] = [
  inLanguage(
    'de',
    'haus',
    'Das alte Haus am See',
    'Im Dorf steht ein altes Haus. Die Häuser am Ufer sind noch älter als die Kirche, und viele Familien wohnen dort seit Generationen.',
  ),
  inLanguage(
    'fr',
    'gare',
    'Le café de la gare',
    'Le café de la gare a rouvert ses portes. Les habitants du quartier y prennent leur petit déjeuner chaque matin.',
  ),
  inLanguage(
    'es',
    'naciones',
    'Las naciones del sur',
    'Las naciones del sur firmaron un acuerdo sobre el agua. La nación más pequeña pidió ayuda para construir presas.',
  ),
  inLanguage(
    'ru',
    'gorod',
    'Новости из города',
    'В городе открылся новый музей. Жители других городов приезжают, чтобы посмотреть на старые картины.',
  ),
  inLanguage(
    'zh',
    'beijing',
    '北京的新图书馆',
    '北京市政府今天宣布，新的图书馆将于明年开放。图书馆里有很多外国书籍。',
  ),
  inLanguage(
    'ja',
    'tokyo',
    '東京都の新しい計画',
    '東京都は来年から新しい交通計画を始めると発表しました。住民の多くはこの計画に賛成しています。',
  ),
  inLanguage('ja', 'kyoto', '京都の秋', '京都では紅葉の季節になり、多くの観光客が訪れています。'),
  inLanguage(
    'en',
    'coffee',
    'Coffee at the cafe',
    'The cafe on the corner serves the best coffee in town, and the houses nearby are old.',
  ),
];

let searcher: Searcher;
beforeAll(() => {
  searcher = new Searcher();
  searcher.setShard('s1', memoryShard('s1', ARTICLES.slice(0, 4)));
  searcher.setShard('s2', memoryShard('s2', ARTICLES.slice(4)));
});

function run(query: string): SearchResponse {
  const result = searcher.search({ query, limit: 100 });
  if (!result.ok) throw new Error(`query failed: ${result.error.message}`);
  return result.value;
}

const ids = (query: string) =>
  run(query)
    .hits.map((hit) => hit.id)
    .sort();
const hitOf = (query: string, id: string): SearchHit => run(query).hits.find((hit) => hit.id === id)!;
const sliced = (text: string, ranges: readonly Range[]) =>
  ranges.map(([start, end]) => text.slice(start, end));
const marked = (hit: SearchHit) => ({
  title: sliced(hit.title, hit.titleHighlights),
  snippets: hit.snippets.flatMap((snippet) => sliced(snippet.text, snippet.highlights)),
});

/** The ranges the reader marks in an article's title and body for a query. */
function readerMarks(id: string, query: string): { title: string[]; body: string[] } {
  const view = searcher.article(id, query);
  if (!view.ok) throw new Error(view.error.message);
  return {
    title: sliced(view.value.title, view.value.titleHighlights),
    body: sliced(view.value.body, view.value.bodyHighlights),
  };
}

describe('Searcher over a library in several languages', () => {
  it('lists the pipelines of the library’s languages, English first', () => {
    expect(searcher.languages()).toEqual(['en', 'de', 'es', 'fr', 'ru']);
  });

  it('finds a German article by another form of its word, and marks every form', () => {
    expect(ids('Häuser')).toEqual(['haus']);
    expect(ids('haus')).toEqual(['haus']);
    expect(marked(hitOf('Häuser', 'haus'))).toEqual({ title: ['Haus'], snippets: ['Haus', 'Häuser'] });
    expect(readerMarks('haus', 'Häuser').body).toEqual(['Haus', 'Häuser']);
  });

  it('finds words with or without their accents, in French and in English articles', () => {
    expect(ids('cafe')).toEqual(['coffee', 'gare']);
    expect(ids('café')).toEqual(['coffee', 'gare']);
    expect(readerMarks('gare', 'cafe')).toEqual({ title: ['café'], body: ['café'] });
    expect(readerMarks('coffee', 'café')).toEqual({ title: ['cafe'], body: ['cafe'] });
  });

  it('stems Spanish and Russian words with their own stemmers', () => {
    expect(ids('nación')).toEqual(['naciones']);
    expect(readerMarks('naciones', 'nacion').body).toEqual(['naciones', 'nación']);
    expect(ids('городами')).toEqual(['gorod']);
    expect(readerMarks('gorod', 'городами')).toEqual({ title: ['города'], body: ['городе', 'городов'] });
  });

  it('keeps stop words of one language from costing another its matches', () => {
    // "die" is a German stop word: required, it narrows nothing, and the German article is still found.
    expect(ids('+die +häuser')).toEqual(['haus']);
    // An English article is found by its own words, never by German stems of them.
    expect(ids('houses')).toEqual(['coffee']);
  });

  it('finds exact phrases in any language, accents folded', () => {
    expect(ids('"altes Haus"')).toEqual(['haus']);
    expect(ids('"le cafe de la gare"')).toEqual(['gare']);
    expect(ids('"alte Häuser"')).toEqual([]);
  });

  it('finds Chinese and Japanese text by the characters it holds, and marks exactly them', () => {
    expect(ids('東京都')).toEqual(['tokyo']);
    expect(marked(hitOf('東京都', 'tokyo'))).toEqual({ title: ['東京都'], snippets: ['東京都'] });
    expect(ids('京都')).toEqual(['kyoto', 'tokyo']);
    expect(ids('图书馆')).toEqual(['beijing']);
    expect(readerMarks('beijing', '图书馆').body).toEqual(['图书馆', '图书馆']);
    expect(ids('交通計画')).toEqual(['tokyo']);
    expect(ids('計画交通')).toEqual([]);
  });

  it('finds one CJK character wherever it stands, and honours fields and prohibition', () => {
    expect(ids('秋')).toEqual(['kyoto']);
    expect(ids('都')).toEqual(['kyoto', 'tokyo']);
    expect(marked(hitOf('都', 'tokyo'))).toEqual({ title: ['都'], snippets: ['都'] });
    expect(readerMarks('kyoto', '秋')).toEqual({ title: ['秋'], body: [] });
    expect(ids('title:計画')).toEqual(['tokyo']);
    expect(ids('京都 -東京')).toEqual(['kyoto']);
    expect(ids('title:秋 -紅葉')).toEqual([]);
  });
});

describe('Searcher over an English library', () => {
  it('runs queries through the English pipeline alone', () => {
    const english = new Searcher();
    english.setShard('s1', memoryShard('s1', [ARTICLES.at(-1)!]));
    expect(english.languages()).toEqual(['en']);
  });
});
