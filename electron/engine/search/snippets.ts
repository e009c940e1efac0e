import type { Range, Snippet } from '../../api';

export interface SnippetOptions {
  /** Most snippets per article. */
  count?: number;
  /** About how many characters a snippet spans. */
  width?: number;
}

/**
 * Cuts up to `count` passages of `text` around its highlighted ranges,
 * preferring passages with the most distinct highlighted words, in reading
 * order; without highlights, the opening of the text. Highlights index into
 * each snippet's own text.
 */
export function makeSnippets(
  text: string,
  ranges: readonly Range[],
  options: SnippetOptions = {},
): Snippet[] {
  const count = options.count ?? 2;
  const width = options.width ?? 220;
  if (text.length === 0) return [];
  if (ranges.length === 0) return [cut(text, 0, Math.min(text.length, width), [])];

  const windows: { start: number; end: number; members: Range[]; score: number }[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const first = ranges[i]!;
    const start = Math.max(0, first[0] - Math.floor(width / 4));
    const end = Math.min(text.length, start + width);
    const members = ranges.filter((range) => range[0] >= start && range[1] <= end);
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
  let start = roughStart;
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    const firstHit = ranges[0]?.[0] ?? roughEnd;
    start = space >= 0 && roughStart - space < 30 ? space + 1 : start;
    start = Math.min(start, firstHit);
  }
  let end = roughEnd;
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    const lastHit = ranges[ranges.length - 1]?.[1] ?? 0;
    end = space >= 0 && space - roughEnd < 30 ? space : end;
    end = Math.max(end, lastHit);
  }
  const lead = start > 0 ? '… ' : '';
  const tail = end < text.length ? ' …' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  return {
    text: lead + body + tail,
    highlights: ranges.map(([from, to]) => [from - start + lead.length, to - start + lead.length] as Range),
  };
}
