/**
 * A sorted list of words kept as one string with the start of each word:
 * opening a shard decodes its dictionary in one go instead of making tens of
 * thousands of small strings, and a lookup compares characters in place.
 * The words are materialised as an array only when something walks them all
 * (wildcard and fuzzy expansion).
 */
export class StringTable {
  private readonly starts: Uint32Array;
  private words: string[] | null = null;

  /** `text` holds the words in JavaScript string order, separated by line feeds. */
  constructor(
    private readonly text: string,
    readonly length: number,
  ) {
    this.starts = new Uint32Array(length + 1);
    let at = 0;
    for (let i = 0; i < length; i++) {
      this.starts[i] = at;
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length + 1 : end + 1;
    }
    this.starts[length] = at;
  }

  /** The word at `index`. */
  get(index: number): string {
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  /** Every word, in order (made once, on first use). */
  list(): string[] {
    this.words ??= this.length === 0 ? [] : this.text.split('\n');
    return this.words;
  }

  /** Compares the word at `index` with `value` as JavaScript's `<` would: negative, zero or positive. */
  private compare(index: number, value: string): number {
    const text = this.text;
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const shared = Math.min(length, value.length);
    for (let i = 0; i < shared; i++) {
      const difference = text.charCodeAt(start + i) - value.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - value.length;
  }

  /** Index of `value`, or -1. */
  indexOf(value: string): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = this.compare(mid, value);
      if (order < 0) low = mid + 1;
      else if (order > 0) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The first index whose word is not below `value` (the length when all are). */
  lowerBound(value: string): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(mid, value) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
