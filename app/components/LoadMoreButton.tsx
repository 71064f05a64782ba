import type { Pager } from './use-load-more';

/**
 * The button under an infinite list (the keyboard and no-IntersectionObserver
 * path beside `useLoadMoreSentinel`); nothing once the server has no next page.
 */
export function LoadMoreButton({ pager, label }: { pager: Pager; label: string }) {
  if (!pager.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button"
      disabled={pager.isFetchingNextPage}
      onClick={() => void pager.fetchNextPage()}
    >
      {pager.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
