import { describe, expect, it } from 'vitest';
import { guessDelimiter, readCsv } from '../../../electron/engine/ingest/csv';

describe('readCsv', () => {
  it('splits rows and cells, unfolding quotes and keeping row offsets', () => {
    expect(readCsv('a,b\n"x, y","say ""hi""\nthere"\n\nlast,\n', ',')).toEqual([
      { cells: ['a', 'b'], offset: 0 },
      { cells: ['x, y', 'say "hi"\nthere'], offset: 4 },
      { cells: ['last', ''], offset: 31 },
    ]);
  });

  it('closes a quote left open at the end', () => {
    expect(readCsv('a\n"open', ',')).toEqual([
      { cells: ['a'], offset: 0 },
      { cells: ['open'], offset: 2 },
    ]);
  });

  it('reads a line of several megabytes in linear time', () => {
    const line = 'x'.repeat(5_000_000);
    const started = performance.now();
    expect(readCsv(`title\n${line}\n`, ',')[1]!.cells[0]!.length).toBe(5_000_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('guessDelimiter', () => {
  it('picks the delimiter that splits the header most', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('"a,b";c\n')).toBe(';');
    expect(guessDelimiter('title')).toBe(',');
  });
});
