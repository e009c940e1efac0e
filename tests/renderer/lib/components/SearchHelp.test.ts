import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SearchHelp from '../../../../renderer/src/lib/components/SearchHelp.svelte';

describe('SearchHelp', () => {
  it('documents searching by speaker and inside quotations, with examples', async () => {
    render(SearchHelp);
    await fireEvent.click(screen.getByRole('button', { name: 'Search syntax help' }));
    const help = screen.getByRole('region', { name: 'Search syntax' });
    expect(help).toHaveTextContent('speaker:okafor');
    expect(help).toHaveTextContent('speaker:"ingrid lindqvist"');
    expect(help).toHaveTextContent('quote:herring');
    expect(help).toHaveTextContent('+speaker:okafor +quote:quota*');
  });
});
