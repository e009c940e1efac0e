import type { Attribution } from './attribution';
import { SPEECH_VERBS } from './lexicon';
import { isPossessive, looksLikePerson } from './names';
import { phraseAfter } from './phrases';
import { phraseBefore } from './subjects';
import { isCapitalised, type Token } from './text';

// Attributions that rest on no verb of saying, only on where a name stands against the quoted words.

/** "Richard Thomas "totally condemned" the deletion": quoted words that are the verb of a named subject. */
export function predicateOf(
  text: string,
  before: readonly Token[],
  after: readonly Token[],
): Attribution | null {
  const next = after[0];
  if (!next?.word || isCapitalised(next.text) || !before[before.length - 1]?.word) return null;
  // "the cost of Britain's "chaotic" asylum system": a possessive owns the words' noun, it does not say them.
  if (isPossessive(before[before.length - 1]!.text)) return null;
  const subject = phraseBefore(text, before, before.length);
  return subject && subject.kind !== 'description' ? { mention: subject, cue: null, strong: false } : null;
}

/** "- Bolton boss Sam Allardyce "I am bitterly disappointed…"": a name standing as the label of the words. */
export function labelOf(text: string, before: readonly Token[]): Attribution | null {
  let from = 0;
  while (before[from] && !before[from]!.word) from++;
  const name = phraseAfter(text, before, from);
  const last = before[before.length - 1];
  return name?.kind === 'name' && last && name.end === last.end && looksLikePerson(name.text)
    ? { mention: name, cue: null, strong: true }
    : null;
}

/** True when a colon, or a verb of saying (with or without a comma), leads straight into the quotation. */
export function endsWithSaying(before: readonly Token[]): boolean {
  const last = before[before.length - 1];
  if (last?.text === ':') return true;
  const word = last?.text === ',' ? before[before.length - 2] : last;
  return word?.word === true && SPEECH_VERBS.has(word.text.toLowerCase());
}
