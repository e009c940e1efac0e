import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FolderList from '../../../../renderer/src/lib/components/FolderList.svelte';
import { makeStatus } from '../../helpers/fake-bridge';

describe('FolderList', () => {
  const status = makeStatus({
    articles: 1500,
    folders: [
      { path: '/home/ana/archive/bbc', articles: 1500 },
      { path: '/mnt/usb/clippings', articles: 0, error: 'Permission denied' },
    ],
  });

  it('lists the folders with their article counts and the total', () => {
    render(FolderList, { props: { status, onremove: vi.fn() } });
    expect(screen.getByText('1,500 articles in 2 folders')).toBeInTheDocument();
    expect(screen.getByText('bbc')).toBeInTheDocument();
    expect(screen.getByText('1,500')).toBeInTheDocument();
  });

  it('shows why a folder could not be read', () => {
    render(FolderList, { props: { status, onremove: vi.fn() } });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot read this folder: Permission denied');
  });

  it('removes a folder from its button', async () => {
    const onremove = vi.fn();
    render(FolderList, { props: { status, onremove } });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove /mnt/usb/clippings from the library' }));
    expect(onremove).toHaveBeenCalledExactlyOnceWith('/mnt/usb/clippings');
  });
});
