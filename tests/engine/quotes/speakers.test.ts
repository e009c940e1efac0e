import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../electron/engine/quotes/layout';
import { ParagraphTokens } from '../../../electron/engine/quotes/paragraph-tokens';
import type { Mention } from '../../../electron/engine/quotes/phrases';
import { SpeakerIndex } from '../../../electron/engine/quotes/speakers';

/** Resolves the mention written `written` at its `nth` occurrence (0-based) in `text`. */
function resolve(
  text: string,
  written: string,
  kind: Mention['kind'],
  nth = 0,
  definite?: boolean,
): string | null {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(written, start + 1);
  const index = new SpeakerIndex(new ParagraphTokens(text, paragraphsOf(text), []), []);
  return index.resolve({
    start,
    end: start + written.length,
    text: written,
    kind,
    ...(definite ? { definite } : {}),
  });
}

describe('SpeakerIndex.resolve', () => {
  const article =
    'Headline\n\nRecent remarks by Sung Kim, the special representative, backed that up. Kim addressed reporters.\n\n' +
    'AMBASSADOR KIM: We are open.\n\nMr Kim left. Patricia Hewitt spoke next, and she was brief.';

  it('resolves a surname, a titled surname and a capitalised label to the full name used', () => {
    expect(resolve(article, 'Kim', 'name', 1)).toBe('Sung Kim');
    expect(resolve(article, 'AMBASSADOR KIM', 'name')).toBe('Sung Kim');
    expect(resolve(article, 'Mr Kim', 'name')).toBe('Sung Kim');
  });

  it('resolves a pronoun to the nearest earlier person it fits', () => {
    expect(resolve(article, 'she', 'pronoun')).toBe('Patricia Hewitt');
    expect(resolve('Headline\n\nNobody is named here. He spoke.', 'He', 'pronoun')).toBeNull();
  });

  it('keeps an unnamed source as written', () => {
    const text = 'Headline\n\nThe Post quotes an unnamed senior U.S. administration official as saying so.';
    expect(resolve(text, 'an unnamed senior U.S. administration official', 'description')).toBe(
      'an unnamed senior U.S. administration official',
    );
  });

  it('resolves "the union" and "the mayor" to the body and the person named before', () => {
    const text =
      'Headline\n\nThe Kessel Valley Farmers’ Union met. Mayor Zoë Hartwell spoke. Later the union said no, and the mayor agreed.';
    expect(resolve(text, 'the union', 'description', 0, true)).toBe('Kessel Valley Farmers’ Union');
    expect(resolve(text, 'the mayor', 'description', 0, true)).toBe('Zoë Hartwell');
  });

  it('resolves "the spokesman" to the spokesman described before, when a name ends the description', () => {
    const text =
      'Headline\n\nMayor Zoë Hartwell said the plan was sound. A spokesman for Colin Achterberg said it was not. ' +
      'Later the spokesman said more.';
    expect(resolve(text, 'the spokesman', 'description', 0, true)).toBe('A spokesman for Colin Achterberg');
  });

  it('lets an organisation speak, and expands its acronym', () => {
    const text = 'Headline\n\nThe Australian Rugby Union (ARU) said yes. Later the ARU said more.';
    expect(resolve(text, 'ARU', 'name', 1)).toBe('Australian Rugby Union');
  });
});
