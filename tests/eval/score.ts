/** A quotation as the gold set records it, or as the finder predicts it. */
export interface Scored {
  start: number;
  end: number;
  kind: string;
  speaker: string | null;
}

/** Counts from which precision, recall and F1 follow. */
export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

/** Precision, recall and F1 of a set of counts (1 when there was nothing to find and nothing found). */
export function prf(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted === 0 ? (counts.gold === 0 ? 1 : 0) : counts.matched / counts.predicted;
  const recall = counts.gold === 0 ? (counts.predicted === 0 ? 1 : 0) : counts.matched / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** How much two spans overlap, as a share of their union. */
export function overlapShare(a: Scored, b: Scored): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (shared <= 0) return 0;
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Pairs gold and predicted quotations one to one: exact spans first, then
 * the best remaining overlap of at least half the union. Returns, for each
 * gold quotation, the index of its predicted partner (or -1) and how it matched.
 */
export function pairUp(
  gold: readonly Scored[],
  predicted: readonly Scored[],
): { partner: number; exact: boolean }[] {
  const taken = new Set<number>();
  const pairs = gold.map(() => ({ partner: -1, exact: false }));
  gold.forEach((quote, g) => {
    const exact = predicted.findIndex(
      (p, i) => !taken.has(i) && p.start === quote.start && p.end === quote.end,
    );
    if (exact >= 0) {
      taken.add(exact);
      pairs[g] = { partner: exact, exact: true };
    }
  });
  gold.forEach((quote, g) => {
    if (pairs[g]!.partner >= 0) return;
    let best = -1;
    let bestShare = 0.5;
    predicted.forEach((p, i) => {
      const share = overlapShare(quote, p);
      if (!taken.has(i) && share >= bestShare) {
        best = i;
        bestShare = share;
      }
    });
    if (best >= 0) {
      taken.add(best);
      pairs[g] = { partner: best, exact: false };
    }
  });
  return pairs;
}

const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|sir|dame|lord|lady|prof)\.?$/;

/** A speaker's name as compared: case, white space, apostrophes, titles and a leading "the" do not count. */
export function normaliseSpeaker(name: string | null): string | null {
  if (name === null) return null;
  const words = name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/\s+/)
    .filter((word) => word && !TITLES.test(word));
  if (words[0] === 'the') words.shift();
  return words.join(' ');
}
