import { clauseRole } from './clauses';
import {
  EVENT_WORDS,
  FEMALE_NAMES,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  NOUN_MARKERS,
  ORGANISATION_WORDS,
  SPEECH_VERBS,
  TITLES,
} from './lexicon';
import { isNameWord, nameKey, runEnd, withoutTitles } from './names';
import { phraseBefore } from './phrases';
import { isAllCaps, isCapitalised, tokenize, type Span, type Token } from './text';

export type Gender = 'm' | 'f' | null;

/** A person or organisation the article names. */
export interface Entity {
  /** The fullest form of the name seen, titles left out. */
  name: string;
  words: string[];
  gender: Gender;
  org: boolean;
  /** Titles and role words written beside the name (minister, mayor, spokesman…). */
  roles: Set<string>;
  /** Where the article names it, in order. */
  sightings: Sighting[];
  /** Seen as the one who speaks: subject of a verb of saying, or given a quotation. */
  spoke: boolean;
}

/** One place where an entity is named. */
export interface Sighting {
  at: number;
  entity: Entity;
  /** Named as the subject of its clause ("Mr Balls said…"), not as an object ("warned Mr Brown"). */
  salient: boolean;
  /** Named inside a quotation: someone spoken of, not someone speaking. */
  quoted: boolean;
}

/** An unnamed speaker, as the article describes them: "a spokesman for the BPI said…". */
export interface Described {
  at: number;
  /** The noun the description rests on ("spokesman"). */
  head: string;
  text: string;
}

const PLACE_WORDS = new Set(
  'north south east west new port saint st mount lake river street road hotel island islands city county gulf bay cape sea ocean valley point kingdom republic states'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['the', 'a', 'an', 'and', 'of']);
const KNIGHTLY = new Set(['sir', 'dame', 'lord', 'lady']);
const ATTACHING = new Set(['for', 'of', 'at', 'from', 'with']);

const lastOf = (words: readonly string[]) => words[words.length - 1]!;
const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';

/**
 * The people and organisations an article names, and where: read once, so
 * that each mention resolves without rereading the text. Names inside
 * quotations count for the fullest form of a name, never as subjects.
 */
export class NameIndex {
  readonly byLastWord = new Map<string, Entity[]>();
  readonly byRole = new Map<string, Entity[]>();
  readonly byGivenName = new Map<string, Entity[]>();
  private readonly byInitials = new Map<string, Entity>();
  private readonly byFirstWord = new Map<string, Entity[]>();
  readonly sightings: Sighting[] = [];
  readonly described: Described[] = [];

  /** Reads the names in `paragraphs` of `text`; `quotations` (sorted) mark the quoted words. */
  constructor(
    private readonly text: string,
    paragraphs: readonly Span[],
    quotations: readonly Span[],
  ) {
    for (const paragraph of paragraphs) {
      const tokens = tokenize(text, paragraph.start, paragraph.end, quotations);
      let from = 0;
      tokens.forEach((token, i) => {
        if (token.word || token.text !== '"') return;
        this.read(tokens, from, i, false);
        const inner = tokenize(text, token.start + 1, token.end);
        this.read(inner, 0, inner.length, true);
        from = i + 1;
      });
      this.read(tokens, from, tokens.length, false);
    }
    for (const entity of new Set([...this.byLastWord.values()].flat())) {
      for (const role of entity.roles) push(this.byRole, role, entity);
    }
  }

  private read(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    for (let at = from; at < to; at++) {
      const word = lower(tokens[at]);
      if (!quoted && SPEECH_VERBS.has(word) && !NOUN_MARKERS.has(lower(tokens[at - 1])))
        this.describe(tokens, at);
      if (word === 'the' && !isNameWord(tokens[at + 1])) {
        if (!quoted) this.addBodyMention(tokens, at);
        continue;
      }
      if (!isNameWord(tokens[at])) continue;
      const end = runEnd(tokens, at, to, false);
      this.addRun(tokens, at, end, quoted);
      at = end - 1;
    }
  }

  /** Records an unnamed speaker: the description before a verb of saying. */
  private describe(tokens: readonly Token[], verb: number): void {
    const subject = phraseBefore(this.text, tokens, verb);
    if (subject?.kind !== 'description') return;
    const words = subject.text.split(/\s+/);
    const attached = words.findIndex((word, i) => i > 0 && ATTACHING.has(word.toLowerCase()));
    const head = nameKey(words[attached > 0 ? attached - 1 : words.length - 1]!);
    this.described.push({ at: subject.start, head, text: subject.text });
  }

  /** "The board disputes…": a later sighting of the body named before ("Harbour Board"). */
  private addBodyMention(tokens: readonly Token[], at: number): void {
    const word = tokens[at + 1]?.word ? lower(tokens[at + 1]) : '';
    if (!ORGANISATION_WORDS.has(word)) return;
    const start = tokens[at]!.start;
    const bodies = (this.byLastWord.get(word) ?? []).filter((candidate) => candidate.org);
    const entity = nearest(bodies, start);
    if (entity) this.sight(entity, start, clauseRole(tokens, at, at + 2).salient, false);
  }

  private addRun(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    const raw = tokens.slice(from, to).map((token) => token.text);
    raw.push(raw.pop()!.replace(/(?:['’]s|['’])$/u, ''));
    const { words, titles } = withoutTitles(raw);
    // "Glasgow Kelvin MP", "Reds skipper": a role, not a name.
    if (words.length > 4 || (words.length > 1 && TITLES.has(nameKey(lastOf(words))))) return;
    const roles = new Set(titles);
    let gender: Gender = null;
    for (const title of titles)
      gender ??= MALE_TITLES.has(title) ? 'm' : FEMALE_TITLES.has(title) ? 'f' : null;
    for (let back = from - 1; back >= Math.max(0, from - 3); back--) {
      const token = tokens[back]!;
      if (!token.word || ARTICLES.has(lower(token)) || isCapitalised(token.text)) break;
      roles.add(nameKey(token.text));
    }
    if (tokens[to]?.text === ',') appositionRoles(tokens, to + 1, roles);
    const lowerWords = words.map((word) => word.toLowerCase());
    const org =
      lowerWords.some((word) => ORGANISATION_WORDS.has(word) || EVENT_WORDS.has(word) || word === 'of') ||
      (words.length === 1 && isAllCaps(words[0]!) && titles.length === 0);
    const first = lowerWords[0]!;
    if (words.length > 1) gender ??= MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
    const at = tokens[from]!.start;
    const knighted = titles.some((title) => KNIGHTLY.has(title));
    const entity = this.entityFor(words, lowerWords, org, at, knighted);
    if (!entity) return;
    entity.gender ??= gender;
    for (const role of roles) entity.roles.add(role);
    const { salient, speaks } = quoted ? { salient: false, speaks: false } : clauseRole(tokens, from, to);
    if (speaks) entity.spoke = true;
    this.sight(entity, at, salient, quoted);
  }

  private sight(entity: Entity, at: number, salient: boolean, quoted: boolean): void {
    const sighting = { at, entity, salient, quoted };
    entity.sightings.push(sighting);
    this.sightings.push(sighting);
  }

  private entityFor(
    words: string[],
    lowerWords: string[],
    org: boolean,
    at: number,
    knighted: boolean,
  ): Entity | null {
    const sameLast = this.byLastWord.get(lastOf(lowerWords)) ?? [];
    if (words.length === 1) {
      // "Sir Digby" after "Sir Digby Jones": knights go by their given names.
      const knight = knighted ? nearest(this.byGivenName.get(lowerWords[0]!) ?? [], at) : null;
      const known =
        knight ??
        nearest(sameLast, at) ??
        (isAllCaps(words[0]!) ? this.byInitials.get(words[0]!) : null) ??
        nearest(this.byFirstWord.get(lowerWords[0]!) ?? [], at);
      if (known) return known;
    } else {
      if (!org && lowerWords.some((word) => PLACE_WORDS.has(word))) return null;
      const same = sameLast.find((entity) => endsWith(lowerWords, entity.words));
      if (same) {
        // A fuller form of a name met alone before ("Kim", then "Sung Kim").
        if (words.length > same.words.length) this.rename(same, words);
        return same;
      }
      const fuller = sameLast.find((entity) => endsWith(entity.words, lowerWords));
      if (fuller) return fuller;
    }
    const entity: Entity = {
      name: '',
      words: [],
      gender: null,
      org,
      roles: new Set(),
      sightings: [],
      spoke: false,
    };
    this.rename(entity, words);
    push(this.byLastWord, lastOf(lowerWords), entity);
    return entity;
  }

  private rename(entity: Entity, words: readonly string[]): void {
    entity.name = words.join(' ');
    entity.words = words.map((word) => word.toLowerCase());
    if (words.length < 2) return;
    if (!entity.org) push(this.byGivenName, entity.words[0]!, entity);
    // "Marsh" after "Marsh & McLennan": a firm goes by the first word of its name.
    if (entity.org || words.includes('&')) push(this.byFirstWord, entity.words[0]!, entity);
    // "EOC" after "Equal Opportunities Commission (EOC)".
    const initials = words.filter((word) => isCapitalised(word) && word.length > 1).map((word) => word[0]);
    if (entity.org) this.byInitials.set(initials.join(''), entity);
  }

  /** The nearest sighting before `at`, not further than `near`, that passes `test`. */
  nearestBefore(at: number, near: number, test: (sighting: Sighting) => boolean): Sighting | null {
    for (let i = countBefore(this.sightings, at) - 1; i >= 0; i--) {
      const sighting = this.sightings[i]!;
      if (at - sighting.at > near) return null;
      if (test(sighting)) return sighting;
    }
    return null;
  }

  /** The unnamed speaker described last before `at` whose description rests on `head`. */
  describedBefore(at: number, head: string): Described | null {
    const before = countBefore(this.described, at);
    for (let i = before - 1; i >= Math.max(0, before - 50); i--) {
      if (this.described[i]!.head === head) return this.described[i]!;
    }
    return null;
  }

  /** The body an acronym stands for, once the article has spelt it out: "ARU" for the Australian Rugby Union. */
  acronym(word: string): Entity | null {
    return this.byInitials.get(word.toUpperCase()) ?? null;
  }

  /** Entities whose name ends with `words` (lower case): "kim" finds Sung Kim. */
  endingWith(words: readonly string[]): Entity[] {
    return (this.byLastWord.get(lastOf(words)) ?? []).filter((entity) => endsWith(entity.words, words));
  }
}

/** How many of the sorted `sightings` come before `at`. */
function countBefore(sightings: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = sightings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sightings[mid]!.at < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The entity among `entities` named last before `at`. */
export function nearest(entities: readonly Entity[], at: number): Entity | null {
  let best: Entity | null = null;
  let bestAt = -1;
  for (const entity of entities) {
    const before = countBefore(entity.sightings, at);
    const seenAt = before > 0 ? entity.sightings[before - 1]!.at : -1;
    if (seenAt > bestAt) {
      best = entity;
      bestAt = seenAt;
    }
  }
  return best;
}

function appositionRoles(tokens: readonly Token[], from: number, roles: Set<string>): void {
  for (let at = from; at < Math.min(tokens.length, from + 10); at++) {
    const token = tokens[at]!;
    if (!token.word) break;
    const word = nameKey(token.text);
    roles.add(word);
    if (word.endsWith('s')) roles.add(word.slice(0, -1));
  }
}

function push<K, V>(map: Map<K, V[]>, name: K, value: V): void {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.length > words.length) return false;
  const offset = words.length - tail.length;
  return tail.every((word, i) => words[offset + i] === word);
}
