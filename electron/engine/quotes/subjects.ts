import { isInstitution, isNameWord, looksLikePerson, nameKey, runEnd, runStart } from './names';
import {
  ATTACHING,
  BETWEEN_SUBJECT_AND_VERB,
  DETERMINERS,
  isVerb,
  JOINERS,
  mention,
  phraseAfter,
  spanText,
  STOPS,
  type Mention,
} from './phrases';
import { PRONOUNS, SENTENCE_ADVERBS, TITLES } from './lexicon';
import { isAllCaps, isCapitalised, lower, type Token } from './text';

// What sets off an apposition: "Mr Bez - himself a former executive at Porsche - said".
const SEPARATORS = new Set([',', ')', '-', '–', '—']);

/**
 * The noun phrase that ends just before tokens[before], skipping adverbs and
 * auxiliaries ("Kim also said"). Appositions are looked through: "David
 * Frost, director general of the chambers, warned" gives David Frost.
 */
export function phraseBefore(text: string, tokens: readonly Token[], before: number): Mention | null {
  let end = before;
  for (let moved = true; moved && end > 0;) {
    const start = end;
    while (end > 0 && BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[end - 1]))) end--;
    end = timeBefore(tokens, end);
    // "A spokesman for the British Phonographic Industry (BPI) said": the acronym is an aside.
    if (tokens[end - 1]?.text === ')' && tokens[end - 3]?.text === '(' && isAllCaps(tokens[end - 2]!.text))
      end -= 3;
    moved = end < start;
  }
  const last = tokens[end - 1];
  if (!last) return null;
  if (SEPARATORS.has(last.text)) return appositionSubject(text, tokens, end - 1);
  if (!last.word) return null;
  const word = lower(last);
  if (PRONOUNS.has(word)) return mention(text, tokens, end - 1, end, 'pronoun');
  if (isNameWord(last)) {
    const start = runStart(tokens, end);
    // "A spokesperson for (the) Delta Airlines told": the spokesperson, for the airline.
    const preposition = lower(tokens[start - 1]) === 'the' ? start - 2 : start - 1;
    if (ATTACHING.has(lower(tokens[preposition]))) {
      const owner = phraseBefore(text, tokens, preposition);
      if (owner?.kind === 'description' && owner.end === tokens[preposition - 1]!.end) {
        return { ...owner, end: last.end, text: text.slice(owner.start, last.end) };
      }
    }
    // "A senior Tory MP has criticised": a description that ends in a proper noun.
    let det = start;
    while (det > start - 4 && det > 0 && tokens[det - 1]!.word && !isCapitalised(tokens[det - 1]!.text)) {
      if (DETERMINERS.has(lower(tokens[det - 1]))) break;
      if (STOPS.has(lower(tokens[det - 1])) || isVerb(lower(tokens[det - 1]))) break;
      det--;
    }
    const runText = text.slice(tokens[start]!.start, last.end);
    const role = TITLES.has(nameKey(last.text)) && start < end - 1;
    if ((det < start || role) && DETERMINERS.has(lower(tokens[det - 1])) && !looksLikePerson(runText)) {
      // "the Salford MP told": a role, not a name, even when every word of it is capitalised.
      return mention(text, tokens, det - 1, end, 'description');
    }
    // "Colin Asplin, Blackpool Hotel Association said": the person before the body they speak for.
    if (tokens[start - 1]?.text === ',' && isInstitution(text.slice(tokens[start]!.start, last.end))) {
      const person = phraseBefore(text, tokens, start - 1);
      if (person?.kind === 'name' && looksLikePerson(person.text)) return person;
    }
    // "Nick Van den Brul of BNP Paribas described": the person, not the firm.
    if (lower(tokens[start - 1]) === 'of' && isNameWord(tokens[start - 2])) {
      const person = runStart(tokens, start - 1);
      if (looksLikePerson(text.slice(tokens[person]!.start, tokens[start - 2]!.end))) {
        return mention(text, tokens, person, start - 1, 'name');
      }
    }
    return mention(text, tokens, start, end, 'name');
  }
  if (STOPS.has(word) || isVerb(word)) return null;
  // "Sadly comments such as his…": an adverb opening the sentence, alone before the verb, is nobody.
  if (SENTENCE_ADVERBS.has(word) && (end === 1 || !tokens[end - 2]!.word)) return null;
  let start = end - 1;
  let hops = 0;
  while (start > 0 && end - start < 10) {
    const previous = tokens[start - 1]!;
    const previousWord = lower(previous);
    const current = tokens[start]!;
    // "a spokesman for the ministry", "a spokeswoman for Aldwick council": the phrase goes on past the preposition.
    if (
      ATTACHING.has(previousWord) &&
      (DETERMINERS.has(lower(current)) || isCapitalised(current.text)) &&
      hops < 2
    ) {
      const object = tokens[start - 2];
      if (object?.word && !STOPS.has(lower(object)) && !isVerb(lower(object))) {
        start -= 2;
        hops++;
        continue;
      }
    }
    if (DETERMINERS.has(lower(current))) break;
    if (!previous.word || STOPS.has(previousWord) || isVerb(previousWord)) break;
    start--;
  }
  // "…had said on the eve of the announcement said": the object of a preposition is no subject.
  if (PREPOSITIONS.has(lower(tokens[start - 1]))) return null;
  // "Gavin Cox of the excellent buildyourown.org.uk website": the person, not where they are from.
  const name = isNameWord(tokens[start]) ? runEnd(tokens, start, end) : start;
  if (
    name > start &&
    ATTACHING.has(lower(tokens[name])) &&
    looksLikePerson(spanText(text, tokens, start, name))
  ) {
    return mention(text, tokens, start, name, 'name');
  }
  return mention(text, tokens, start, end, 'description');
}

const PREPOSITIONS = new Set(
  'on in at for with by from to of about after before during into onto over under without within against'.split(
    ' ',
  ),
);

// "the EOC last year said", "Mr Smith on Monday told": time said between a subject and its verb.
const TIME_UNITS = new Set([
  'year',
  'week',
  'month',
  'night',
  'weekend',
  'time',
  'summer',
  'autumn',
  'winter',
  'spring',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function timeBefore(tokens: readonly Token[], end: number): number {
  const last = lower(tokens[end - 1]);
  const previous = lower(tokens[end - 2]);
  if (TIME_UNITS.has(last) && ['last', 'this', 'next'].includes(previous)) {
    return lower(tokens[end - 3]) === 'earlier' ? end - 3 : end - 2;
  }
  if (WEEKDAYS.has(last) && previous === 'on') return end - 2;
  if (['yesterday', 'today', 'tonight'].includes(last)) return end - 1;
  return end;
}

/** The subject of "X, who …, said" or "The shadow secretary, Theresa May, said": a name wins over a description. */
function appositionSubject(text: string, tokens: readonly Token[], comma: number): Mention | null {
  const segments: [number, number][] = [];
  let to = comma;
  for (let at = comma - 1; at >= 0 && comma - at <= 30 && segments.length < 3; at--) {
    if (SEPARATORS.has(tokens[at]!.text) || tokens[at]!.text === '(' || at === 0) {
      const from = at === 0 && !SEPARATORS.has(tokens[0]!.text) ? 0 : at + 1;
      segments.unshift([from, to]);
      to = at;
    }
  }
  const candidates = segments
    .map(([from, end]) => (JOINERS.has(lower(tokens[from])) ? [from + 1, end] : [from, end]))
    .map(([from, end]) => ({ from: from!, end: end!, phrase: phraseAfter(text, tokens, from!, end!) }))
    .filter(({ phrase, end }) => phrase !== null && phrase.end === tokens[end - 1]!.end);
  const name =
    candidates.find(({ phrase }) => phrase!.kind === 'name' && looksLikePerson(phrase!.text)) ??
    candidates.find(({ phrase }) => phrase!.kind === 'name') ??
    candidates[0];
  return name?.phrase ?? null;
}
