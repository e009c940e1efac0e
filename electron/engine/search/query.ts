import lunr from 'lunr';
import type { ApiError } from '../../api';
import { hasCjk, isCjk } from '../index/cjk';
import { ENGLISH, isStopWord, searchTerms } from '../index/languages';
import { foldAccents } from '../index/normalise';
import { ARTICLE_SCHEMA, fieldList, type FieldSchema } from './fields';
import { wordsOf } from './words';

/** An exact phrase from the query: words in order, stop words included. */
export interface Phrase {
  words: string[];
  /** The fields the phrase must appear in. */
  fields: string[];
  /** True for `-"…"`: articles containing it are left out. */
  prohibited: boolean;
}

/** A Lunr query clause as Lunr's own code sees it (its type definitions leave out `presence`). */
export type QueryClause = lunr.Query.Clause & { presence: lunr.Query.presence };

/** A user's query, parsed once and run against every shard. */
export interface ParsedQuery {
  /** Lunr clauses for the words outside quotes, plus the indexable words of required phrases. */
  clauses: QueryClause[];
  phrases: Phrase[];
  /** Index terms looked up only to find a phrase's candidates: not highlighted as words of their own. */
  phraseOnlyTerms: Set<string>;
  /** Single CJK characters searched for, each marked by itself rather than by the bigrams holding it. */
  characters: { character: string; fields: string[] }[];
  /** True for a blank query, which lists every article. */
  browse: boolean;
  /** The pipelines of the library's languages: each query word stands for what any of them makes of it. */
  languages: readonly string[];
}

/** A parsed query, or a syntax error with the range of the bad part. */
export type QueryParse = { ok: true; query: ParsedQuery } | { ok: false; error: ApiError };

/** A piece of the query as Lunr's lexer read it, with its range in the query text. */
interface Lexeme {
  type: string;
  str: string;
  start: number;
  end: number;
}

// Lunr's query parser is public API but missing from its type definitions.
const QueryParser = (
  lunr as unknown as {
    QueryParser: new (text: string, query: lunr.Query) => { parse(): void; lexer: { lexemes: Lexeme[] } };
  }
).QueryParser;

// Lunr builds every spelling within the edit distance before it looks any up:
// `governments~6` takes seconds and `xxxxxxxxxxxx~10` minutes, on the main thread.
const MAX_EDITS = 2;
// A wildcard on one letter or none walks most of the index's terms.
const MIN_WILDCARD_LETTERS = 2;

// A + or - standing alone (a spaced hyphen in a pasted headline) is punctuation, not an operator.
const LONE_OPERATOR = /(?<=^|\s)[+-]+(?=\s|$)/g;

// Straight and typographic double quotes both open and close a phrase.
const PHRASE =
  /([+-]?)(?:([A-Za-z]+):)?["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)(["\u201c\u201d\u201e]|$)/g;

// A word holding Chinese, Japanese or Korean, with its operator and field; its wildcards, boost and edits are dropped.
const CJK_WORD = /(?<=^|\s)([+-]?)(?:([A-Za-z]+):)?(\S+)/g;

/**
 * Parses a query in Lunr's syntax (`+must -not title:word wild* fuzzy~1
 * term^3`) extended with exact phrases in double quotes, over the fields of
 * `schema` (words and phrases without a field name look in its default
 * fields), for a library whose articles were indexed with the pipelines of
 * `languages`. A word holding Chinese, Japanese or Korean is a phrase of its
 * bigrams, as if quoted. A query that cannot be parsed gives an error value
 * with the character range of the bad part.
 */
export function parseQuery(
  text: string,
  schema: FieldSchema = ARTICLE_SCHEMA,
  languages: readonly string[] = [ENGLISH],
): QueryParse {
  const extraClauses: QueryClause[] = [];
  const characters: ParsedQuery['characters'] = [];
  const phrases: Phrase[] = [];
  let rest = text;
  PHRASE.lastIndex = 0;
  for (let match = PHRASE.exec(text); match; match = PHRASE.exec(text)) {
    const [whole, presence, field, inner, closing] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    const start = match.index;
    if (closing === '') {
      const quoteAt = start + whole.length - inner.length - 1;
      return syntaxError('this quotation mark is not closed', quoteAt, text.length);
    }
    if (field !== undefined && !schema.names.includes(field.toLowerCase())) {
      return syntaxError(
        `unknown field "${field}": use ${fieldList(schema)}`,
        start + presence.length,
        start + presence.length + field.length,
      );
    }
    const words = wordsOf(inner).map((word) => word.norm);
    if (words.length === 0) return syntaxError('this phrase has no words', start, start + whole.length);
    phrases.push({
      words,
      fields: field ? [field.toLowerCase()] : [...schema.defaults],
      prohibited: presence === '-',
    });
    rest = rest.slice(0, start) + ' '.repeat(whole.length) + rest.slice(start + whole.length);
  }

  CJK_WORD.lastIndex = 0;
  for (let match = CJK_WORD.exec(rest); match; match = CJK_WORD.exec(rest)) {
    const [whole, presence, field, word] = match as unknown as [string, string, string | undefined, string];
    if (!hasCjk(word)) continue;
    const start = match.index;
    if (field !== undefined && !schema.names.includes(field.toLowerCase())) {
      return syntaxError(
        `unknown field "${field}": use ${fieldList(schema)}`,
        start + presence.length,
        start + presence.length + field.length,
      );
    }
    const fields = field ? [field.toLowerCase()] : [...schema.defaults];
    const words = wordsOf(word.replace(/[*]|[~^]\d*$/g, ' ')).map((each) => each.norm);
    rest = rest.slice(0, start) + ' '.repeat(whole.length) + rest.slice(start + whole.length);
    if (words.length === 1 && words[0]!.length === 1 && isCjk(words[0]!.charCodeAt(0))) {
      // One character stands in the middle of bigrams: any term holding it matches.
      extraClauses.push(cjkCharacterClause(words[0]!, fields, presence));
      if (presence !== '-') characters.push({ character: words[0]!, fields });
    } else if (words.length > 0) {
      phrases.push({ words, fields, prohibited: presence === '-' });
    }
  }

  rest = rest.replace(LONE_OPERATOR, (operator) => ' '.repeat(operator.length));

  const query = new lunr.Query([...schema.names]);
  const parser = new QueryParser(rest, query);
  try {
    parser.parse();
  } catch (error) {
    if (error instanceof lunr.QueryParseError) {
      const parseError = error as unknown as { message: string; start: number; end: number };
      return syntaxError(
        describeParseError(parseError.message, schema),
        parseError.start,
        Math.max(parseError.end, parseError.start + 1),
      );
    }
    throw error;
  }
  const tooCostly = costlyPart(parser.lexer.lexemes);
  if (tooCostly) return tooCostly;
  // Lunr gives a clause without a field name every field of the query; ours look in the default fields.
  for (const clause of query.clauses) {
    if (clause.fields === query.allFields) clause.fields = [...schema.defaults];
  }
  // Lunr finds nothing when a required word is a stop word it never indexed; such a word narrows nothing.
  // In a library of several languages, a stop word of one narrows nothing among that language's articles.
  const stopWord = (word: string) => languages.some((language) => isStopWord(word, language));
  const clauses = (query.clauses as QueryClause[]).filter(
    (clause) =>
      !(clause.presence === lunr.Query.presence.REQUIRED && clause.usePipeline && stopWord(clause.term)),
  );
  // Terms that skip the pipeline are still compared without accents, as the index holds them.
  for (const clause of clauses) if (!clause.usePipeline) clause.term = foldAccents(clause.term);
  clauses.push(...extraClauses);
  const ownTerms = new Set(clauses.flatMap((clause) => searchTerms(clause.term, languages)));
  const phraseOnlyTerms = new Set<string>();
  for (const phrase of phrases) {
    if (phrase.prohibited) continue;
    for (const word of phrase.words) {
      if (stopWord(word)) continue;
      for (const term of searchTerms(word, languages)) if (!ownTerms.has(term)) phraseOnlyTerms.add(term);
      clauses.push({
        term: word,
        fields: phrase.fields,
        boost: 1,
        usePipeline: true,
        wildcard: lunr.Query.wildcard.NONE,
        presence: lunr.Query.presence.REQUIRED,
      } as unknown as QueryClause);
    }
  }
  return {
    ok: true,
    query: { clauses, phrases, phraseOnlyTerms, characters, browse: text.trim() === '', languages },
  };
}

/** A clause for one CJK character: every bigram (or lone character) holding it. */
function cjkCharacterClause(character: string, fields: string[], presence: string): QueryClause {
  return {
    term: `*${character}*`,
    fields,
    boost: 1,
    usePipeline: false,
    wildcard: lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING,
    presence: presence === '-' ? lunr.Query.presence.PROHIBITED : lunr.Query.presence.REQUIRED,
  } as unknown as QueryClause;
}

/** The first fuzzy or wildcard part of a query too costly to run, as an error. */
function costlyPart(lexemes: readonly Lexeme[]): QueryParse | null {
  for (const lexeme of lexemes) {
    // The lexeme of `~N` holds N; the range includes the tilde before it.
    if (lexeme.type === 'EDIT_DISTANCE' && Number(lexeme.str) > MAX_EDITS)
      return syntaxError(`fuzzy matching allows at most ${MAX_EDITS} edits`, lexeme.start - 1, lexeme.end);
    if (
      lexeme.type === 'TERM' &&
      lexeme.str.includes('*') &&
      lexeme.str.replace(/\*/g, '').length < MIN_WILDCARD_LETTERS
    )
      return syntaxError(
        `a wildcard needs at least ${MIN_WILDCARD_LETTERS} letters`,
        lexeme.start,
        lexeme.end,
      );
  }
  return null;
}

function syntaxError(message: string, start: number, end: number): QueryParse {
  return { ok: false, error: { code: 'query-syntax', message, at: [start, end] } };
}

function describeParseError(message: string, schema: FieldSchema): string {
  const unknownField = /^unrecognised field '([^']*)', possible fields: (.*)$/.exec(message);
  if (unknownField)
    return `unknown field "${unknownField[1]}": use ${fieldList(schema)} (or put the word in quotes)`;
  if (/^expecting term or field, found nothing$/.test(message)) return 'a word is missing here';
  if (/^expecting term, found nothing$/.test(message)) return 'a word is missing after the field name';
  if (/^expected either a field or a term, found (.*)$/.test(message))
    return `${message} — put it in quotes to search for it`;
  if (/edit distance must be numeric|boost must be numeric/.test(message))
    return message.replace('must be numeric', 'must be a number');
  return message;
}
