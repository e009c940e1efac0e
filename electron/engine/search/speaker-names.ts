import { isNameConnector } from '../quotes/names';

/** A name's words, without accents or the punctuation around them ("(Labour)", "Blair,"). */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
}

const POSSESSIVE = /['’]s$/u;

/**
 * True when a speaker is described rather than named: a word in lower case
 * that does not join a name ("a spokesman", "Mr Blair's official
 * spokesman") or a possessive ("Mr Blair's spokesman"). Such a speaker is
 * someone else than the person the name in it belongs to.
 */
function isDescription(words: readonly string[]): boolean {
  return words.some((word) => POSSESSIVE.test(word) || (/^\p{Ll}/u.test(word) && !isNameConnector(word)));
}

/**
 * The speakers a name given by hand stands for, matched in any case and
 * with or without accents: the speaker of that very name, and every speaker
 * named (not described) with each of its words. "federer" stands for Roger
 * Federer and for Federer alone, "zoe hartwell" for Zoë Hartwell; "blair"
 * stands for Tony Blair and Ian Blair, not for Mr Blair's spokesman. The
 * speaker of exactly that name comes first, the others in alphabetical
 * order. A name without a letter or digit stands for no one.
 */
export function speakersCalled(name: string, speakers: Iterable<string>): string[] {
  const wanted = wordsOf(name).map((word) => word.toLowerCase());
  if (wanted.length === 0) return [];
  const exact: string[] = [];
  const others: string[] = [];
  for (const speaker of new Set(speakers)) {
    const words = wordsOf(speaker);
    const lower = words.map((word) => word.toLowerCase());
    if (lower.length === wanted.length && lower.every((word, i) => word === wanted[i])) {
      (speaker === name ? exact : others).push(speaker);
    } else if (!isDescription(words) && wanted.every((word) => lower.includes(word))) {
      others.push(speaker);
    }
  }
  others.sort((a, b) => a.localeCompare(b));
  return [...exact, ...others];
}
