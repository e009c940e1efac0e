const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Normalises one word the way phrases are compared: case, accents, edge punctuation, apostrophes. */
export function normaliseWord(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}
