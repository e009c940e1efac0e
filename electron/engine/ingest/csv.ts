/** One row of a CSV file with the character offset where it starts. */
export interface CsvRow {
  cells: string[];
  offset: number;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Picks the delimiter that splits the header line into the most cells (quoted text aside). */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.indexOf('\n')) || Math.min(text.length, 65536));
  const unquoted = header.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/**
 * Splits CSV text (RFC 4180: quoted cells may hold delimiters, doubled quotes
 * and line breaks) into rows, each with its starting offset. Line endings
 * must already be LF. Blank lines are skipped; a quote left open at the end
 * of the text closes there.
 */
export function readCsv(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let rowStart = 0;
  let i = 0;
  // Where the current line ends, found once per line: a multi-megabyte line with many cells stays linear.
  let newline = -1;
  let nextDelimiter = -1;
  const endRow = (next: number) => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ cells, offset: rowStart });
    cells = [];
    cell = '';
    rowStart = next;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && cell === '') {
      // A quoted cell: read to its closing quote, unfolding doubled quotes.
      let end = i + 1;
      let value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) {
          value += text.slice(end);
          end = text.length;
          break;
        }
        value += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          end = quote + 2;
          continue;
        }
        end = quote + 1;
        break;
      }
      cell = value;
      i = end;
      // Text between the closing quote and the delimiter is kept, as spreadsheets do.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n') cell += text[i++];
      continue;
    }
    if (char === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (char === '\n') {
      endRow(i + 1);
      i++;
    } else {
      if (newline < i) newline = text.indexOf('\n', i) >>> 0;
      if (nextDelimiter < i) nextDelimiter = text.indexOf(delimiter, i) >>> 0;
      const stop = Math.min(newline, nextDelimiter, text.length);
      cell += text.slice(i, stop);
      i = stop;
    }
  }
  if (cell !== '' || cells.length > 0) endRow(text.length);
  return rows;
}
