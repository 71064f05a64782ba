import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { filterErrorOf, ListBody } from './ListBody';

afterEach(cleanup);

const query = (over: Partial<Parameters<typeof ListBody>[0]['query']> = {}) => ({
  isPending: false,
  isError: false,
  error: null,
  data: [],
  refetch: vi.fn(() => Promise.resolve()),
  ...over,
});

describe('ListBody', () => {
  it('shows the rows, or the empty text once the first answer came', () => {
    const { rerender } = render(
      <ListBody query={query()} count={1} loading="Loading…" empty="Nothing here.">
        <table aria-label="Rows" />
      </ListBody>,
    );
    expect(screen.getByRole('table', { name: 'Rows' })).toBeInTheDocument();
    rerender(
      <ListBody query={query()} count={0} loading="Loading…" empty="Nothing here.">
        <table aria-label="Rows" />
      </ListBody>,
    );
    expect(screen.getByText('Nothing here.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("leaves a filter's error to the search box and shows any other", () => {
    const bad = new ApiError(400, 'INVALID_PARAMETER_VALUE', 'bad filter');
    expect(filterErrorOf({ isError: true, error: bad })).toBe(bad);
    const { rerender } = render(
      <ListBody query={query({ isError: true, error: bad })} count={0} loading="" empty="">
        {null}
      </ListBody>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    const down = new ApiError(500, 'INTERNAL_ERROR', 'server down');
    expect(filterErrorOf({ isError: true, error: down })).toBeNull();
    rerender(
      <ListBody query={query({ isError: true, error: down })} count={0} loading="" empty="">
        {null}
      </ListBody>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('server down');
  });

  it('offers Load more while the server has a next page', async () => {
    const fetchNextPage = vi.fn(() => Promise.resolve());
    render(
      <ListBody
        query={{ ...query(), hasNextPage: true, isFetchingNextPage: false, fetchNextPage }}
        count={1}
        loading=""
        empty=""
        loadMoreLabel="Load more rows"
      >
        <p>row</p>
      </ListBody>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load more rows' }));
    expect(fetchNextPage).toHaveBeenCalled();
  });
});
