import { describe, expect, it } from 'vitest';
import type { Quotation } from '../../../electron/api';
import { findQuotations } from '../../../electron/engine/quotes/find-quotes';

/** What a reader checks of each quotation: its words, kind and speaker (and group when split). */
const brief = (quotations: Quotation[]) =>
  quotations.map((quote) => [quote.text, quote.kind, quote.speaker, ...(quote.group ? [quote.group] : [])]);

const find = (body: string) => brief(findQuotations(`Headline\n\n${body}`));

describe('findQuotations', () => {
  it('attributes "…," said X and "…," X said', () => {
    expect(find('“We are open,” said Sung Kim. “Talks will come,” Kim said.')).toEqual([
      ['“We are open,”', 'direct', 'Sung Kim'],
      ['“Talks will come,”', 'direct', 'Sung Kim'],
    ]);
  });

  it('attributes X said: "…" and X told reporters "…"', () => {
    expect(find('Ana Ruiz said: "We held eleven meetings." She told reporters: "Enough."')).toEqual([
      ['"We held eleven meetings."', 'direct', 'Ana Ruiz'],
      ['"Enough."', 'direct', 'Ana Ruiz'],
    ]);
  });

  it('attributes "according to X", "X, who …, said" and "in a statement, X said"', () => {
    expect(
      find(
        'The deal is "dead", according to Peter Jones. Tomasz Brell, who fishes off the point, said boats "need ice". ' +
          'In a statement, the ministry said the quota was "protected in full".',
      ),
    ).toEqual([
      ['"dead"', 'direct', 'Peter Jones'],
      ['"need ice"', 'direct', 'Tomasz Brell'],
      ['"protected in full"', 'direct', 'the ministry'],
    ]);
  });

  it('attributes "quotes X as saying" to the unnamed source as written', () => {
    expect(find('The Post quotes an unnamed official as saying, “We want steps first.”')).toEqual([
      ['“We want steps first.”', 'direct', 'an unnamed official'],
    ]);
  });

  it('gives the two parts of a quotation broken by its attribution one group and speaker', () => {
    expect(find('Ingrid Lindqvist spoke. “We are open,” she said, “to a deal.”')).toEqual([
      ['“We are open,”', 'direct', 'Ingrid Lindqvist', 1],
      ['“to a deal.”', 'direct', 'Ingrid Lindqvist', 1],
    ]);
  });

  it('carries the speaker to the next sentence quoted, but not to someone else’s', () => {
    expect(find('"We won," said Harold Finch. "It was hard." Marguerite Osei said: "It was fair."')).toEqual([
      ['"We won,"', 'direct', 'Harold Finch'],
      ['"It was hard."', 'direct', 'Harold Finch'],
      ['"It was fair."', 'direct', 'Marguerite Osei'],
    ]);
  });

  it('reads transcript turns, with the questioner unnamed', () => {
    expect(
      find('Sung Kim took questions.\n\nQUESTION: Will you meet?\n\nAMBASSADOR KIM: Not this trip.'),
    ).toEqual([
      ['Will you meet?', 'transcript', 'unnamed questioner'],
      ['Not this trip.', 'transcript', 'Sung Kim'],
    ]);
  });

  it('reads a block quotation introduced by a colon, and its speaker', () => {
    expect(
      find('Zoë Hartwell set out her reasons:\n\nI have not changed my mind about the library at all.'),
    ).toEqual([['I have not changed my mind about the library at all.', 'block', 'Zoë Hartwell']]);
  });

  it('marks scare quotes, titles and nicknames, unattributed', () => {
    expect(
      find('There are “talks about talks”. A film, “Dry Season”, opened. He was dubbed "the noble savage".'),
    ).toEqual([
      ['“talks about talks”', 'scare', null],
      ['“Dry Season”', 'scare', null],
      ['"the noble savage"', 'scare', null],
    ]);
  });

  it('returns null rather than guess a speaker far away', () => {
    expect(find('"Nobody knows who said this."')).toEqual([
      ['"Nobody knows who said this."', 'direct', null],
    ]);
  });

  it('leaves what the writer says ("I say") unattributed, not given to the subject of the sentence', () => {
    expect(find("It's all very well criticising that policy, but I say 'So what?' to his opinions.")).toEqual(
      [["'So what?'", 'direct', null]],
    );
  });

  it('does not take an adverb or preposition opening a sentence for a name, or for a speaker', () => {
    expect(
      find(
        '"It is up to us," said Dr Gonzalo Frasca. Ultimately, Dr Frasca sees games as a laboratory. ' +
          '"Children learn through play." Among the replies were messages saying "we are sorry" to him.',
      ),
    ).toEqual([
      ['"It is up to us,"', 'direct', 'Gonzalo Frasca'],
      ['"Children learn through play."', 'direct', 'Gonzalo Frasca'],
      ['"we are sorry"', 'scare', null],
    ]);
    expect(
      find(
        'Caprice, who left on Friday, afterwards said: "I am so glad." ' +
          "Sadly comments such as his put her along side the 'scruffy little Austrian.'",
      ).map(([text, , speaker]) => [text, speaker]),
    ).toEqual([
      ['"I am so glad."', 'Caprice'],
      ["'scruffy little Austrian.'", null],
    ]);
  });

  it('finds nothing in an article without quotations', () => {
    expect(findQuotations('Headline\n\nThe market was quiet. Prices held steady.')).toEqual([]);
    expect(findQuotations('')).toEqual([]);
  });

  it('gives offsets into the text as given, headline and CRLF line endings included', () => {
    const text = 'Quarry \'bigger\' says Ruiz\r\n\r\n"We need it bigger," said Ana Ruiz.\r\n';
    const quotations = findQuotations(text);
    for (const quote of quotations) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quotations.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["'bigger'", 'Ana Ruiz'],
      ['"We need it bigger,"', 'Ana Ruiz'],
    ]);
    expect(quotations[1]!.mention).toEqual({
      start: text.indexOf('Ana Ruiz.'),
      end: text.indexOf('Ana Ruiz.') + 8,
      text: 'Ana Ruiz',
    });
  });

  it('skips Markdown front matter and reads > blocks as block quotations', () => {
    const text =
      '---\ntitle: "A “quoted” title"\n---\n\nThe mayor, Zoë Hartwell, said in a statement:\n\n> We cannot afford it.\n';
    expect(brief(findQuotations(text, { format: 'md' }))).toEqual([
      ['We cannot afford it.', 'block', 'Zoë Hartwell'],
    ]);
  });

  it('does not let an unclosed mark swallow the rest of the article', () => {
    const quotations = findQuotations(
      'Headline\n\nHe said "we will win.\n\nLater paragraphs stay narrative.\n\nAnd this one.',
    );
    expect(quotations.map((quote) => quote.text)).toEqual(['"we will win.']);
  });

  it('gets through megabytes of text in time proportional to its length', () => {
    const paragraph =
      '“We are open,” said Sung Kim. The talks, he said, were “talks about talks”. Prices rose.\n\n';
    const small = `Headline\n\n${paragraph.repeat(2_500)}`;
    const large = `Headline\n\n${paragraph.repeat(50_000)}`;
    expect(large.length).toBeGreaterThan(4_500_000);
    expect(findQuotations(small)).toHaveLength(5_000);
    expect(findQuotations(large)).toHaveLength(100_000);
  });
});
