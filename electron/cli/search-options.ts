import { resolve } from 'node:path';
import type { ApiError, SearchFilters, SortOrder } from '../api';
import type { CliIo } from './output';
import { UsageError } from './usage';

/** The options of the commands that search: paging, order and filters. */
export interface SearchValues {
  json?: boolean;
  limit?: string;
  offset?: string;
  sort?: string;
  stdin?: boolean;
  from?: string;
  to?: string;
  source?: string[];
  author?: string[];
  folder?: string[];
  format?: string[];
}

/** The filters given on the command line; dates must be YYYY, YYYY-MM or YYYY-MM-DD. */
export function filtersOf(values: SearchValues): SearchFilters | undefined {
  for (const [name, date] of [
    ['from', values.from],
    ['to', values.to],
  ] as const) {
    if (date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
      throw new UsageError(`--${name} must be a date such as 2019, 2019-03 or 2019-03-04, not "${date}"`);
    }
  }
  const filters: SearchFilters = {
    ...(values.from ? { dateFrom: values.from } : {}),
    ...(values.to ? { dateTo: values.to } : {}),
    ...(values.source ? { sources: values.source } : {}),
    ...(values.author ? { authors: values.author } : {}),
    ...(values.folder ? { folders: values.folder.map((folder) => resolve(folder)) } : {}),
    ...(values.format ? { formats: values.format } : {}),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** A whole number option, or its default when not given. */
export function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** The --sort option: relevance unless it says a date order. */
export function sortOf(value: string | undefined): SortOrder {
  const sort = value ?? 'relevance';
  if (sort !== 'relevance' && sort !== 'date-desc' && sort !== 'date-asc') {
    throw new UsageError(`--sort must be relevance, date-desc or date-asc, not "${sort}"`);
  }
  return sort;
}

/** Prints why a query cannot be run, with a caret under the bad part; gives the exit code, 2. */
export function reportQueryError(
  io: CliIo,
  query: string,
  error: ApiError,
  json: boolean | undefined,
): number {
  if (json) io.out(JSON.stringify({ query, error }) + '\n');
  const [start, end] = error.at ?? [0, query.length];
  io.err(
    `quarry: ${error.message}\n  ${query}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`,
  );
  return 2;
}
