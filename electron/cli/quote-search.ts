import type { QuotationKind, QuoteSearchResponse } from '../api';
import { QuarryService } from '../engine/service';
import { formatQuoteGroups, type CliIo } from './output';
import { count, filtersOf, reportQueryError, sortOf, type SearchValues } from './search-options';
import { UsageError } from './usage';

export interface QuoteSearchValues extends SearchValues {
  search?: string;
  speaker?: string[];
  kind?: string[];
}

const KINDS: readonly QuotationKind[] = ['direct', 'transcript', 'block', 'scare'];

/**
 * `quarry quotes --search WORDS [--speaker NAME]...`: what was said across
 * the library, grouped where the same words recur, earliest first. A
 * speaker's name may be given in part, in any case, without its accents.
 */
export async function quoteSearchCommand(
  dataDir: string,
  values: QuoteSearchValues,
  io: CliIo,
): Promise<number> {
  const limit = count(values.limit, 'limit', 10);
  const offset = count(values.offset, 'offset', 0);
  const sort = sortOf(values.sort);
  const kinds = values.kind?.map((kind) => {
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
    }
    return kind as QuotationKind;
  });
  const filters = filtersOf(values);
  const query = values.search ?? '';
  const service = await QuarryService.open({ dataDir, readOnly: true });
  try {
    for (const problem of (await service.status()).problems ?? []) io.err(`quarry: warning: ${problem}\n`);
    const speakers = new Set<string>();
    for (const name of new Set(values.speaker)) {
      const called = await service.speakersCalled(name);
      if (called.length === 0) {
        io.err(`quarry: no one quoted in the library is called "${name}"\n`);
        return 1;
      }
      if (called.length > 1 || called[0] !== name)
        io.err(`quarry: --speaker "${name}" stands for ${called.map((each) => `"${each}"`).join(', ')}\n`);
      for (const each of called) speakers.add(each);
    }
    const result = await service.searchQuotes({
      query,
      limit,
      offset,
      sort,
      ...(speakers.size > 0 ? { speakers: [...speakers] } : {}),
      ...(kinds ? { kinds } : {}),
      ...(filters ? { filters } : {}),
    });
    if (!result.ok) return reportQueryError(io, query, result.error, values.json);
    io.out(
      values.json
        ? JSON.stringify(jsonGroups(result.value)) + '\n'
        : formatQuoteGroups(result.value, io.outIsTerminal),
    );
    return 0;
  } finally {
    await service.close();
  }
}

function jsonGroups(response: QuoteSearchResponse): object {
  const { ms: _ms, ...rest } = response;
  return rest;
}
