/**
 * Page tokens as the real server makes them: base64 of `{"offset": N}`
 * (Python's json.dumps puts a space after the colon).
 */
import { SearchError } from './filter';

function b64encode(s: string): string {
  return btoa(s);
}

function b64decode(s: string): string | null {
  // Python's b64decode is lenient about missing padding only when validate=False; keep it strict-ish.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return null;
  try {
    return atob(s.length % 4 ? s + '='.repeat(4 - (s.length % 4)) : s);
  } catch {
    return null;
  }
}

export function encodePageToken(offset: number): string {
  return b64encode(JSON.stringify({ offset }).replace(':', ': '));
}

/** The offset a token encodes; 0 when there is no token. Errors read like MLflow's. */
export function decodePageToken(token: string | undefined | null): number {
  if (!token) return 0;
  const decoded = b64decode(token);
  if (decoded === null) throw new SearchError('Invalid page token, could not base64-decode');
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw new SearchError(`Invalid page token, decoded value=b'${decoded}'`);
  }
  const offset =
    parsed && typeof parsed === 'object' ? (parsed as { offset?: unknown }).offset : undefined;
  if (!offset) throw new SearchError(`Invalid page token, parsed value=${decoded}`);
  const n = Number(offset);
  if (!Number.isInteger(n))
    throw new SearchError(`Invalid page token, not stringable ${String(offset)}`);
  return n;
}

/**
 * Slice one page and the token of the next one. Experiments and the registry
 * fetch one extra row, so their last page has no token. The SQL store's
 * runs and traces searches give a token whenever the page is full
 * (`fullPageToken`), so a last page that is exactly full still has one and
 * the page after it is empty: 2.17 does that too.
 */
export function paginate<T>(
  items: T[],
  token: string | undefined | null,
  maxResults: number,
  opts: { fullPageToken?: boolean } = {},
): { page: T[]; next?: string } {
  const start = decodePageToken(token);
  const end = start + maxResults;
  const page = items.slice(start, end);
  const more = opts.fullPageToken
    ? page.length === maxResults && maxResults > 0
    : end < items.length;
  return more ? { page, next: encodePageToken(end) } : { page };
}
