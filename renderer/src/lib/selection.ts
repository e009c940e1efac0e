import type { Range as TextRange } from './api';

/**
 * The reader marks each block of the article body with `data-start`, its
 * offset in `ArticleView.body`, and renders its text unchanged; so a point in
 * the page maps to a body offset by counting the text before it in its block.
 */
function blockOf(node: Node | null, root: Element): HTMLElement | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at instanceof HTMLElement && at.dataset.start !== undefined) return at;
  }
  return null;
}

function blocksIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-start]')];
}

function pointOffset(node: Node, offset: number, root: Element): number | null {
  const block = blockOf(node, root);
  if (block) {
    const range = document.createRange();
    range.selectNodeContents(block);
    range.setEnd(node, offset);
    return Number(block.dataset.start) + range.toString().length;
  }
  // A point between blocks (a triple click ends at the next block's start): the nearest block edge.
  if (!root.contains(node)) return null;
  const blocks = blocksIn(root);
  const point = document.createRange();
  point.setStart(node, offset);
  for (const each of blocks) {
    const range = document.createRange();
    range.selectNodeContents(each);
    if (point.compareBoundaryPoints(Range.START_TO_START, range) <= 0) return Number(each.dataset.start);
  }
  const last = blocks.at(-1);
  return last ? Number(last.dataset.end) : null;
}

/** The selection's [start, end) in the body's text, or null when it is empty or outside `root`. */
export function selectionInBody(selection: Selection | null, root: Element | undefined): TextRange | null {
  if (!selection || !root || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const start = pointOffset(range.startContainer, range.startOffset, root);
  const end = pointOffset(range.endContainer, range.endOffset, root);
  if (start === null || end === null || end <= start) return null;
  return [start, end];
}

/** The range without the white space at its ends, as the engine saves it; null when nothing is left. */
export function trimRange(body: string, [start, end]: TextRange): TextRange | null {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? [start, end] : null;
}
