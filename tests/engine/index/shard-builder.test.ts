import { describe, expect, it } from 'vitest';
import { ShardBuilder } from '../../../electron/engine/index/shard-builder';
import type { Article } from '../../../electron/engine/ingest/article';
import { makeArticle } from '../fixtures';

// More articles than one batch of quotations, some quoting, some carrying the quotations found before.
const SPEAKERS = ['Gordon Brown', 'Mervyn King', 'Sung Kim', 'the spokeswoman'];
const ARTICLES: Article[] = Array.from({ length: 450 }, (_, i) => {
  const speaker = SPEAKERS[i % SPEAKERS.length]!;
  const body =
    i % 3 === 0
      ? `Markets rose on day ${i} as traders waited.`
      : `The talks went on for ${i} hours.\n\n"We are making progress on point ${i}," ${speaker} said. "It is not over."`;
  const article = makeArticle(`a${i}`, `Talks, day ${i}`, body);
  return i % 7 === 0 ? { ...article, quotations: [] } : article;
});

describe('ShardBuilder.addAll', () => {
  it('builds the same shard as adding the articles one by one', () => {
    const together = new ShardBuilder();
    together.addAll(ARTICLES);
    const oneByOne = new ShardBuilder();
    for (const article of ARTICLES) oneByOne.add(article);
    const expected = oneByOne.finish();
    expect(expected.index.length).toBeGreaterThan(0);
    expect(together.finish()).toEqual(expected);
  });
});
