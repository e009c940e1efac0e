import { normaliseWord } from '../index/normalise';
import { isNameConnector } from '../quotes/names';

// Latin letters that do not come apart into a letter and an accent, so that folding accents leaves them.
const FOLDED: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/** A name's words, split at white space, without the punctuation around them ("(Labour)", "Blair,"). */
function wordsOf(name: string): string[] {
  return name
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * The parts a name is matched by, as a word is compared in search (accents
 * folded, one kind of apostrophe, lower case), with the few letters folding
 * leaves typed as on any keyboard, and hyphenated words in their parts
 * ("Jean-Claude", "O'Neill").
 */
function partsOf(words: readonly string[]): string[] {
  return words
    .flatMap((word) =>
      normaliseWord(word)
        .replace(/[łøßæœđı]/gu, (letter) => FOLDED[letter]!)
        .split(/[-\u2010']+/u),
    )
    .filter((part) => part.length > 0);
}

/**
 * True when a speaker is described rather than named: a possessive ("Mr
 * Blair's spokesman", "Mr Jones' office"), or a word of four letters or more
 * in lower case only that does not join a name ("a spokesman", "official";
 * not "van", "dos", "al-Assad" or a script without case). Such a speaker is
 * someone else than the person the name in it belongs to.
 */
function isDescription(words: readonly string[]): boolean {
  return words.some(
    (word) =>
      /\p{L}['’]s?$/u.test(word) ||
      (word.length >= 4 && /\p{Ll}/u.test(word) && !/[\p{Lu}\p{Lt}]/u.test(word) && !isNameConnector(word)),
  );
}

/**
 * The speakers a name given by hand stands for, matched in any case and
 * with or without accents: the speaker of that very name, and every speaker
 * named (not described) with each of its words. "federer" stands for Roger
 * Federer and for Federer alone, "zoe hartwell" for Zoë Hartwell, "jean" for
 * Jean-Claude Juncker; "blair" stands for Tony Blair and Ian Blair, not for
 * Mr Blair's spokesman. The speaker of exactly that name comes first, the
 * others in alphabetical order. A name without a letter or digit stands for
 * no one.
 */
export function speakersCalled(name: string, speakers: Iterable<string>): string[] {
  const wanted = partsOf(wordsOf(name));
  if (wanted.length === 0) return [];
  const exact: string[] = [];
  const others: string[] = [];
  for (const speaker of new Set(speakers)) {
    const words = wordsOf(speaker);
    const parts = partsOf(words);
    if (parts.length === wanted.length && parts.every((part, i) => part === wanted[i])) {
      (speaker === name ? exact : others).push(speaker);
    } else if (!isDescription(words) && wanted.every((part) => parts.includes(part))) {
      others.push(speaker);
    }
  }
  others.sort((a, b) => a.localeCompare(b));
  return [...exact, ...others];
}
