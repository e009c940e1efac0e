import { FUNCTION_WORDS, SPEECH_VERBS } from './lexicon';
import { isNameWord } from './names';
import { BETWEEN_SUBJECT_AND_VERB } from './phrases';
import { lower, startsUpper, type Token } from './text';

// Words after which a name starts a main clause, so is likely its subject ("that Mr Brown would…" is subordinate).
const CLAUSE_OPENERS = new Set(['but', 'and', 'so', 'then', 'yet', 'also', 'meanwhile', 'however']);

/**
 * Whether the name at tokens[from, to) is the subject of its clause ("Mr
 * Balls said…"), not an object ("warned Mr Brown") or a qualifier: it opens
 * the sentence or a main clause (role words before it allowed: "Aviation
 * analyst Nick Van den Brul described…"), and a verb, not another name,
 * follows ("Lib Dem home affairs spokesman Mark Oaten": Lib Dem only qualifies).
 */
export function isSubject(tokens: readonly Token[], from: number, to: number): boolean {
  let before = from;
  while (before > from - 6 && isRoleWord(tokens[before - 1])) before--;
  const previous = tokens[before - 1];
  // "and" opens a clause only after a comma: "Tony Blair and Gordon Brown" names two subjects of one verb.
  const joins = lower(previous) === 'and' && tokens[before - 2]?.text !== ',';
  const opens =
    !previous ||
    !previous.word ||
    (CLAUSE_OPENERS.has(lower(previous)) && !joins) ||
    sayingBefore(tokens, from);
  if (!opens) return false;
  const next = verbAfter(tokens, to);
  const after = tokens[next];
  let role = next;
  while (role < next + 4 && tokens[role] && !startsUpper(tokens[role]!) && isRoleWord(tokens[role])) role++;
  const qualifies = role > next && isNameWord(tokens[role]);
  return !after || !after.word || (!startsUpper(after) && !qualifies);
}

/** Whether the name at tokens[from, to) is the subject of a verb of saying, or named right after one ("…," said Kim). */
export function speaksAt(tokens: readonly Token[], from: number, to: number): boolean {
  const saying = sayingBefore(tokens, from) || SPEECH_VERBS.holds(tokens[verbAfter(tokens, to)]);
  return saying && isSubject(tokens, from, to);
}

/** "…," said Kim / , said Kim: the verb comes first. */
function sayingBefore(tokens: readonly Token[], from: number): boolean {
  return SPEECH_VERBS.holds(tokens[from - 1]) && (from < 2 || !tokens[from - 2]!.word);
}

/** Index of the verb that would follow a subject ending at `to`: "Kim also said". */
function verbAfter(tokens: readonly Token[], to: number): number {
  let next = to;
  while (BETWEEN_SUBJECT_AND_VERB.holds(tokens[next])) next++;
  return next;
}

function isRoleWord(token: Token | undefined): boolean {
  if (!token?.word) return false;
  const word = lower(token);
  return !SPEECH_VERBS.has(word) && !FUNCTION_WORDS.has(word) && !word.endsWith('ed') && !word.endsWith('ly');
}
