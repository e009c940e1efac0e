import { FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES, ORGANISATION_WORDS, TITLES } from './lexicon';
import { isNameWord, runEnd, type Mention } from './phrases';
import { isAllCaps, tokenize, type Span, type Token } from './text';

/** Who the article's transcript labels QUESTION: and Q. stand for when it names nobody. */
export const UNNAMED_QUESTIONER = 'unnamed questioner';

type Gender = 'm' | 'f' | null;

interface Entity {
  /** The fullest form of the name seen, titles left out. */
  name: string;
  words: string[];
  gender: Gender;
  org: boolean;
  roles: Set<string>;
  /** Where the article names it, in order. */
  sightings: { at: number }[];
  /** Set once a quotation is attributed to it: "he" may then mean it even without a known sex. */
  spoke: boolean;
}

interface Sighting {
  at: number;
  entity: Entity;
}

const PLACE_WORDS = new Set(
  'north south east west new port saint st mount lake river street road hotel island islands city county gulf bay cape sea ocean valley point kingdom republic states'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['the', 'a', 'an', 'and', 'of']);
const NEAR = 2500;

const bare = (word: string) => word.replace(/(?:['’]s|['’])$/u, '').replace(/\.$/, '');
const key = (word: string) => bare(word).toLowerCase();
const titleCase = (word: string) =>
  isAllCaps(word) && word.length > 1 ? word[0] + word.slice(1).toLowerCase() : word;
const lastOf = (words: readonly string[]) => words[words.length - 1]!;

/**
 * The people and organisations an article names, outside its quotations,
 * and where: enough to turn a mention ("he", "Mr Kim", "AMBASSADOR KIM",
 * "the mayor") into the fullest name the article gives ("Sung Kim").
 */
export class SpeakerIndex {
  private readonly byLastWord = new Map<string, Entity[]>();
  private readonly byRole = new Map<string, Entity[]>();
  private readonly sightings: Sighting[] = [];
  private readonly notes: { at: number; name: string }[] = [];

  /** Reads the names in `paragraphs` of `text`, skipping the sorted `quotations`. */
  constructor(text: string, paragraphs: readonly Span[], quotations: readonly Span[]) {
    for (const paragraph of paragraphs) {
      const tokens = tokenize(text, paragraph.start, paragraph.end, quotations);
      for (let at = 0; at < tokens.length; at++) {
        if (tokens[at]!.text.toLowerCase() === 'the' && !isNameWord(tokens[at + 1])) {
          this.addBodyMention(tokens[at + 1], tokens[at]!.start);
          continue;
        }
        if (!isNameWord(tokens[at])) continue;
        const end = runEnd(tokens, at, tokens.length);
        this.addRun(tokens, at, end);
        at = end - 1;
      }
    }
    for (const entity of new Set([...this.byLastWord.values()].flat())) {
      for (const role of entity.roles) push(this.byRole, role, entity);
    }
  }

  /** "The board disputes…": a later sighting of the body named before ("Harbour Board"). */
  private addBodyMention(token: Token | undefined, at: number): void {
    const word = token?.word ? token.text.toLowerCase() : '';
    if (!ORGANISATION_WORDS.has(word)) return;
    const entity = nearest(
      (this.byLastWord.get(word) ?? []).filter((candidate) => candidate.org),
      at,
    );
    if (!entity) return;
    entity.sightings.push({ at });
    this.sightings.push({ at, entity });
  }

  private addRun(tokens: readonly Token[], from: number, to: number): void {
    const words = tokens.slice(from, to).map((token) => token.text);
    words.push(bare(words.pop()!));
    const roles = new Set<string>();
    let gender: Gender = null;
    while (words.length > 1 && TITLES.has(words[0]!.toLowerCase())) {
      const title = words.shift()!.toLowerCase();
      roles.add(title);
      gender ??= MALE_TITLES.has(title) ? 'm' : FEMALE_TITLES.has(title) ? 'f' : null;
    }
    if (words.length > 4) return;
    for (let back = from - 1; back >= Math.max(0, from - 3); back--) {
      const token = tokens[back]!;
      if (!token.word || ARTICLES.has(token.text.toLowerCase())) break;
      roles.add(key(token.text));
    }
    if (tokens[to]?.text === ',') appositionRoles(tokens, to + 1, roles);
    const lowerWords = words.map((word) => word.toLowerCase());
    const org =
      lowerWords.some((word) => ORGANISATION_WORDS.has(word) || word === 'of' || word === 'and') ||
      (words.length === 1 && isAllCaps(words[0]!) && roles.size === 0);
    const first = lowerWords[0]!;
    if (words.length > 1) gender ??= MALE_NAMES.has(first) ? 'm' : FEMALE_NAMES.has(first) ? 'f' : null;
    const at = tokens[from]!.start;
    const entity = this.entityFor(words, lowerWords, org, at);
    if (!entity) return;
    entity.gender ??= gender;
    for (const role of roles) entity.roles.add(role);
    entity.sightings.push({ at });
    this.sightings.push({ at, entity });
  }

  private entityFor(words: string[], lowerWords: string[], org: boolean, at: number): Entity | null {
    const sameLast = this.byLastWord.get(lastOf(lowerWords)) ?? [];
    if (words.length === 1) {
      const known = nearest(sameLast, at);
      if (known) return known;
    } else {
      if (!org && lowerWords.some((word) => PLACE_WORDS.has(word))) return null;
      const same = sameLast.find((entity) => endsWith(lowerWords, entity.words));
      if (same) {
        // A fuller form of a name met alone before ("Kim", then "Sung Kim").
        if (words.length > same.words.length) {
          same.words = lowerWords;
          same.name = words.map(titleCase).join(' ');
        }
        return same;
      }
      const fuller = sameLast.find((entity) => endsWith(entity.words, lowerWords));
      if (fuller) return fuller;
    }
    const entity: Entity = {
      name: words.map(titleCase).join(' '),
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

  private nearestBefore(at: number, test: (entity: Entity) => boolean): Sighting | null {
    for (let i = countBefore(this.sightings, at) - 1; i >= 0; i--) {
      const sighting = this.sightings[i]!;
      if (at - sighting.at > NEAR) return null;
      if (test(sighting.entity)) return sighting;
    }
    return null;
  }

  /**
   * The speaker a mention stands for: a pronoun resolves to the nearest
   * fitting person named before it, a surname or titled name to the fullest
   * name the article uses, a definite description ("the mayor", "the union")
   * to the person or body it describes; anything else is kept as written.
   * Null when a pronoun has nobody near to point at.
   */
  resolve(mention: Mention): string | null {
    if (mention.kind === 'pronoun') return this.resolvePronoun(mention);
    if (mention.kind === 'description') return this.resolveDescription(mention);
    const words = mention.text.split(/\s+/).filter(Boolean);
    words.push(bare(words.pop() ?? ''));
    while (words.length > 1 && TITLES.has(words[0]!.toLowerCase())) words.shift();
    const lowerWords = words.map((word) => word.toLowerCase());
    const candidates = (this.byLastWord.get(lastOf(lowerWords)) ?? []).filter((entity) =>
      endsWith(entity.words, lowerWords),
    );
    const entity = nearest(candidates, mention.start) ?? candidates[0];
    if (!entity) return words.map(titleCase).join(' ');
    entity.spoke = true;
    return entity.name;
  }

  private resolvePronoun(mention: Mention): string | null {
    const pronoun = mention.text.toLowerCase();
    if (!['he', 'she', 'it', 'they'].includes(pronoun)) return null;
    const wanted = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
    const found = this.nearestBefore(mention.start, (candidate) =>
      wanted === null
        ? candidate.org
        : !candidate.org &&
          (candidate.gender === wanted ||
            (candidate.gender === null && (candidate.spoke || candidate.words.length > 1))),
    );
    // "A spokesman said … He added": an unnamed speaker quoted since the last fitting name.
    const note = this.notes[countBefore(this.notes, mention.start) - 1];
    if (note && mention.start - note.at <= NEAR && (!found || note.at > found.at)) return note.name;
    return found?.entity.name ?? null;
  }

  /** Records that an unnamed source (as written) was quoted at `at`, for the pronouns that follow. */
  noteUnnamed(at: number, name: string): void {
    this.notes.push({ at, name });
  }

  private resolveDescription(mention: Mention): string {
    if (!mention.definite) return mention.text;
    const head = key(lastOf(mention.text.split(/\s+/)));
    const candidates = ORGANISATION_WORDS.has(head)
      ? (this.byLastWord.get(head) ?? []).filter((entity) => entity.org)
      : (this.byRole.get(head) ?? []).filter((entity) => !entity.org);
    return nearest(candidates, mention.start)?.name ?? mention.text;
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
function nearest(entities: readonly Entity[], at: number): Entity | null {
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
    const word = key(token.text);
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
