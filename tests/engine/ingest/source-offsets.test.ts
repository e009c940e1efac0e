import { describe, expect, it } from 'vitest';
import { toFileOffsets } from '../../../electron/engine/ingest/source-offsets';

describe('toFileOffsets', () => {
  it('counts UTF-8 bytes, the byte-order mark, and the CRs that unifying line endings dropped', () => {
    const original = 'é\r\nline “two”\r\nthree';
    const normalised = original.replace(/\r\n/g, '\n');
    const spans = [
      { start: 0, end: 1, offset: normalised.indexOf('line') },
      { start: 2, end: 3, offset: normalised.indexOf('three') },
    ];
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(original)]);
    const mapped = toFileOffsets(spans, original, 'utf-8', 3);
    expect(file.subarray(mapped[0]!.offset).toString().startsWith('line')).toBe(true);
    expect(file.subarray(mapped[1]!.offset).toString()).toBe('three');
  });

  it('counts two bytes a unit in UTF-16 and one a character in Windows-1252', () => {
    expect(toFileOffsets([{ start: 0, end: 1, offset: 2 }], 'ab\ncd', 'utf-16le', 2)[0]!.offset).toBe(6);
    expect(toFileOffsets([{ start: 0, end: 1, offset: 2 }], 'é\r\ncd', 'windows-1252', 0)[0]!.offset).toBe(3);
  });

  it('counts characters beyond the Basic Multilingual Plane as four bytes', () => {
    expect(toFileOffsets([{ start: 0, end: 1, offset: 3 }], '😀 x', 'utf-8', 0)[0]!.offset).toBe(5);
  });
});
