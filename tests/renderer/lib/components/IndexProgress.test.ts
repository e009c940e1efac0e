import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import IndexProgress from '../../../../renderer/src/lib/components/IndexProgress.svelte';

describe('IndexProgress', () => {
  const progress = {
    phase: 'reading' as const,
    done: 1234,
    total: 5000,
    rate: 85.4,
    etaSeconds: 150,
    current: '/home/ana/archive/bbc/001.txt',
  };

  it('shows the phase, files done out of all, the rate and the time left', () => {
    render(IndexProgress, { props: { progress, oncancel: vi.fn() } });
    expect(screen.getByText('Reading files…')).toBeInTheDocument();
    expect(screen.getByText('1,234 / 5,000 files')).toBeInTheDocument();
    expect(screen.getByText('85 files/s')).toBeInTheDocument();
    expect(screen.getByText('about 3 min left')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Files indexed' });
    expect(bar).toHaveAttribute('max', '5000');
    expect(bar).toHaveAttribute('value', '1234');
  });

  it('calls cancel once when Cancel is pressed', async () => {
    const oncancel = vi.fn();
    render(IndexProgress, { props: { progress, oncancel } });
    const button = screen.getByRole('button', { name: 'Cancel' });
    await fireEvent.click(button);
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
  });

  it('counts the files found while the total is still unknown', () => {
    render(IndexProgress, {
      props: {
        progress: { phase: 'scanning', done: 812, total: 0, rate: 0, etaSeconds: null },
        oncancel: vi.fn(),
      },
    });
    expect(screen.getByText('Scanning folders…')).toBeInTheDocument();
    expect(screen.getByText('812 files so far')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
  });

  it('shows an indeterminate bar before the total is known', () => {
    render(IndexProgress, { props: { progress: null, oncancel: vi.fn() } });
    expect(screen.getByText('Starting to index…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
  });
});
