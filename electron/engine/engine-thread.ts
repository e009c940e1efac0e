import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the engine's worker threads: the bundled script `bundled`
 * beside this code when built (every entry goes to the one output folder),
 * or the TypeScript `source` (a path from the engine's folder) through tsx
 * when the engine runs from source (tests).
 */
export function startEngineThread(bundled: string, source: string): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(join(dirname(here), bundled));
  const tsx = createRequire(here).resolve('tsx/cjs');
  const script = join(dirname(here), source);
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true });
}
