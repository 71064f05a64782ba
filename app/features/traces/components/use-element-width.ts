import { useEffect, useState, type RefObject } from 'react';

/**
 * The rendered width of an element in CSS px, kept current with a
 * ResizeObserver (whose first report arrives with the first layout).
 * `fallback` serves until then: reading the width during the commit would
 * force a layout of the whole page before the first paint.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (w > 0) setWidth((old) => (Math.abs(old - w) < 0.5 ? old : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
