import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, normaliseNewlines, unmarkedUtf16 } from '../../../electron/engine/ingest/decode';
import { BBC, hasBbc } from '../fixtures';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    const text = 'Zürich — “quoted” £5 €';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...Buffer.from('Café', 'utf8')))).toEqual({
      text: 'Café',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 little-endian text after its byte-order mark', () => {
    const body = Buffer.from('Zürich £5 “x”', 'utf16le');
    expect(decodeText(bytes(0xff, 0xfe, ...body))).toEqual({ text: 'Zürich £5 “x”', encoding: 'utf-16le' });
  });

  it('reads UTF-16 big-endian text after its byte-order mark', () => {
    const body = Buffer.from('Zürich £5 “x”', 'utf16le').swap16();
    expect(decodeText(bytes(0xfe, 0xff, ...body))).toEqual({ text: 'Zürich £5 “x”', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8, reading 0xA3 as a pound sign', () => {
    expect(decodeText(bytes(...ascii('a '), 0xa3, ...ascii('15.8m signing')))).toEqual({
      text: 'a £15.8m signing',
      encoding: 'windows-1252',
    });
  });

  it('reads 0x93 and 0x94 as typographic double quotes in the fallback', () => {
    expect(decodeText(bytes(0x93, ...ascii('No comment'), 0x94)).text).toBe('“No comment”');
  });

  it('reads the rest of the 0x80–0x9F block as Windows-1252, not as control characters', () => {
    expect(decodeText(bytes(0x80, 0x20, 0x96, 0x20, 0x97, 0x20, 0x92)).text).toBe('€ – — ’');
  });

  it.skipIf(!hasBbc)('decodes the BBC article sport/199.txt with "£15.8m"', async () => {
    const decoded = decodeText(await readFile(join(BBC, 'sport', '199.txt')));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('a £15.8m signing from Parma');
  });
});

describe('normaliseNewlines', () => {
  it('turns CRLF line endings into LF', () => {
    expect(normaliseNewlines('Headline\r\n\r\nBody\r\n')).toBe('Headline\n\nBody\n');
  });

  it('turns lone CR line endings into LF', () => {
    expect(normaliseNewlines('Headline\r\rBody\r')).toBe('Headline\n\nBody\n');
  });

  it('handles mixed endings and leaves LF text as it is', () => {
    expect(normaliseNewlines('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(normaliseNewlines('a\n\nb')).toBe('a\n\nb');
  });
});

describe('unmarkedUtf16', () => {
  it('recognises UTF-16 without a byte-order mark by its NULs, and decodeText reads it', () => {
    const text = 'Headline without a mark\n\nBody text in a Latin script.';
    expect(unmarkedUtf16(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(unmarkedUtf16(Buffer.from(text, 'utf16le').swap16())).toBe('utf-16be');
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('leaves UTF-8, Latin-1 and binary data alone', () => {
    expect(unmarkedUtf16(Buffer.from('Plain text, nothing wide.', 'utf8'))).toBeNull();
    expect(unmarkedUtf16(Buffer.from('Caf\xe9 au lait', 'latin1'))).toBeNull();
    expect(unmarkedUtf16(Uint8Array.from([0, 0, 0, 0, 1, 2, 3, 4, 0, 0]))).toBeNull();
  });
});
