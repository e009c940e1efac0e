/** The fields every shard indexes per article, in the order queries see them. */
export const ARTICLE_FIELDS = ['title', 'body', 'speaker', 'quote'] as const;

/** The fields every shard indexes per quotation, for the quote search. */
export const QUOTATION_FIELDS = ['quote', 'speaker'] as const;

/** Section names of the per-quotation fields start with this, apart from the article fields of the same name. */
export const QUOTATION_FIELD_PREFIX = 'quotation-';
