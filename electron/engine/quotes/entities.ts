import {
  FEMALE_NAMES,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  ORGANISATION_WORDS,
  SPEECH_VERBS,
} from './lexicon';
import { isNameWord, nameKey, runEnd, withoutTitles } from './names';
import { BETWEEN_SUBJECT_AND_VERB } from './phrases';
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

const PLACE_WORDS = new Set(
  'north south east west new port saint st mount lake river street road hotel island islands city county gulf bay cape sea ocean valley point kingdom republic states'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['the', 'a', 'an', 'and', 'of']);
// Words after which a name starts a main clause, so is likely its subject ("that Mr Brown would…" is subordinate).
const CLAUSE_OPENERS = new Set(['but', 'and', 'so', 'then', 'yet', 'also', 'meanwhile', 'however']);

const bare = (word: string) => word.replace(/(?:['’]s|['’])$/u, '').replace(/\.$/, '');
const lastOf = (words: readonly string[]) => words[words.length - 1]!;
const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';

/**
 * The people and organisations an article names outside its quotations, and
 * where: read once, so that each mention resolves without rereading the text.
 */
export class NameIndex {
  readonly byLastWord = new Map<string, Entity[]>();
  readonly byRole = new Map<string, Entity[]>();
  readonly byGivenName = new Map<string, Entity[]>();
  readonly sightings: Sighting[] = [];

  /** Reads the names in `paragraphs` of `text`, skipping the sorted `quotations`. */
  constructor(text: string, paragraphs: readonly Span[], quotations: readonly Span[]) {
    for (const paragraph of paragraphs) {
      const tokens = tokenize(text, paragraph.start, paragraph.end, quotations);
      let from = 0;
      tokens.forEach((token, i) => {
        if (token.word || token.text !== '"') return;
        this.read(tokens, from, i, false);
        // Words quoted can give a full name ("…thank sporting director Frank Arnesen…") but never a subject.
        const inner = tokenize(text, token.start + 1, token.end);
        this.read(inner, 0, inner.length, true);
        from = i + 1;
      });
      this.read(tokens, from, tokens.length, false);
    }
    this.sightings.sort((a, b) => a.at - b.at);
    for (const entity of new Set([...this.byLastWord.values()].flat())) {
      entity.sightings.sort((a, b) => a.at - b.at);
      for (const role of entity.roles) push(this.byRole, role, entity);
      if (entity.words.length > 1 && !entity.org) push(this.byGivenName, entity.words[0]!, entity);
    }
  }

  private read(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    for (let at = from; at < to; at++) {
      if (lower(tokens[at]) === 'the' && !isNameWord(tokens[at + 1])) {
        if (!quoted) this.addBodyMention(tokens, at);
        continue;
      }
      if (!isNameWord(tokens[at])) continue;
      const end = runEnd(tokens, at, to, false);
      this.addRun(tokens, at, end, quoted);
      at = end - 1;
    }
  }

  /** "The board disputes…": a later sighting of the body named before ("Harbour Board"). */
  private addBodyMention(tokens: readonly Token[], at: number): void {
    const word = tokens[at + 1]?.word ? lower(tokens[at + 1]) : '';
    if (!ORGANISATION_WORDS.has(word)) return;
    const start = tokens[at]!.start;
    const entity = nearest(
      (this.byLastWord.get(word) ?? []).filter((candidate) => candidate.org),
      start,
    );
    if (entity) this.sight(entity, start, clauseRole(tokens, at, at + 2));
  }

  private addRun(tokens: readonly Token[], from: number, to: number, quoted: boolean): void {
    const raw = tokens.slice(from, to).map((token) => token.text);
    raw.push(bare(raw.pop()!));
    const { words, titles } = withoutTitles(raw);
    if (words.length > 4) return;
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
      lowerWords.some((word) => ORGANISATION_WORDS.has(word) || word === 'of' || word === 'and') ||
      (words.length === 1 && isAllCaps(words[0]!) && titles.length === 0);
    const first = lowerWords[0]!;
    if (words.length > 1) gender ??= MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
    const at = tokens[from]!.start;
    const knighted = titles.some((title) => ['sir', 'dame', 'lord', 'lady'].includes(title));
    const entity = this.entityFor(words, lowerWords, org, at, knighted);
    if (!entity) return;
    entity.gender ??= gender;
    for (const role of roles) entity.roles.add(role);
    const { salient, speaks } = quoted ? { salient: false, speaks: false } : clauseRole(tokens, from, to);
    if (speaks) entity.spoke = true;
    this.sight(entity, at, { salient, quoted });
  }

  private sight(
    entity: Entity,
    at: number,
    { salient, quoted = false }: { salient: boolean; quoted?: boolean },
  ): void {
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
      const given = knighted ? this.nearestNamed(at, (entity) => entity.words[0] === lowerWords[0]) : null;
      if (given) return given;
      const known = nearest(sameLast, at) ?? this.expandedAcronym(words[0]!);
      if (known) return known;
    } else {
      if (!org && lowerWords.some((word) => PLACE_WORDS.has(word))) return null;
      const same = sameLast.find((entity) => endsWith(lowerWords, entity.words));
      if (same) {
        // A fuller form of a name met alone before ("Kim", then "Sung Kim").
        if (words.length > same.words.length) {
          same.words = lowerWords;
          same.name = words.join(' ');
        }
        return same;
      }
      const fuller = sameLast.find((entity) => endsWith(entity.words, lowerWords));
      if (fuller) return fuller;
    }
    const entity: Entity = {
      name: words.join(' '),
      words: lowerWords,
      gender: null,
      org,
      roles: new Set(),
      sightings: [],
      spoke: false,
    };
    push(this.byLastWord, lastOf(lowerWords), entity);
    return entity;
  }

  /** "EOC" after "Equal Opportunities Commission (EOC)": the body whose initials it is. */
  private expandedAcronym(word: string): Entity | null {
    if (!isAllCaps(word) || word.length < 2 || word.length > 6) return null;
    for (const entities of this.byLastWord.values()) {
      for (const entity of entities) {
        const initials = entity.name
          .split(/\s+/)
          .filter((part) => isCapitalised(part) && !['Of', 'And', 'The', 'For'].includes(part))
          .map((part) => part[0])
          .join('');
        if (entity.org && initials === word) return entity;
      }
    }
    return null;
  }

  private nearestNamed(at: number, test: (entity: Entity) => boolean): Entity | null {
    return (
      this.nearestBefore(at, Infinity, ({ entity }) => entity.words.length > 1 && !entity.org && test(entity))
        ?.entity ?? null
    );
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

  /** Entities whose name ends with `words` (lower case): "kim" finds Sung Kim. */
  endingWith(words: readonly string[]): Entity[] {
    return (this.byLastWord.get(lastOf(words)) ?? []).filter((entity) => endsWith(entity.words, words));
  }
}

/** Whether the name at tokens[from, to) is its clause's subject, and the subject of a verb of saying. */
function clauseRole(
  tokens: readonly Token[],
  from: number,
  to: number,
): { salient: boolean; speaks: boolean } {
  const word = lower(tokens[from - 1]);
  // "…," said Kim / , said Kim: the verb comes first.
  const inverted = SPEECH_VERBS.has(word) && (from < 2 || !tokens[from - 2]!.word);
  // "Aviation analyst Nick Van den Brul described…": role words before a subject.
  let before = from;
  while (before > from - 6 && isRoleWord(tokens[before - 1])) before--;
  const previous = tokens[before - 1];
  const opens = !previous || !previous.word || CLAUSE_OPENERS.has(lower(previous)) || inverted;
  let next = to;
  while (BETWEEN_SUBJECT_AND_VERB.has(lower(tokens[next]))) next++;
  const after = tokens[next];
  // "Lib Dem home affairs spokesman Mark Oaten": a name that qualifies a role is not the subject.
  let role = next;
  while (
    role < next + 4 &&
    tokens[role]?.word &&
    !isCapitalised(tokens[role]!.text) &&
    isRoleWord(tokens[role])
  )
    role++;
  const qualifies = role > next && isNameWord(tokens[role]);
  const closes = !after || !after.word || (!isCapitalised(after.text) && !qualifies);
  const salient = opens && closes;
  return { salient, speaks: salient && (inverted || SPEECH_VERBS.has(lower(after))) };
}

function isRoleWord(token: Token | undefined): boolean {
  if (!token?.word) return false;
  const word = lower(token);
  return !SPEECH_VERBS.has(word) && !CLAUSE_OPENERS.has(word) && word !== 'of' && !/(?:ed|ly)$/.test(word);
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
