import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { TagEditor } from './TagEditor';

afterEach(cleanup);

const TAGS = { team: 'nlp', 'mlflow.user': 'me' };

describe('TagEditor', () => {
  it('adds a tag and clears the form', async () => {
    const onSet = vi.fn(() => Promise.resolve());
    render(<TagEditor tags={TAGS} onSet={onSet} onDelete={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Tag key'), ' owner ');
    await userEvent.type(screen.getByLabelText('Tag value'), 'me');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(onSet).toHaveBeenCalledWith('owner', 'me');
    expect(screen.getByLabelText('Tag key')).toHaveValue('');
  });

  it('shows a failed write and keeps what was typed', async () => {
    const onSet = vi.fn(() =>
      Promise.reject(new ApiError(400, 'INVALID_PARAMETER_VALUE', 'Tag key too long')),
    );
    render(<TagEditor tags={TAGS} onSet={onSet} onDelete={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Tag key'), 'k');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Tag key too long');
    expect(screen.getByLabelText('Tag key')).toHaveValue('k');
  });

  it('edits and deletes user tags; system tags are read-only, folded or hidden', async () => {
    const onSet = vi.fn(() => Promise.resolve());
    const onDelete = vi.fn(() => Promise.reject(new Error('offline')));
    const { rerender } = render(<TagEditor tags={TAGS} onSet={onSet} onDelete={onDelete} />);
    const table = screen.getByRole('table', { name: 'Tags' });
    expect(within(table).queryByText('mlflow.user')).toBeNull();
    expect(screen.getByRole('table', { name: 'System tags' })).toHaveTextContent('mlflow.user');
    expect(screen.queryByRole('button', { name: 'Edit tag mlflow.user' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Edit tag team' }));
    await userEvent.clear(screen.getByLabelText('New value'));
    await userEvent.type(screen.getByLabelText('New value'), 'cv');
    await userEvent.click(screen.getByRole('button', { name: 'Save tag' }));
    expect(onSet).toHaveBeenCalledWith('team', 'cv');

    await userEvent.click(screen.getByRole('button', { name: 'Delete tag team' }));
    expect(onDelete).toHaveBeenCalledWith('team');
    expect(await screen.findByRole('alert')).toHaveTextContent('offline');

    rerender(<TagEditor tags={TAGS} onSet={onSet} onDelete={onDelete} systemTags="hide" />);
    expect(screen.queryByRole('table', { name: 'System tags' })).toBeNull();
  });

  it('as chips: edits in a form opened from a chip, adds from a form opened by a button', async () => {
    const onSet = vi.fn(() => Promise.resolve());
    render(<TagEditor layout="chips" systemTags="hide" tags={TAGS} onSet={onSet} />);
    const chips = screen.getByRole('list', { name: 'Tags' });
    expect(within(chips).queryByText('mlflow.user')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete tag team' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add tag' })).toBeNull();

    await userEvent.click(within(chips).getByRole('button', { name: 'Edit tag team' }));
    const edit = screen.getByRole('form', { name: 'Edit tag team' });
    await userEvent.clear(within(edit).getByLabelText('New value'));
    await userEvent.type(within(edit).getByLabelText('New value'), 'cv');
    await userEvent.click(within(edit).getByRole('button', { name: 'Save tag' }));
    expect(onSet).toHaveBeenCalledWith('team', 'cv');
    expect(screen.queryByRole('form', { name: 'Edit tag team' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const add = screen.getByRole('form', { name: 'Add tag' });
    await userEvent.click(within(add).getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A tag key is required.');
    await userEvent.click(within(add).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Add tag' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
