import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatRate,
  formatTimeLeft,
  folderLabel,
  lastSegments,
  plural,
} from '../../../renderer/src/lib/format';

describe('plural', () => {
  it('groups thousands and picks the singular only for one', () => {
    expect(plural(1234, 'result', 'results')).toBe('1,234 results');
    expect(plural(1, 'result', 'results')).toBe('1 result');
    expect(plural(0, 'result', 'results')).toBe('0 results');
  });
});

describe('formatRate', () => {
  it('shows one decimal below ten files a second and whole numbers above', () => {
    expect(formatRate(4.26)).toBe('4.3 files/s');
    expect(formatRate(1234.4)).toBe('1,234 files/s');
  });
});

describe('formatTimeLeft', () => {
  it('speaks in seconds, minutes and hours', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(42)).toBe('about 42 s left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 5 min left');
  });
});

describe('formatDate', () => {
  it('writes ISO dates out and leaves anything else as it is', () => {
    expect(formatDate('2005-03-16')).toBe('16 Mar 2005');
    expect(formatDate('spring 1999')).toBe('spring 1999');
    expect(formatDate(null)).toBe('');
  });
});

describe('lastSegments', () => {
  it('keeps the last parts of a POSIX or Windows path', () => {
    expect(lastSegments('/home/ana/archive/bbc/')).toBe('bbc');
    expect(lastSegments('C:\\Users\\ana\\Archive\\bbc', 2)).toBe('Archive/bbc');
  });
});

describe('folderLabel', () => {
  it('names the library folder and the subfolders the file sits in', () => {
    expect(folderLabel('/work/archive', '/work/archive/valley-courier/2014/a.md')).toBe(
      'archive/valley-courier/2014',
    );
    expect(folderLabel('/work/archive/', '/work/archive/a.md')).toBe('archive');
    expect(folderLabel('C:\\News', 'C:\\News\\bbc\\a.txt')).toBe('News/bbc');
  });
});
