import { NameIndex } from './entities';
import { countBefore, nearest, type Entity, type Gender, type Sighting } from './sightings';
import { ORGANISATION_WORDS, TITLES } from './lexicon';
import { nameKey, withoutTitles } from './names';
import type { ParagraphTokens } from './paragraph-tokens';
import type { Mention } from './phrases';
import type { Span } from './text';

/** Who the article's transcript labels QUESTION: and Q. stand for when it names nobody. */
export const UNNAMED_QUESTIONER = 'unnamed questioner';

// Possessives stand for their owner too: "His message was: …".
const KNIGHTLY = new Set(['sir', 'dame', 'lord', 'lady']);
const SUBJECT_FORMS: Record<string, string> = {
  he: 'he',
  she: 'she',
  it: 'it',
  they: 'they',
  his: 'he',
  her: 'she',
  its: 'it',
  their: 'they',
};

// What a firm is called on second mention, whatever its name: "the company", "the group".
const FIRM_WORDS = new Set(
  'company firm group club airline carrier bank business retailer chain maker manufacturer broadcaster operator giant'.split(
    ' ',
  ),
);

// How far back, in characters, a pronoun or a bare role ("the minister") may look for its person.
const NEAR = 2500;

/**
 * Turns mentions into speakers, using the names an article gives: "he" into
 * the nearest fitting person named before, "Mr Kim" or "AMBASSADOR KIM" into
 * the fullest name used ("Sung Kim"), "the mayor" or "the union" into whom
 * they describe. Unnamed sources stay as written.
 */
export class SpeakerIndex {
  private readonly names: NameIndex;
  private readonly notes: { at: number; name: string; body: boolean }[] = [];

  /** Reads the names of an article, up to `until`: see NameIndex. */
  constructor(paragraphs: ParagraphTokens, unmarked: readonly Span[], until?: number) {
    this.names = new NameIndex(paragraphs, unmarked, until);
  }

  /**
   * The speaker a mention stands for: a pronoun resolves to the nearest
   * fitting person named before it (preferring one named as a subject), a
   * surname or titled name to the fullest name the article uses, a definite
   * description ("the mayor", "the union") to the person or body it
   * describes; anything else is kept as written. Null when a pronoun has
   * nobody near to point at.
   */
  resolve(mention: Mention): string | null {
    if (mention.kind === 'pronoun') return this.resolvePronoun(mention);
    if (mention.kind === 'description') return this.resolveDescription(mention);
    const raw = mention.text.split(/\s+/).filter(Boolean);
    if (raw.length > 0) raw[raw.length - 1] = bareWord(raw[raw.length - 1]!);
    const { words, titles } = withoutTitles(raw);
    const keys = words.map(nameKey);
    // "The Archbishop of Canterbury said": an office, held by whoever the article names with that title.
    if (titles.includes('of') && keys.length === 1) {
      return this.holderOf(titles[0]!, mention.start) ?? mention.text.replace(/^the\s+/i, '');
    }
    const entity = this.byName(keys, titles, mention.start);
    // "Mr Justice Eady", known by no other name: the titles are part of how the article names him.
    if (!entity || (entity.words.length === 1 && titles.length > 0))
      return mention.text.replace(/['’]s$/u, '');
    entity.spoke = true;
    return entity.name;
  }

  private byName(keys: readonly string[], titles: readonly string[], at: number): Entity | null {
    // "Sir Digby" for Sir Digby Jones: knights go by their given names.
    if (keys.length === 1 && titles.some((title) => KNIGHTLY.has(title))) {
      const knight = nearest(this.names.byGivenName.get(keys[0]!) ?? [], at);
      if (knight) return knight;
    }
    const entity =
      nearestNamed(this.names.endingWith(keys), at) ??
      (keys.length === 1 ? this.names.acronym(keys[0]!) : null);
    if (entity || keys.length === 1) return entity;
    // "Me den Hartog", a slip for "Mr den Hartog": the surname alone.
    return nearestNamed(fullNames(this.names.endingWith(keys.slice(-1))), at);
  }

  private resolvePronoun(mention: Mention): string | null {
    const pronoun = SUBJECT_FORMS[mention.text.toLowerCase()];
    if (!pronoun) return null;
    const wanted: Gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
    const found =
      this.names.nearestBefore(mention.start, NEAR, salientFit, wanted) ??
      this.names.nearestBefore(mention.start, NEAR, knownUnquotedFit, wanted);
    // "A spokesman said … He added": an unnamed speaker quoted since the last fitting name.
    const note = this.lastNote(mention.start, wanted === null);
    if (note && mention.start - note.at <= NEAR && (!found || note.at > found.at)) return note.name;
    return found?.entity.name ?? null;
  }

  private holders(role: string): Entity[] {
    return this.names
      .withRole(role)
      .filter((entity) => !entity.org && (entity.words.length > 1 || entity.gender !== null));
  }

  private holderOf(role: string, at: number): string | null {
    return nearest(this.holders(role), at)?.name ?? null;
  }

  private lastNote(at: number, body: boolean): { at: number; name: string } | null {
    const low = countBefore(this.notes, at);
    for (let i = low - 1; i >= 0 && at - this.notes[i]!.at <= NEAR; i--) {
      if (this.notes[i]!.body === body) return this.notes[i]!;
    }
    return null;
  }

  /**
   * Records that an unnamed source (as written) was quoted at `at`, for the
   * pronouns that follow: "he"/"she" for a person, "it"/"they" for a body.
   */
  noteUnnamed(at: number, name: string, body: boolean): void {
    let i = this.notes.length;
    // Mentions come nearly in order (one may stand after its quotation, the next before): keep them sorted.
    while (i > 0 && this.notes[i - 1]!.at > at) i--;
    this.notes.splice(i, 0, { at, name, body });
  }

  /** True when the article names `name` as an organisation, or it is a description of one ("the ministry"). */
  isBody(name: string): boolean {
    const words = name.split(/\s+/);
    const head = nameKey(words[words.length - 1]!);
    return (
      ORGANISATION_WORDS.has(head) || this.names.endingWith(words.map(nameKey)).some((entity) => entity.org)
    );
  }

  /** Whether a resolved speaker could be "he" or "she": false only for a body or a person of the other sex. */
  fitsPronoun(name: string, pronoun: string): boolean {
    const form = SUBJECT_FORMS[pronoun.toLowerCase()];
    if (form === 'it' || form === 'they') return true;
    if (this.isBody(name)) return false;
    const words = name.split(/\s+/).map(nameKey);
    const gender = this.names.endingWith(words).find((entity) => entity.gender !== null)?.gender ?? null;
    return gender === null || gender === (form === 'he' ? 'm' : 'f');
  }

  private resolveDescription(mention: Mention): string {
    if (!mention.definite) return mention.text;
    const words = mention.text.split(/\s+/);
    const head = nameKey(words[words.length - 1]!);
    // "the union" after "the Kessel Valley Farmers' Union", "the festival" after "the Berlin Film Festival".
    const named = (this.names.byLastWord.get(head) ?? []).filter((entity) => entity.words.length > 1);
    const body = nearest(named, mention.start);
    if (body) return body.name;
    if (ORGANISATION_WORDS.has(head) || FIRM_WORDS.has(head)) {
      if (!FIRM_WORDS.has(head)) return mention.text;
      // "The company added…": the firm the passage is about.
      const topic = this.names.nearestBefore(mention.start, NEAR, salientBody, null);
      return topic?.entity.name ?? mention.text;
    }
    // "The BPI spokesman" after "a spokesman for the British Phonographic Industry said"; "the mayor"
    // after "Mayor Zoë Hartwell": whichever, named as a subject, came last.
    const holder = this.names.nearestBefore(mention.start, NEAR, salientHolder, head);
    const described = this.names.describedBefore(mention.start, head);
    if (described && mention.start - described.at <= NEAR && described.at > (holder?.at ?? -1))
      return described.text;
    if (holder) return holder.entity.name;
    if (!TITLES.has(head)) return this.holderOf(head, mention.start) ?? mention.text;
    // "The minister told delegates…", "The Glasgow Kelvin MP… accused": the person the passage is about.
    const subject = this.names.nearestBefore(mention.start, NEAR, salientKnownPerson, null);
    return subject?.entity.name ?? this.holderOf(head, mention.start) ?? mention.text;
  }
}

/** The entity of `candidates` named last before `at`, a full name first; the first of them when none is named before. */
function nearestNamed(candidates: readonly Entity[], at: number): Entity | null {
  return nearest(fullNames(candidates), at) ?? nearest(candidates, at) ?? candidates[0] ?? null;
}

function fullNames(entities: readonly Entity[]): Entity[] {
  const full: Entity[] = [];
  for (const entity of entities) if (entity.words.length > 1) full.push(entity);
  return full;
}

// The tests nearestBefore applies, made once: closures made per mention lost their optimised code at every full
// garbage collection, and were compiled again.

/** A name fits a pronoun by its sex; one of unknown sex when it is a full name or has spoken ("Consumer" opening a sentence does not). */
function fits({ entity }: Sighting, wanted: Gender): boolean {
  return wanted === null
    ? entity.org
    : !entity.org &&
        (entity.gender === wanted || (entity.gender === null && (entity.words.length > 1 || entity.spoke)));
}

function salientFit(sighting: Sighting, wanted: Gender): boolean {
  return fits(sighting, wanted) && sighting.salient;
}

function knownUnquotedFit(sighting: Sighting, wanted: Gender): boolean {
  const { entity } = sighting;
  return (
    !sighting.quoted && fits(sighting, wanted) && (wanted === null || entity.gender !== null || entity.spoke)
  );
}

function salientBody(sighting: Sighting): boolean {
  return sighting.entity.org && sighting.salient;
}

function salientPerson(sighting: Sighting): boolean {
  return !sighting.entity.org && sighting.salient;
}

function salientHolder(sighting: Sighting, role: string): boolean {
  return sighting.entity.roles?.has(role) === true && salientPerson(sighting);
}

function salientKnownPerson(sighting: Sighting): boolean {
  return (sighting.entity.spoke || sighting.entity.gender !== null) && salientPerson(sighting);
}

function bareWord(word: string): string {
  return word.replace(/(?:['’]s|['’])$/u, '');
}
