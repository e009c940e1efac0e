import type { ArticleFormat } from '../../api';
import { frontMatterLength } from '../ingest/parse-markdown';
import { skipSpace, trimEndOf, type Span } from './text';

/**
 * One paragraph of the article: `start`/`end` cover its text without the
 * white space around it (and, for a Markdown quote block, without the `>`).
 */
export interface Paragraph extends Span {
  kind: 'headline' | 'text' | 'quote' | 'heading';
}

/**
 * The paragraphs of a whole file's text, in order. In `.txt` the first line is
 * the headline; paragraphs are separated by blank lines, or by line breaks
 * when the file has no blank lines at all. In `.md` the front matter is left
 * out and `>` blocks and `#` headings are marked.
 */
export function paragraphsOf(text: string, format: ArticleFormat = 'txt'): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let from = format === 'md' ? frontMatterLength(text) : 0;
  from = skipSpace(text, from, text.length);
  if (from >= text.length) return paragraphs;
  if (format === 'txt') {
    const lineEnd = text.indexOf('\n', from);
    const end = lineEnd < 0 ? text.length : lineEnd;
    paragraphs.push({ start: from, end: trimEndOf(text, from, end), kind: 'headline' });
    if (lineEnd < 0) return paragraphs;
    from = lineEnd + 1;
  }
  splitParagraphs(text, from, text.length, hasBlankLine(text, from), format, paragraphs);
  return paragraphs;
}

/**
 * Adds the paragraphs of text[from, to) to `out`: separated by blank lines,
 * or by every line break when `byBlankLines` is false (a file without blank lines).
 */
export function splitParagraphs(
  text: string,
  from: number,
  to: number,
  byBlankLines: boolean,
  format: ArticleFormat,
  out: Paragraph[],
): void {
  let start = from;
  for (;;) {
    const lineEnd = byBlankLines ? blankLineAt(text, start, to) : text.indexOf('\n', start);
    const end = lineEnd >= 0 && lineEnd < to ? lineEnd : to;
    addParagraph(text, start, end, format, out);
    if (end === to) break;
    start = byBlankLines ? afterBlankLine(text, end) : end + 1;
  }
}

/** True when `text` has a blank line at or after `from`: paragraphs are then separated by blank lines. */
export function hasBlankLine(text: string, from = 0): boolean {
  return blankLineAt(text, from, text.length) >= 0;
}

/**
 * Index of the line break that starts the first blank line in [from, to)
 * (only spaces, tabs, carriage returns or no-break spaces before the next
 * line break), or -1. Found from the line breaks, which are few, not by
 * trying every character.
 */
function blankLineAt(text: string, from: number, to: number): number {
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    if (afterBlankLine(text, at) >= 0) return at;
  }
  return -1;
}

/** Index just past the blank line whose first line break is at `at`, or -1 when the line is not blank. */
function afterBlankLine(text: string, at: number): number {
  for (let next = at + 1; next < text.length; next++) {
    const code = text.charCodeAt(next);
    if (code === 0x0a) return next + 1;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0xa0) return -1;
  }
  return -1;
}

function addParagraph(text: string, from: number, to: number, format: ArticleFormat, out: Paragraph[]): void {
  const start = skipSpace(text, from, to);
  const end = trimEndOf(text, start, to);
  if (end <= start) return;
  if (format === 'md') {
    const first = text.charCodeAt(start);
    if (first === 0x3e /* > */) {
      const inner = skipSpace(text, start + 1, end);
      if (inner < end) out.push({ start: inner, end, kind: 'quote' });
      return;
    }
    if (first === 0x23 /* # */ && /^#{1,6}[ \t]/.test(text.slice(start, start + 8))) {
      const inner = skipSpace(text, text.indexOf(' ', start), end);
      const kind = out.length === 0 ? 'headline' : 'heading';
      if (inner < end) out.push({ start: inner, end, kind });
      return;
    }
  }
  out.push({ start, end, kind: 'text' });
}
