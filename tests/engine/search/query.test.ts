import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { parseQuery, type ParsedQuery } from '../../../electron/engine/search/query';

function parsed(text: string): ParsedQuery {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error.message}`);
  return result.query;
}

/** The part of the query an error points at. */
function errorAt(text: string): { message: string; part: string } {
  const result = parseQuery(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  expect(result.error.code).toBe('query-syntax');
  const [start, end] = result.error.at!;
  return { message: result.error.message, part: text.slice(start, end) };
}

// Lunr's clauses carry `presence`, which its type definitions leave out.
type Clause = lunr.Query.Clause & { presence?: lunr.Query.presence };
const clausesOf = (query: ParsedQuery) => query.clauses as Clause[];
const terms = (query: ParsedQuery) => query.clauses.map((clause) => clause.term);

describe('parseQuery', () => {
  it('reads a phrase in straight double quotes, stop words included', () => {
    expect(parsed('"talks about talks"').phrases).toEqual([
      { words: ['talks', 'about', 'talks'], fields: ['title', 'body'], prohibited: false },
    ]);
  });

  it('reads phrases in typographic quotes, opening and closing with any of them', () => {
    expect(parsed('“No new taxes”').phrases[0]!.words).toEqual(['no', 'new', 'taxes']);
    expect(parsed('„Guten Tag“').phrases[0]!.words).toEqual(['guten', 'tag']);
    expect(parsed('“mixed quotes"').phrases[0]!.words).toEqual(['mixed', 'quotes']);
  });

  it('requires the indexable words of a phrase and looks them up only to find candidates', () => {
    const query = parsed('"talks about budgets"');
    expect(clausesOf(query).map((clause) => [clause.term, clause.presence])).toEqual([
      ['talks', lunr.Query.presence.REQUIRED],
      ['budgets', lunr.Query.presence.REQUIRED],
    ]);
    expect([...query.phraseOnlyTerms].sort()).toEqual(['budget', 'talk']);
  });

  it('limits a phrase to a field with title:"…"', () => {
    const query = parsed('title:"Budget day"');
    expect(query.phrases).toEqual([{ words: ['budget', 'day'], fields: ['title'], prohibited: false }]);
    expect(query.clauses.every((clause) => clause.fields.join() === 'title')).toBe(true);
  });

  it('leaves out articles holding a phrase with -"…", without requiring its words', () => {
    const query = parsed('budget -"new taxes"');
    expect(query.phrases).toEqual([{ words: ['new', 'taxes'], fields: ['title', 'body'], prohibited: true }]);
    expect(terms(query)).toEqual(['budget']);
  });

  it('keeps Lunr syntax outside the quotes', () => {
    const query = parsed('+budget -rugby title:word wild* fuzzy~1 term^3 "a phrase"');
    const byTerm = Object.fromEntries(clausesOf(query).map((clause) => [clause.term, clause]));
    expect(byTerm.budget!.presence).toBe(lunr.Query.presence.REQUIRED);
    expect(byTerm.rugby!.presence).toBe(lunr.Query.presence.PROHIBITED);
    expect(byTerm.word!.fields).toEqual(['title']);
    expect(byTerm['wild*']!.usePipeline).toBe(false);
    expect(byTerm.fuzzy!.editDistance).toBe(1);
    expect(byTerm.term!.boost).toBe(3);
    expect(query.phrases).toHaveLength(1);
  });

  it('refuses an unclosed quotation mark, pointing from the mark to the end', () => {
    expect(errorAt('talks "about talks')).toEqual({
      message: 'this quotation mark is not closed',
      part: '"about talks',
    });
    expect(errorAt('a “b c').part).toBe('“b c');
  });

  it('refuses an unknown field before a phrase, pointing at the field', () => {
    const { message, part } = errorAt('budget -author:"Jane Doe"');
    expect(part).toBe('author');
    expect(message).toMatch(/unknown field "author"/);
  });

  it('gives Lunr syntax errors a range that slices to the offending part', () => {
    expect(errorAt('budget author:jane')).toMatchObject({ part: 'author' });
    expect(errorAt('budget title:')).toMatchObject({
      part: 'title',
      message: 'a word is missing after the field name',
    });
    expect(errorAt('budget^x')).toMatchObject({ part: 'x', message: 'boost must be a number' });
    expect(errorAt('budget~x')).toMatchObject({ part: 'x', message: 'edit distance must be a number' });
    expect(errorAt('budget~1-')).toMatchObject({ part: '-', message: 'a word is missing here' });
  });

  it('refuses fuzzy matching with more than 2 edits, pointing at the ~N part', () => {
    expect(errorAt('governments~6')).toEqual({
      message: 'fuzzy matching allows at most 2 edits',
      part: '~6',
    });
    expect(errorAt('"a phrase" xxxxxxxxxxxx~10 talks').part).toBe('~10');
    expect(clausesOf(parsed('budgit~2'))[0]!.editDistance).toBe(2);
  });

  it('refuses a wildcard with fewer than 2 letters, pointing at the word', () => {
    expect(errorAt('*')).toEqual({ message: 'a wildcard needs at least 2 letters', part: '*' });
    expect(errorAt('tax a*').part).toBe('a*');
    expect(errorAt('tax +*b').part).toBe('*b');
    expect(errorAt('title:x** tax').part).toBe('x**');
    expect(terms(parsed('ab* *ab a*b'))).toEqual(['ab*', '*ab', 'a*b']);
  });

  it('reads a + or - standing alone as a separator, not an operator', () => {
    for (const text of [
      'Blair - Brown',
      'Blair + Brown',
      'Blair -- Brown',
      '- Blair Brown +',
      'Blair\t-\nBrown',
    ]) {
      expect(clausesOf(parsed(text)).map((clause) => [clause.term, clause.presence])).toEqual([
        ['blair', lunr.Query.presence.OPTIONAL],
        ['brown', lunr.Query.presence.OPTIONAL],
      ]);
    }
    expect(errorAt('Blair - bad:word').part).toBe('bad');
  });

  it('splits words at en and em dashes as the index does', () => {
    expect(terms(parsed('minister—Jones–spoke'))).toEqual(['minister', 'jones', 'spoke']);
  });

  it('keeps error ranges right when a phrase comes before the error', () => {
    expect(errorAt('"a long phrase here" then bad:word').part).toBe('bad');
  });

  it('refuses a phrase with no words', () => {
    expect(errorAt('budget "  …  "').part).toBe('"  …  "');
  });

  it('allows a phrase made only of stop words, with nothing to look up', () => {
    const query = parsed('"to be or not to be"');
    expect(query.phrases[0]!.words).toEqual(['to', 'be', 'or', 'not', 'to', 'be']);
    expect(query.clauses).toEqual([]);
    expect(query.browse).toBe(false);
  });

  it('drops a required stop word, which Lunr never indexed', () => {
    expect(terms(parsed('+the talks'))).toEqual(['talks']);
  });

  it('reads a blank query as browsing', () => {
    expect(parsed('   ').browse).toBe(true);
    expect(parsed('talks').browse).toBe(false);
  });
});
