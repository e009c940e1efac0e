import type { IndexPhase } from './api';

const counts = new Intl.NumberFormat('en-US');

/** A whole number with thousands separators: 1,234. */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "1 result", "1,234 results". */
export function plural(value: number, one: string, many: string): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** Files per second, with a decimal only where it says something. */
export function formatRate(filesPerSecond: number): string {
  if (!Number.isFinite(filesPerSecond) || filesPerSecond <= 0) return '— files/s';
  const shown = filesPerSecond < 10 ? filesPerSecond.toFixed(1) : formatCount(Math.round(filesPerSecond));
  return `${shown} files/s`;
}

/** A rough time left, as a person would say it. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating time left…';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `about ${whole} s left`;
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** Milliseconds as a short duration: 420 ms, 3.2 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

const phaseLabels: Record<IndexPhase, string> = {
  scanning: 'Scanning folders',
  reading: 'Reading files',
  indexing: 'Indexing',
  saving: 'Saving the index',
  done: 'Done',
};

export function phaseLabel(phase: IndexPhase): string {
  return phaseLabels[phase];
}

const calendarDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An ISO date as "3 Mar 2021"; anything else is shown as the archive wrote it. */
export function formatDate(date: string | null): string {
  if (!date) return '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return date;
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(parsed.getTime()) ? date : calendarDate.format(parsed);
}

/** The last `segments` parts of a path, whichever separator it uses. */
export function lastSegments(path: string, segments = 1): string {
  const parts = path.split(/[\\/]+/).filter((part) => part !== '');
  return parts.slice(-segments).join('/') || path;
}

/** Where a file sits, for a list: the library folder's name and the subfolders below it. */
export function folderLabel(folder: string, path: string): string {
  const folderParts = folder.split(/[\\/]+/).filter((part) => part !== '');
  const pathParts = path.split(/[\\/]+/).filter((part) => part !== '');
  const inside = folderParts.every((part, index) => pathParts[index] === part);
  const below = inside ? pathParts.slice(folderParts.length, -1) : [];
  return [folderParts.at(-1) ?? folder, ...below].join('/');
}
