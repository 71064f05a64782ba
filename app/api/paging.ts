import type { Page } from './types';

/**
 * Walk a paged endpoint through `page_token` until the last page (which has no
 * token). `onPage` sees the running total so callers can show progress.
 */
export async function fetchAllPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  opts: {
    onPage?: (items: T[], loaded: number) => void;
    limit?: number;
    signal?: AbortSignal;
  } = {},
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (;;) {
    if (opts.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const page = await fetchPage(token);
    all.push(...page.items);
    opts.onPage?.(page.items, all.length);
    if (!page.nextPageToken || (opts.limit !== undefined && all.length >= opts.limit)) break;
    token = page.nextPageToken;
  }
  return all;
}
