import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Shareable UI state lives in the URL. Defaults are not written, so links stay
 * short; updates replace the history entry (typing in a box is not navigation).
 */
export function useUrlParam(name: string, defaultValue = ''): [string, (v: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? defaultValue;
  const set = useCallback(
    (v: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (v === defaultValue || v === '') next.delete(name);
          else next.set(name, v);
          return next;
        },
        { replace: true },
      );
    },
    [name, defaultValue, setParams],
  );
  return [value, set];
}

/** Update several params at once (one history entry). */
export function useUrlParams(): [URLSearchParams, (patch: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const patch = useCallback(
    (p: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(p)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params, patch];
}
