import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One CISI document: its number, title, and abstract. */
export interface CisiDocument {
  id: number;
  title: string;
  text: string;
}

export interface CisiCollection {
  documents: CisiDocument[];
  /** Query text by query number. */
  queries: Map<number, string>;
  /** Relevant document numbers by query number (only queries with judgements). */
  relevant: Map<number, Set<number>>;
}

/** Splits a SMART-format file into records of fields (`.I n`, then `.T`, `.W`… each running to the next dot line). */
function records(text: string): { id: number; fields: Record<string, string> }[] {
  const out: { id: number; fields: Record<string, string> }[] = [];
  let field = '';
  for (const line of text.split(/\r?\n/)) {
    const marker = /^\.([A-Z])\s*(.*)$/.exec(line);
    if (marker) {
      field = marker[1]!;
      if (field === 'I') out.push({ id: Number(marker[2]), fields: {} });
      continue;
    }
    const record = out[out.length - 1];
    if (record && field !== 'I') record.fields[field] = `${record.fields[field] ?? ''}${line}\n`;
  }
  return out;
}

/** Reads the CISI test collection (see its README): documents, queries and relevance judgements. */
export async function readCisi(folder: string): Promise<CisiCollection> {
  const documents = records(await readFile(join(folder, 'CISI.ALL'), 'utf8')).map(({ id, fields }) => ({
    id,
    title: (fields.T ?? '').replace(/\s+/g, ' ').trim(),
    text: (fields.W ?? '').trim(),
  }));
  const queries = new Map(
    records(await readFile(join(folder, 'CISI.QRY'), 'utf8')).map(({ id, fields }) => [
      id,
      (fields.W ?? '').replace(/\s+/g, ' ').trim(),
    ]),
  );
  const relevant = new Map<number, Set<number>>();
  for (const line of (await readFile(join(folder, 'CISI.REL'), 'utf8')).split('\n')) {
    const [query, doc] = line.trim().split(/\s+/).map(Number);
    if (!query || !doc) continue;
    if (!relevant.has(query)) relevant.set(query, new Set());
    relevant.get(query)!.add(doc);
  }
  return { documents, queries, relevant };
}

/** Mean average precision, nDCG@10 and recall@100 of rankings against binary judgements. */
export function scoreRankings(
  rankings: Map<number, number[]>,
  relevant: Map<number, Set<number>>,
): { map: number; ndcg10: number; recall100: number } {
  let map = 0;
  let ndcg = 0;
  let recall = 0;
  for (const [query, wanted] of relevant) {
    const ranked = rankings.get(query) ?? [];
    let hits = 0;
    let precisionSum = 0;
    ranked.forEach((doc, i) => {
      if (!wanted.has(doc)) return;
      hits++;
      precisionSum += hits / (i + 1);
    });
    map += precisionSum / wanted.size;
    let dcg = 0;
    ranked.slice(0, 10).forEach((doc, i) => {
      if (wanted.has(doc)) dcg += 1 / Math.log2(i + 2);
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(10, wanted.size); i++) ideal += 1 / Math.log2(i + 2);
    ndcg += dcg / ideal;
    recall += ranked.slice(0, 100).filter((doc) => wanted.has(doc)).length / wanted.size;
  }
  const n = relevant.size;
  return { map: map / n, ndcg10: ndcg / n, recall100: recall / n };
}
