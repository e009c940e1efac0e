import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseJsonRecords } from '../../../electron/engine/ingest/parse-records';
import { BUDGET, makeCsv, makeJson, makeJsonl, variant } from './samples';

const three = [1, 2, 3].map((n) => variant(BUDGET, n));
const articlesOf = (outcome: ReturnType<typeof parseJsonRecords>) => (outcome.ok ? outcome.articles : []);

describe('parseJsonRecords', () => {
  it('reads an array of records, one article each, with the record key and where it starts', () => {
    const text = makeJson(three);
    const articles = articlesOf(parseJsonRecords(text, false));
    expect(articles.map((article) => [article.title, article.date, article.author, article.key])).toEqual([
      ['Budget day 1', '2019-03-02', 'Jane Doe', 'a1'],
      ['Budget day 2', '2019-03-03', 'Jane Doe', 'a2'],
      ['Budget day 3', '2019-03-04', 'Jane Doe', 'a3'],
    ]);
    expect(articles[0]!.blocks).toHaveLength(2);
    expect(text.slice(articles[1]!.sourceMap![0]!.offset).startsWith('{')).toBe(true);
    expect(articles[1]!.locator).toBe('record 2');
  });

  it('reads JSON Lines, and a .json file that is really JSON Lines', () => {
    expect(articlesOf(parseJsonRecords(makeJsonl(three), true)).map((a) => a.title)).toHaveLength(3);
    expect(articlesOf(parseJsonRecords(makeJsonl(three), false)).map((a) => a.locator)).toEqual([
      'line 1',
      'line 2',
      'line 3',
    ]);
  });

  it('finds the records inside an export wrapper and maps nested and epoch values', () => {
    const text = JSON.stringify({
      meta: { count: 1 },
      articles: [
        {
          headline: 'Wrapped',
          story: 'Text.',
          author: { name: 'Ann' },
          timestamp: 1551657600,
          tags: ['a', 'b'],
        },
      ],
    });
    expect(articlesOf(parseJsonRecords(text, false))[0]).toMatchObject({
      title: 'Wrapped',
      body: 'Text.',
      author: 'Ann',
      date: '2019-03-04',
      tags: ['a', 'b'],
    });
  });

  it('keeps going past bad lines of JSON Lines and notes them', () => {
    const outcome = parseJsonRecords('{"title":"One","body":"x"}\nnot json\n[1]\n', true);
    expect(outcome).toMatchObject({ ok: true, notes: ['line 2: not valid JSON', 'line 3: not a record'] });
  });

  it('reports records with no known field, naming the fields found', () => {
    expect(parseJsonRecords('[{"colour":"red","size":3}]', false)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^no known article fields \(found: colour, size;/) as string,
    });
  });

  it('reports invalid JSON', () => {
    expect(parseJsonRecords('{"title": ', false)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not valid JSON/) as string,
    });
  });
});

describe('parseCsvRecords', () => {
  it('reads one article per row, with quoted cells holding commas, quotes and line breaks', () => {
    const text = makeCsv(three).replace(/\r\n/g, '\n');
    const outcome = parseCsvRecords(text, ',');
    const articles = outcome.ok ? outcome.articles : [];
    expect(articles.map((a) => [a.title, a.date, a.key])).toEqual([
      ['Budget day 1', '2019-03-02', '1'],
      ['Budget day 2', '2019-03-03', '2'],
      ['Budget day 3', '2019-03-04', '3'],
    ]);
    expect(articles[0]!.blocks).toHaveLength(2);
    expect(text.slice(articles[2]!.sourceMap![0]!.offset).startsWith('3,Budget day 3')).toBe(true);
  });

  it('reports a table with no known column, naming its columns', () => {
    expect(parseCsvRecords('colour;size\nred;12\n', ';')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/found: colour, size/) as string,
    });
  });

  it('needs a header and a row', () => {
    expect(parseCsvRecords('title,body\n', ',')).toMatchObject({ ok: false });
  });
});
