import { describe, expect, it } from 'vitest';
import type { QuoteSearchRequest, QuoteSearchResponse } from '../../../electron/api';
import { Searcher } from '../../../electron/engine/search/searcher';
import { makeArticle, memoryShard } from '../fixtures';

const PLEDGE =
  'We will not raise the basic rate of income tax in the next parliament, and that is a firm promise to every family.';

/** A small library across two shards: the same words said twice, an extract of them, and other speakers. */
function library(): Searcher {
  const searcher = new Searcher();
  searcher.setShard(
    'a',
    memoryShard('a', [
      makeArticle(
        'first',
        'Brown sets out tax pledge',
        `The chancellor, Gordon Brown, spoke in Brighton.\n\n"${PLEDGE}" Mr Brown said.\n\nThe Tory leader, Michael Howard, said: "Labour will put taxes up."`,
        { date: '2005-02-01', source: 'BBC' },
      ),
      makeArticle(
        'scare',
        'The "talks about talks" go on',
        'Diplomats met for what one called "talks about talks" in Geneva.\n\n"Nothing was agreed today," said Anna Berg, a spokeswoman.',
        { date: '2005-01-10', source: 'Reuters' },
      ),
    ]),
  );
  searcher.setShard(
    'b',
    memoryShard('b', [
      makeArticle(
        'again',
        'Tax pledge repeated',
        `Gordon Brown repeated his words on Monday.\n\n"${PLEDGE.replace('income tax', 'Income Tax')}" he told reporters.`,
        { date: '2005-03-20', source: 'BBC' },
      ),
      makeArticle(
        'extract',
        'Chancellor on tax',
        `Gordon Brown was asked about tax.\n\n"We will not raise the basic rate of income tax in the next parliament," Mr Brown said.`,
        { date: '2004-12-01', source: 'Guardian' },
      ),
      makeArticle(
        'howard',
        'Howard answers',
        'Michael Howard hit back.\n\n"We will not raise the basic rate of income tax in the next parliament either," Mr Howard said.',
        { date: '2005-04-01', source: 'BBC' },
      ),
    ]),
  );
  return searcher;
}

function search(searcher: Searcher, request: QuoteSearchRequest): QuoteSearchResponse {
  const result = searcher.searchQuotes(request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const texts = (response: QuoteSearchResponse) =>
  response.groups.map((group) => group.sightings.map((sighting) => sighting.articleId));

describe('Searcher.searchQuotes', () => {
  it('groups the same words and an extract of them by one speaker, earliest first', () => {
    const response = search(library(), { query: 'parliament' });
    const brown = response.groups.find((group) => group.speaker === 'Gordon Brown')!;
    expect(brown.sightings.map((sighting) => sighting.articleId)).toEqual(['extract', 'first', 'again']);
    expect(brown.sightings.map((sighting) => sighting.date)).toEqual([
      '2004-12-01',
      '2005-02-01',
      '2005-03-20',
    ]);
    // The same words by another speaker are another group.
    expect(response.groups.find((group) => group.speaker === 'Michael Howard')?.sightings).toHaveLength(1);
    expect(response.total).toBe(2);
    expect(response.quotations).toBe(4);
  });

  it('gives each sighting its quotation, offsets into the article body, with the matched words marked', () => {
    const response = search(library(), { query: 'parliament' });
    const sighting = response.groups[0]!.sightings[0]!;
    const { text } = sighting.quotation;
    expect(sighting.highlights).toHaveLength(1);
    const [start, end] = sighting.highlights[0]!;
    expect(text.slice(start, end)).toBe('parliament');
  });

  it('runs Lunr query semantics over the quotations’ words', () => {
    const searcher = library();
    const ids = (query: string) =>
      search(searcher, { query })
        .groups.flatMap((group) => group.sightings.map((sighting) => sighting.articleId))
        .sort();
    expect(ids('labour')).toEqual(['first']);
    expect(ids('+parliament -promise')).toEqual(['extract', 'howard']);
    expect(ids('parliam*')).toEqual(['again', 'extract', 'first', 'howard']);
    expect(ids('agred~1')).toEqual(['scare']);
    expect(ids('"firm promise"')).toEqual(['again', 'first']);
    expect(ids('-"firm promise" +parliament')).toEqual(['extract', 'howard']);
    // Words outside quotations are not found.
    expect(ids('Brighton')).toEqual([]);
  });

  it('finds quotations by speaker, through the filter and through the speaker field', () => {
    const searcher = library();
    const byFilter = search(searcher, { query: '', speakers: ['Michael Howard'] });
    expect(byFilter.quotations).toBe(2);
    expect(byFilter.groups.every((group) => group.speaker === 'Michael Howard')).toBe(true);
    expect(search(searcher, { query: 'speaker:howard' }).quotations).toBe(2);
    expect(search(searcher, { query: 'speaker:"michael howard" +labour' }).quotations).toBe(1);
  });

  it('counts speakers over the matching quotations, ignoring the speaker filter', () => {
    const response = search(library(), { query: '', speakers: ['Anna Berg'] });
    expect(response.quotations).toBe(1);
    expect(response.speakers).toEqual([
      { value: 'Gordon Brown', count: 3 },
      { value: 'Michael Howard', count: 2 },
      { value: 'Anna Berg', count: 1 },
    ]);
  });

  it('leaves scare quotes out unless they are asked for', () => {
    const searcher = library();
    expect(search(searcher, { query: 'talks' }).total).toBe(0);
    const scare = search(searcher, { query: 'talks', kinds: ['scare'] });
    expect(scare.groups.map((group) => group.sightings[0]!.quotation.text)).toEqual(['"talks about talks"']);
  });

  it('narrows by the quoting articles’ filters', () => {
    const searcher = library();
    expect(texts(search(searcher, { query: 'parliament', filters: { sources: ['Guardian'] } }))).toEqual([
      ['extract'],
    ]);
    expect(
      texts(search(searcher, { query: 'parliament', filters: { dateFrom: '2005-01', dateTo: '2005-03' } })),
    ).toEqual([['first', 'again']]);
  });

  it('sorts groups by the date their words were first said, both ways', () => {
    const searcher = library();
    const first = (sort: 'date-asc' | 'date-desc') =>
      search(searcher, { query: '', sort }).groups.map((group) => group.sightings[0]!.date);
    expect(first('date-asc')).toEqual([...first('date-asc')].sort());
    expect(first('date-desc')).toEqual([...first('date-asc')].reverse());
  });

  it('pages through groups, with exact counts before paging', () => {
    const searcher = library();
    const all = search(searcher, { query: '' });
    expect(all.total).toBe(all.groups.length);
    const pages = [0, 2, 4].flatMap((offset) => search(searcher, { query: '', offset, limit: 2 }).groups);
    expect(pages).toEqual(all.groups);
    expect(search(searcher, { query: '', offset: 2, limit: 2 })).toMatchObject({
      total: all.total,
      offset: 2,
    });
  });

  it('forgets the quotations of an article removed from the library', () => {
    const searcher = library();
    const shard = searcher.getShard('b')!;
    shard.setDeleted([1]);
    searcher.changed();
    const brown = search(searcher, { query: 'parliament' }).groups.find(
      (group) => group.speaker === 'Gordon Brown',
    );
    expect(brown!.sightings.map((sighting) => sighting.articleId)).toEqual(['first', 'again']);
  });

  it('answers a query it cannot parse with the error and its place', () => {
    const result = library().searchQuotes({ query: 'title:tax' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'query-syntax', message: expect.stringMatching(/use quote or speaker/) as string },
    });
  });
});
