import lunr from 'lunr';
import { lowerBound } from '../index/shard';

/** Lunr's token set node, as far as the walk needs it. */
interface TokenNode {
  final: boolean;
  edges: Record<string, TokenNode>;
}

/**
 * The terms of a sorted dictionary that a wildcard or fuzzy clause matches,
 * exactly as Lunr's `TokenSet#intersect` would find them in its own token
 * set: the clause's automaton (Lunr's `TokenSet.fromClause`, a few nodes) is
 * run over the sorted list as if it were a trie, sharing work between
 * neighbouring terms and jumping past every prefix the automaton rejects, so
 * no token set of the whole dictionary is ever built.
 */
export function expandInDictionary(
  terms: readonly string[],
  clause: lunr.Query.Clause,
  onMatch: (index: number) => void,
): void {
  const root = (lunr.TokenSet as unknown as { fromClause(clause: lunr.Query.Clause): TokenNode }).fromClause(
    clause,
  );
  // states[d] holds the automaton states after the first d characters of `previous`.
  const states: TokenNode[][] = [[root]];
  let previous = '';
  let i = 0;
  while (i < terms.length) {
    const term = terms[i]!;
    let shared = 0;
    const limit = Math.min(previous.length, term.length, states.length - 1);
    while (shared < limit && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
    states.length = shared + 1;
    previous = term;
    let rejectedAt = -1;
    for (let depth = shared; depth < term.length; depth++) {
      const next = step(states[depth]!, term[depth]!);
      if (next.length === 0) {
        rejectedAt = depth;
        break;
      }
      states.push(next);
    }
    if (rejectedAt < 0) {
      if (states[term.length]!.some((node) => node.final)) onMatch(i);
      i++;
      continue;
    }
    // Every term starting with the rejected prefix is rejected too: they sit together in the sorted list.
    const prefix = term.slice(0, rejectedAt + 1);
    const last = prefix.charCodeAt(prefix.length - 1);
    i = last === 0xffff ? i + 1 : lowerBound(terms, prefix.slice(0, -1) + String.fromCharCode(last + 1));
  }
}

function step(states: readonly TokenNode[], char: string): TokenNode[] {
  const next: TokenNode[] = [];
  for (const node of states) {
    const exact = node.edges[char];
    if (exact && !next.includes(exact)) next.push(exact);
    const any = node.edges['*'];
    if (any && !next.includes(any)) next.push(any);
  }
  return next;
}

/** True when the clause needs the dictionary walked rather than one term looked up. */
export function needsExpansion(clause: lunr.Query.Clause): boolean {
  return clause.term.includes('*') || (clause.editDistance ?? 0) > 0;
}
