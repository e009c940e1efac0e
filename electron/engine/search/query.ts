import lunr from 'lunr';
import type { ApiError } from '../../api';
import { ARTICLE_SCHEMA, fieldList, type FieldSchema } from './fields';
import { indexTermOf, normaliseWord, wordsOf } from './words';

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
  /** True for a blank query, which lists every article. */
  browse: boolean;
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

/**
 * Parses a query in Lunr's syntax (`+must -not title:word wild* fuzzy~1
 * term^3`) extended with exact phrases in double quotes, over the fields of
 * `schema`; words and phrases without a field name look in its default
 * fields. A query that cannot be parsed gives an error value with the
 * character range of the bad part.
 */
export function parseQuery(text: string, schema: FieldSchema = ARTICLE_SCHEMA): QueryParse {
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
  const clauses = (query.clauses as QueryClause[]).filter(
    (clause) =>
      !(clause.presence === lunr.Query.presence.REQUIRED && clause.usePipeline && isStopWord(clause.term)),
  );
  const ownTerms = new Set(clauses.map((clause) => indexTermOf(clause.term)));
  const phraseOnlyTerms = new Set<string>();
  for (const phrase of phrases) {
    if (phrase.prohibited) continue;
    for (const word of phrase.words) {
      if (isStopWord(word)) continue;
      const term = indexTermOf(word);
      if (term && !ownTerms.has(term)) phraseOnlyTerms.add(term);
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
  return { ok: true, query: { clauses, phrases, phraseOnlyTerms, browse: text.trim() === '' } };
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

function isStopWord(term: string): boolean {
  const token = new lunr.Token(normaliseWord(term), {});
  return (
    (lunr.stopWordFilter as unknown as (token: lunr.Token) => lunr.Token | undefined)(token) === undefined
  );
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
