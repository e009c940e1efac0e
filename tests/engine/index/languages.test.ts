import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  indexTerm,
  indexTerms,
  isStopWord,
  pipelineLanguage,
  searchTerms,
  STEMMED_LANGUAGES,
} from '../../../electron/engine/index/languages';
import { wordTrimmer } from '../../../electron/engine/index/lunr-index';

describe('pipelineLanguage', () => {
  it('names the language’s own pipeline when Lunr has a stemmer for it', () => {
    for (const code of [
      'de',
      'fr',
      'es',
      'it',
      'pt',
      'nl',
      'sv',
      'da',
      'no',
      'fi',
      'ru',
      'ro',
      'hu',
      'tr',
      'ar',
    ])
      expect(pipelineLanguage(code)).toBe(code);
    expect(STEMMED_LANGUAGES).toContain('el');
  });

  it('reads other codes for the same languages and ignores case', () => {
    expect(pipelineLanguage('nb')).toBe('no');
    expect(pipelineLanguage('nn')).toBe('no');
    expect(pipelineLanguage('DE')).toBe('de');
  });

  it('indexes undetected, English and unstemmed languages as English', () => {
    for (const code of [null, undefined, '', 'en', 'zh', 'ja', 'ko', 'th', 'xx']) {
      expect(pipelineLanguage(code)).toBe(ENGLISH);
    }
  });
});

describe('indexTerm', () => {
  it('gives English words exactly Lunr’s English terms', () => {
    const lunrPipeline = new lunr.Pipeline();
    lunrPipeline.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
    for (const word of ['running', 'nations', 'café', '“quoted”', 'the', '...']) {
      const out = lunrPipeline.run([new lunr.Token(word, {})]) as unknown as lunr.Token[];
      expect(indexTerm(word)).toBe(out.length > 0 ? out[0]!.toString() : null);
    }
  });

  it('stems each language’s words with its own stemmer, so the forms of a word meet', () => {
    expect(indexTerm('häuser', 'de')).toBe(indexTerm('haus', 'de'));
    expect(indexTerm('naciones', 'es')).toBe(indexTerm('nación', 'es'));
    expect(indexTerm('городами', 'ru')).toBe(indexTerm('город', 'ru'));
    expect(indexTerm('cantando', 'it')).toBe(indexTerm('cantare', 'it'));
    expect(indexTerm('taloissa', 'fi')).toBe(indexTerm('talo', 'fi'));
    // English's stemmer knows none of these.
    expect(indexTerm('häuser')).not.toBe(indexTerm('haus'));
  });

  it('drops each language’s stop words, and only in that language', () => {
    expect(indexTerm('und', 'de')).toBeNull();
    expect(indexTerm('und')).toBe('und');
    expect(indexTerm('the', 'de')).not.toBeNull();
    expect(isStopWord('les', 'fr')).toBe(true);
    expect(isStopWord('les')).toBe(false);
  });

  it('keeps accents for the stemmer and folds them after it', () => {
    expect(indexTerm('cafés', 'fr')).toBe('caf');
    expect(indexTerm('bücher', 'de')).toBe(indexTerm('buch', 'de'));
    expect(indexTerm('bücher', 'de')).not.toMatch(/ü/);
    expect(indexTerm('музей', 'ru')).not.toMatch(/[\u0300-\u036f]/);
  });

  it('trims punctuation but keeps numbers, which the language trimmers of Lunr would drop', () => {
    expect(indexTerm('«Häuser»,', 'de')).toBe(indexTerm('haus', 'de'));
    expect(indexTerm('2024', 'de')).toBe('2024');
  });
});

describe('indexTerms', () => {
  it('adds the stem of the word written without accents when the stemmer makes another of it', () => {
    expect(indexTerms('informação', 'pt')).toEqual([
      indexTerm('informação', 'pt'),
      indexTerm('informacao', 'pt'),
    ]);
    expect(indexTerms('cafés', 'fr')).toEqual(['caf']);
    expect(indexTerms('running')).toEqual(['run']);
    expect(indexTerms('und', 'de')).toEqual([]);
  });
});

describe('searchTerms', () => {
  it('gives exactly Lunr’s single search term in an English library', () => {
    expect(searchTerms('Running'.toLowerCase())).toEqual(['run']);
    expect(searchTerms('café', [ENGLISH])).toEqual(['cafe']);
  });

  it('gives the term of each of the library’s languages, without repeats', () => {
    const terms = searchTerms('häuser', [ENGLISH, 'de']);
    expect(terms[0]).toBe(indexTerm('häuser'));
    expect(terms).toContain(indexTerm('haus', 'de'));
    expect(new Set(terms).size).toBe(terms.length);
    expect(searchTerms('talks', [ENGLISH, 'de', 'fr']).length).toBeLessThanOrEqual(3);
  });

  it('finds a word with or without its accents in every language', () => {
    const cases: [string, string, string][] = [
      ['fr', 'café', 'cafe'],
      ['de', 'Müller', 'muller'],
      ['es', 'nación', 'nacion'],
      ['pt', 'informação', 'informacao'],
      ['sv', 'översättningar', 'oversattningar'],
    ];
    const meet = (query: string, text: string, language: string) =>
      searchTerms(query, [ENGLISH, language]).some((term) => indexTerms(text, language).includes(term));
    for (const [language, accented, plain] of cases) {
      expect(meet(plain, accented.toLowerCase(), language)).toBe(true);
      expect(meet(accented.toLowerCase(), plain, language)).toBe(true);
    }
  });
});
