import { readFile } from 'node:fs/promises';
import type { CitationStyle, CollectionSummary, CollectionView, ExportFormat, Result } from '../api';
import type { QuarryService } from '../engine/service';
import type { CliIo } from './output';
import { UsageError } from './usage';

export interface CollectionValues {
  json?: boolean;
  article?: string;
  start?: string;
  end?: string;
  note?: string;
  tag?: string[];
  speaker?: string;
  format?: string;
  style?: string;
  out?: string;
  name?: string;
}

const FORMATS: readonly ExportFormat[] = ['md', 'html', 'docx', 'csv', 'json', 'ris', 'bibtex', 'csl'];
const STYLES: readonly CitationStyle[] = ['apa', 'chicago', 'mla'];

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new UsageError(result.error.message);
  return result.value;
}

/** A collection named by its name (any case) or its id. */
async function findCollection(
  service: QuarryService,
  nameOrId: string | undefined,
): Promise<CollectionSummary> {
  if (!nameOrId) throw new UsageError('name the collection');
  const { collections, problems } = await service.listCollections();
  const wanted = nameOrId.toLowerCase();
  const found =
    collections.find((collection) => collection.id === nameOrId) ??
    collections.find((collection) => collection.name.toLowerCase() === wanted);
  if (found) return found;
  const broken = problems.find((problem) => problem.file.endsWith(`/${nameOrId}.json`));
  if (broken)
    throw new UsageError(
      `${broken.file} cannot be read (line ${broken.line}, column ${broken.column}): ${broken.message}`,
    );
  throw new UsageError(`no collection called "${nameOrId}"`);
}

function offset(text: string | undefined, name: string): number {
  if (text === undefined) throw new UsageError(`--${name} is needed`);
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
}

/** `quarry collection create|list|show|add|remove|rename|delete|import`, over the service. */
export async function collectionCommand(
  service: QuarryService,
  [action, ...args]: string[],
  values: CollectionValues,
  io: CliIo,
): Promise<number> {
  const print = (json: unknown, text: string) => io.out(values.json ? JSON.stringify(json) + '\n' : text);
  switch (action) {
    case 'create': {
      const created = value(await service.createCollection(args.join(' ').trim() || missing('a name')));
      print(created, `Created “${created.name}” (${created.id}).\n`);
      return 0;
    }
    case 'list': {
      const list = await service.listCollections();
      const lines = list.collections.map(
        (c) => `${c.name}  (${c.quoteCount} quote${c.quoteCount === 1 ? '' : 's'}, ${c.id})`,
      );
      for (const problem of list.problems)
        io.err(
          `quarry: ${problem.file}: line ${problem.line}, column ${problem.column}: ${problem.message}\n`,
        );
      print(list, lines.length > 0 ? lines.join('\n') + '\n' : 'No collections yet.\n');
      return 0;
    }
    case 'show': {
      const found = await findCollection(service, args.join(' '));
      const view = value(await service.collection(found.id));
      print(view, formatCollection(view));
      return 0;
    }
    case 'add': {
      const found = await findCollection(service, args.join(' '));
      if (!values.article) throw new UsageError('--article <id or path> is needed');
      const article = service.findArticle(values.article);
      if (!article)
        throw new UsageError(`no article "${values.article}" in the library (index its folder first)`);
      const saved = value(
        await service.saveQuote({
          collectionId: found.id,
          articleId: article.id,
          start: offset(values.start, 'start'),
          end: offset(values.end, 'end'),
          ...(values.note !== undefined ? { note: values.note } : {}),
          ...(values.tag ? { tags: values.tag } : {}),
          ...(values.speaker !== undefined ? { speaker: values.speaker } : {}),
        }),
      );
      print(saved, `Saved “${saved.text}” to “${found.name}” (quote ${saved.id}).\n`);
      return 0;
    }
    case 'remove': {
      const [name, ...quoteIds] = args;
      const found = await findCollection(service, name);
      if (quoteIds.length === 0)
        throw new UsageError('name the quotes to remove (their ids, from `quarry collection show`)');
      const known = new Set(value(await service.collection(found.id)).quotes.map((quote) => quote.id));
      const unknown = quoteIds.find((id) => !known.has(id));
      if (unknown) throw new UsageError(`no quote ${unknown} in “${found.name}”`);
      const after = value(await service.removeQuotes(found.id, quoteIds));
      print(
        after,
        `Removed ${quoteIds.length} quote${quoteIds.length === 1 ? '' : 's'}; “${after.name}” has ${after.quoteCount}.\n`,
      );
      return 0;
    }
    case 'rename': {
      const [name, ...newName] = args;
      const found = await findCollection(service, name);
      const renamed = value(
        await service.renameCollection(found.id, newName.join(' ').trim() || missing('the new name')),
      );
      print(renamed, `Renamed “${found.name}” to “${renamed.name}”.\n`);
      return 0;
    }
    case 'delete': {
      const found = await findCollection(service, args.join(' '));
      const deleted = value(await service.deleteCollection(found.id));
      print(deleted, `Deleted “${deleted.name}” (kept in ${service.collections.store.trash}).\n`);
      return 0;
    }
    case 'import': {
      const [file] = args;
      if (!file) throw new UsageError('name the JSON file to import');
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      const report = value(
        await service.importCollection({ text, ...(values.name ? { name: values.name } : {}) }),
      );
      for (const skip of report.skipped) io.err(`quarry: annotation ${skip.index} skipped: ${skip.reason}\n`);
      print(
        report,
        `Imported ${report.imported} quote${report.imported === 1 ? '' : 's'} into “${report.collection.name}”.\n`,
      );
      return 0;
    }
    default:
      throw new UsageError(
        `"quarry collection" needs create, list, show, add, remove, rename, delete or import`,
      );
  }
}

/** `quarry export <collection> --format F [--style S] [--out FILE]`. */
export async function exportCommand(
  service: QuarryService,
  args: string[],
  values: CollectionValues,
  io: CliIo,
): Promise<number> {
  const format = (values.format ?? '') as ExportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const style = (values.style ?? 'apa') as CitationStyle;
  if (!STYLES.includes(style))
    throw new UsageError(`--style must be apa, chicago or mla, not "${values.style}"`);
  if (format === 'docx' && !values.out) throw new UsageError('a Word document needs --out FILE');
  const found = await findCollection(service, args.join(' '));
  const request = { collectionId: found.id, format, style };
  const exported = value(
    values.out ? await service.writeExport(request, values.out) : await service.exportCollection(request),
  );
  for (const drift of exported.drift) io.err(`quarry: verbatim check: ${drift.message}\n`);
  if (values.out)
    io.err(`Wrote ${exported.quoteCount} quote${exported.quoteCount === 1 ? '' : 's'} to ${values.out}\n`);
  else io.out(exported.content);
  return 0;
}

function missing(what: string): never {
  throw new UsageError(`${what} is needed`);
}

function formatCollection(view: CollectionView): string {
  const lines = [`${view.name} (${view.id}): ${view.quoteCount} quote${view.quoteCount === 1 ? '' : 's'}`];
  view.quotes.forEach((quote, index) => {
    const meta = [quote.citation.source, quote.citation.date].filter(Boolean).join(', ');
    lines.push('', `${index + 1}. “${quote.text}”${quote.speaker ? ` — ${quote.speaker}` : ''}`);
    lines.push(
      `   ${quote.citation.title}${meta ? ` (${meta})` : ''}, ${quote.start}–${quote.end}  [${quote.id}]`,
    );
    if (quote.note) lines.push(`   note: ${quote.note}`);
    if (quote.tags.length > 0) lines.push(`   tags: ${quote.tags.join(', ')}`);
    if (quote.anchor.status !== 'exact')
      lines.push(`   ${quote.anchor.status}: ${quote.anchor.message ?? ''}`);
  });
  return lines.join('\n') + '\n';
}
