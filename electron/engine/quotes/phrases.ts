import { NOT_NAME_WORDS, PRONOUNS, REPORTING_VERBS, SPEECH_VERBS, TITLES } from './lexicon';
import { isInstitution, isNameWord, isPossessive, looksLikePerson, nameKey, runEnd, runStart } from './names';
import { isAllCaps, isCapitalised, lower, type Span, type Token } from './text';

/** How a mention names its speaker: a pronoun, a proper name, or a description ("a spokesman"). */
export type MentionKind = 'pronoun' | 'name' | 'description';

/** A noun phrase in the text that can name who speaks. */
export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** For a description: whether it is definite ("the minister"), so may point at someone named earlier. */
  definite?: boolean;
}

const DETERMINERS = new Set(
  'a an the one two three four five some several many his her their its our this these those another each every both any no'.split(
    ' ',
  ),
);
const DEFINITE = new Set('the this these those his her their its our'.split(' '));
const STOPS = new Set(
  `that which who whom whose and but or nor as if when while because since although though after
  before until to in on at by with from for of into onto about over under than then so also not
  was is are were be been being has have had would will could should might must can do does did
  yesterday today tonight during adding saying according without within across against among
  around behind beyond near through toward towards upon via per including despite except where`.split(/\s+/),
);
// Prepositions that attach a phrase to a speaker's description: "a spokesman for the ministry".
const ATTACHING = new Set(['for', 'of', 'at', 'from', 'with']);
/** Words that may stand between a subject and its verb: "Kim also said", "he had earlier told". */
export const BETWEEN_SUBJECT_AND_VERB = new Set(
  `also later then has had have was is were are would will again once previously recently
  further earlier subsequently simply just reportedly publicly privately separately already
  still never often always himself herself themselves itself quickly immediately repeatedly
  clearly firmly bluntly angrily quietly since has only merely simply`.split(/\s+/),
);

// What sets off an apposition: "Mr Bez - himself a former executive at Porsche - said".
const SEPARATORS = new Set([',', ')', '-', '–', '—']);
const JOINERS = new Set(['but', 'and', 'yet', 'so', 'still', 'however', 'meanwhile', 'now', 'also']);

function isVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || REPORTING_VERBS.has(word);
}

function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

function mention(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  kind: MentionKind,
): Mention {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  const first = lower(tokens[from]);
  return {
    start,
    end,
    text: text.slice(start, end),
    kind,
    ...(kind === 'description' ? { definite: DEFINITE.has(first) } : {}),
  };
}

/**
 * The noun phrase that starts at tokens[from] and ends before `limit`: a
 * pronoun, a name ("Ana Ruiz", "Mr Brown"), or a description ("the union",
 * "an unnamed senior official", "a spokesman for the ministry"). A role
 * followed by a name ("Liberal Democrat spokeswoman Sandra Gidley") gives the name.
 */
export function phraseAfter(
  text: string,
  tokens: readonly Token[],
  from: number,
  limit = tokens.length,
): Mention | null {
  const first = tokens[from];
  if (!first?.word || from >= limit) return null;
  const word = lower(first);
  if (PRONOUNS.has(word)) return mention(text, tokens, from, from + 1, 'pronoun');
  if (isNameWord(first)) {
    const end = runEnd(tokens, from, limit);
    // "Ruth Delacourt of the Save Gannet Point group": the name is the speaker; "Mr Blair's spokesman" is not Mr Blair.
    if (!isPossessive(tokens[end - 1]!.text)) {
      return roleThenName(text, tokens, end, limit) ?? mention(text, tokens, from, end, 'name');
    }
  }
  let at = from;
  let hops = 0;
  while (at < limit && tokens[at]!.word) {
    const current = lower(tokens[at]);
    if (at > from && (isVerb(current) || STOPS.has(current) || looksLikePastVerb(tokens, at))) {
      const attachesTo = tokens[at + 1];
      const attaches =
        ATTACHING.has(current) && hops < 2 && (DETERMINERS.has(lower(attachesTo)) || isNameWord(attachesTo));
      if (!attaches) break;
      hops++;
    } else if (at === from && (isVerb(current) || (STOPS.has(current) && !DETERMINERS.has(current)))) {
      return null;
    }
    at++;
    if (at - from >= 12) break;
  }
  // "analyst Erling Refsum at Nomura": a name after a role word, wherever it stands in the phrase.
  for (let inner = from + 1; inner < at - 1; inner++) {
    if (!isNameWord(tokens[inner]) || isNameWord(tokens[inner - 1])) continue;
    const before = lower(tokens[inner - 1]);
    if (DETERMINERS.has(before) || ATTACHING.has(before) || isPossessive(tokens[inner - 1]!.text)) continue;
    const end = runEnd(tokens, inner, at);
    if (end - inner >= 2 && looksLikePerson(spanText(text, tokens, inner, end))) {
      return mention(text, tokens, inner, end, 'name');
    }
  }
  const nameFrom = runStart(tokens, at);
  const afterRole = !isNameWord(tokens[nameFrom - 1]) || isPossessive(tokens[nameFrom - 1]!.text);
  if (nameFrom < at && nameFrom > from && at - nameFrom >= 2 && afterRole) {
    // "spokeswoman Sandra Gidley": the name is the speaker, the words before it her role.
    const before = lower(tokens[nameFrom - 1]);
    if (!ATTACHING.has(before) && !DETERMINERS.has(before))
      return mention(text, tokens, nameFrom, at, 'name');
  }
  if (DETERMINERS.has(word) && at === from + 1) return null;
  return mention(text, tokens, from, at, 'description');
}

/** "Richard and Judy executive producer Amanda Ross": the name after the role words that follow a name. */
function roleThenName(text: string, tokens: readonly Token[], from: number, limit: number): Mention | null {
  let at = from;
  let role = false;
  // Other names joined by "and" may come first: "Richard and Judy executive producer Amanda Ross".
  while (lower(tokens[at]) === 'and' && isNameWord(tokens[at + 1])) at = runEnd(tokens, at + 1, limit);
  while (at < limit && at - from < 8 && tokens[at]!.word && !isCapitalised(tokens[at]!.text)) {
    const word = lower(tokens[at]);
    if (STOPS.has(word) || isVerb(word) || DETERMINERS.has(word)) return null;
    role = true;
    at++;
  }
  if (!role || !isNameWord(tokens[at])) return null;
  const end = runEnd(tokens, at, limit);
  return end - at >= 2 ? mention(text, tokens, at, end, 'name') : null;
}

/** "said the committee chairman, MP Edward Leigh": a description followed by the name it describes. */
export function withApposedName(text: string, tokens: readonly Token[], phrase: Mention): Mention {
  if (phrase.kind !== 'description') return phrase;
  const comma = tokens.findIndex((token) => token.start >= phrase.end);
  if (tokens[comma]?.text !== ',' || !isNameWord(tokens[comma + 1])) return phrase;
  const end = runEnd(tokens, comma + 1, tokens.length);
  const name = text.slice(tokens[comma + 1]!.start, tokens[end - 1]!.end);
  const after = tokens[end];
  return looksLikePerson(name) && (!after || !after.word)
    ? mention(text, tokens, comma + 1, end, 'name')
    : phrase;
}

/** A lower-case word in -ed after a noun reads as the verb of the clause: "the queue … stretched". */
function looksLikePastVerb(tokens: readonly Token[], at: number): boolean {
  const word = lower(tokens[at]);
  if (!word.endsWith('ed') || isCapitalised(tokens[at]!.text)) return false;
  const previous = lower(tokens[at - 1]);
  return !DETERMINERS.has(previous) && !previous.endsWith('ly');
}

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
    // "A spokesperson for Delta Airlines told": the spokesperson, for the airline.
    if (ATTACHING.has(lower(tokens[start - 1]))) {
      const owner = phraseBefore(text, tokens, start - 1);
      if (owner?.kind === 'description' && owner.end === tokens[start - 2]!.end) {
        return { ...owner, end: last.end, text: text.slice(owner.start, last.end) };
      }
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

/**
 * The subject of a sentence given as tokens: after a leading clause
 * ("Speaking after the vote, she …") or conjunction ("But Kim …").
 */
export function sentenceSubject(text: string, tokens: readonly Token[]): Mention | null {
  let from = 0;
  // "- Manchester City boss Kevin Keegan:": a list dash or bracket before the sentence.
  while (tokens[from] && !tokens[from]!.word && tokens[from]!.text !== '"') from++;
  if (JOINERS.has(lower(tokens[from]))) from += tokens[from + 1]?.text === ',' ? 2 : 1;
  const opener = lower(tokens[from]);
  if (NOT_NAME_WORDS.has(opener) && !PRONOUNS.has(opener) && !DETERMINERS.has(opener)) {
    const comma = tokens.findIndex((token, i) => i > from && token.text === ',');
    if (comma < 0 || comma > from + 15) return null;
    from = comma + 1;
  } else if (opener.endsWith('ing')) {
    const comma = tokens.findIndex((token, i) => i > from && token.text === ',');
    if (comma > 0 && comma <= from + 15) from = comma + 1;
  }
  const phrase = phraseAfter(text, tokens, from);
  if (!phrase) return null;
  const after = tokens.findIndex((token) => token.start >= phrase.end);
  const next = tokens[after];
  if (!next) return null;
  // "A day ahead of the report, Mr Kennedy used a speech to say…": the subject after an adverbial.
  if (phrase.kind === 'description' && next.text === ',' && !phrase.definite) {
    const subject = phraseAfter(text, tokens, after + 1);
    const verb = subject && tokens.find((token) => token.start >= subject.end);
    if (subject && subject.kind !== 'description' && verb?.word && !isCapitalised(verb.text)) return subject;
  }
  if (next.text === ',' || next.text === ':' || (next.word && !isCapitalised(next.text))) return phrase;
  return null;
}
