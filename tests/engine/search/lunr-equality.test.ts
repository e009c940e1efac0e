import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../electron/engine/ingest/article';
import { readArticle } from '../../../electron/engine/ingest/read-article';
import { Searcher } from '../../../electron/engine/search/searcher';
import { BBC, hasBbc, memoryShard } from '../fixtures';

/** Plain Lunr over the same articles, with its defaults: the reference for matching and scoring. */
function plainLunr(articles: readonly Article[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('body');
    for (const article of articles) this.add({ id: article.id, title: article.title, body: article.body });
  });
}

/** A few hundred queries of every kind Lunr has, made from the corpus's own headlines. */
function queriesFrom(articles: readonly Article[]): string[] {
  const stop = new Set([
    'the',
    'and',
    'for',
    'with',
    'from',
    'over',
    'says',
    'into',
    'after',
    'will',
    'has',
    'was',
    'are',
  ]);
  const queries = [
    'said',
    '-said',
    'nucl*',
    '*ism',
    'governmnt~1',
    'budgit~2',
    'title:blair',
    'blair -brown',
    'music^5 film',
  ];
  articles.forEach((article, i) => {
    if (i % 8 !== 0) return;
    const words = article.title
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => /^[a-z]{4,}$/.test(word) && !stop.has(word));
    if (words.length < 2) return;
    const [a, b, c] = words as [string, string, string | undefined];
    const kinds = [
      a,
      `${a} ${b}`,
      `+${a} +${b}`,
      `title:${a} ${b}`,
      `+${a} -${b}`,
      `${a.slice(0, 4)}*`,
      `${a}~1`,
      c ? `${a} ${b}^3 ${c}` : `body:${b}`,
    ];
    queries.push(kinds[i % kinds.length]!);
  });
  return queries;
}

describe.skipIf(!hasBbc)('Searcher against one plain Lunr index over the BBC corpus', () => {
  let articles: Article[];
  let reference: lunr.Index;
  let sharded: Searcher;
  let queries: string[];

  beforeAll(async () => {
    const paths: string[] = [];
    for (const section of readdirSync(BBC)) {
      const dir = join(BBC, section);
      if (statSync(dir).isDirectory()) for (const name of readdirSync(dir)) paths.push(join(dir, name));
    }
    articles = [];
    for (const path of paths.sort()) {
      const outcome = await readArticle(path, BBC);
      if (outcome.ok) articles.push(...outcome.articles);
    }
    reference = plainLunr(articles);
    // Three shards of different sizes: scores must not depend on where an article is kept.
    sharded = new Searcher();
    const cuts = [0, 400, 1500, articles.length];
    for (let i = 0; i < 3; i++)
      sharded.setShard(`s${i}`, memoryShard(`s${i}`, articles.slice(cuts[i], cuts[i + 1])));
    queries = queriesFrom(articles);
  }, 120_000);

  it('finds the same articles with the same scores for a few hundred queries', () => {
    expect(queries.length).toBeGreaterThan(250);
    for (const query of queries) {
      const expected = reference.search(query);
      const got = sharded.ranked(query);
      expect(new Set(got.map((hit) => hit.id)), query).toEqual(new Set(expected.map((hit) => hit.ref)));
      const scores = new Map(expected.map((hit) => [hit.ref, hit.score]));
      for (const hit of got) expect(Math.abs(hit.score - scores.get(hit.id)!), query).toBeLessThan(1e-6);
    }
  });

  it('still equals plain Lunr over what is left once articles are deleted from a shard', () => {
    const shard = sharded.getShard('s1')!;
    const gone = new Set(Array.from({ length: 200 }, (_, i) => i * 5));
    shard.setDeleted(gone);
    sharded.changed();
    const goneIds = new Set([...gone].map((doc) => shard.docs.ids.get(doc)));
    const rest = plainLunr(articles.filter((article) => !goneIds.has(article.id)));
    for (const query of queries.slice(0, 120)) {
      const expected = rest.search(query);
      const got = sharded.ranked(query);
      expect(new Set(got.map((hit) => hit.id)), query).toEqual(new Set(expected.map((hit) => hit.ref)));
      const scores = new Map(expected.map((hit) => [hit.ref, hit.score]));
      for (const hit of got) expect(Math.abs(hit.score - scores.get(hit.id)!), query).toBeLessThan(1e-6);
    }
    shard.setDeleted([]);
    sharded.changed();
  });
});
