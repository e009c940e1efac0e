import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

// The engine is measured as the app ships it: bundled, with its worker
// threads bundled beside it. Run from source through tsx, every call between
// modules goes through an export getter, which is not what the app runs (it
// alone halves the quotation finder's speed).
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The engine's citation styles, imported as `./x.csl?raw`, come in as text as the app's build inlines them. */
const rawText: Plugin = {
  name: 'raw-text',
  setup(builder) {
    builder.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
    }));
    builder.onLoad({ filter: /\.csl$/ }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * Bundles the bench's child script and the engine's worker scripts into
 * `outDir` (inside the repository, so that packages resolve from its
 * node_modules); gives the child script's path.
 */
export async function bundleBench(outDir: string): Promise<string> {
  await build({
    entryPoints: {
      child: join(root, 'tests', 'bench', 'child.ts'),
      'index-worker': join(root, 'electron', 'engine', 'index', 'worker.ts'),
      'pdf-worker': join(root, 'electron', 'engine', 'ingest', 'pdf-worker.ts'),
      'read-ahead-worker': join(root, 'electron', 'engine', 'ingest', 'read-ahead-worker.ts'),
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    plugins: [rawText],
    // The engine finds its worker scripts beside its own file.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return join(outDir, 'child.js');
}
