import type { ArticleBlock, ArticleView, BlockKind, QuotationKind, Range } from './api';
import { groupKey, groupQuotations, type QuotationGroup } from './quotations';

/** A run of text that is either plain (`hit` null) or part of hit number `hit`. */
export interface TextPiece {
  text: string;
  hit: number | null;
}

/**
 * The stretch of a quotation that lies in one block and inside the same
 * enclosing quotations; a quotation that crosses a block edge, or half
 * overlaps another, is cut into several segments.
 */
export interface QuoteSegment {
  /** Index into `ArticleView.quotations`. */
  quote: number;
  /** The quotation's group (QuotationGroup.key), shared by the parts of one quotation. */
  group: string;
  kind: QuotationKind;
  start: number;
  end: number;
  /** The first segment of its group in reading order, where the reader jumps to. */
  lead: boolean;
  children: LayoutNode[];
}

/** Text, possibly marked as a hit, or a quotation holding more of them. */
export type LayoutNode = TextPiece | QuoteSegment;

export interface LaidOutBlock {
  kind: BlockKind;
  /** Where the block's text lies in the body. */
  start: number;
  end: number;
  nodes: LayoutNode[];
  /** The quotations whose first words are in this block. */
  opens: QuotationGroup[];
}

export interface ArticleLayout {
  title: TextPiece[];
  blocks: LaidOutBlock[];
  /** Hits in reading order: the title's first, then the body's. */
  hitCount: number;
  /** The body's hits that can be shown, numbered from `titleHits` on. */
  bodyHits: Range[];
  titleHits: number;
  /** The article's quotations, one group per quotation, in reading order. */
  quotations: QuotationGroup[];
}

export function isQuoteSegment(node: LayoutNode): node is QuoteSegment {
  return 'quote' in node;
}

/** The text pieces of some nodes in reading order, quotations unwrapped. */
export function leaves(nodes: readonly LayoutNode[]): TextPiece[] {
  return nodes.flatMap((node) => (isQuoteSegment(node) ? leaves(node.children) : [node]));
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

interface PlacedQuotation {
  index: number;
  group: string;
  kind: QuotationKind;
  start: number;
  end: number;
}

/**
 * Nests the quotations of `body[start, end)` around its text pieces. Each
 * stretch between two edges (of a hit or a quotation) sits inside the
 * quotations covering it, outermost first; segments stay open while the next
 * stretch is inside the same ones, so nested quotations nest and half
 * overlapping ones are cut where they cross.
 */
function nestBlock(
  body: string,
  start: number,
  end: number,
  hits: readonly Range[],
  firstHit: number,
  quotations: readonly PlacedQuotation[],
  led: Set<string>,
): LayoutNode[] {
  const inside = quotations.filter((quotation) => quotation.start < end && quotation.end > start);
  const edges = new Set([start, end]);
  for (const [from, to] of hits)
    for (const edge of [from, to]) if (edge > start && edge < end) edges.add(edge);
  for (const { start: from, end: to } of inside)
    for (const edge of [from, to]) if (edge > start && edge < end) edges.add(edge);
  const sorted = [...edges].sort((a, b) => a - b);

  const root: LayoutNode[] = [];
  const open: { quotation: PlacedQuotation; segment: QuoteSegment }[] = [];
  let hit = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const covering = inside.filter((quotation) => quotation.start <= from && quotation.end >= to);
    let kept = 0;
    while (kept < open.length && kept < covering.length && open[kept]!.quotation === covering[kept]) kept++;
    open.length = kept;
    for (const quotation of covering.slice(kept)) {
      const segment: QuoteSegment = {
        quote: quotation.index,
        group: quotation.group,
        kind: quotation.kind,
        start: from,
        end: to,
        lead: !led.has(quotation.group),
        children: [],
      };
      led.add(quotation.group);
      (open.at(-1)?.segment.children ?? root).push(segment);
      open.push({ quotation, segment });
    }
    for (const { segment } of open) segment.end = to;
    while (hit < hits.length && hits[hit]![1] <= from) hit++;
    const inHit = hit < hits.length && hits[hit]![0] <= from;
    (open.at(-1)?.segment.children ?? root).push({
      text: body.slice(from, to),
      hit: inHit ? firstHit + hit : null,
    });
  }
  return root;
}

/**
 * Lays an article out for reading: each block cut into pieces, a hit that crosses a block
 * edge split into one mark per block under the same number, and hits that fall between
 * blocks left out so that the counter only counts what can be shown. Quotations wrap the
 * pieces they cover, so hits stay marked inside them.
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
  const quotations = groupQuotations(article.quotations, body.length);
  // Outermost first where quotations nest: earlier start, then longer.
  const placed: PlacedQuotation[] = quotations
    .flatMap((group) => group.parts)
    .map((index) => {
      const quotation = article.quotations[index]!;
      const { start, end, kind } = quotation;
      return { index, group: groupKey(quotation, index), kind, start, end };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const led = new Set<string>();
  const byKey = new Map(quotations.map((group) => [group.key, group]));
  const leadsIn = (nodes: readonly LayoutNode[]): QuotationGroup[] =>
    nodes.flatMap((node) =>
      isQuoteSegment(node) ? [...(node.lead ? [byKey.get(node.group)!] : []), ...leadsIn(node.children)] : [],
    );
  return {
    title: splitText(article.title, titleRanges),
    blocks: blocks.map((block) => {
      const nodes = nestBlock(body, block.start, block.end, bodyRanges, titleRanges.length, placed, led);
      return {
        kind: block.kind,
        start: block.start,
        end: block.end,
        nodes,
        opens: leadsIn(nodes),
      };
    }),
    hitCount: titleRanges.length + bodyRanges.length,
    bodyHits: bodyRanges,
    titleHits: titleRanges.length,
    quotations,
  };
}
