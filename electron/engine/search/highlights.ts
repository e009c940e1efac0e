import type { Range } from '../../api';
import type { ParsedQuery } from './query';
import { mergeRanges, phraseRanges, termRanges, wordsOf } from './words';

/**
 * The ranges of a title and body that a query matched, found by
 * re-tokenising just this article: the words whose index terms the query
 * expanded to (in the field the clause named), and every occurrence of its
 * required phrases. Words looked up only to find a phrase are not marked on
 * their own.
 */
export function highlightRanges(
  title: string,
  body: string,
  query: ParsedQuery,
  fieldTerms: readonly Set<string>[],
): { titleHighlights: Range[]; bodyHighlights: Range[] } {
  const own = (terms: Set<string>) => new Set([...terms].filter((term) => !query.phraseOnlyTerms.has(term)));
  // Each field is split into words once, in the original text, so ranges never drift.
  const titleWords = wordsOf(title);
  const bodyWords = wordsOf(body);
  const bodyTerms = new Set([...(fieldTerms[1] ?? []), ...(fieldTerms[3] ?? [])]);
  const titleRanges = termRanges(titleWords, own(fieldTerms[0] ?? new Set()));
  const bodyRanges = termRanges(bodyWords, own(bodyTerms));
  for (const phrase of query.phrases) {
    if (phrase.prohibited) continue;
    if (phrase.fields.includes('title')) titleRanges.push(...phraseRanges(titleWords, phrase.words));
    if (phrase.fields.includes('body') || phrase.fields.includes('quote'))
      bodyRanges.push(...phraseRanges(bodyWords, phrase.words));
  }
  return { titleHighlights: mergeRanges(titleRanges), bodyHighlights: mergeRanges(bodyRanges) };
}
