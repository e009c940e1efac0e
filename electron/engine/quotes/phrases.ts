import { NOT_NAME_WORDS, PRONOUNS, REPORTING_VERBS, SPEECH_VERBS, TITLES } from './lexicon';
import { isCapitalised, type Span, type Token } from './text';

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
const PARTICLES = new Set('de da del della di du la le van von der den ter al el bin ibn y'.split(' '));
const CONNECTORS = new Set([...PARTICLES, 'of', 'for', 'and', 'the', '&']);
/** Words that may stand between a subject and its verb: "Kim also said", "he had earlier told". */
export const BETWEEN_SUBJECT_AND_VERB = new Set(
  `also later then has had have was is were are would will again once previously recently
  further earlier subsequently simply just reportedly publicly privately separately already
  still never often always himself herself themselves itself quickly immediately repeatedly
  clearly firmly bluntly angrily quietly since has`.split(/\s+/),
);

const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';

/** True for a word that can be part of a proper name (capitalised, not a sentence-opening function word). */
export function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.word && isCapitalised(token.text) && !NOT_NAME_WORDS.has(lower(token));
}

function isVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || REPORTING_VERBS.has(word);
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

/** Index just past the run of name words (and inner connectors: Bank of England) starting at `from`. */
export function runEnd(tokens: readonly Token[], from: number, limit: number): number {
  let at = from;
  while (at < limit) {
    if (isNameWord(tokens[at])) at++;
    else if (CONNECTORS.has(lower(tokens[at])) && at > from && isNameWord(tokens[at + 1]) && at + 1 < limit)
      at += 2;
    else break;
  }
  return at;
}

/** Index of the first word of the run of name words that ends at `to` (exclusive). */
function runStart(tokens: readonly Token[], to: number): number {
  let at = to;
  while (at > 0) {
    if (isNameWord(tokens[at - 1])) at--;
    else if (CONNECTORS.has(lower(tokens[at - 1])) && at < to && isNameWord(tokens[at - 2])) at -= 2;
    else break;
  }
  return at;
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
    if (!isPossessive(tokens[end - 1]!.text)) return mention(text, tokens, from, end, 'name');
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
  const nameFrom = runStart(tokens, at);
  if (nameFrom < at && nameFrom > from && at - nameFrom >= 2 && !isNameWord(tokens[nameFrom - 1])) {
    // "spokeswoman Sandra Gidley": the name is the speaker, the words before it her role.
    const before = lower(tokens[nameFrom - 1]);
    if (!ATTACHING.has(before) && !DETERMINERS.has(before))
      return mention(text, tokens, nameFrom, at, 'name');
  }
  if (DETERMINERS.has(word) && at === from + 1) return null;
  return mention(text, tokens, from, at, 'description');
}

function isPossessive(word: string): boolean {
  return /['’]s?$/u.test(word);
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
  while (end > 0 && BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[end - 1]))) end--;
  const last = tokens[end - 1];
  if (!last) return null;
  if (last.text === ',' || last.text === ')') return appositionSubject(text, tokens, end - 1);
  if (!last.word) return null;
  const word = lower(last);
  if (PRONOUNS.has(word)) return mention(text, tokens, end - 1, end, 'pronoun');
  if (isNameWord(last)) {
    const start = runStart(tokens, end);
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
  return mention(text, tokens, start, end, 'description');
}

/** The subject of "X, who …, said" or "The shadow secretary, Theresa May, said": a name wins over a description. */
function appositionSubject(text: string, tokens: readonly Token[], comma: number): Mention | null {
  const segments: [number, number][] = [];
  let to = comma;
  for (let at = comma - 1; at >= 0 && comma - at <= 30 && segments.length < 3; at--) {
    if (tokens[at]!.text === ',' || tokens[at]!.text === '(' || at === 0) {
      const from = at === 0 && tokens[0]!.text !== ',' ? 0 : at + 1;
      segments.unshift([from, to]);
      to = at;
    }
  }
  const candidates = segments
    .map(([from, end]) => ({ from, end, phrase: phraseAfter(text, tokens, from, end) }))
    .filter(({ phrase, end }) => phrase !== null && phrase.end === tokens[end - 1]!.end);
  const name =
    candidates.find(({ phrase }) => phrase!.kind === 'name' && looksLikePerson(phrase!.text)) ??
    candidates.find(({ phrase }) => phrase!.kind === 'name') ??
    candidates[0];
  return name?.phrase ?? null;
}

/** True when a name reads as a person's ("Theresa May", "Mr Kim"), not a title or an institution. */
export function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/);
  const titles = words.findIndex((word) => !TITLES.has(word.toLowerCase().replace(/\.$/, '')));
  if (titles < 0) return false;
  const rest = words.slice(titles);
  if (rest.some((word) => CONNECTORS.has(word.toLowerCase()) && !PARTICLES.has(word.toLowerCase())))
    return false;
  return rest.length >= 2 || titles > 0;
}

/**
 * The subject of a sentence given as tokens: after a leading clause
 * ("Speaking after the vote, she …") or conjunction ("But Kim …").
 */
export function sentenceSubject(text: string, tokens: readonly Token[]): Mention | null {
  let from = 0;
  const first = lower(tokens[0]);
  if (['but', 'and', 'yet', 'so', 'still', 'however', 'meanwhile', 'now'].includes(first)) from = 1;
  if (tokens[from] && lower(tokens[from + 1]) === ',') from += 2;
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
  if (next.text === ',' || (next.word && !isCapitalised(next.text))) return phrase;
  return null;
}
