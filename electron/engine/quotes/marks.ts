import { ELISIONS } from './lexicon';
import type { Paragraph } from './layout';
import { isLetterAt, isSpaceCode, isWordCharAt, skipSpace, type Span } from './text';

/** Kinds of quotation marks that pair with each other: “…” and "…", ‘…’ and '…', «…», ‹…›. */
export type MarkFamily = 'double' | 'single' | 'angle' | 'angle-single';

/** A stretch of text between an opening quotation mark and its closing mark, both included. */
export interface MarkedQuote extends Span {
  family: MarkFamily;
  /** False when no closing mark was found and the quote was closed at its paragraph's end. */
  closed: boolean;
}

type Role = 'open' | 'close' | 'either' | 'close-if-open' | 'none';

interface Mark {
  role: Role;
  family: MarkFamily;
}

interface Open {
  family: MarkFamily;
  at: number;
  /** Index of the paragraph the mark opened in. */
  paragraph: number;
}

const NONE: Mark = { role: 'none', family: 'single' };
const MARK = /["'«»\u2018-\u201f\u2039\u203a]/g;

// Characters after which a quotation mark can open: white space is tested separately.
const OPENERS = new Set([...'([{—–-/:;,…', '"', '“', '‘', '„', '‚', '«', '‹', '»', '›']);
const PUNCTUATION = /[\p{P}\p{S}]/u;

function isPunct(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && PUNCTUATION.test(ch);
}

/**
 * Pairs the quotation marks of every paragraph and returns the outermost
 * quotations in text order. Apostrophes (don't, the '90s, Jones', rock 'n'
 * roll) open nothing; nested quotations stay inside their outer one; a mark
 * left open closes at its paragraph's end unless the next paragraph opens
 * with a mark of the same kind, the way a quotation runs over paragraphs.
 */
export function pairQuotationMarks(text: string, paragraphs: readonly Paragraph[]): MarkedQuote[] {
  const quotes: MarkedQuote[] = [];
  // Where every mark is, found in one pass: faster than a loop over each character. Each mark is one
  // character, just before lastIndex after a test (which, unlike a search, makes no match object).
  const positions: number[] = [];
  MARK.lastIndex = 0;
  while (MARK.test(text)) positions.push(MARK.lastIndex - 1);
  let nextMark = 0;
  let carried: Open | null = null;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    const { start, end } = paragraph;
    const stack: Open[] = [];
    let at = start;
    if (carried) {
      stack.push(carried);
      at = start + 1; // the opening mark that continues the quotation
      carried = null;
    }
    for (; at < end; at++) {
      while (nextMark < positions.length && positions[nextMark]! < at) nextMark++;
      if (nextMark >= positions.length || positions[nextMark]! >= end) break;
      at = positions[nextMark]!;
      const code = text.charCodeAt(at);
      if (isElidedAnd(text, at)) {
        at += 2;
        continue;
      }
      const mark = classify(text, at, start, end);
      if (mark.role === 'none') continue;
      const same = topmost(stack, mark.family);
      const role = mark.role === 'either' ? (same >= 0 ? 'close' : 'open') : mark.role;
      if (role === 'open') {
        // ""doubled"" marks are one mark.
        if (stack[stack.length - 1]?.at === at - 1 && text.charCodeAt(at - 1) === code) continue;
        // A new sentence opening a mark while one is still open continues it: paragraphs run together.
        if (same >= 0 && followsSentenceEnd(text, at, start)) continue;
        stack.push({ family: mark.family, at, paragraph: index });
      } else if (same >= 0) {
        if (same === 0) quotes.push({ start: stack[0]!.at, end: at + 1, family: mark.family, closed: true });
        stack.length = same;
      }
    }
    const outer = stack[0];
    if (!outer) continue;
    const next = paragraphs[index + 1];
    if (
      paragraph.kind !== 'headline' &&
      next &&
      next.kind !== 'headline' &&
      opensWith(text, next, outer.family)
    ) {
      carried = outer;
    } else if (outer.family !== 'single' || outer.at === paragraphs[outer.paragraph]!.start) {
      quotes.push({ start: outer.at, end, family: outer.family, closed: false });
    }
  }
  return quotes;
}

/** rock 'n' roll, rock ’n’ roll: both marks belong to the elision. */
function isElidedAnd(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code !== 0x27 && code !== 0x2019 && code !== 0x2018) return false;
  const close = text.charCodeAt(at + 2);
  return text[at + 1] === 'n' && (close === 0x27 || close === 0x2019) && !isLetterAt(text, at + 3);
}

function topmost(stack: readonly Open[], family: MarkFamily): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.family === family) return i;
  return -1;
}

function opensWith(text: string, paragraph: Paragraph, family: MarkFamily): boolean {
  const mark = classify(text, paragraph.start, paragraph.start, paragraph.end);
  return mark.family === family && (mark.role === 'open' || mark.role === 'either');
}

function followsSentenceEnd(text: string, at: number, paragraphStart: number): boolean {
  let before = at - 1;
  while (before >= paragraphStart && isSpaceCode(text.charCodeAt(before))) before--;
  if (before < paragraphStart) return true;
  if (before === at - 1) return false;
  const ch = text[before];
  return ch === '.' || ch === '?' || ch === '!' || ch === '…';
}

/** What the quotation mark at `at` can do, judged by the characters on either side. */
function classify(text: string, at: number, start: number, end: number): Mark {
  const code = text.charCodeAt(at);
  const leftSpace = at <= start || isSpaceCode(text.charCodeAt(at - 1));
  const rightSpace = at + 1 >= end || isSpaceCode(text.charCodeAt(at + 1));
  const leftPunct = !leftSpace && isPunct(text, at - 1);
  const rightPunct = !rightSpace && isPunct(text, at + 1);
  const canOpen = !rightSpace && (!rightPunct || leftSpace || leftPunct);
  const canClose = !leftSpace && (!leftPunct || rightSpace || rightPunct);
  switch (code) {
    case 0x22: // "
      return {
        role: canOpen && !canClose ? 'open' : canClose && !canOpen ? 'close' : 'either',
        family: 'double',
      };
    case 0x201c: // “ opens in English, closes „German“
    case 0x201f:
      return { role: canClose && !canOpen ? 'close' : 'open', family: 'double' };
    case 0x201e: // „
      return { role: 'open', family: 'double' };
    case 0x201d: // ” closes; some typesetting opens with it too
      return { role: canOpen && !canClose ? 'either' : 'close', family: 'double' };
    case 0xab: // «
      return { role: canClose && !canOpen ? 'close' : 'open', family: 'angle' };
    case 0xbb: // » closes, but opens »German« quotations
      return { role: canOpen && !canClose ? 'open' : 'close', family: 'angle' };
    case 0x2039:
      return { role: canClose && !canOpen ? 'close' : 'open', family: 'angle-single' };
    case 0x203a:
      return { role: canOpen && !canClose ? 'open' : 'close', family: 'angle-single' };
    case 0x27: // '
    case 0x2018: // ‘
    case 0x201a: // ‚
    case 0x201b:
    case 0x2019: // ’
      return classifySingle(text, at, start, end, code, leftSpace, rightSpace);
    default:
      return NONE;
  }
}

function classifySingle(
  text: string,
  at: number,
  start: number,
  end: number,
  code: number,
  leftSpace: boolean,
  rightSpace: boolean,
): Mark {
  // don't, O'Neill, Kim’s: a mark between letters is an apostrophe.
  if (!leftSpace && !rightSpace && isWordCharAt(text, at - 1) && isLetterAt(text, at + 1)) return NONE;
  const opensHere = (leftSpace || OPENERS.has(text[at - 1]!)) && !rightSpace;
  if (opensHere) {
    if (code === 0x2019 || isElision(text, at + 1, end)) return NONE;
    return { role: 'open', family: 'single' };
  }
  if (leftSpace) return NONE;
  if (code === 0x2018 || code === 0x201a || code === 0x201b)
    return { role: 'close-if-open', family: 'single' };
  // Jones' amendment: a possessive, when a later mark can close the quotation instead.
  if ((text[at - 1] === 's' || text[at - 1] === 'S') && laterSingleClose(text, at + 1, end)) return NONE;
  return { role: 'close-if-open', family: 'single' };
}

/** True when the text after an opening apostrophe reads as an elision: '90s, 'em, 'til. */
function isElision(text: string, from: number, end: number): boolean {
  if (isDigit(text, from) && isDigit(text, from + 1) && !isDigit(text, from + 2)) return true;
  let to = from;
  while (to < end && to - from < 8 && isLetterAt(text, to)) to++;
  if (to === from || isLetterAt(text, to)) return false;
  return ELISIONS.has(text.slice(from, to).toLowerCase());
}

function isDigit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
}

/** True when a closing single mark follows, not far on, after a word in the same paragraph. */
function laterSingleClose(text: string, from: number, end: number): boolean {
  const next = skipSpace(text, from, end);
  if (next >= end || !isLetterAt(text, next)) return false;
  const limit = Math.min(end, from + 200);
  for (let at = next; at < limit; at++) {
    const code = text.charCodeAt(at);
    if ((code === 0x27 || code === 0x2019) && !isSpaceCode(text.charCodeAt(at - 1))) {
      const after = at + 1 >= end ? 0x20 : text.charCodeAt(at + 1);
      if (isSpaceCode(after) || isPunct(text, at + 1)) return true;
    }
  }
  return false;
}
