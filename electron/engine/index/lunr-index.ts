import lunr from 'lunr';

/** The text of an article as the index sees it. */
export interface IndexedText {
  id: string;
  title: string;
  body: string;
}

/** Headline words weigh this many times a body word. */
export const TITLE_BOOST = 5;

/** The fields every shard indexes, in the order queries see them. */
export const FIELDS = ['title', 'body'] as const;

/**
 * Builds a Lunr index over articles with Lunr's own English pipeline, the
 * title boosted over the body, and no per-term positions: highlights are found
 * later by re-tokenising the few articles shown.
 */
export function buildLunrIndex(articles: Iterable<IndexedText>): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('body');
  for (const article of articles) builder.add({ id: article.id, title: article.title, body: article.body });
  return builder.build();
}
