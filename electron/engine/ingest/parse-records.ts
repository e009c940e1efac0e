import { assembleBody, type ParsedArticle, type ParseOutcome } from './article';
import { readCsv } from './csv';
import { KNOWN_FIELDS_HINT, recordToArticle } from './record-fields';

interface RawRecord {
  record: Record<string, unknown>;
  /** Character offset of the record in the text, when known. */
  offset?: number;
  /** "record 3", "line 12": how the report and the reader name it. */
  locator: string;
}

/**
 * Reads a JSON export (an array of records, an object holding one, or a
 * single record) or JSON Lines: one article per record, fields mapped from
 * their common names. A file whose records have no known field is reported
 * with the fields it found.
 */
export function parseJsonRecords(text: string, lines: boolean): ParseOutcome {
  const trimmed = text.trim();
  if (!lines) {
    try {
      return fromRecords(jsonRecords(JSON.parse(trimmed) as unknown, text));
    } catch (error) {
      // A .json file that is really JSON Lines is common enough to read as such.
      if (!/^\{[^\n]*\}\s*\n\s*\{/.test(trimmed)) {
        return { ok: false, reason: `not valid JSON (${(error as Error).message.slice(0, 120)})` };
      }
    }
  }
  const records: RawRecord[] = [];
  const notes: string[] = [];
  let offset = 0;
  let number = 0;
  for (const line of text.split('\n')) {
    number++;
    const at = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        records.push({ record: value as Record<string, unknown>, offset: at, locator: `line ${number}` });
      } else notes.push(`line ${number}: not a record`);
    } catch {
      notes.push(`line ${number}: not valid JSON`);
    }
  }
  if (records.length === 0) return { ok: false, reason: 'not valid JSON Lines (no line holds a record)' };
  return fromRecords(records, notes);
}

function jsonRecords(value: unknown, text: string): RawRecord[] {
  if (Array.isArray(value)) {
    const offsets = topLevelElementOffsets(text);
    return value.flatMap((item, index) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? [
            {
              record: item as Record<string, unknown>,
              offset: offsets[index],
              locator: `record ${index + 1}`,
            },
          ]
        : [],
    );
  }
  if (value && typeof value === 'object') {
    // An export wrapper ({ "articles": [...] }): its largest array of records holds the articles.
    const arrays = Object.values(value).filter(
      (item): item is Record<string, unknown>[] =>
        Array.isArray(item) && item.some((x) => x && typeof x === 'object'),
    );
    const largest = arrays.sort((a, b) => b.length - a.length)[0];
    if (largest) return jsonRecords(largest, '');
    return [{ record: value as Record<string, unknown>, offset: text.search(/\S/), locator: 'record 1' }];
  }
  return [];
}

/** Where each element of a top-level JSON array starts, found by a scan that skips strings. */
function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      if (expecting && depth === 1) offsets.push(i);
      expecting = false;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    const code = char.charCodeAt(0);
    if (code === 32 || code === 10 || code === 9 || code === 13) continue;
    if (expecting && depth === 1) offsets.push(i);
    expecting = false;
    if (char === '[' || char === '{') {
      depth++;
      if (depth === 1 && char === '[') expecting = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expecting = true;
  }
  return offsets;
}

/**
 * Reads a CSV (or TSV) export with a header row: one article per row, columns
 * mapped from their common names. A file whose header names no known field
 * is reported with the columns it has.
 */
export function parseCsvRecords(text: string, delimiter: string): ParseOutcome {
  const rows = readCsv(text, delimiter);
  const header = rows[0];
  if (!header || rows.length < 2)
    return { ok: false, reason: 'no records (a header row and at least one row are needed)' };
  const names = header.cells.map((cell) => cell.trim());
  const records = rows.slice(1).map((row, index) => ({
    record: Object.fromEntries(names.map((name, column) => [name, row.cells[column] ?? ''])),
    offset: row.offset,
    locator: `record ${index + 1}`,
  }));
  return fromRecords(records);
}

function fromRecords(records: RawRecord[], notes: string[] = []): ParseOutcome {
  const articles: ParsedArticle[] = [];
  let empty = 0;
  for (const { record, offset, locator } of records) {
    const found = recordToArticle(record, offset);
    if (!found) {
      empty++;
      continue;
    }
    const { parts, ...rest } = found;
    articles.push({ ...rest, ...assembleBody(parts), locator });
  }
  if (articles.length === 0) {
    const seen = [...new Set(records.flatMap(({ record }) => Object.keys(record)))];
    if (seen.length === 0) return { ok: false, reason: 'no records' };
    const listed = seen.slice(0, 12).join(', ') + (seen.length > 12 ? ', …' : '');
    return { ok: false, reason: `no known article fields (found: ${listed}; ${KNOWN_FIELDS_HINT})` };
  }
  if (empty > 0) notes.push(`${empty} record${empty === 1 ? '' : 's'} without article text passed over`);
  return { ok: true, articles, ...(notes.length > 0 ? { notes } : {}) };
}
