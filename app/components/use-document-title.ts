import { useEffect } from 'react';

/** The separator between the parts of a page title. */
const SEP = ' · ';

/** `parts` (most specific first; empty ones left out), then "Runlens". */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => !!p), 'Runlens'].join(SEP);
}

/**
 * Names the page in the browser's tab and history: what it shows, then
 * "Runlens". Pages set it as soon as they know the name (the id until then).
 */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
