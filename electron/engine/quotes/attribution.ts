import {
  ADVERBS,
  BARE_SPEAKERS,
  CLAUSE_WORDS,
  NOUN_MARKERS,
  PASSIVE_AUXILIARIES,
  QUOTING_VERBS,
  REPORTING_VERBS,
  SPEECH_NOUNS,
  SPEECH_VERBS,
  TELLING_VERBS,
} from './lexicon';
import {
  BETWEEN_SUBJECT_AND_VERB,
  phraseAfter,
  sentenceSubject,
  withApposedName,
  type Mention,
} from './phrases';
import { phraseBefore } from './subjects';
import { firstTokenFrom, isCapitalised, isWord, lower, type Token } from './text';
import { WordList } from './word-list';

/** Who a quotation hangs on and the word that ties them to it. */
export interface Attribution {
  mention: Mention;
  /** The verb or phrase of attribution as written ("said", "according to"), null for a bare colon. */
  cue: string | null;
  /** False when only a verb of characterisation (called, described as) ties the words to the speaker. */
  strong: boolean;
}

const LEADING = new Set([',', '—', '–', '-', '(']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their']);
// What an attribution before a quotation rests on: most words are none of these, told without their lower-case form.
const CUES = new WordList([...SPEECH_NOUNS, ...SPEECH_VERBS, ...REPORTING_VERBS, 'put']);

/**
 * The attribution that follows a quotation in its sentence, given the tokens
 * after the closing mark: `…," said X`, `…," X said`, `…," chairman Richard
 * Parsons said`, `…," according to X`, or a reporting clause that ends the
 * sentence (`…, Mr Balls told the BBC.`, `…, says the assembly government.`).
 */
export function attributionAfter(text: string, tokens: readonly Token[]): Attribution | null {
  let at = 0;
  while (tokens[at] && LEADING.has(tokens[at]!.text)) at++;
  const first = tokens[at];
  if (!first?.word) return null;
  const word = lower(first);
  if (word === 'according' && lower(tokens[at + 1]) === 'to') {
    const mention = phraseAfter(text, tokens, at + 2);
    return mention ? { mention, cue: text.slice(first.start, tokens[at + 1]!.end), strong: true } : null;
  }
  if (SPEECH_VERBS.has(word)) {
    const mention = TELLING_VERBS.has(word) ? null : phraseAfter(text, tokens, at + 1);
    return mention
      ? { mention: withApposedName(text, tokens, mention), cue: first.text, strong: true }
      : null;
  }
  for (let verb = at + 1; verb < Math.min(tokens.length, at + 30); verb++) {
    const token = tokens[verb]!;
    // Up to the end of the sentence, or another quotation.
    if (!token.word && /^[".;:?!]$/.test(token.text)) return null;
    if (!SPEECH_VERBS.holds(token) || NOUN_MARKERS.holds(tokens[verb - 1])) continue;
    // "…, says the assembly government.": an inverted clause closing the sentence.
    if (tokens[verb - 1]!.text === ',') {
      const inverted = clauseEndingPhrase(text, tokens, verb + 1, true);
      if (inverted) return { mention: inverted, cue: token.text, strong: true };
    }
    const subject = phraseBefore(text, tokens, verb);
    if (!subject || subject.start < first.start || !plausibleSubject(subject)) return null;
    const subjectAt = tokens.findIndex((candidate) => candidate.start === subject.start);
    // Right after the quotation only role words may precede the subject (not "…", while the Liberal
    // Democrats said"); further on, the subject must open a clause of its own after a comma.
    const between = tokens.slice(at, subjectAt);
    const adjacent = between.every(
      (part) => part.word && (!CLAUSE_WORDS.has(lower(part)) || lower(part) === 'and'),
    );
    if (adjacent || tokens[subjectAt - 1]?.text === ',')
      return { mention: subject, cue: token.text, strong: true };
    return null;
  }
  return null;
}

/**
 * The phrase after an inverted verb when it closes the clause: "…, said Mr
 * Thomas." When `sentenceEnds`, the tokens end with the sentence; otherwise
 * they stop at a quotation, which is not a clause's end.
 */
function clauseEndingPhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  sentenceEnds: boolean,
): Mention | null {
  const found = phraseAfter(text, tokens, from);
  if (!found) return null;
  const phrase = withApposedName(text, tokens, found);
  const next = tokens[firstTokenFrom(tokens, phrase.end)];
  return (next ? !next.word && next.text !== '"' : sentenceEnds) ? phrase : null;
}

/** False for a "subject" that is only an adjective or noun left over, not a speaker: "recent comments". */
function plausibleSubject(subject: Mention): boolean {
  if (subject.kind !== 'description' || subject.definite !== false) return true;
  const words = subject.text.split(/\s+/);
  if (words.length > 1 || isCapitalised(subject.text)) return true;
  const word = words[0]!.toLowerCase();
  return BARE_SPEAKERS.has(word) || (word.endsWith('s') && !word.endsWith('ss'));
}

/**
 * The attribution in the sentence before a quotation, given the tokens
 * between the sentence's start and the opening mark: `X said: "…`, `X told
 * reporters, "…`, `quotes X as saying, "…`, `according to X, "…`, `X called
 * the plan "…`, `claims from X that…`, or a sentence naming its subject and
 * ending in a colon.
 */
export function attributionBefore(text: string, tokens: readonly Token[]): Attribution | null {
  const count = tokens.length;
  if (count === 0) return null;
  const quoted = quotesAsSaying(text, tokens);
  if (quoted) return quoted;
  let according = count - 1;
  while (according >= 0 && !(isWord(tokens[according], 'according') && isWord(tokens[according + 1], 'to')))
    according--;
  const accorded = according >= 0 ? phraseAfter(text, tokens, according + 2) : null;
  if (accorded) {
    return {
      mention: accorded,
      cue: text.slice(tokens[according]!.start, tokens[according + 1]!.end),
      strong: true,
    };
  }
  for (let verb = count - 1; verb >= 0; verb--) {
    const found = attributionAt(text, tokens, verb);
    if (found) return found;
  }
  if (tokens[count - 1]!.text === ':') return colonIntroduction(text, tokens);
  return null;
}

/** The attribution resting on tokens[verb], if it is a verb (or noun) of saying with a speaker. */
function attributionAt(text: string, tokens: readonly Token[], verb: number): Attribution | null {
  const token = tokens[verb]!;
  if (!CUES.holds(token)) return null;
  const word = lower(token);
  const cue = tokens[verb]!.text;
  // "claims from Conservative leader Michael Howard that…"
  if (SPEECH_NOUNS.has(word) && ['from', 'by'].includes(lower(tokens[verb + 1]))) {
    const source = phraseAfter(text, tokens, verb + 2);
    if (source) return { mention: source, cue, strong: false };
  }
  // "As Gavin Cox … put it:"
  const strong = SPEECH_VERBS.has(word) || (word === 'put' && lower(tokens[verb + 1]) === 'it');
  if (!strong && !REPORTING_VERBS.has(word)) return null;
  // "Asked whether she would stay, she laughed": the opening participle is not the attribution.
  if (verb === 0 && isCapitalised(cue)) return null;
  if (NOUN_MARKERS.has(lower(tokens[verb - 1])) || isPassive(tokens, verb)) return null;
  const previous = lower(tokens[verb - 1]);
  // "…the content of the e-mail, said Mr Thomas.": a reporting clause after what it reports.
  const inverted = previous === ',' && strong ? clauseEndingPhrase(text, tokens, verb + 1, false) : null;
  const subject =
    inverted ??
    (word.endsWith('ing') || previous === 'to'
      ? (sentenceSubject(text, tokens) ?? invertedSpeaker(text, tokens, verb))
      : subjectBefore(text, tokens, verb));
  return subject && plausibleSubject(subject) ? { mention: subject, cue, strong } : null;
}

/** "…," said Anthony Sebok, a professor, adding that…: the speaker an inverted verb named earlier. */
function invertedSpeaker(text: string, tokens: readonly Token[], before: number): Mention | null {
  for (let verb = before - 1; verb >= 0; verb--) {
    if (!SPEECH_VERBS.has(lower(tokens[verb])) || lower(tokens[verb]).endsWith('ing')) continue;
    const speaker = phraseAfter(text, tokens, verb + 1);
    if (speaker && speaker.kind !== 'description') return speaker;
  }
  return null;
}

function reports(token: Token): boolean {
  return SPEECH_VERBS.holds(token) || REPORTING_VERBS.holds(token);
}

function isPassive(tokens: readonly Token[], verb: number): boolean {
  let auxiliary = verb - 1;
  while (auxiliary > 0 && ADVERBS.has(lower(tokens[auxiliary]))) auxiliary--;
  return PASSIVE_AUXILIARIES.has(lower(tokens[auxiliary]));
}

/** A sentence ending in a colon without a verb of saying: only a person named as its subject introduces the words. */
function colonIntroduction(text: string, tokens: readonly Token[]): Attribution | null {
  const subject = sentenceSubject(text, tokens);
  if (!subject) return null;
  if (subject.kind !== 'description') return { mention: subject, cue: null, strong: true };
  // "His message to the chancellor was:": the owner speaks.
  const owner = subject.text.split(/\s+/)[0]!;
  if (!POSSESSIVES.has(owner.toLowerCase())) return null;
  const mention: Mention = {
    start: subject.start,
    end: subject.start + owner.length,
    text: owner,
    kind: 'pronoun',
  };
  return { mention, cue: null, strong: true };
}

function subjectBefore(text: string, tokens: readonly Token[], verb: number): Mention | null {
  const subject = phraseBefore(text, tokens, verb);
  if (subject) return subject;
  let before = verb - 1;
  while (before > 0 && BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[before]))) before--;
  const joiner = lower(tokens[before]);
  // "Zoë Hartwell, who had previously said": the speaker is whom the clause is about.
  if (joiner === 'who')
    return phraseBefore(text, tokens, tokens[before - 1]?.text === ',' ? before - 1 : before);
  // "…, but expressed confidence that…": the verb shares the sentence's subject.
  return joiner === 'and' || joiner === 'but' ? sentenceSubject(text, tokens) : null;
}

/** "quotes an unnamed official as saying", "X was quoted as saying". */
function quotesAsSaying(text: string, tokens: readonly Token[]): Attribution | null {
  const count = tokens.length;
  for (let saying = count - 1; saying >= Math.max(1, count - 4); saying--) {
    if (!isWord(tokens[saying], 'saying') || !isWord(tokens[saying - 1], 'as')) continue;
    for (let verb = saying - 2; verb >= Math.max(0, saying - 20); verb--) {
      if (!QUOTING_VERBS.has(lower(tokens[verb]))) continue;
      const cue = tokens[verb]!.text;
      const mention = PASSIVE_AUXILIARIES.has(lower(tokens[verb - 1]))
        ? phraseBefore(text, tokens, verb - 1)
        : phraseAfter(text, tokens, verb + 1, saying - 1);
      return mention ? { mention, cue, strong: true } : null;
    }
  }
  return null;
}

/**
 * The agent of a passive verb of reporting: `described as "…" by the
 * commission`. `before` are the tokens before the quotation in its sentence,
 * `rest` the tokens after it to the sentence's end (other quotations included).
 */
export function passiveAgent(
  text: string,
  before: readonly Token[],
  rest: readonly Token[],
): Attribution | null {
  let verb = before.length - 1;
  while (verb >= 0 && !(reports(before[verb]!) && isPassive(before, verb))) verb--;
  if (verb < 0) return null;
  let by = -1;
  for (let i = 0; i < rest.length && i < 12; i++) {
    if (isWord(rest[i], 'by')) {
      by = i;
      break;
    }
  }
  const agent = by >= 0 ? phraseAfter(text, rest, by + 1) : null;
  return agent ? { mention: agent, cue: before[verb]!.text, strong: false } : null;
}

/** The subject and speech verb that open a sentence ("He added that…", "Mr Smith said the…"). */
export function attributionOpening(text: string, tokens: readonly Token[]): Attribution | null {
  const subject = phraseAfter(text, tokens, 0, Math.min(tokens.length, 8));
  if (!subject) return null;
  let verb = firstTokenFrom(tokens, subject.end);
  while (verb >= 0 && BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[verb]))) verb++;
  const cue = tokens[verb];
  return cue && SPEECH_VERBS.has(lower(cue)) ? { mention: subject, cue: cue.text, strong: true } : null;
}
