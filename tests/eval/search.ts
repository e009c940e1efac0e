// Must come first: the engine's citation styles are imported as text.
import '../helpers/raw-text';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import { QuarryService } from '../../electron/engine/service';
import { readCisi, scoreRankings } from './cisi';

// Search quality on the CISI collection: Quarry's search against one plain
// Lunr index (defaults, title boosted 5), the same query text for both.

const here = dirname(fileURLToPath(import.meta.url));
const CISI = join(here, '..', '..', '..', 'shared', 'corpora', 'ir-cisi');
const DEPTH = 1000;

/** Natural-language questions as Lunr query text: characters of its syntax become spaces. */
function asQuery(text: string): string {
  return text.replace(/[:+\-~^*"\\]/g, ' ');
}

async function main(): Promise<void> {
  const cisi = await readCisi(CISI);
  const work = await mkdtemp(join(tmpdir(), 'quarry-eval-'));
  try {
    const folder = join(work, 'cisi');
    await rm(folder, { recursive: true, force: true });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder, { recursive: true });
    for (const doc of cisi.documents) {
      await writeFile(join(folder, `${doc.id}.txt`), `${doc.title || `Document ${doc.id}`}\n\n${doc.text}\n`);
    }
    const service = await QuarryService.open({ dataDir: join(work, 'data') });
    const indexed = await service.indexFolders([folder]);
    if (!indexed.ok) throw new Error(indexed.error.message);

    const plain = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 5 });
      this.field('body');
      for (const doc of cisi.documents)
        this.add({ id: String(doc.id), title: doc.title || `Document ${doc.id}`, body: doc.text });
    });

    const quarryRankings = new Map<number, number[]>();
    const lunrRankings = new Map<number, number[]>();
    for (const query of cisi.relevant.keys()) {
      const text = asQuery(cisi.queries.get(query) ?? '');
      const result = await service.search({ query: text, limit: DEPTH });
      quarryRankings.set(
        query,
        result.ok ? result.value.hits.map((hit) => Number(basename(hit.path, '.txt'))) : [],
      );
      lunrRankings.set(
        query,
        plain
          .search(text)
          .slice(0, DEPTH)
          .map((hit) => Number(hit.ref)),
      );
    }
    await service.close();
    const ours = scoreRankings(quarryRankings, cisi.relevant);
    const theirs = scoreRankings(lunrRankings, cisi.relevant);
    console.log(`CISI: ${cisi.documents.length} documents, ${cisi.relevant.size} judged queries`);
    console.log('| engine | MAP | nDCG@10 | recall@100 |\n|---|---|---|---|');
    for (const [name, figures] of [
      ['Quarry', ours],
      ['naive Lunr', theirs],
    ] as const) {
      console.log(
        `| ${name} | ${figures.map.toFixed(4)} | ${figures.ndcg10.toFixed(4)} | ${figures.recall100.toFixed(4)} |`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
