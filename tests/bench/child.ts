import type { BenchQuery } from './measure';
import { naiveBuild, naiveQueries } from './naive';
import { quarryBuild, quarryEdits, quarryQueries } from './quarry';
import { quarryQuoteQueries } from './quote-search';

// One measurement in a process of its own, so that its memory is its own:
// `child.ts <task> <json arguments>`; the figures come back as the last line of output.
const [task, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as {
  dir: string;
  dataDir: string;
  indexFile: string;
  queries: BenchQuery[];
  rounds: number;
};
const tasks: Record<string, () => Promise<unknown>> = {
  'naive-build': () => naiveBuild(args.dir, args.indexFile),
  'naive-queries': () => naiveQueries(args.indexFile, args.queries),
  'quarry-build': () => quarryBuild(args.dir, args.dataDir),
  'quarry-queries': () => quarryQueries(args.dataDir, args.queries),
  'quarry-edits': () => quarryEdits(args.dir, args.dataDir, args.rounds),
  'quarry-quote-queries': () => quarryQuoteQueries(args.dataDir, args.queries),
};
const run = tasks[task ?? ''];
if (!run) throw new Error(`unknown task ${task}`);
run().then(
  (figures) => {
    process.stdout.write(`\n${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
