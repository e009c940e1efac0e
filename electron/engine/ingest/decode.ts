export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Node's TextDecoder reads 'windows-1252' as Latin-1, so 0x80–0x9F (curly
// quotes, dashes, the euro sign) would come out as control characters.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = new Array<string>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      codes[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
    }
    text += codes.join('');
  }
  return text;
}

/**
 * Decodes file bytes to text: a UTF-16 byte-order mark wins, then UTF-16
 * without one when its NUL pattern is unmistakable, then strict UTF-8 (BOM
 * dropped), and bytes that are not valid UTF-8 are read as Windows-1252 (a
 * superset of Latin-1), the usual encoding of older Western news archives.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = utf16Bom(bytes);
  if (bom === 'utf-16le') {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bom === 'utf-16be') {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = unmarkedUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Recognises UTF-16 without a byte-order mark by its NULs: text in a Latin
 * script has a zero in (nearly) every other byte and almost none in the rest.
 * Binary data rarely keeps that rhythm over 4 KB, and UTF-8 text has no NULs.
 */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8 || bytes.subarray(0, length).indexOf(0) < 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.7 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.7 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** How many bytes of byte-order mark start `bytes` in the encoding it was read as. */
export function bomLength(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}

/** Unifies CRLF and lone CR line endings to LF. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The UTF-16 byte order a byte-order mark at the start announces, or null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}
