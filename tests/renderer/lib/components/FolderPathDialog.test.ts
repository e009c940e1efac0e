import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FolderPathDialog from '../../../../renderer/src/lib/components/FolderPathDialog.svelte';

describe('FolderPathDialog', () => {
  it('submits the typed path', async () => {
    const onsubmit = vi.fn();
    render(FolderPathDialog, { props: { onsubmit, oncancel: vi.fn() } });
    const field = screen.getByLabelText('Folder path');
    expect(field).toHaveFocus();
    await fireEvent.input(field, { target: { value: '/home/ana/archive' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    expect(onsubmit).toHaveBeenCalledExactlyOnceWith('/home/ana/archive');
  });

  it('shows the note and the error it is given', () => {
    render(FolderPathDialog, {
      props: {
        note: 'Dropping needs the desktop app.',
        error: 'Not a folder.',
        onsubmit: vi.fn(),
        oncancel: vi.fn(),
      },
    });
    expect(screen.getByRole('dialog', { name: 'Add a folder' })).toHaveTextContent(
      'Dropping needs the desktop app.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Not a folder.');
  });

  it('closes on Esc', async () => {
    const oncancel = vi.fn();
    render(FolderPathDialog, { props: { onsubmit: vi.fn(), oncancel } });
    await fireEvent.keyDown(screen.getByLabelText('Folder path'), { key: 'Escape' });
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});
