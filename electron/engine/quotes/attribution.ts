import { SPEECH_VERBS, REPORTING_VERBS, TELLING_VERBS } from './lexicon';
import {
  BETWEEN_SUBJECT_AND_VERB,
  phraseAfter,
  phraseBefore,
  sentenceSubject,
  type Mention,
} from './phrases';
import { isCapitalised, type Token } from './text';

/** Who a quotation hangs on and the word that ties them to it. */
export interface Attribution {
  mention: Mention;
  /** The verb or phrase of attribution as written ("said", "according to"), null for a bare colon. */
  cue: string | null;
  /** False when only a verb of characterisation (called, described as) ties the words to the speaker. */
  strong: boolean;
}

const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';
const LEADING = new Set([',', '—', '–', '-', '(']);
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);
const QUOTING = new Set(['quotes', 'quoted', 'quoting', 'quote', 'cites', 'cited', 'citing']);

/**
 * The attribution that follows a quotation in its sentence, given the tokens
 * after the closing mark: `…," said X`, `…," X said`, `…," X, the party's
 * spokeswoman, told reporters`, `…," according to X`.
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
    if (TELLING_VERBS.has(word)) return null;
    const mention = phraseAfter(text, tokens, at + 1);
    return mention ? { mention, cue: first.text, strong: true } : null;
  }
  const subject = phraseAfter(text, tokens, at, Math.min(tokens.length, at + 10));
  if (!subject) return null;
  let verb = tokens.findIndex((token) => token.start >= subject.end);
  if (verb < 0) return null;
  if (tokens[verb]!.text === ',') {
    const close = tokens.findIndex((token, i) => i > verb && i <= verb + 15 && token.text === ',');
    if (close < 0) return null;
    verb = close + 1;
  }
  while (BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[verb]))) verb++;
  const cue = tokens[verb];
  return cue && SPEECH_VERBS.has(lower(cue)) ? { mention: subject, cue: cue.text, strong: true } : null;
}

/**
 * The attribution in the sentence before a quotation, given the tokens
 * between the sentence's start and the opening mark: `X said: "…`, `X told
 * reporters, "…`, `quotes X as saying, "…`, `according to X, "…`, `X called
 * the plan "…`, or a sentence naming its subject and ending in a colon.
 */
export function attributionBefore(text: string, tokens: readonly Token[]): Attribution | null {
  const count = tokens.length;
  if (count === 0) return null;
  const quoted = quotesAsSaying(text, tokens);
  if (quoted) return quoted;
  const according = tokens.findLastIndex(
    (token, i) => lower(token) === 'according' && lower(tokens[i + 1]) === 'to',
  );
  if (according >= 0) {
    const mention = phraseAfter(text, tokens, according + 2);
    if (mention)
      return { mention, cue: text.slice(tokens[according]!.start, tokens[according + 1]!.end), strong: true };
  }
  for (let verb = count - 1; verb >= 0; verb--) {
    const word = lower(tokens[verb]);
    const strong = SPEECH_VERBS.has(word);
    if (!strong && !REPORTING_VERBS.has(word)) continue;
    // "Asked whether she would stay, she laughed": the opening participle is not the attribution.
    if (verb === 0 && isCapitalised(tokens[0]!.text)) continue;
    const previous = lower(tokens[verb - 1]);
    if (PASSIVE.has(previous)) continue;
    const subject =
      word.endsWith('ing') || previous === 'to'
        ? sentenceSubject(text, tokens)
        : subjectBefore(text, tokens, verb);
    if (subject) return { mention: subject, cue: tokens[verb]!.text, strong };
  }
  if (tokens[count - 1]!.text === ':') {
    // Without a verb of saying, only a person named as the subject introduces the words after a colon.
    const subject = sentenceSubject(text, tokens);
    if (subject && subject.kind !== 'description') return { mention: subject, cue: null, strong: true };
  }
  return null;
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
    if (lower(tokens[saying]) !== 'saying' || lower(tokens[saying - 1]) !== 'as') continue;
    for (let verb = saying - 2; verb >= Math.max(0, saying - 20); verb--) {
      if (!QUOTING.has(lower(tokens[verb]))) continue;
      const cue = tokens[verb]!.text;
      if (PASSIVE.has(lower(tokens[verb - 1]))) {
        const subject = phraseBefore(text, tokens, verb - 1);
        return subject ? { mention: subject, cue, strong: true } : null;
      }
      const mention = phraseAfter(text, tokens, verb + 1, saying - 1);
      return mention ? { mention, cue, strong: true } : null;
    }
  }
  return null;
}

/** The subject and speech verb that open a sentence ("He added that…", "Mr Smith said the…"). */
export function attributionOpening(text: string, tokens: readonly Token[]): Attribution | null {
  const subject = phraseAfter(text, tokens, 0, Math.min(tokens.length, 8));
  if (!subject) return null;
  let verb = tokens.findIndex((token) => token.start >= subject.end);
  while (verb >= 0 && BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[verb]))) verb++;
  const cue = tokens[verb];
  return cue && SPEECH_VERBS.has(lower(cue)) ? { mention: subject, cue: cue.text, strong: true } : null;
}
