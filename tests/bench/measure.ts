import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The process's peak resident memory so far (VmHWM), in bytes; 0 where /proc is missing. */
export async function peakRss(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Bytes of every file under a folder. */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** A query of the benchmark mix. */
export interface BenchQuery {
  kind: 'and' | 'phrase' | 'prefix' | 'fuzzy';
  /** As Quarry runs it. */
  quarry: string;
  /** As plain Lunr runs it: the same, except phrases, which it cannot do, become AND of their words. */
  naive: string;
}

/** What a child process reports about searching: timings and, per comparable query, the hits. */
export interface QueryFigures {
  openToFirstMs: number;
  p50: number;
  p99: number;
  rss: number;
  peak: number;
  /** For non-phrase queries, in mix order: hit count, a digest of the sorted hit ids, the first ten ids. */
  hits: { count: number; digest: string; top: string[] }[];
}

export interface BuildFigures {
  ms: number;
  rss: number;
  peak: number;
  bytes: number;
  /** Set when the index could not be saved (Lunr's JSON grows past what a string can hold). */
  failure?: string;
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

export function seconds(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(0)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${ms.toFixed(0)} ms`;
}
