import type { Range, Snippet } from '../../api';

/** How many snippets to cut and how wide. */
export interface SnippetOptions {
  /** Most snippets per article. */
  count?: number;
  /** About how many characters a snippet spans. */
  width?: number;
  /**
   * Stretches of the text that a range inside them stands for (a speaker's
   * mention, with the words it attributes): a snippet cut around such a range
   * starts where the stretch does, or half its width before the range if the
   * stretch starts earlier, so the range stays in the first half, which a
   * list of clipped snippets still shows.
   */
  spans?: readonly Range[];
}

/**
 * Cuts up to `count` passages of `text` around its highlighted ranges,
 * preferring passages with the most distinct highlighted words, in reading
 * order; without highlights, the opening of the text. A snippet always shows
 * the whole of the range it is cut around (a long phrase stretches it), and
 * the part of any other range it reaches, and what a span holding that
 * range stands for. Highlights index into each snippet's own text.
 */
export function makeSnippets(
  text: string,
  ranges: readonly Range[],
  options: SnippetOptions = {},
): Snippet[] {
  const count = options.count ?? 2;
  const width = options.width ?? 220;
  const spans = options.spans ?? [];
  if (text.length === 0) return [];
  if (ranges.length === 0) return [cut(text, 0, Math.min(text.length, width), [])];

  const windows: { start: number; end: number; members: Range[]; score: number }[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const first = ranges[i]!;
    const held = spans.filter(([from, to]) => from <= first[0] && first[1] <= to);
    const start =
      held.length > 0
        ? Math.max(Math.min(...held.map(([from]) => from)), first[0] - Math.floor(width / 2))
        : Math.max(0, first[0] - Math.floor(width / 4));
    const end = Math.min(text.length, Math.max(start + width, first[1]));
    const members = ranges.filter((range) => range[0] < end && range[1] > start);
    const distinct = new Set(members.map((range) => text.slice(range[0], range[1]).toLowerCase()));
    windows.push({ start, end, members, score: distinct.size * 10 + members.length });
  }
  windows.sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen: typeof windows = [];
  for (const window of windows) {
    if (chosen.length >= count) break;
    if (chosen.some((other) => window.start < other.end && other.start < window.end)) continue;
    chosen.push(window);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map((window) => cut(text, window.start, window.end, window.members));
}

function cut(text: string, roughStart: number, roughEnd: number, ranges: readonly Range[]): Snippet {
  // Ends move out to the nearest space close by, so words are not cut in two; near the opening of the text, to it.
  let start = roughStart;
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space >= 0 && roughStart - space < 30) start = space + 1;
    else if (space < 0 && roughStart < 30) start = 0;
  }
  let end = roughEnd;
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    if (space >= 0 && space - roughEnd < 30) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  return {
    text: lead + body + tail,
    // A range reaching past either end is highlighted as far as the snippet shows it.
    highlights: ranges.map(
      ([from, to]) =>
        [Math.max(from, start) - start + lead.length, Math.min(to, end) - start + lead.length] as Range,
    ),
  };
}
