import lunr from 'lunr';

/** The text of an article as the index sees it. */
export interface IndexedText {
  id: string;
  title: string;
  body: string;
}

/**
 * Lunr's trimmer, made Unicode-aware: it strips punctuation from the ends of a
 * word without eating accented letters (Lunr's own turns "café" into "caf"),
 * unifies typographic apostrophes, and folds accents so `cafe` finds *café*.
 * Used when indexing and when searching, so both sides agree.
 */
export const wordTrimmer: lunr.PipelineFunction = (token) =>
  token.update((text) =>
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, ''),
  );
// Stored indexes name their pipeline functions; loading one looks them up by this label.
lunr.Pipeline.registerFunction(wordTrimmer, 'quarryWordTrimmer');

/** Headline words weigh this many times a body word. */
export const TITLE_BOOST = 5;

/** The fields every shard indexes, in the order queries see them. */
export const FIELDS = ['title', 'body'] as const;

/**
 * Builds a Lunr index over articles with Lunr's English pipeline (its trimmer
 * made Unicode-aware), the
 * title boosted over the body, and no per-term positions: highlights are found
 * later by re-tokenising the few articles shown.
 */
export function buildLunrIndex(articles: Iterable<IndexedText>): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(wordTrimmer, lunr.stemmer);
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('body');
  for (const article of articles) builder.add({ id: article.id, title: article.title, body: article.body });
  return builder.build();
}
