import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run eval`: every quality evaluation in this folder, one after the other.
// A section is a script here that prints its figures; helper modules are not sections.
const here = dirname(fileURLToPath(import.meta.url));
const HELPERS = new Set(['run.ts', 'cisi.ts']);
const sections = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && !HELPERS.has(name))
  .sort();
let failed = 0;
for (const name of sections) {
  console.log(`\n## ${name.replace(/\.ts$/, '')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
