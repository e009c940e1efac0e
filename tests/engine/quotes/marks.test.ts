import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../electron/engine/quotes/layout';
import { pairQuotationMarks } from '../../../electron/engine/quotes/marks';

/** The quoted stretches of `text` (a headline line first, as in a .txt file). */
function quoted(body: string): string[] {
  const text = `Headline\n\n${body}`;
  return pairQuotationMarks(text, paragraphsOf(text)).map((quote) => text.slice(quote.start, quote.end));
}

describe('pairQuotationMarks', () => {
  it('pairs typographic and straight double quotation marks, marks included', () => {
    expect(quoted('“We are open,” she said. He said "no" twice.')).toEqual(['“We are open,”', '"no"']);
  });

  it('pairs single marks, guillemets and German low-high marks', () => {
    expect(quoted("He called it 'a disgrace'. Elle a dit «non». Er sagte „nein“.")).toEqual([
      "'a disgrace'",
      '«non»',
      '„nein“',
    ]);
  });

  it('keeps a nested quotation inside its outer one', () => {
    expect(quoted('“I call it ‘talks about talks’, and we pay,” he said.')).toEqual([
      '“I call it ‘talks about talks’, and we pay,”',
    ]);
    expect(quoted(`"She said 'no' to me," he said.`)).toEqual([`"She said 'no' to me,"`]);
  });

  it('does not open a quotation at an apostrophe', () => {
    expect(
      quoted("I don't know. It's the '90s. Peter Jones' amendment failed. Rock 'n' roll, O'Neill."),
    ).toEqual([]);
    expect(quoted('I don’t know. Since the ’90s, rock ’n’ roll. Jones’ plan.')).toEqual([]);
  });

  it('lets a possessive stand inside a single-quoted phrase', () => {
    expect(quoted("Unions want 'the workers' rights back' soon.")).toEqual(["'the workers' rights back'"]);
  });

  it('closes an unclosed mark at the end of its paragraph instead of swallowing the article', () => {
    expect(
      quoted('He said "we will win.\n\nThe next paragraph is narrative. "So is this," she said.'),
    ).toEqual(['"we will win.', '"So is this,"']);
  });

  it('runs a quotation over paragraphs when the next one opens with a mark', () => {
    expect(quoted('“The first paragraph ends open.\n\n“The second closes it,” she said.')).toEqual([
      '“The first paragraph ends open.\n\n“The second closes it,”',
    ]);
  });

  it('reads a mark that reopens after a full stop as the same quotation running on', () => {
    expect(quoted('He said: "We have doubled it. "We will go further." Then he left.')).toEqual([
      '"We have doubled it. "We will go further."',
    ]);
  });

  it('finds nothing in text without quotation marks', () => {
    expect(quoted('Nobody said anything quotable today.')).toEqual([]);
  });

  it('reads a doubled opening mark as one', () => {
    expect(quoted('It was an ""unfair" deal.')).toEqual(['""unfair"']);
  });
});
