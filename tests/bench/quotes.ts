import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Quotation } from '../../electron/api';
import { decodeText } from '../../electron/engine/ingest/decode';

// Throughput of the quotation finder over the BBC corpus, article by article as indexing will run it:
// wall time, and CPU time (user + system), which is what "per core" means on a busy machine.
// The finder is measured bundled, as the app ships it: run from source, each call between modules
// goes through an export getter, which alone halves the speed.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpora', 'bbc');
const ROUNDS = 5;
// Indexing runs the finder over the whole library on long-lived worker threads, so it is measured
// warm: V8 finishes compiling its code (on threads of its own, whose CPU time counts) in the first
// rounds. The first round is shown too, for what the first few thousand articles cost.
const WARM_UP = 3;

async function articles(folder: string): Promise<string[]> {
  const texts: string[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const path = join(folder, name);
    if ((await stat(path)).isDirectory()) texts.push(...(await articles(path)));
    else if (name.endsWith('.txt')) texts.push(decodeText(await readFile(path)).text);
  }
  return texts;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'quarry-bench-'));
  try {
    const bundle = join(dir, 'find-quotes.cjs');
    await build({
      entryPoints: [join(root, 'electron', 'engine', 'quotes', 'find-quotes.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'warning',
    });
    const { findQuotations } = (await import(pathToFileURL(bundle).href)) as {
      findQuotations: (text: string) => Quotation[];
    };
    const texts = await articles(corpus);
    const bytes = texts.reduce((total, text) => total + Buffer.byteLength(text), 0);
    const coldStart = performance.now();
    const coldCpu = process.cpuUsage();
    for (const text of texts) findQuotations(text);
    const coldUsage = process.cpuUsage(coldCpu);
    const coldWallMs = performance.now() - coldStart;
    for (let round = 1; round < WARM_UP; round++) for (const text of texts) findQuotations(text);
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    let found = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const text of texts) found += findQuotations(text).length;
    const cpu = process.cpuUsage(cpuStart);
    const wallMs = performance.now() - wallStart;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const rate = (ms: number, rounds = ROUNDS) => ((bytes * rounds) / 1e6 / (ms / 1000)).toFixed(1);
    const coldCpuMs = (coldUsage.user + coldUsage.system) / 1000;
    console.log(
      `Quotation finder: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${ROUNDS} rounds after ${WARM_UP} to warm up, ${found / ROUNDS} quotations a round`,
    );
    console.log(
      `  wall ${wallMs.toFixed(0)} ms: ${rate(wallMs)} MB/s; CPU ${cpuMs.toFixed(0)} ms: ${rate(cpuMs)} MB/s per core`,
    );
    console.log(
      `  first round, cold: wall ${rate(coldWallMs, 1)} MB/s; CPU ${rate(coldCpuMs, 1)} MB/s per core`,
    );
    console.log('  target (issue 4): at least 10 MB of article text per second per core');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
