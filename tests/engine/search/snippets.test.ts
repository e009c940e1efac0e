import { describe, expect, it } from 'vitest';
import type { Range } from '../../../electron/api';
import { makeSnippets } from '../../../electron/engine/search/snippets';

const sliced = (text: string, ranges: readonly Range[]) =>
  ranges.map(([start, end]) => text.slice(start, end));

const FILLER = 'The committee met again on Tuesday and the minutes were read aloud before lunch. ';

/** Long text with "Blair" and "Brown" at known places, among many other words. */
function story(): { text: string; ranges: Range[] } {
  const parts = [
    FILLER.repeat(3),
    'Tony Blair spoke first. ',
    FILLER.repeat(4),
    'Then Gordon Brown replied,\nand Blair listened. ',
    FILLER.repeat(5),
    'Finally Brown left. ',
    FILLER.repeat(2),
  ];
  const text = parts.join('');
  const ranges: Range[] = [];
  for (const word of ['Blair', 'Brown']) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return { text, ranges };
}

describe('makeSnippets', () => {
  it('gives highlights that slice exactly the highlighted words of the source', () => {
    const { text, ranges } = story();
    const snippets = makeSnippets(text, ranges, { count: 3 });
    expect(snippets.length).toBeGreaterThan(0);
    let shown = 0;
    for (const snippet of snippets) {
      for (const [start, end] of snippet.highlights) {
        expect(['Blair', 'Brown']).toContain(snippet.text.slice(start, end));
        shown++;
      }
    }
    expect(shown).toBeGreaterThanOrEqual(3);
  });

  it('gives at most the number of snippets asked for, two by default', () => {
    const { text, ranges } = story();
    expect(makeSnippets(text, ranges)).toHaveLength(2);
    expect(makeSnippets(text, ranges, { count: 1 })).toHaveLength(1);
  });

  it('prefers the passage holding the most distinct highlighted words', () => {
    const { text, ranges } = story();
    const [best] = makeSnippets(text, ranges, { count: 1 });
    const words = best!.highlights.map(([start, end]) => best!.text.slice(start, end));
    expect(new Set(words)).toEqual(new Set(['Blair', 'Brown']));
  });

  it('keeps snippets in reading order and marks cut ends with ellipses', () => {
    const { text, ranges } = story();
    const snippets = makeSnippets(text, ranges, { count: 3 });
    const flat = text.replace(/\s/g, ' ');
    const positions = snippets.map((snippet) =>
      flat.indexOf(snippet.text.replace(/^… /, '').replace(/ …$/, '')),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(snippets[1]!.text.startsWith('… ')).toBe(true);
  });

  it('shows line breaks as spaces without moving the highlights', () => {
    const { text, ranges } = story();
    for (const snippet of makeSnippets(text, ranges, { count: 3 })) {
      expect(snippet.text).not.toContain('\n');
    }
  });

  it('gives the opening of the text when nothing is highlighted', () => {
    const text = FILLER.repeat(10);
    const snippets = makeSnippets(text, [], { width: 100 });
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.highlights).toEqual([]);
    expect(text.startsWith(snippets[0]!.text.replace(/ …$/, ''))).toBe(true);
    expect(snippets[0]!.text.length).toBeLessThan(140);
  });

  it('highlights the whole of a range wider than a snippet', () => {
    const phrase =
      'We will fight on the beaches, we shall fight on the landing grounds, we shall fight in the fields and in the streets, we shall fight in the hills; we shall never surrender, and even if this island were subjugated, then our Empire';
    expect(phrase).toHaveLength(229);
    const text = FILLER.repeat(3) + phrase + '. ' + FILLER.repeat(3);
    const at = text.indexOf(phrase);
    const [snippet, ...others] = makeSnippets(text, [[at, at + phrase.length]]);
    expect(others).toEqual([]);
    expect(sliced(snippet!.text, snippet!.highlights)).toEqual([phrase]);
  });

  it('highlights the part of a range that a snippet shows when the range runs past it', () => {
    const text = FILLER.repeat(4);
    const near = FILLER.length * 2;
    const long: Range = [near + 100, FILLER.length * 4];
    const [snippet] = makeSnippets(text, [[near, near + 3], long], { count: 1, width: 150 });
    const shown = sliced(snippet!.text, snippet!.highlights);
    expect(shown[0]).toBe('The');
    expect(shown).toHaveLength(2);
    expect(shown[1]!.length).toBeGreaterThan(0);
    expect(text.slice(long[0]).startsWith(shown[1]!)).toBe(true);
  });

  it('does not cut the first word of the text when the passage starts close to it', () => {
    const text =
      'The World Trade Organisation (WTO) is to hold membership talks with both Iraq and Afghanistan. ' +
      'But the bid of a third country was refused. '.repeat(10);
    const at = text.indexOf('talks');
    const [snippet] = makeSnippets(text, [[at, at + 5]], { count: 1 });
    expect(snippet!.text.startsWith('The World Trade')).toBe(true);
    expect(snippet!.text.slice(...snippet!.highlights[0]!)).toBe('talks');
  });

  it('starts a snippet where the span holding its range starts, keeping the range in its first half', () => {
    const quote = '"' + 'Every tonne was worth arguing about, '.repeat(2) + 'and we argued." ';
    const text = FILLER.repeat(3) + quote + 'Mr Okafor said. ' + FILLER.repeat(3);
    const span: Range = [text.indexOf(quote), text.indexOf('Mr Okafor') + 9];
    const mention: Range = [span[1] - 9, span[1]];
    const [spoken] = makeSnippets(text, [mention], { count: 1, spans: [span] });
    expect(spoken!.text).toMatch(/^… "Every tonne was worth arguing about/);
    expect(sliced(spoken!.text, spoken!.highlights)).toEqual(['Mr Okafor']);
    const [narrow] = makeSnippets(text, [mention], { count: 1, width: 100, spans: [span] });
    expect(narrow!.text).not.toContain('"Every');
    expect(narrow!.text.indexOf('Mr Okafor')).toBeLessThan(60);
    const [plain] = makeSnippets(text, [mention], { count: 1 });
    expect(plain!.text).not.toContain('"Every');

    const before = FILLER.repeat(3) + 'Mr Okafor said: ' + quote + FILLER.repeat(3);
    const at = before.indexOf('Mr Okafor');
    const [opening] = makeSnippets(before, [[at, at + 9]], {
      count: 1,
      spans: [[at, at + 16 + quote.length]],
    });
    expect(opening!.text).toMatch(/^… Mr Okafor said: "Every/);
  });

  it('gives the whole of a short text without ellipses', () => {
    expect(makeSnippets('Blair spoke.', [[0, 5]])).toEqual([{ text: 'Blair spoke.', highlights: [[0, 5]] }]);
  });

  it('gives nothing for empty text', () => {
    expect(makeSnippets('', [])).toEqual([]);
  });
});
