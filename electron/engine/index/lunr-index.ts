import lunr from 'lunr';
import { normaliseWord } from './normalise';

/** The text of an article as the index sees it. */
export interface IndexedText {
  id: string;
  title: string;
  body: string;
}

/**
 * What separates words: white space, the hyphen and the Unicode dashes
 * U+2010–U+2015 (hyphen, en dash, em dash…). One separator for the index,
 * the query parser and highlighting, so a word found one way is found by all.
 */
export const WORD_SEPARATOR = /[\s\-\u2010-\u2015]+/;
// Lunr's tokenizer reads its separator at every call, but its query lexer copied
// it when Lunr loaded; both must change, here, before any index or query is made.
lunr.tokenizer.separator = WORD_SEPARATOR;
(lunr as unknown as { QueryLexer: { termSeparator: RegExp } }).QueryLexer.termSeparator = WORD_SEPARATOR;

export { normaliseWord };

/**
 * Lunr's trimmer, made Unicode-aware by normalising each token with
 * `normaliseWord` (Lunr's own turns "café" into "caf"). Used when indexing
 * and when searching, so both sides agree.
 */
export const wordTrimmer: lunr.PipelineFunction = (token) => token.update(normaliseWord);
// Stored indexes name their pipeline functions; loading one looks them up by this label.
lunr.Pipeline.registerFunction(wordTrimmer, 'quarryWordTrimmer');

/** Headline words weigh this many times a body word. */
export const TITLE_BOOST = 5;

/** The fields every shard indexes, in the order queries see them. */
export const FIELDS = ['title', 'body'] as const;

/**
 * Builds a Lunr index over articles with Lunr's English pipeline (its trimmer
 * made Unicode-aware, words split at `WORD_SEPARATOR`), the title boosted
 * over the body, and no per-term positions: highlights are found later by
 * re-tokenising the few articles shown.
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
