import type { Quotation, Range } from '../../api';
import { hasCjk } from '../index/cjk';
import { ENGLISH } from '../index/languages';
import { FIELDS } from '../index/lunr-index';
import type { ParsedQuery } from './query';
import { mergeRanges, phraseRanges, termRanges } from './words';

/**
 * The ranges of a title and body that a query matched, found by
 * re-tokenising just this article: the words whose index terms (in the
 * article's language, as `pipelineLanguage` names it) the query expanded to
 * (in the field the clause named), and every occurrence of its required
 * phrases, and every CJK character searched for alone. Words looked up
 * only to find a phrase are not marked on their own. What `quote:` matched is
 * marked inside the article's quotations only; what `speaker:` matched, where
 * the article gives words to that speaker (see `speakerAttributions`), whose
 * `spans` a snippet should show.
 */
export function highlightRanges(
  title: string,
  body: string,
  query: ParsedQuery,
  fieldTerms: readonly Set<string>[],
  language: string = ENGLISH,
  quotations: readonly Quotation[] = [],
): { titleHighlights: Range[]; bodyHighlights: Range[]; spans: Range[] } {
  // CJK words are phrases and CJK characters are marked alone, so no bigram term is marked whole.
  const own = (terms: Set<string>) =>
    new Set([...terms].filter((term) => !query.phraseOnlyTerms.has(term) && !hasCjk(term)));
  const titleRanges = termRanges(title, own(fieldTerms[0] ?? new Set()), language);
  const bodyRanges = termRanges(body, own(fieldTerms[1] ?? new Set()), language);
  // What `quote:` matched is marked only where it was said: inside the article's quotations (scare quotes are not).
  const said = quotations.filter((quotation) => quotation.kind !== 'scare');
  const inQuotation = (ranges: Range[]) =>
    ranges.filter(([start, end]) =>
      said.some((quotation) => quotation.start <= start && end <= quotation.end),
    );
  const quoteRanges = termRanges(body, own(fieldTerms[3] ?? new Set()), language);
  // Phrases are found in the fields' words, in the original text.
  for (const phrase of query.phrases) {
    if (phrase.prohibited) continue;
    if (phrase.fields.includes('title')) titleRanges.push(...phraseRanges(title, phrase.words));
    if (phrase.fields.includes('body')) bodyRanges.push(...phraseRanges(body, phrase.words));
    else if (phrase.fields.includes('quote')) quoteRanges.push(...phraseRanges(body, phrase.words));
  }
  for (const { character, fields } of query.characters) {
    if (fields.includes(FIELDS[0])) titleRanges.push(...occurrences(title, character));
    if (fields.includes(FIELDS[1])) bodyRanges.push(...occurrences(body, character));
    else if (fields.includes('quote')) quoteRanges.push(...occurrences(body, character));
  }
  bodyRanges.push(...inQuotation(quoteRanges));
  const speakers = speakerAttributions(said, query, own(fieldTerms[2] ?? new Set()), language);
  bodyRanges.push(...speakers.marks);
  return {
    titleHighlights: mergeRanges(titleRanges),
    bodyHighlights: mergeRanges(bodyRanges),
    spans: speakers.spans,
  };
}

/**
 * Where the article gives words to a speaker the query's `speaker:` part
 * matched (by the terms of the speaker's name, as the speaker field holds
 * them, or by a phrase or character of it): the mention each such quotation's
 * attribution rests on ("…said Mr Okafor", "she", "MINISTER OKAFOR:"), or
 * the quotation itself when that mention is in the headline; and for each,
 * the stretch from mention to quoted words, which a snippet shows whole.
 */
function speakerAttributions(
  said: readonly Quotation[],
  query: ParsedQuery,
  terms: ReadonlySet<string>,
  language: string,
): { marks: Range[]; spans: Range[] } {
  const phrases = query.phrases.filter((phrase) => !phrase.prohibited && phrase.fields.includes('speaker'));
  const characters = query.characters.filter(({ fields }) => fields.includes('speaker'));
  const marks: Range[] = [];
  const spans: Range[] = [];
  if (terms.size === 0 && phrases.length === 0 && characters.length === 0) return { marks, spans };
  const matches = new Map<string, boolean>();
  const matching = (speaker: string) =>
    termRanges(speaker, terms, language).length > 0 ||
    phrases.some((phrase) => phraseRanges(speaker, phrase.words).length > 0) ||
    characters.some(({ character }) => speaker.includes(character));
  for (const quotation of said) {
    const { speaker, mention } = quotation;
    if (speaker === null) continue;
    let matched = matches.get(speaker);
    if (matched === undefined) matches.set(speaker, (matched = matching(speaker)));
    if (!matched) continue;
    const mark: Range = mention ? [mention.start, mention.end] : [quotation.start, quotation.end];
    marks.push(mark);
    spans.push([Math.min(mark[0], quotation.start), Math.max(mark[1], quotation.end)]);
  }
  return { marks, spans };
}

function occurrences(text: string, character: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1))
    ranges.push([at, at + 1]);
  return ranges;
}
