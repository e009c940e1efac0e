/** One line of text on a PDF page, as positioned by the page. */
export interface PdfLine {
  text: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  /** Font size, the larger of the line's runs. */
  size: number;
  page: number;
}

export interface PdfParagraph {
  text: string;
  /** The page the paragraph starts on. */
  page: number;
}

// A page number alone, perhaps dressed ("- 3 -", "Page 3 of 12", "iv").
const PAGE_NUMBER =
  /^(?:page\s*)?[-–—([]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Rebuilds paragraphs from the lines of every page: drops running headers and
 * footers (a first or last line that recurs on several pages, numbers aside)
 * and page numbers, starts a paragraph where the line spacing widens or the
 * type changes size, undoes hyphenation at line ends, and carries a sentence
 * over a page break.
 */
export function rebuildParagraphs(pages: readonly PdfLine[][]): PdfParagraph[] {
  const running = runningLines(pages);
  const paragraphs: PdfParagraph[] = [];
  let open: { text: string; page: number; last: PdfLine } | null = null;
  const close = () => {
    if (open) paragraphs.push({ text: open.text, page: open.page });
    open = null;
  };
  for (const lines of pages) {
    const margins = new Set(marginLines(lines));
    const kept = lines.filter(
      (line) => !(margins.has(line) && (PAGE_NUMBER.test(line.text) || running.has(shape(line.text)))),
    );
    const spacing = typicalSpacing(kept);
    kept.forEach((line, index) => {
      const previous = index > 0 ? kept[index - 1]! : null;
      if (open && previous && startsParagraph(previous, line, spacing)) close();
      if (open && !previous && !continuesOverPage(open.text, line.text)) close();
      if (!open) {
        open = { text: line.text, page: line.page, last: line };
        return;
      }
      open.text = joinLines(open.text, line.text);
      open.last = line;
    });
  }
  close();
  return paragraphs;
}

/** A line with its digits blurred, so "Page 3" and "Page 4" count as the same running footer. */
function shape(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * The lines a page sets apart in its top and bottom margins: up to two at
 * either end, each parted from the text by a wider gap than the lines of the
 * text have between them (or set in another size), as headers and footers are.
 */
function marginLines(lines: readonly PdfLine[]): PdfLine[] {
  const spacing = typicalSpacing(lines);
  const apart = (a: PdfLine | undefined, b: PdfLine | undefined) =>
    !!a && !!b && (Math.abs(a.y - b.y) > spacing * 1.4 || Math.abs(a.size - b.size) > a.size * 0.15);
  const margins: PdfLine[] = [];
  const n = lines.length;
  if (apart(lines[0], lines[1])) margins.push(lines[0]!);
  else if (apart(lines[1], lines[2])) margins.push(lines[0]!, lines[1]!);
  if (n > 2 && apart(lines[n - 1], lines[n - 2])) margins.push(lines[n - 1]!);
  else if (n > 3 && apart(lines[n - 2], lines[n - 3])) margins.push(lines[n - 2]!, lines[n - 1]!);
  // A lone page number needs no gap to be known for one.
  if (n > 0 && PAGE_NUMBER.test(lines[n - 1]!.text)) margins.push(lines[n - 1]!);
  if (n > 0 && PAGE_NUMBER.test(lines[0]!.text)) margins.push(lines[0]!);
  return margins;
}

function runningLines(pages: readonly PdfLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set(marginLines(lines).map((line) => shape(line.text)));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([text]) => text));
}

function typicalSpacing(lines: readonly PdfLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  // The lower quartile: the spacing within paragraphs, which outnumber the gaps between them.
  return gaps[Math.floor(gaps.length / 4)] ?? 0;
}

function startsParagraph(previous: PdfLine, line: PdfLine, spacing: number): boolean {
  const gap = previous.y - line.y;
  // Moving up the page: a new column or a text box placed out of order.
  if (gap < 0) return true;
  if (spacing > 0 && gap > spacing * 1.4) return true;
  if (Math.abs(previous.size - line.size) > Math.max(previous.size, line.size) * 0.15) return true;
  // A first line indented past the previous one, after a line that ended a sentence.
  return line.x > previous.x + line.size * 1.5 && /[.!?:"”’)]$/.test(previous.text);
}

function continuesOverPage(text: string, next: string): boolean {
  return !/[.!?:"”’)]$/.test(text) && /^[\p{Ll}]/u.test(next);
}

function joinLines(text: string, next: string): string {
  // "inter-\nnational" is one word; "well-\nknown" loses its hyphen too, the lesser harm.
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}
