import type { SourceSpan } from '../../api';
import type { TextEncoding } from './decode';

/** A place to measure: its offset in the parsed text, and which span it is. */
interface Wanted {
  at: number;
  index: number;
}

function byAt(a: Wanted, b: Wanted): number {
  return a.at - b.at;
}

/**
 * Turns source offsets counted in the parsed text (decoded, line endings
 * unified to LF) into byte offsets in the file, in one pass over the decoded
 * text as it was before its line endings were unified.
 */
export function toFileOffsets(
  spans: SourceSpan[],
  original: string,
  encoding: TextEncoding,
  bomBytes: number,
): SourceSpan[] {
  const wanted: Wanted[] = [];
  for (let index = 0; index < spans.length; index++) {
    const at = spans[index]!.offset;
    if (at !== undefined) wanted.push({ at, index });
  }
  if (wanted.length === 0) return spans;
  wanted.sort(byAt);
  const out: SourceSpan[] = [];
  for (const span of spans) out.push({ ...span });
  const unit = encoding === 'windows-1252' ? 1 : encoding === 'utf-8' ? 0 : 2;
  if (!original.includes('\r')) {
    // Without CRs the parsed text is the original: measure the stretches between the wanted places.
    let at = 0;
    let bytes = bomBytes;
    for (const item of wanted) {
      const to = Math.min(item.at, original.length);
      bytes += unit ? (to - at) * unit : Buffer.byteLength(original.slice(at, to), 'utf8');
      at = to;
      out[item.index]!.offset = bytes;
    }
    return out;
  }
  let next = 0;
  let normalised = 0;
  let bytes = bomBytes;
  for (let i = 0; i <= original.length && next < wanted.length; i++) {
    while (next < wanted.length && wanted[next]!.at <= normalised) out[wanted[next++]!.index]!.offset = bytes;
    if (i === original.length) break;
    const code = original.charCodeAt(i);
    // A CR before LF was dropped when line endings were unified: it has bytes but no place in the text.
    if (!(code === 13 && original.charCodeAt(i + 1) === 10)) normalised++;
    bytes += unit || utf8Length(code, original.charCodeAt(i - 1));
  }
  return out;
}

function utf8Length(code: number, previous: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  // The low half of a pair was counted with its high half.
  if (code >= 0xdc00 && code <= 0xdfff) return previous >= 0xd800 && previous <= 0xdbff ? 0 : 3;
  return 3;
}
