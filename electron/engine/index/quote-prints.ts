/**
 * Fingerprints of a quotation's words, made when it is indexed, so that the
 * same or nearly the same words can be found across the library without
 * reading any text: a hash of all its words (the same words, whatever the
 * case, punctuation, quotation marks and spacing), and a winnowed sketch of
 * its word shingles (Schleimer, Wilkerson and Aiken's winnowing, as in MOSS).
 * Winnowing keeps the smallest shingle hash of every window, so any run of
 * at least SHINGLE + WINDOW - 1 words that two quotations share gives them at
 * least one sketch value in common, and a quotation wholly inside another has
 * all its sketch values in the other's sketch.
 */

/** Words per shingle. */
export const SHINGLE = 4;
/** Shingles per winnowing window. */
export const WINDOW = 8;

/** A 32-bit FNV-1a hash of a string, from a chosen basis. */
export function stringHash(text: string, basis = 0x811c9dc5): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function mix(hash: number, value: number): number {
  return Math.imul((hash ^ value) >>> 0, 0x01000193) >>> 0;
}

/** The two 32-bit hashes of a sequence of word hashes (order counts); 0 and 0 for no words. */
export function wordsPrint(words: ArrayLike<number>, from: number, to: number): [number, number] {
  if (to <= from) return [0, 0];
  let a = 0x811c9dc5;
  let b = 0x2f0b9c61;
  for (let i = from; i < to; i++) {
    a = mix(a, words[i]!);
    b = mix(b ^ 0x5bd1e995, Math.imul(words[i]!, 0x9e3779b1));
  }
  return [a || 1, b];
}

/** The winnowed sketch of words[from, to): distinct shingle hashes, in order of first choice. */
export function wordsSketch(
  words: ArrayLike<number>,
  from: number,
  to: number,
  out: number[] = [],
): number[] {
  out.length = 0;
  const count = to - from - SHINGLE + 1;
  if (count <= 0) return out;
  const shingles = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    let hash = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) hash = mix(hash, words[from + i + j]!);
    shingles[i] = hash;
  }
  const windows = Math.max(1, count - WINDOW + 1);
  let chosen = -1;
  for (let w = 0; w < windows; w++) {
    const end = Math.min(count, w + WINDOW);
    // The rightmost smallest hash of the window, as winnowing chooses; a choice still in the window stays.
    if (chosen < w || shingles[end - 1]! <= shingles[chosen]!) {
      if (chosen < w) {
        chosen = w;
        for (let i = w + 1; i < end; i++) if (shingles[i]! <= shingles[chosen]!) chosen = i;
      } else chosen = end - 1;
      if (!out.includes(shingles[chosen]!)) out.push(shingles[chosen]!);
    }
  }
  return out;
}
