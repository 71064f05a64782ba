import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The rendered width of an element in CSS px, kept current with a
 * ResizeObserver. Measured in a layout effect, so the first paint already
 * uses the real width; `fallback` only serves the very first render.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number) => {
      if (w > 0) setWidth((old) => (Math.abs(old - w) < 0.5 ? old : w));
    };
    measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
