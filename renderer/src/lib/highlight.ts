import type { ArticleBlock, ArticleView, BlockKind, Range } from './api';

/** A run of text that is either plain (`hit` null) or part of hit number `hit`. */
export interface TextPiece {
  text: string;
  hit: number | null;
}

export interface LaidOutBlock {
  kind: BlockKind;
  /** Where the block's text lies in the body. */
  start: number;
  end: number;
  pieces: TextPiece[];
}

export interface ArticleLayout {
  title: TextPiece[];
  blocks: LaidOutBlock[];
  /** Hits in reading order: the title's first, then the body's. */
  hitCount: number;
}

/** Ranges clamped to the text, empty ones dropped, sorted, and overlapping ones merged. */
export function normalizeRanges(ranges: readonly Range[], length: number): Range[] {
  const clamp = (value: number) => Math.min(Math.max(Math.trunc(value), 0), length);
  const sorted = ranges
    .map(([start, end]): Range => [clamp(start), clamp(end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Cuts `text[start, end)` into pieces at the edges of `ranges` (normalized, offsets into
 * the same text); a range is numbered `firstHit + its index`.
 */
export function splitText(
  text: string,
  ranges: readonly Range[],
  start = 0,
  end = text.length,
  firstHit = 0,
): TextPiece[] {
  const pieces: TextPiece[] = [];
  let cursor = start;
  ranges.forEach(([rangeStart, rangeEnd], index) => {
    const from = Math.max(rangeStart, start);
    const to = Math.min(rangeEnd, end);
    if (to <= from) return;
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), hit: null });
    pieces.push({ text: text.slice(from, to), hit: firstHit + index });
    cursor = to;
  });
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), hit: null });
  return pieces;
}

/** Pieces for a short text such as a title or a snippet. */
export function highlightText(text: string, ranges: readonly Range[]): TextPiece[] {
  return splitText(text, normalizeRanges(ranges, text.length));
}

function intersects([start, end]: Range, blocks: readonly ArticleBlock[]): boolean {
  return blocks.some((block) => start < block.end && end > block.start);
}

/**
 * Lays an article out for reading: each block cut into pieces, a hit that crosses a block
 * edge split into one mark per block under the same number, and hits that fall between
 * blocks left out so that the counter only counts what can be shown.
 */
export function layoutArticle(article: ArticleView): ArticleLayout {
  const { body } = article;
  const blocks = (
    article.blocks.length > 0 ? article.blocks : [{ kind: 'paragraph' as const, start: 0, end: body.length }]
  )
    .map((block) => ({ ...block, start: Math.max(0, block.start), end: Math.min(body.length, block.end) }))
    .filter((block) => block.end > block.start)
    .sort((a, b) => a.start - b.start);
  const titleRanges = normalizeRanges(article.titleHighlights, article.title.length);
  const bodyRanges = normalizeRanges(article.bodyHighlights, body.length).filter((range) =>
    intersects(range, blocks),
  );
  return {
    title: splitText(article.title, titleRanges),
    blocks: blocks.map((block) => ({
      kind: block.kind,
      start: block.start,
      end: block.end,
      pieces: splitText(body, bodyRanges, block.start, block.end, titleRanges.length),
    })),
    hitCount: titleRanges.length + bodyRanges.length,
  };
}
