/** The non-empty text nodes under an element, in document order. */
export function textNodes(element: Element): Node[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent) nodes.push(node);
  return nodes;
}

/** Selects from `offset` in one text node to `endOffset` in another, as a person dragging would. */
export function selectText(start: Node, offset: number, end: Node, endOffset: number): void {
  const range = document.createRange();
  range.setStart(start, offset);
  range.setEnd(end, endOffset);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}
