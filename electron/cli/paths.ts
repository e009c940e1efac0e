import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built window and the bundled sample archive are, whether running built or from source. */
export function appPaths(): { renderer: string; sampleArchive: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  // Built: out/main/cli.js. From source: electron/cli/paths.ts. Both sit two levels below the root.
  const root = join(here, '..', '..');
  return { renderer: join(root, 'out', 'renderer'), sampleArchive: join(root, 'archive') };
}
