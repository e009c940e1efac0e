import { firstEndingAfter, isAbbreviation, isSpaceCode, isUpperAt, skipSpace, type Span } from './text';

const CLOSERS = new Set([...')]}"\'’”»›']);
const OPENING_MARKS = new Set([...'"\'“‘„«‹(']);

/**
 * The starts of the sentences in `paragraph`, in order, the first being the
 * paragraph's start. Quotations (`atoms`, sorted) are never split; one whose
 * words end with a full stop, question or exclamation mark ends its sentence
 * when a capital follows ("…weeks." She said).
 */
export function sentenceStarts(text: string, paragraph: Span, atoms: readonly Span[]): number[] {
  const starts = [paragraph.start];
  const { end } = paragraph;
  let atom = firstEndingAfter(atoms, paragraph.start);
  // The next full stop, question or exclamation mark or ellipsis: found by one scan, kept until passed.
  let endChar = -1;
  for (let at = paragraph.start; at < end;) {
    const next = atoms[atom];
    if (next && next.start <= at) {
      atom++;
      if (next.end <= at) continue;
      at = Math.min(next.end, end);
      if (endsSentence(text, next.end - 2)) pushStart(text, next.end, end, starts);
      continue;
    }
    if (endChar < at) endChar = nextEndChar(text, at, end);
    const unquoted = next ? Math.min(next.start, end) : end;
    if (endChar >= unquoted) {
      at = unquoted;
      continue;
    }
    at = endChar + 1;
    if (text[endChar] === '.' && abbreviationBefore(text, endChar, paragraph.start)) continue;
    let after = at;
    while (after < end && CLOSERS.has(text[after]!) && !(atoms[atom] && atoms[atom]!.start === after))
      after++;
    pushStart(text, after, end, starts);
  }
  return starts;
}

const END_CHAR = /[.?!…]/g;

// A test, unlike a search, makes no match object: the end character is the one just before lastIndex.
function nextEndChar(text: string, from: number, end: number): number {
  END_CHAR.lastIndex = from;
  return END_CHAR.test(text) ? Math.min(END_CHAR.lastIndex - 1, end) : end;
}

function endsSentence(text: string, at: number): boolean {
  let inner = at;
  // "…worse off a year. " And…": a space may stand before a closing mark.
  while (inner > 0 && (CLOSERS.has(text[inner]!) || text[inner] === ' ')) inner--;
  const ch = text[inner];
  return ch === '.' || ch === '?' || ch === '!' || ch === '…';
}

function pushStart(text: string, after: number, end: number, starts: number[]): void {
  const next = skipSpace(text, after, end);
  if (next === after || next >= end) return;
  const ch = text[next]!;
  if (isUpperAt(text, next) || OPENING_MARKS.has(ch) || (ch >= '0' && ch <= '9')) {
    if (starts[starts.length - 1]! < next) starts.push(next);
  }
}

function abbreviationBefore(text: string, at: number, start: number): boolean {
  let from = at;
  while (from > start && !isSpaceCode(text.charCodeAt(from - 1)) && text[from - 1] !== '(') from--;
  const word = text.slice(from, at).replace(/^[^\p{L}]+/u, '');
  return word !== '' && isAbbreviation(word);
}

/** The [start, end) of the sentence that holds `at`, given the paragraph's sentence starts. */
export function sentenceAt(starts: readonly number[], paragraphEnd: number, at: number): Span {
  let next = 0;
  let high = starts.length;
  while (next < high) {
    const mid = (next + high) >> 1;
    if (starts[mid]! > at) high = mid;
    else next = mid + 1;
  }
  return { start: starts[Math.max(0, next - 1)]!, end: starts[next] ?? paragraphEnd };
}
