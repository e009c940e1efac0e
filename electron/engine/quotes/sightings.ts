// What the name index holds, and the lookups over it: who is named where.

export type Gender = 'm' | 'f' | null;

/** A person or organisation the article names. */
export interface Entity {
  /** The fullest form of the name seen, titles left out. */
  name: string;
  words: string[];
  gender: Gender;
  org: boolean;
  /** Titles and role words written beside the name (minister, mayor, spokesman…); null while there are none. */
  roles: Set<string> | null;
  /** Where the article names it, in order. */
  sightings: Sighting[];
  /** Seen as the one who speaks: subject of a verb of saying, or given a quotation. */
  spoke: boolean;
}

/** One place where an entity is named. */
export interface Sighting {
  readonly at: number;
  readonly entity: Entity;
  /**
   * Named as the subject of its clause ("Mr Balls said…"), not as an object
   * ("warned Mr Brown"). Judged when first read, so best tested after the rest.
   */
  readonly salient: boolean;
  /** Named inside a quotation: someone spoken of, not someone speaking. */
  readonly quoted: boolean;
}

/** An unnamed speaker, as the article describes them: "a spokesman for the BPI said…". */
export interface Described {
  at: number;
  /** The noun the description rests on ("spokesman"). */
  head: string;
  text: string;
}

/** How many of the sorted `sightings` come before `at`. */
export function countBefore(sightings: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = sightings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sightings[mid]!.at >= at) high = mid;
    else low = mid + 1;
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

/** True when `words` end with `tail` (both lower case): "sung kim" ends with "kim". */
export function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.length > words.length) return false;
  const offset = words.length - tail.length;
  return tail.every((word, i) => words[offset + i] === word);
}
