import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { Analyzer, IntList } from '../../../electron/engine/index/analyzer';
import { indexTerm } from '../../../electron/engine/index/languages';
import { wordTrimmer } from '../../../electron/engine/index/lunr-index';
import { indexTermsOf, wordsOf } from '../../../electron/engine/search/words';

// Pieces of text in many scripts, with the spaces, dashes and punctuation that separate or surround words.
const PIECES = [
  'Haus',
  'Häuser',
  'café',
  'CAFÉ',
  'e\u0301',
  'İstanbul',
  'город',
  'ёлка',
  '東京',
  '都',
  'の',
  'ガラス',
  '한국어',
  'हिंदी',
  '2024',
  "it's",
  '—',
  '-',
  ' ',
  '\n',
  '\u3000',
  '「',
  '」',
  '、',
  '。',
  '.',
  ',',
  '"',
];

function analysed(analyzer: Analyzer, text: string, language?: string): { terms: string[]; norms: string[] } {
  const terms = new IntList();
  const norms = new IntList();
  analyzer.analyse(text, terms, norms, language);
  return {
    terms: [...terms.values.subarray(0, terms.length)].map((id) => (id < 0 ? '-' : analyzer.terms[id]!)),
    norms: [...norms.values.subarray(0, norms.length)].map((id) => analyzer.norms[id]!),
  };
}

describe('Analyzer', () => {
  it('gives English text exactly the terms of Lunr’s tokenizer and pipeline', () => {
    const text = 'The Chancellor’s “budget” talks—again—ran late, café owners said.';
    const pipeline = new lunr.Pipeline();
    pipeline.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
    const expected = (pipeline.run(lunr.tokenizer(text)) as unknown as lunr.Token[]).map(String);
    expect(analysed(new Analyzer(), text).terms.filter((term) => term !== '-')).toEqual(expected);
  });

  it('gives the same terms and phrase words however many pieces it has seen, and after its table starts afresh', () => {
    // Tens of thousands of distinct pieces, short and long, so that the table grows several times over.
    const words = Array.from(
      { length: 60_000 },
      (_, i) => `w${i.toString(36)}${'x'.repeat(i % 23)}-Ä${i % 7}`,
    );
    const texts = Array.from(
      { length: 60 },
      (_, i) => `${words.slice(i * 1000, i * 1000 + 1000).join(' ')} the cats ran`,
    );
    for (const analyzer of [new Analyzer(), new Analyzer(500)]) {
      for (const text of texts) analysed(analyzer, text);
      for (const text of [texts[0]!, texts[59]!])
        expect(analysed(analyzer, text)).toEqual(analysed(new Analyzer(), text));
    }
  });

  it('indexes a piece with the pipeline of the text’s language, the same piece differently in each', () => {
    const analyzer = new Analyzer();
    expect(analysed(analyzer, 'Die Häuser', 'de').terms).toEqual(['-', indexTerm('haus', 'de')]);
    expect(analysed(analyzer, 'Die Häuser').terms).toEqual(['die', indexTerm('häuser')]);
    expect(analysed(analyzer, 'Die Häuser', 'de').terms).toEqual(['-', indexTerm('haus', 'de')]);
    // Phrase words do not depend on the language.
    expect(analysed(analyzer, 'Die Häuser', 'de').norms).toEqual(['die', 'hauser']);
  });

  it('indexes a word with accents under the stems of both its spellings when they differ', () => {
    const { terms } = analysed(new Analyzer(), 'A informação', 'pt');
    expect(terms).toEqual(['-', indexTerm('informação', 'pt'), indexTerm('informacao', 'pt')]);
  });

  it('gives the same phrase words as the highlighter’s wordsOf, for text in any script', () => {
    const analyzer = new Analyzer();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
        fc.constantFrom('en', 'de', 'ru'),
        (pieces, language) => {
          const text = pieces.join('');
          expect(analysed(analyzer, text, language).norms).toEqual(wordsOf(text).map((word) => word.norm));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the terms the highlighter finds again word by word, for text in any script and language', () => {
    const analyzer = new Analyzer();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
        fc.constantFrom('en', 'de', 'fr', 'ru', 'pt'),
        (pieces, language) => {
          const text = pieces.join('');
          const highlighter = wordsOf(text).flatMap((word) =>
            indexTermsOf(language === 'en' ? word.norm : text.slice(word.start, word.end), language),
          );
          const indexed = analysed(analyzer, text, language).terms.filter((term) => term !== '-');
          // Lunr indexes a piece of punctuation as an empty term; there is no word there to mark.
          expect(indexed.filter(Boolean)).toEqual(highlighter.filter(Boolean));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits runs of CJK into bigrams, as terms and as phrase words, beside other words', () => {
    const { terms, norms } = analysed(new Analyzer(), '東京都の Olympics、日', 'ja');
    expect(terms).toEqual(['東京', '京都', '都の', 'olymp', '日']);
    expect(norms).toEqual(['東京', '京都', '都の', 'olympics', '日']);
  });
});
