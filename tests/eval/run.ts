import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateQuotes, goldFilesIn } from './quotes';

// `npm run eval`: the accuracy evaluations, run against the corpora beside the repository:
// the quotation finder against its gold files, then search quality on CISI (tests/eval/search.ts).
// `-- --gold FILE` (repeatable) evaluates other gold files; `-- --details` lists each article's mismatches.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const corpora = join(root, '..', 'shared', 'corpora');

const { values } = parseArgs({
  options: { gold: { type: 'string', multiple: true }, details: { type: 'boolean' } },
});

async function quotes(): Promise<void> {
  const goldFiles =
    values.gold?.map((file) => resolve(file)) ??
    (await goldFilesIn(join(root, 'tests', 'fixtures', 'quotes')));
  if (goldFiles.length === 0) {
    console.log('Quotation eval: no gold files (tests/fixtures/quotes/gold-*.json) yet, nothing to measure.');
    return;
  }
  console.log((await evaluateQuotes(goldFiles, corpora, values.details === true)).join('\n'));
}

/** Search quality runs in its own process: it prints its own figures and exits non-zero on failure. */
function search(): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'search.ts')], { stdio: 'inherit' });
  return run.status === 0;
}

async function main(): Promise<void> {
  console.log('## quotes');
  await quotes();
  console.log('\n## search');
  if (!search()) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
