import type { ReactNode } from 'react';
import { isApiError, type ApiError } from '../api';
import { ErrorNotice } from './ErrorNotice';
import { LoadMoreButton } from './LoadMoreButton';
import { Spinner } from './Spinner';
import { useLoadMoreSentinel, type Pager } from './use-load-more';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: unknown;
  refetch: () => Promise<unknown>;
}

const isPaged = (q: ListQuery | (ListQuery & Pager)): q is ListQuery & Pager =>
  'fetchNextPage' in q;

/** The server's answer to a malformed filter (HTTP 400): the search box shows it, the list stays. */
export function filterErrorOf(query: { isError: boolean; error: unknown }): ApiError | null {
  return query.isError && isApiError(query.error) && query.error.status === 400
    ? query.error
    : null;
}

/**
 * The body of a server-side list page: a spinner while the first page loads, the rows
 * (`children`) or the empty text, the error (unless it is the filter's, shown by the
 * search box), and for an infinite query a sentinel that loads on scroll and a Load more button.
 */
export function ListBody({
  query,
  count,
  loading,
  empty,
  children,
  shown = query.data !== undefined,
  errorTitle,
  loadMoreLabel = 'Load more',
  autoLoad = true,
}: {
  /** A query, or an infinite query (then the list pages). */
  query: ListQuery | (ListQuery & Pager);
  /** How many rows there are to show (0: the empty text). */
  count: number;
  /** The spinner's label. */
  loading: string;
  /** Said when the list is empty. */
  empty: string;
  children: ReactNode;
  /** Whether there is a list to draw (default: once the first answer came). */
  shown?: boolean;
  errorTitle?: string;
  loadMoreLabel?: string;
  /** Load the next page when the list's end scrolls into view (else only the button does). */
  autoLoad?: boolean;
}) {
  return (
    <>
      {query.isPending ? <Spinner label={loading} /> : null}
      {shown ? count ? children : <p className="empty">{empty}</p> : null}
      {query.isError && !filterErrorOf(query) ? (
        <ErrorNotice title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {isPaged(query) ? (
        <ListPager pager={query} label={loadMoreLabel} autoLoad={autoLoad} />
      ) : null}
    </>
  );
}

function ListPager({ pager, label, autoLoad }: { pager: Pager; label: string; autoLoad: boolean }) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pager;
  const sentinel = useLoadMoreSentinel({ hasNextPage, isFetchingNextPage, fetchNextPage });
  return (
    <>
      {autoLoad ? <div ref={sentinel} /> : null}
      <LoadMoreButton pager={pager} label={label} />
    </>
  );
}
