import { NOT_NAME_WORDS, PRONOUNS, REPORTING_VERBS, SPEECH_VERBS } from './lexicon';
import { isNameWord, isPossessive, looksLikePerson, runEnd, runStart } from './names';
import { firstTokenFrom, isCapitalised, lower, nextTokenWritten, type Span, type Token } from './text';
import { WordList } from './word-list';

/** How a mention names its speaker: a pronoun, a proper name, or a description ("a spokesman"). */
export type MentionKind = 'pronoun' | 'name' | 'description';

/** A noun phrase in the text that can name who speaks. */
export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** For a description: whether it is definite ("the minister"), so may point at someone named earlier. */
  definite?: boolean;
}

export const DETERMINERS = new Set(
  'a an the one two three four five some several many his her their its our this these those another each every both any no'.split(
    ' ',
  ),
);
export const DEFINITE = new Set('the this these those his her their its our'.split(' '));
export const STOPS = new Set(
  `that which who whom whose and but or nor as if when while because since although though after
  before until to in on at by with from for of into onto about over under than then so also not
  was is are were be been being has have had would will could should might must can do does did
  yesterday today tonight during adding saying according without within across against among
  around behind beyond near through toward towards upon via per including despite except where`.split(/\s+/),
);
// Prepositions that attach a phrase to a speaker's description: "a spokesman for the ministry".
export const ATTACHING = new Set(['for', 'of', 'at', 'from', 'with']);
/** Words that may stand between a subject and its verb: "Kim also said", "he had earlier told". */
export const BETWEEN_SUBJECT_AND_VERB = new WordList(
  `also later then has had have was is were are would will again once previously recently
  further earlier subsequently simply just reportedly publicly privately separately already
  still never often always himself herself themselves itself quickly immediately repeatedly
  clearly firmly bluntly angrily quietly since has only merely simply`.split(/\s+/),
);

export const JOINERS = new Set(['but', 'and', 'yet', 'so', 'still', 'however', 'meanwhile', 'now', 'also']);
const LIST_JOINERS = new Set(['and', 'or']);

export function isVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || REPORTING_VERBS.has(word);
}

export function spanText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

export function mention(
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
    // "spokeswoman for women Sandra Gidley": a role may carry its own small phrase.
    const within =
      ATTACHING.has(word) && role && tokens[at + 1]?.word && !isCapitalised(tokens[at + 1]!.text);
    if (!within && (STOPS.has(word) || isVerb(word) || DETERMINERS.has(word))) return null;
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
  const comma = firstTokenFrom(tokens, phrase.end);
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
 * The subject of a sentence given as tokens: after a leading clause
 * ("Speaking after the vote, she …") or conjunction ("But Kim …").
 */
export function sentenceSubject(text: string, tokens: readonly Token[]): Mention | null {
  let from = 0;
  // "- Manchester City boss Kevin Keegan:": a list dash or bracket before the sentence.
  while (tokens[from] && !tokens[from]!.word && tokens[from]!.text !== '"') from++;
  if (JOINERS.has(lower(tokens[from]))) from += tokens[from + 1]?.text === ',' ? 2 : 1;
  const opener = lower(tokens[from]);
  let opened = false;
  if (NOT_NAME_WORDS.has(opener) && !PRONOUNS.has(opener) && !DETERMINERS.has(opener)) {
    const comma = nextTokenWritten(tokens, from, ',');
    if (comma < 0 || comma > from + 15) return null;
    from = comma + 1;
    opened = true;
  } else if (opener.endsWith('ing')) {
    const comma = nextTokenWritten(tokens, from, ',');
    if (comma > 0 && comma <= from + 15) {
      from = comma + 1;
      opened = true;
    }
  }
  let found = phraseAfter(text, tokens, from);
  // "Shortly after collecting a trophy, a Mercedes convertible and a cheque, Federer addressed…": a thing
  // listed in the opening clause is no subject; the clause runs on to a later comma.
  for (
    let hops = 0;
    opened && found?.kind === 'description' && found.definite === false && hops < 2;
    hops++
  ) {
    const end = found.end;
    const listed = firstTokenFrom(tokens, end);
    if (!LIST_JOINERS.has(lower(tokens[listed]))) break;
    const comma = nextTokenWritten(tokens, listed, ',');
    const later = comma > 0 && comma <= listed + 15 ? phraseAfter(text, tokens, comma + 1) : null;
    if (!later) break;
    found = later;
  }
  const phrase = found;
  if (!phrase) return null;
  const after = firstTokenFrom(tokens, phrase.end);
  const next = tokens[after];
  if (!next) return null;
  // "A day ahead of the report, Mr Kennedy used a speech to say…": the subject after an adverbial.
  if (phrase.kind === 'description' && next.text === ',' && !phrase.definite) {
    const subject = phraseAfter(text, tokens, after + 1);
    const verb = subject && tokens[firstTokenFrom(tokens, subject.end)];
    if (subject && subject.kind !== 'description' && verb?.word && !isCapitalised(verb.text)) return subject;
  }
  if (next.text === ',' || next.text === ':' || (next.word && !isCapitalised(next.text))) return phrase;
  return null;
}
