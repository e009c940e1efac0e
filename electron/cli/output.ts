import type {
  IndexProgress,
  IndexReport,
  Quotation,
  QuoteSearchResponse,
  Range,
  SearchResponse,
} from '../api';

/** Where the CLI writes: standard output and error, and whether they are terminals. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  outIsTerminal: boolean;
  errIsTerminal: boolean;
}

/** Marks highlighted ranges: reverse video on a terminal, **bold** Markdown otherwise. */
export function markRanges(text: string, ranges: readonly Range[], terminal: boolean): string {
  const [open, close] = terminal ? ['\x1b[1;7m', '\x1b[0m'] : ['**', '**'];
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    result += text.slice(at, start) + open + text.slice(start, end) + close;
    at = end;
  }
  return result + text.slice(at);
}

/** Search results as a person reads them in a terminal. */
export function formatResults(response: SearchResponse, terminal: boolean): string {
  const lines = [
    `${response.total.toLocaleString('en')} result${response.total === 1 ? '' : 's'} for ${response.query} (${response.ms.toFixed(1)} ms)`,
  ];
  response.hits.forEach((hit, i) => {
    const meta = [hit.source, hit.date].filter(Boolean).join(' · ');
    lines.push(
      '',
      `${response.offset + i + 1}. ${markRanges(hit.title, hit.titleHighlights, terminal)}${meta ? `  (${meta})` : ''}`,
    );
    lines.push(`   ${hit.path}`);
    for (const snippet of hit.snippets)
      lines.push(`   ${markRanges(snippet.text, snippet.highlights, terminal)}`);
  });
  return lines.join('\n') + '\n';
}

/** A one-line progress report for standard error. */
export function formatProgress(progress: IndexProgress): string {
  if (progress.phase === 'scanning') return `Scanning folders… ${progress.done} files found`;
  if (progress.phase === 'done') return `Done: ${progress.done} of ${progress.total} files read`;
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 100;
  const eta = progress.etaSeconds === null ? '' : `, ${Math.ceil(progress.etaSeconds)} s left`;
  const verb =
    progress.phase === 'indexing' ? 'Indexing' : progress.phase === 'saving' ? 'Saving' : 'Reading';
  return `${verb} ${progress.done}/${progress.total} files (${percent}%, ${Math.round(progress.rate)} files/s${eta})`;
}

/** A short summary of an indexing pass. */
export function formatReport(report: IndexReport): string {
  const lines = [
    `${report.articles.toLocaleString('en')} articles in the library; ${report.indexed} indexed, ${report.removed} removed in ${(report.ms / 1000).toFixed(1)} s${report.cancelled ? ' (cancelled)' : ''}.`,
  ];
  if (report.skipped.length > 0) {
    lines.push(`Skipped ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'}:`);
    for (const file of report.skipped) lines.push(`  ${file.path}: ${file.reason}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Quotations as a person reads them: one line each, "speaker — words",
 * marked quotations with their own marks, turns and blocks between “ ”.
 */
export function formatQuotations(quotations: readonly Quotation[]): string {
  if (quotations.length === 0) return 'No quotations.\n';
  const lines = quotations.map((quotation) => {
    const words = quotation.text.replace(/\s+/g, ' ');
    const shown = quotation.kind === 'transcript' || quotation.kind === 'block' ? `“${words}”` : words;
    if (quotation.kind === 'scare') return `(scare) ${shown}`;
    const part = quotation.group === undefined ? '' : ` [part of ${quotation.group}]`;
    const kind = quotation.kind === 'direct' ? '' : ` (${quotation.kind})`;
    return `${quotation.speaker ?? 'unknown speaker'} — ${shown}${kind}${part}`;
  });
  return lines.join('\n') + '\n';
}

/** Places a quotation was said again that a group lists, after the first: a wire story reprinted fifty times would fill the screen. */
const ALSO_IN_SHOWN = 5;

/** Quote search results: each group's speaker and words, then where they were said, earliest first. */
export function formatQuoteGroups(response: QuoteSearchResponse, terminal: boolean): string {
  const { total, quotations } = response;
  const lines = [
    `${total.toLocaleString('en')} quotation${total === 1 ? '' : 's'} (${quotations.toLocaleString('en')} sighting${quotations === 1 ? '' : 's'}) for ${response.query || 'everything'} (${response.ms.toFixed(1)} ms)`,
  ];
  response.groups.forEach((group, i) => {
    const [first] = group.sightings;
    if (!first) return;
    const words = markRanges(first.quotation.text, first.highlights, terminal).replace(/\s+/g, ' ');
    lines.push('', `${response.offset + i + 1}. ${group.speaker ?? 'unknown speaker'} — ${words}`);
    group.sightings.slice(0, 1 + ALSO_IN_SHOWN).forEach((sighting, k) => {
      const meta = [sighting.date ?? 'undated', sighting.source].filter(Boolean).join(' · ');
      lines.push(
        `   ${k === 0 ? 'first said in' : 'also in'} ${sighting.title}  (${meta})  ${sighting.path}`,
      );
    });
    const more = group.sightings.length - 1 - ALSO_IN_SHOWN;
    if (more > 0) lines.push(`   and in ${more.toLocaleString('en')} more (--json lists them all)`);
  });
  return lines.join('\n') + '\n';
}
