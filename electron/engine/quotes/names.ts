import { FEMALE_NAMES, MALE_NAMES, NOT_NAME_WORDS, ORGANISATION_WORDS, TITLES } from './lexicon';
import { lower, startsUpper, type Token } from './text';
import { WordList } from './word-list';

const PARTICLES = new Set('de da del della di du la le van von der den ter al el bin ibn y'.split(' '));
// Words that join the parts of one name: "Bank of England", "Trade and Industry Secretary".
const CONNECTORS = new WordList([...PARTICLES, 'of', 'for', 'and', '&']);
/** True for a small word that joins the parts of one name ("de", "van", "of", "and"). */
export function isNameConnector(word: string): boolean {
  return CONNECTORS.has(word.toLowerCase());
}

/** Honorifics that only ever stand before a person's name. */
export const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'prof',
]);

/** True for a word that can be part of a proper name (capitalised, not a sentence-opening function word). */
export function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.word && startsUpper(token) && !NOT_NAME_WORDS.holds(token);
}

/** A word as names are compared: lower case, without a possessive ending or full stop. */
export function nameKey(word: string): string {
  let end = word.length;
  const last = word.charCodeAt(end - 1);
  if ((last === 0x73 || last === 0x53) && isApostrophe(word.charCodeAt(end - 2))) end -= 2;
  else if (isApostrophe(last) || last === 0x2e) end -= 1;
  return (end === word.length ? word : word.slice(0, end)).toLowerCase();
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** True for a possessive word: Brown's, Fishers’. */
export function isPossessive(word: string): boolean {
  return /['’]s?$/u.test(word);
}

/** True for a possessive word ending in "'s" or "’s" (Brown's), not a bare apostrophe (Fishers’). */
function endsWithApostropheS(word: string): boolean {
  const before = word.charCodeAt(word.length - 2);
  return word.charCodeAt(word.length - 1) === 0x73 && isApostrophe(before);
}

/** True when a run of name words opens like a person's name: a given name or an honorific (Richard …, Mr …). */
function opensPersonName(tokens: readonly Token[], from: number): boolean {
  const first = lower(tokens[from]).replace(/\.$/, '');
  return MALE_NAMES.has(first) || FEMALE_NAMES.has(first) || HONORIFICS.has(first);
}

/**
 * Index just past the run of name words starting at `from`, with the
 * connectors of institutions' names (Bank of England). A possessive ends the
 * run (Mr Brown's | Budget), and a person's name is not joined to what
 * follows "of" or "and" (Nick Van den Brul | of BNP Paribas; Richard Madeley | and Judy Finnigan).
 */
export function runEnd(tokens: readonly Token[], from: number, limit: number, joinAnd = true): number {
  let at = from;
  while (at < limit) {
    const token = tokens[at];
    if (isNameWord(token)) {
      at++;
      // "Mr Brown's | Budget" splits; "Coastal Fishers’ Association" does not.
      if (endsWithApostropheS(token!.text)) break;
    } else if (CONNECTORS.holds(token) && at > from) {
      // "Friends of the Earth": "of the" joins too.
      const width =
        (lower(token) === 'of' || lower(token) === 'for') && lower(tokens[at + 1]) === 'the' ? 2 : 1;
      if (at + width >= limit || !isNameWord(tokens[at + width])) break;
      if (!PARTICLES.has(lower(token)) && opensPersonName(tokens, from)) break;
      if (!joinAnd && lower(token) === 'and') break;
      at += width + 1;
    } else break;
  }
  return at;
}

/** Index of the first word of the run of name words that ends at `to` (exclusive); see runEnd. */
export function runStart(tokens: readonly Token[], to: number): number {
  let at = to;
  while (at > 0) {
    const previous = tokens[at - 1];
    if (isNameWord(previous) && !(at < to && endsWithApostropheS(previous!.text))) {
      at--;
    } else if (at < to && (CONNECTORS.has(lower(previous)) || lower(previous) === 'the')) {
      const width = lower(previous) === 'the' ? 2 : 1;
      const joiner = lower(tokens[at - width]);
      if ((width === 2 && joiner !== 'of' && joiner !== 'for') || !isNameWord(tokens[at - width - 1])) break;
      if (PARTICLES.has(joiner)) {
        at -= 2;
        continue;
      }
      const left = runStart(tokens, at - width);
      if (opensPersonName(tokens, left) || isPossessive(tokens[at - width - 1]!.text)) break;
      at = left;
    } else break;
  }
  return at;
}

/** True when a name contains a word for a body: "Blackpool Hotel Association", "Ministry of Defence". */
export function isInstitution(name: string): boolean {
  return name.split(/\s+/).some((word) => ORGANISATION_WORDS.has(word.toLowerCase().replace(/['’]s?$/u, '')));
}

/** True when a name reads as a person's ("Theresa May", "Mr Kim"), not a title or an institution. */
export function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/);
  const titles = words.findIndex((word) => !TITLES.has(word.toLowerCase().replace(/\.$/, '')));
  if (titles < 0) return false;
  const rest = words.slice(titles);
  // "Salford MP", "Reds skipper": a role, however capitalised.
  if (TITLES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, ''))) return false;
  if (rest.some((word) => CONNECTORS.has(word.toLowerCase()) && !PARTICLES.has(word.toLowerCase())))
    return false;
  return rest.length >= 2 || titles > 0;
}

const HYPHENATED_ROLE = /^\p{L}+-\p{Ll}/u;
// Titles that stay part of a name given without a surname: Crown Prince Frederik, Queen Elizabeth.
const ROYAL = new Set(
  'king queen prince princess crown duke duchess emperor empress pope sheikh emir sultan'.split(' '),
);

/**
 * The words of a name without the titles and roles before it: "Trade and
 * Industry Secretary Patricia Hewitt" → "Patricia Hewitt", "AMBASSADOR KIM"
 * → "KIM"; royal titles stay before a lone given name (Crown Prince Frederik).
 */
export function withoutTitles(words: readonly string[]): { words: string[]; titles: string[] } {
  if (words.length === 1) return { words: [...words], titles: [] };
  const key = nameKey;
  // "Salford MP Hazel Blears", "Bank of England Governor Mervyn King": the name after the last title.
  let inner = -1;
  for (let i = words.length - 3; i > 0 && inner < 0; i--) {
    const word = key(words[i]!);
    if (TITLES.has(word) || HONORIFICS.has(word)) inner = i;
  }
  const rest = inner > 0 ? words.slice(inner + 1) : [...words];
  const titles: string[] = inner > 0 ? words.slice(0, inner + 1).map(key) : [];
  let office = false;
  while (rest.length > 1) {
    const word = key(rest[0]!);
    // "Scrum-half Peter Stringer", "Ex-minister …": a hyphenated role.
    const role = rest.length > 2 && HYPHENATED_ROLE.test(rest[0]!);
    if (!role && !TITLES.has(word) && !ROYAL.has(word) && !(CONNECTORS.has(word) && titles.length > 0)) {
      // "Archbishop of Canterbury Rowan Williams": the place of an office goes with it.
      if (!office || rest.length < 3) break;
      office = false;
    } else if (CONNECTORS.has(word)) {
      office = true;
    }
    titles.push(word);
    rest.shift();
  }
  if (rest.length === 1 && titles.some((title) => ROYAL.has(title))) {
    const royal = titles.findIndex((title) => ROYAL.has(title));
    return { words: words.slice(royal), titles: titles.slice(0, royal) };
  }
  return { words: rest, titles };
}
