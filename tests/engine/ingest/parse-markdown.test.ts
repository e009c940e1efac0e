import { afterEach, describe, expect, it } from 'vitest';
import {
  FrontMatterError,
  normaliseDate,
  parseMarkdown,
} from '../../../electron/engine/ingest/parse-markdown';

const slices = (body: string, blocks: { start: number; end: number }[]) =>
  blocks.map((block) => body.slice(block.start, block.end));

describe('parseMarkdown', () => {
  it('reads title, date, source, author, url and tags from front matter', () => {
    const parsed = parseMarkdown(
      '---\ntitle: Mutu sacked\ndate: 2019-03-04\nsource: BBC Sport\nauthor: Jane Doe\n' +
        'url: https://example.org/mutu\ntags: [football, doping]\n---\n\nChelsea have sacked Mutu.\n',
      'fallback',
    );
    expect(parsed).toEqual({
      title: 'Mutu sacked',
      date: '2019-03-04',
      source: 'BBC Sport',
      author: 'Jane Doe',
      url: 'https://example.org/mutu',
      tags: ['football', 'doping'],
      body: 'Chelsea have sacked Mutu.',
      blocks: [{ kind: 'paragraph', start: 0, end: 25 }],
      sourceMap: [{ start: 0, end: 25, offset: 135 }],
    });
  });

  it('reads tags given as a comma-separated string', () => {
    expect(parseMarkdown('---\ntags: football, doping ,  chelsea\n---\nBody', 'x').tags).toEqual([
      'football',
      'doping',
      'chelsea',
    ]);
  });

  it('accepts front matter closed with "..."', () => {
    expect(parseMarkdown('---\ntitle: Dotted\n...\nBody', 'x')).toMatchObject({
      title: 'Dotted',
      body: 'Body',
    });
  });

  it('normalises a written-out date in front matter', () => {
    withTimeZone('UTC');
    expect(parseMarkdown('---\ndate: March 4, 2019\n---\nBody', 'x').date).toBe('2019-03-04');
  });

  it('takes the title from the first "# " heading and drops it from the body', () => {
    const { title, body, blocks } = parseMarkdown(
      '# Chelsea sack Mutu\n\nFirst paragraph.\n\nSecond one.\n',
      'file',
    );
    expect(title).toBe('Chelsea sack Mutu');
    expect(body).toBe('First paragraph.\n\nSecond one.');
    expect(slices(body, blocks)).toEqual(['First paragraph.', 'Second one.']);
  });

  it('keeps a leading heading in the body when front matter gives the title', () => {
    const { title, blocks, body } = parseMarkdown('---\ntitle: Given\n---\n# Heading\n\nText.', 'file');
    expect(title).toBe('Given');
    expect(blocks[0]).toMatchObject({ kind: 'heading' });
    expect(slices(body, blocks)).toEqual(['Heading', 'Text.']);
  });

  it('falls back to the file name when there is neither a title nor a leading heading', () => {
    const { title, blocks } = parseMarkdown('Opening words.\n\n## Later heading\n\nMore.', 'mutu report');
    expect(title).toBe('mutu report');
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('turns ">" blocks into quote blocks without their markers', () => {
    const { body, blocks } = parseMarkdown(
      'He spoke.\n\n> “We will appeal,” he said.\n> The club disagreed.\n',
      'x',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'quote']);
    expect(slices(body, blocks)[1]).toBe('“We will appeal,” he said.\nThe club disagreed.');
    expect(body).not.toContain('>');
  });

  it('removes emphasis, link, image and code markup but keeps their words', () => {
    const { body } = parseMarkdown(
      'Read **the report** by *Jane* and _Joe_ at [the BBC](https://bbc.co.uk), see `code` and ![a chart](c.png); file_name_here stays.',
      'x',
    );
    expect(body).toBe(
      'Read the report by Jane and Joe at the BBC, see code and a chart; file_name_here stays.',
    );
  });

  it('gives block offsets that slice the body exactly, headings and quotes included', () => {
    const { body, blocks } = parseMarkdown(
      'Intro with **bold**.\n\n## Sub heading ##\n\n> quoted *words*\n\n---\n\nLast [link](x).\n',
      'x',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'quote', 'paragraph']);
    expect(slices(body, blocks)).toEqual(['Intro with bold.', 'Sub heading', 'quoted words', 'Last link.']);
    expect(body).toBe(slices(body, blocks).join('\n\n'));
  });

  it('throws FrontMatterError naming the line and column of invalid YAML in the file', () => {
    const text = '---\ntitle: Fine\ntags: [unclosed\n---\nBody';
    expect(() => parseMarkdown(text, 'x')).toThrow(FrontMatterError);
    // The bad line, "tags: [unclosed", is the file's third line.
    expect(() => parseMarkdown(text, 'x')).toThrow(/front matter is not valid YAML \(line 3, column \d+\)/);
  });

  it('throws FrontMatterError when front matter is not a set of keys', () => {
    expect(() => parseMarkdown('---\n- a\n- b\n---\nBody', 'x')).toThrow(FrontMatterError);
  });
});

let savedTimeZone: string | undefined;
let timeZoneChanged = false;

/** Runs the rest of a test in a time zone; restored after it. */
function withTimeZone(zone: string): void {
  if (!timeZoneChanged) savedTimeZone = process.env.TZ;
  timeZoneChanged = true;
  process.env.TZ = zone;
}

afterEach(() => {
  if (!timeZoneChanged) return;
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
  timeZoneChanged = false;
});

describe('normaliseDate', () => {
  it('keeps ISO dates, months and years as they are', () => {
    expect(normaliseDate('2019-03-04')).toBe('2019-03-04');
    expect(normaliseDate('2019-03-04T23:30:00-05:00')).toBe('2019-03-04');
    expect(normaliseDate('2019-03')).toBe('2019-03');
    expect(normaliseDate(2019)).toBe('2019');
  });

  it('turns a YAML date (a Date at UTC midnight) into YYYY-MM-DD', () => {
    expect(normaliseDate(new Date(Date.UTC(2019, 2, 4)))).toBe('2019-03-04');
  });

  it('reads "March 4, 2019" as 2019-03-04', () => {
    withTimeZone('UTC');
    expect(normaliseDate('March 4, 2019')).toBe('2019-03-04');
  });

  // Bug: Date.parse reads "March 4, 2019" as local midnight, and toISOString
  // turns it into UTC, so east of Greenwich the date comes out a day early.
  it('reads "March 4, 2019" as 2019-03-04 in a time zone east of UTC too', () => {
    withTimeZone('Europe/Paris');
    expect(normaliseDate('March 4, 2019')).toBe('2019-03-04');
  });

  it('gives null for what is not a date', () => {
    expect(normaliseDate('sometime soon')).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
    expect(normaliseDate({})).toBeNull();
  });
});
