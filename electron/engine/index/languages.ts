import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import arabic from 'lunr-languages/lunr.ar.js';
import danish from 'lunr-languages/lunr.da.js';
import german from 'lunr-languages/lunr.de.js';
import greek from 'lunr-languages/lunr.el.js';
import spanish from 'lunr-languages/lunr.es.js';
import finnish from 'lunr-languages/lunr.fi.js';
import french from 'lunr-languages/lunr.fr.js';
import hebrew from 'lunr-languages/lunr.he.js';
import hungarian from 'lunr-languages/lunr.hu.js';
import armenian from 'lunr-languages/lunr.hy.js';
import italian from 'lunr-languages/lunr.it.js';
import dutch from 'lunr-languages/lunr.nl.js';
import norwegian from 'lunr-languages/lunr.no.js';
import polish from 'lunr-languages/lunr.pl.js';
import portuguese from 'lunr-languages/lunr.pt.js';
import romanian from 'lunr-languages/lunr.ro.js';
import russian from 'lunr-languages/lunr.ru.js';
import swedish from 'lunr-languages/lunr.sv.js';
import turkish from 'lunr-languages/lunr.tr.js';
import { wordTrimmer } from './lunr-index';
import { foldAccents, normaliseWord, trimWord } from './normalise';

/** Articles in no language below, or in none that could be told, are indexed as English, as Lunr does. */
export const ENGLISH = 'en';

stemmerSupport(lunr);
for (const plugin of [
  arabic,
  danish,
  german,
  greek,
  spanish,
  finnish,
  french,
  hebrew,
  hungarian,
  armenian,
  italian,
  dutch,
  norwegian,
  polish,
  portuguese,
  romanian,
  russian,
  swedish,
  turkish,
])
  plugin(lunr);

type Step = (token: lunr.Token) => lunr.Token | undefined;

interface LanguageSteps {
  /** Run before the stop words: Greek's stop words and stemmer expect its accents and final sigma made plain. */
  prepare?: Step;
  stopWordFilter: Step;
  stemmer: Step;
}

const languages = lunr as unknown as Record<string, LanguageSteps & { normilizer?: Step }>;
const STEPS = new Map<string, LanguageSteps>();
for (const code of 'ar da de el es fi fr he hu hy it nl no pl pt ro ru sv tr'.split(' ')) {
  const { stopWordFilter, stemmer, normilizer } = languages[code]!;
  STEPS.set(code, { stopWordFilter, stemmer, ...(normilizer ? { prepare: normilizer } : {}) });
}

// Codes other sources (HTML `lang`, EPUB metadata) use for languages above.
const ALIASES: Record<string, string> = { nb: 'no', nn: 'no', du: 'nl', iw: 'he' };

/** The languages with a stemmer of their own, besides English, by ISO 639-1 code. */
export const STEMMED_LANGUAGES: readonly string[] = [...STEPS.keys()];

/**
 * The language whose pipeline indexes an article in `language` (an ISO
 * 639-1 code, or null when it could not be told): its own when Lunr has a
 * stemmer for it, else English. Chinese, Japanese and Korean text is split
 * into bigrams before any pipeline (see cjk.ts); their other words are English's.
 */
export function pipelineLanguage(language: string | null | undefined): string {
  if (!language) return ENGLISH;
  const code = language.toLowerCase();
  const known = ALIASES[code] ?? code;
  return STEPS.has(known) ? known : ENGLISH;
}

const englishIndex = new lunr.Pipeline();
englishIndex.add(wordTrimmer, lunr.stopWordFilter, lunr.stemmer);
const englishSearch = new lunr.Pipeline();
englishSearch.add(wordTrimmer, lunr.stemmer);

function runEnglish(pipeline: lunr.Pipeline, token: string): string | null {
  const out = pipeline.run([new lunr.Token(token, {})]) as unknown as lunr.Token[];
  return out.length > 0 ? out[0]!.toString() : null;
}

/**
 * A word through one language's steps: trimmed with its accents, which
 * stemmers read (French `é`, Russian `й`), optionally kept back when it is a
 * stop word, stemmed, and only then folded, so that the index and queries
 * agree on accents whatever the stemmer made of them.
 */
function runSteps(steps: LanguageSteps, token: string, dropStopWords: boolean): string | null {
  let word: lunr.Token | undefined = new lunr.Token(trimWord(token), {});
  if (steps.prepare) word = steps.prepare(word);
  if (word && dropStopWords) word = steps.stopWordFilter(word);
  if (!word) return null;
  const stem = foldAccents(steps.stemmer(word)!.toString());
  return stem === '' ? null : stem;
}

/**
 * The term `token` (lower-cased) is indexed under in an article of
 * `language` (as `pipelineLanguage` names it), or null for a stop word or
 * punctuation. English is Lunr's own pipeline, with the Unicode trimmer.
 */
export function indexTerm(token: string, language: string = ENGLISH): string | null {
  const steps = STEPS.get(language);
  if (!steps) return runEnglish(englishIndex, token);
  return runSteps(steps, token, true);
}

/**
 * Every term `token` is indexed under in `language`: `indexTerm`'s, and for
 * a word with accents in a language stemmed with them, also the stem of the
 * word written without them, which may differ (Portuguese `informação` →
 * `inform`, `informacao` → `informaca`). A query word stands for both of its
 * spellings too (`searchTerms`), so one typed with or without accents meets
 * the text whichever way it was written.
 */
export function indexTerms(token: string, language: string = ENGLISH): string[] {
  const term = indexTerm(token, language);
  if (term === null) return [];
  const steps = STEPS.get(language);
  const folded = foldAccents(token);
  if (!steps || folded === token) return [term];
  const plain = runSteps(steps, folded, true);
  return plain === null || plain === term ? [term] : [term, plain];
}

/** True when `word` is a stop word, which the index leaves out, in `language`. */
export function isStopWord(word: string, language: string = ENGLISH): boolean {
  const steps = STEPS.get(language);
  if (!steps) {
    const token = new lunr.Token(normaliseWord(word), {});
    return (lunr.stopWordFilter as unknown as Step)(token) === undefined;
  }
  let token: lunr.Token | undefined = new lunr.Token(trimWord(word), {});
  if (steps.prepare) token = steps.prepare(token);
  return !token || steps.stopWordFilter(token) === undefined;
}

const searchCache = new Map<string, string[]>();

/**
 * The terms a query word stands for in a library holding articles in
 * `languages`: what each language's search pipeline (trimmer and stemmer,
 * no stop words, as Lunr's) makes of it, without repeats, English first. A
 * word typed with accents also stands for its stem typed without them, so
 * `café` finds an article that wrote `cafe`. One language gives exactly
 * Lunr's single term.
 */
export function searchTerms(word: string, languages: readonly string[] = [ENGLISH]): string[] {
  const key = `${languages.join(' ')}\n${word}`;
  let terms = searchCache.get(key);
  if (terms) return terms;
  const found = new Set<string>();
  for (const language of languages) {
    const steps = STEPS.get(language);
    if (!steps) {
      const term = runEnglish(englishSearch, word);
      if (term !== null) found.add(term);
      continue;
    }
    for (const spelling of new Set([word, foldAccents(word)])) {
      const term = runSteps(steps, spelling, false);
      if (term) found.add(term);
    }
  }
  terms = [...found];
  if (searchCache.size > 100_000) searchCache.clear();
  searchCache.set(key, terms);
  return terms;
}
