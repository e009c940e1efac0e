import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateQuotes, goldFilesIn } from './quotes';

// `npm run eval`: the accuracy evaluations, run against the corpora beside the repository.
// `-- --gold FILE` (repeatable) evaluates other gold files; `-- --details` lists each article's mismatches.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpora = join(root, '..', 'shared', 'corpora');

const { values } = parseArgs({
  options: { gold: { type: 'string', multiple: true }, details: { type: 'boolean' } },
});
async function main(): Promise<void> {
  const goldFiles =
    values.gold?.map((file) => resolve(file)) ??
    (await goldFilesIn(join(root, 'tests', 'fixtures', 'quotes')));
  if (goldFiles.length === 0) {
    console.log('Quotation eval: no gold files (tests/fixtures/quotes/gold-*.json) yet, nothing to measure.');
    return;
  }
  console.log((await evaluateQuotes(goldFiles, corpora, values.details === true)).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
