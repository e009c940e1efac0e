import { ARTICLE_FIELDS, QUOTATION_FIELDS } from '../index/fields';
import { TITLE_BOOST } from '../index/lunr-index';

/** The fields a query can name, how they weigh, and what a word without a field name searches. */
export interface FieldSchema {
  names: readonly string[];
  boosts: readonly number[];
  /** The fields a word or phrase without a field name is looked for in. */
  defaults: readonly string[];
  /**
   * Per field, the fields whose document counts make up a term's idf there.
   * Title and body count together, as in a Lunr index of those two fields,
   * so adding fields changes no score of an ordinary query.
   */
  idfFields: readonly (readonly number[])[];
}

/** Articles: title and body searched by default; `speaker:` and `quote:` only when named. */
export const ARTICLE_SCHEMA: FieldSchema = {
  names: ARTICLE_FIELDS,
  boosts: [TITLE_BOOST, 1, 1, 1],
  defaults: ['title', 'body'],
  idfFields: [[0, 1], [0, 1], [2], [3]],
};

/** Articles searched as the Quotes view searches: a word without a field name looks inside their quotations. */
export const QUOTED_ARTICLE_SCHEMA: FieldSchema = { ...ARTICLE_SCHEMA, defaults: ['quote'] };

/** Quotations: their own words by default; `speaker:` when named. */
export const QUOTATION_SCHEMA: FieldSchema = {
  names: QUOTATION_FIELDS,
  boosts: [1, 1],
  defaults: ['quote'],
  idfFields: [[0], [1]],
};

/** The field names for a message: "title, body, speaker or quote". */
export function fieldList(schema: FieldSchema): string {
  const names = [...schema.names];
  const last = names.pop()!;
  return names.length > 0 ? `${names.join(', ')} or ${last}` : last;
}
