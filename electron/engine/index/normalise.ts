const NON_ASCII = /[^\p{ASCII}]/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Accents a word ends in stay with it until they are folded.
const EDGE_PUNCTUATION_KEEPING_ACCENTS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu;
const MARKS = /\p{M}+/gu;

/**
 * True for the combining diacritics of Latin, Greek and Cyrillic letters
 * (the blocks U+0300–036F, 1AB0–1AFF, 1DC0–1DFF, 20D0–20FF, FE20–FE2F).
 * Other marks are parts of letters (Indic vowel signs, kana voicing marks)
 * and stay.
 */
function isDiacritic(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

function dropDiacritics(marks: string): string {
  let kept = '';
  for (let i = 0; i < marks.length; i++) if (!isDiacritic(marks.charCodeAt(i))) kept += marks[i];
  return kept;
}

/**
 * Folds accents: `café` becomes `cafe`, `Ärger` becomes `Arger`, so a word
 * typed with or without them compares the same. The one place the index
 * and every query fold accents.
 */
export function foldAccents(word: string): string {
  if (!NON_ASCII.test(word)) return word;
  return word.normalize('NFD').replace(MARKS, dropDiacritics).normalize('NFC');
}

/**
 * A word as a stemmer wants it: punctuation stripped from its ends,
 * typographic apostrophes unified, lower-cased, its accents kept.
 */
export function trimWord(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.replace(EDGE_PUNCTUATION, '').toLowerCase();
  return raw
    .replace(EDGE_PUNCTUATION_KEEPING_ACCENTS, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

/**
 * Normalises one word as the index and every query compare it: accents
 * folded (`cafe` finds *café*), punctuation stripped from its ends,
 * typographic apostrophes unified, lower-cased.
 */
export function normaliseWord(raw: string): string {
  // Most words are plain ASCII, with no accents or typographic apostrophes to fold.
  if (!NON_ASCII.test(raw)) return raw.replace(EDGE_PUNCTUATION, '').toLowerCase();
  // Folding can leave a word ending in punctuation that stood before its accent.
  return foldAccents(trimWord(raw)).replace(EDGE_PUNCTUATION_KEEPING_ACCENTS, '');
}
