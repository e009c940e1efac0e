const NON_ASCII = /[^\p{ASCII}]/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Normalises one word as the index and every query compare it: accents
 * folded (`cafe` finds *café*), punctuation stripped from its ends,
 * typographic apostrophes unified, lower-cased.
 */
export function normaliseWord(raw: string): string {
  // Most words are plain ASCII, with no accents or typographic apostrophes to fold.
  if (!NON_ASCII.test(raw)) return raw.replace(EDGE_PUNCTUATION, '').toLowerCase();
  return raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}
