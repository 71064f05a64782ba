import { useEffect, useState } from 'react';

/**
 * False for the first paint, true from the task after it: what is below the
 * fold (or beyond a scroll box's first rows) waits, so what is in view paints first.
 */
export function useAfterFirstPaint(enabled = true): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      t = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(t);
    };
  }, [enabled]);
  return ready;
}
