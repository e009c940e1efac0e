/**
 * Chinese, Japanese and Korean are written without spaces between words,
 * and no stemmer or word list here knows their words. So their text is
 * indexed and searched as overlapping bigrams: every two neighbouring
 * characters of a run of Han, kana or Hangul (東京都 → 東京, 京都), a run of
 * one character as itself. A query's run is looked for as a phrase of its
 * bigrams, which finds exactly the texts holding it.
 */

/** True for a UTF-16 code unit of Han, kana or Hangul. */
export function isCjk(c: number): boolean {
  if (c < 0x1100) return false;
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
    (c >= 0x3040 && c <= 0x30ff && c !== 0x30fb) || // hiragana, katakana; the middle dot separates names
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0x3400 && c <= 0x4dbf) || // ideographs, extension A
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x31f0 && c <= 0x31ff) || // katakana for Ainu
    (c >= 0xff66 && c <= 0xff9f) || // half-width katakana
    (c >= 0x1100 && c <= 0x11ff) || // Hangul jamo
    (c >= 0x3130 && c <= 0x318f) // Hangul compatibility jamo
  );
}

/** True when `text` (from `start` to `end`) holds any Han, kana or Hangul. */
export function hasCjk(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) if (isCjk(text.charCodeAt(i))) return true;
  return false;
}

/** Calls `emit` with the range of each bigram of the run `start..end` (one character: itself). */
export function eachBigram(start: number, end: number, emit: (start: number, end: number) => void): void {
  if (end - start === 1) emit(start, end);
  for (let i = start; i + 2 <= end; i++) emit(i, i + 2);
}
