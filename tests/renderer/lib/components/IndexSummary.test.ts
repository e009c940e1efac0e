import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import IndexSummary from '../../../../renderer/src/lib/components/IndexSummary.svelte';
import { makeReport } from '../../helpers/fake-bridge';

describe('IndexSummary', () => {
  const report = makeReport({
    articles: 2225,
    indexed: 2223,
    skipped: [
      { path: '/a/broken.txt', reason: 'empty file' },
      { path: '/a/photo.txt', reason: 'binary content' },
    ],
  });

  it('says how many articles were indexed and files skipped', () => {
    render(IndexSummary, { props: { report, ondismiss: vi.fn() } });
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Indexed 2,223 articles');
    expect(status).toHaveTextContent('skipped 2 files');
    expect(status).toHaveTextContent('2,225 articles in the library');
  });

  it('lists the skipped files with their reasons on request', async () => {
    render(IndexSummary, { props: { report, ondismiss: vi.fn() } });
    expect(screen.queryByRole('table')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'View skipped files' }));
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '/a/broken.txtempty file',
      '/a/photo.txtbinary content',
    ]);
  });

  it('offers to retry the skipped files and calls back when asked', async () => {
    const onretry = vi.fn();
    render(IndexSummary, { props: { report, ondismiss: vi.fn(), onretry } });
    await fireEvent.click(screen.getByRole('button', { name: 'Retry skipped files' }));
    expect(onretry).toHaveBeenCalledTimes(1);
  });

  it('disables the retry while a pass is under way', () => {
    render(IndexSummary, { props: { report, ondismiss: vi.fn(), onretry: vi.fn(), retrying: true } });
    expect(screen.getByRole('button', { name: 'Retrying…' })).toBeDisabled();
  });

  it('offers no retry when nothing was skipped', () => {
    render(IndexSummary, {
      props: { report: makeReport({ indexed: 3 }), ondismiss: vi.fn(), onretry: vi.fn() },
    });
    expect(screen.queryByRole('button', { name: 'Retry skipped files' })).toBeNull();
  });

  it('can be dismissed', async () => {
    const ondismiss = vi.fn();
    render(IndexSummary, { props: { report, ondismiss } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss summary' }));
    expect(ondismiss).toHaveBeenCalledTimes(1);
  });
});
