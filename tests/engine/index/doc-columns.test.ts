import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../../electron/engine/index/doc-columns';

describe('TextColumn', () => {
  const values = [
    '\uFEFFopens with a byte-order mark',
    '',
    'Tōkyō 東京 — “quoted”',
    'a fish 🐟 and a line\nbreak',
    'plain',
  ];

  it('gives back each string as it was, whatever its characters', () => {
    const column = TextColumn.of(values);
    expect(column.length).toBe(values.length);
    expect(values.map((_, i) => column.get(i))).toEqual(values);
  });

  it('gives back the same strings from its stored sections', () => {
    const sections = TextColumn.of(values).sections('titles');
    const stored = new TextColumn(sections.titlesText as Uint8Array, sections.titlesStarts as Uint32Array);
    expect(stored.list()).toEqual(values);
  });

  it('gives the same strings read one by one as read through, past the point where it decodes them all', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `title ${i} — ${'é'.repeat(i % 7)}`);
    const column = TextColumn.of(many);
    expect(many.map((_, i) => column.get(i))).toEqual(many);
    expect(column.list()).toEqual(many);
  });

  it('keeps a lone surrogate closing one string apart from one opening the next', () => {
    const column = TextColumn.of(['ends \uD83D', '\uDC1F opens']);
    expect(column.get(0)).toBe('ends \uFFFD');
    expect(column.get(1)).toBe('\uFFFD opens');
  });

  it('refuses a number past its strings rather than give another string', () => {
    const column = TextColumn.of(['one', 'two']);
    expect(() => column.get(2)).toThrow(RangeError);
    expect(() => column.get(-1)).toThrow(RangeError);
  });

  it('refuses bytes that do not match where its strings start', () => {
    const sections = TextColumn.of(['one', 'two']).sections('ids');
    const text = sections.idsText as Uint8Array;
    expect(() => new TextColumn(text.subarray(0, 4), sections.idsStarts as Uint32Array)).toThrow(
      /does not match/,
    );
  });
});
