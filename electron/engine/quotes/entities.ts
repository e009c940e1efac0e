import { isSubject, speaksAt } from './clauses';
import {
  EVENT_WORDS,
  FEMALE_NAMES,
  FUNCTION_WORDS,
  PRONOUNS,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  NOUN_MARKERS,
  ORGANISATION_WORDS,
  SPEECH_VERBS,
  TITLES,
} from './lexicon';
import { isNameWord, nameKey, runEnd, withoutTitles } from './names';
import {} from './phrases';
import { phraseBefore } from './subjects';
import type { ParagraphTokens } from './paragraph-tokens';
import { countBefore, endsWith, nearest, type Described, type Entity, type Sighting } from './sightings';
import {
  isAllCaps,
  isCapitalised,
  isWord,
  isWrittenAt,
  startsUpper,
  tokenize,
  type Span,
  type Token,
} from './text';

const PLACE_WORDS = new Set(
  'north south east west new port saint st mount lake river street road hotel island islands city county gulf bay cape sea ocean valley point kingdom republic states'.split(
    ' ',
  ),
);
const KNIGHTLY = new Set(['sir', 'dame', 'lord', 'lady']);
const ATTACHING = new Set(['for', 'of', 'at', 'from', 'with']);

const NO_TITLES: string[] = [];
const NONE: Entity[] = [];
const NO_ROLES: string[] = [];
// Two to four capitalised words in a row (particles between them allowed): a name worth knowing in full,
// matched where it starts.
const FULL_NAME =
  /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|van|von|der|den|da|di|du|la|le|al|bin)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}/uy;

/** A name without its possessive ending: Brown's → Brown, Fishers’ → Fishers. */
function bareName(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  const before = word.charCodeAt(word.length - 2);
  if ((last === 0x73 || last === 0x53) && (before === 0x27 || before === 0x2019)) return word.slice(0, -2);
  return last === 0x27 || last === 0x2019 ? word.slice(0, -1) : word;
}

const lastOf = (words: readonly string[]) => words[words.length - 1]!;

/**
 * The people and organisations an article names, and where: read once, so
 * that each mention resolves without rereading the text. Names inside
 * quotations count for the fullest form of a name, never as subjects.
 */
export class NameIndex {
  readonly byLastWord = new Map<string, Entity[]>();
  private byRole: Map<string, Entity[]> | null = null;
  readonly byGivenName = new Map<string, Entity[]>();
  private readonly byInitials = new Map<string, Entity>();
  private readonly byFirstWord = new Map<string, Entity[]>();
  readonly sightings: Sighting[] = [];
  // Verbs of saying, each with its paragraph's tokens: the descriptions before them are read on first use.
  private readonly sayings: { tokens: readonly Token[]; verb: number }[] = [];
  private describedCache: Described[] | null = null;
  private readonly text: string;

  /**
   * Reads the names in an article's paragraphs. Quotations in marks are
   * single tokens of `paragraphs`; `unmarked` (sorted) are the quotations
   * without marks (transcript turns, block quotations), whose words are quoted
   * too. Paragraphs starting at or after `until` are left unread.
   */
  constructor(paragraphs: ParagraphTokens, unmarked: readonly Span[], until = Infinity) {
    this.text = paragraphs.text;
    let container = 0;
    for (let index = 0; index < paragraphs.paragraphs.length; index++) {
      const paragraph = paragraphs.paragraphs[index]!;
      if (paragraph.start >= until) continue;
      while (unmarked[container] && unmarked[container]!.end <= paragraph.start) container++;
      const tokens = paragraphs.of(index);
      // Transcript turns and block quotations: their names are spoken of; labels and narrative read as usual.
      let from = 0;
      for (let at = container; unmarked[at] && unmarked[at]!.start < paragraph.end; at++) {
        const quoted = unmarked[at]!;
        const first = tokenAt(tokens, quoted.start, from);
        const last = tokenAt(tokens, quoted.end, first);
        this.readQuoting(tokens, from, first);
        this.read(tokens, first, last, true);
        from = last;
      }
      this.readQuoting(tokens, from, tokens.length);
    }
  }

  /** The entities written with `role` beside their name ("minister Daniel Okafor"). */
  withRole(role: string): readonly Entity[] {
    if (!this.byRole) {
      // Built on first use, as few articles ask; byLastWord lists each entity once (under its first last word).
      this.byRole = new Map();
      for (const entities of this.byLastWord.values()) {
        for (const entity of entities)
          for (const name of entity.roles ?? NO_ROLES) push(this.byRole, name, entity);
      }
    }
    return this.byRole.get(role) ?? NONE;
  }

  /** Reads tokens[from, to), whose quotations in marks are single tokens read as quoted words. */
  private readQuoting(tokens: readonly Token[], from: number, to: number): void {
    let start = from;
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      // A quotation reads as `"`, as does the mark itself: their first character tells, without their text.
      if (token.word || token.first !== 0x22) continue;
      this.read(tokens, start, i, false);
      this.readFullNames(token.start + 1, token.end);
      start = i + 1;
    }
    this.read(tokens, start, to, false);
  }

  /**
   * Words quoted can give a full name ("…thank sporting director Frank
   * Arnesen…") but never a subject: only runs of two or more capitalised
   * words are read, straight from the text.
   */
  private readFullNames(start: number, end: number): void {
    const { text } = this;
    // Tried only where a capital can open a name, and never past the quotation: a search would run on to
    // the next name in the article, however far.
    for (let at = start; at < end;) {
      const code = text.charCodeAt(at);
      if (code < 0x80 && (code < 0x41 || code > 0x5a)) {
        at++;
        continue;
      }
      FULL_NAME.lastIndex = at;
      const match = FULL_NAME.exec(text);
      if (!match) {
        at += isSurrogatePair(text, at) ? 2 : 1;
        continue;
      }
      at = match.index + match[0].length;
      if (at > end) break;
      const tokens = tokenize(this.text, match.index, match.index + match[0].length);
      const from = firstNameWord(tokens);
      if (from >= 0) this.addRun(tokens, from, runEnd(tokens, from, tokens.length, false), true);
    }
  }

  private read(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    for (let at = from; at < to; at++) {
      const token = tokens[at]!;
      if (!token.word) continue;
      if (!startsUpper(token)) {
        // Only verbs of saying and "the" matter here, and anything quoted counts for no subject.
        if (quoted) continue;
        if (isWrittenAt(this.text, token, 'the')) {
          if (!isNameWord(tokens[at + 1])) this.addBodyMention(tokens, at);
        } else if (SPEECH_VERBS.holdsAsWritten(token) && !NOUN_MARKERS.holds(tokens[at - 1])) {
          this.sayings.push({ tokens, verb: at });
        }
        continue;
      }
      if (isWord(token, 'the') && !quoted && !isNameWord(tokens[at + 1])) this.addBodyMention(tokens, at);
      if (!isNameWord(token)) continue;
      const end = runEnd(tokens, at, to, false);
      this.addRun(tokens, at, end, quoted);
      at = end - 1;
    }
  }

  /** The unnamed speakers, in reading order: few articles ask, so they are read on first use. */
  private get described(): Described[] {
    if (!this.describedCache) {
      this.describedCache = [];
      for (const { tokens, verb } of this.sayings) {
        const described = this.describe(tokens, verb);
        if (described) this.describedCache.push(described);
      }
    }
    return this.describedCache;
  }

  /** An unnamed speaker: the description before a verb of saying. */
  private describe(tokens: readonly Token[], verb: number): Described | null {
    // A description ends in a noun ("a spokesman said"), or in the body or person it is attached to ("a
    // spokesman for Michael Howard said"): phraseBefore tells it from a name.
    const before = tokens[verb - 1];
    if (!before || (before.word && PRONOUNS.has(before.lower)) || before.text === '"') return null;
    const subject = phraseBefore(this.text, tokens, verb);
    if (subject?.kind !== 'description') return null;
    const words = subject.text.split(/\s+/);
    const attached = words.findIndex((word, i) => i > 0 && ATTACHING.has(word.toLowerCase()));
    const head = nameKey(words[attached > 0 ? attached - 1 : words.length - 1]!);
    return { at: subject.start, head, text: subject.text };
  }

  /** "The board disputes…": a later sighting of the body named before ("Harbour Board"). */
  private addBodyMention(tokens: readonly Token[], at: number): void {
    const next = tokens[at + 1];
    if (!next?.word || !ORGANISATION_WORDS.holds(next)) return;
    const word = next.lower;
    const start = tokens[at]!.start;
    const bodies = (this.byLastWord.get(word) ?? []).filter((candidate) => candidate.org);
    const entity = nearest(bodies, start);
    if (entity) this.sight(entity, new NameSighting(start, entity, false, tokens, at, at + 2));
  }

  private addRun(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    if (to - from === 1) {
      this.addWord(tokens, from, quoted);
      return;
    }
    const raw: string[] = [];
    for (let at = from; at < to - 1; at++) raw.push(tokens[at]!.text);
    raw.push(bareName(tokens[to - 1]!.text));
    const { words, titles } = raw.length === 1 ? { words: raw, titles: NO_TITLES } : withoutTitles(raw);
    // "Glasgow Kelvin MP", "Reds skipper": a role, not a name.
    if (words.length > 4 || (words.length > 1 && TITLES.has(nameKey(lastOf(words))))) return;
    const lowerWords = words.map((word) => word.toLowerCase());
    const org =
      lowerWords.some((word) => ORGANISATION_WORDS.has(word) || EVENT_WORDS.has(word) || word === 'of') ||
      (words.length === 1 && isAllCaps(words[0]!) && titles.length === 0);
    const at = tokens[from]!.start;
    const entity = this.entityFor(
      words,
      lowerWords,
      org,
      at,
      titles.some((title) => KNIGHTLY.has(title)),
    );
    if (!entity) return;
    if (entity.gender === null) {
      for (const title of titles)
        entity.gender ??= MALE_TITLES.has(title) ? 'm' : FEMALE_TITLES.has(title) ? 'f' : null;
      const first = lowerWords[0]!;
      if (words.length > 1)
        entity.gender ??= MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
    }
    for (const title of titles) rolesOf(entity).add(title);
    // Roles matter for people: "harbour master Colin Achterberg", "Priya Mandeville, the engineer,".
    const person = !entity.org && (entity.words.length > 1 || titles.length > 0);
    if (person) {
      for (let back = from - 1; back >= Math.max(0, from - 3); back--) {
        const token = tokens[back]!;
        if (
          !token.word ||
          startsUpper(token) ||
          FUNCTION_WORDS.has(token.lower) ||
          SPEECH_VERBS.has(token.lower)
        )
          break;
        rolesOf(entity).add(nameKey(token.lower));
      }
      if (tokens[to]?.text === ',') appositionRoles(tokens, to + 1, entity);
    }
    this.sightSpeaker(entity, tokens, from, to, quoted);
  }

  /** A name of one word, the commonest case by far ("Kim", "Ofcom", a capital opening a sentence): kept cheap. */
  private addWord(tokens: readonly Token[], at: number, quoted: boolean): void {
    const token = tokens[at]!;
    const word = bareName(token.text);
    const key = word === token.text ? token.lower : word.toLowerCase();
    const upper = isAllCaps(word);
    let entity =
      nearest(this.byLastWord.get(key) ?? NONE, token.start) ??
      (upper ? this.byInitials.get(word) : undefined) ??
      nearest(this.byFirstWord.get(key) ?? NONE, token.start);
    if (!entity) {
      const org = ORGANISATION_WORDS.has(key) || EVENT_WORDS.has(key) || upper;
      entity = { name: word, words: [key], gender: null, org, roles: null, sightings: [], spoke: false };
      push(this.byLastWord, key, entity);
    }
    this.sightSpeaker(entity, tokens, at, at + 1, quoted);
  }

  /** Records the name at tokens[from, to) and whether it speaks there; whether it is the subject waits. */
  private sightSpeaker(
    entity: Entity,
    tokens: readonly Token[],
    from: number,
    to: number,
    quoted: boolean,
  ): void {
    const speaks = !quoted && speaksAt(tokens, from, to);
    if (speaks) entity.spoke = true;
    const salient = quoted ? false : speaks ? true : undefined;
    this.sight(entity, new NameSighting(tokens[from]!.start, entity, quoted, tokens, from, to, salient));
  }

  private sight(entity: Entity, sighting: Sighting): void {
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
        if (words.length > same.words.length) this.rename(same, words, lowerWords);
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
      roles: null,
      sightings: [],
      spoke: false,
    };
    this.rename(entity, words, lowerWords);
    push(this.byLastWord, lastOf(lowerWords), entity);
    return entity;
  }

  /** Names `entity` by `words`, whose lower-case forms are `lowerWords`. */
  private rename(entity: Entity, words: readonly string[], lowerWords: string[]): void {
    entity.name = words.join(' ');
    entity.words = lowerWords;
    if (words.length < 2) return;
    if (!entity.org) push(this.byGivenName, entity.words[0]!, entity);
    // "Marsh" after "Marsh & McLennan": a firm goes by the first word of its name.
    if (entity.org || words.includes('&')) push(this.byFirstWord, entity.words[0]!, entity);
    // "EOC" after "Equal Opportunities Commission (EOC)".
    if (!entity.org) return;
    let initials = '';
    for (const word of words) if (word.length > 1 && isCapitalised(word)) initials += word[0];
    this.byInitials.set(initials, entity);
  }

  /**
   * The nearest sighting before `at`, not further than `near`, that passes
   * `test` (given `arg`: tests are functions made once, not closures made
   * per question, so that their optimised code lasts).
   */
  nearestBefore<A>(
    at: number,
    near: number,
    test: (sighting: Sighting, arg: A) => boolean,
    arg: A,
  ): Sighting | null {
    for (let i = countBefore(this.sightings, at) - 1; i >= 0; i--) {
      const sighting = this.sightings[i]!;
      if (at - sighting.at > near) return null;
      if (test(sighting, arg)) return sighting;
    }
    return null;
  }

  /** The unnamed speaker described last before `at` whose description rests on `head`. */
  describedBefore(at: number, head: string): Described | null {
    const described = this.described;
    const before = countBefore(described, at);
    for (let i = before - 1; i >= Math.max(0, before - 50); i--) {
      if (described[i]!.head === head) return described[i]!;
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

/** A sighting whose salience is judged when first asked for: most never are. */
class NameSighting implements Sighting {
  private judged: boolean | undefined;

  constructor(
    readonly at: number,
    readonly entity: Entity,
    readonly quoted: boolean,
    private readonly tokens: readonly Token[],
    private readonly from: number,
    private readonly to: number,
    salient?: boolean,
  ) {
    this.judged = salient;
  }

  get salient(): boolean {
    return (this.judged ??= isSubject(this.tokens, this.from, this.to));
  }
}

/** True when a character and the next form one code point, which a search steps over as one. */
function isSurrogatePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

/** The index of the first name word in `tokens`, or -1. */
function firstNameWord(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) if (isNameWord(tokens[i])) return i;
  return -1;
}

/** Index of the first of `tokens` (from `from` on) that starts at or after `at`. */
function tokenAt(tokens: readonly Token[], at: number, from: number): number {
  let index = from;
  while (index < tokens.length && tokens[index]!.start < at) index++;
  return index;
}

function appositionRoles(tokens: readonly Token[], from: number, entity: Entity): void {
  for (let at = from; at < Math.min(tokens.length, from + 10); at++) {
    const token = tokens[at]!;
    if (!token.word) break;
    const word = nameKey(token.text);
    rolesOf(entity).add(word);
    if (word.endsWith('s')) rolesOf(entity).add(word.slice(0, -1));
  }
}

// Most names carry no role: their set is made with the first.
function rolesOf(entity: Entity): Set<string> {
  return (entity.roles ??= new Set());
}

function push<K, V>(map: Map<K, V[]>, name: K, value: V): void {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}
