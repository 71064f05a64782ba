import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

/**
 * A virtualizer's `observeElementRect` that never reads the scroll box's size
 * itself. The default one calls getBoundingClientRect while React commits the
 * first render, which lays out the whole page before the first paint and then
 * again after the rows it adds. This one waits for the ResizeObserver's first
 * report, which the browser makes right after its own layout of the frame:
 * until then the virtualizer keeps its `initialRect`, so give it a good guess.
 */
export function observeRectAfterLayout<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const el = instance.scrollElement;
  if (!el || typeof ResizeObserver === 'undefined') return undefined;
  const ro = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) cb({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  ro.observe(el, { box: 'content-box' });
  return () => ro.disconnect();
}

/**
 * A virtualizer's `scrollToFn` that skips the write of offset 0 the virtualizer
 * makes when it first meets its scroll box (a box made in this commit is at 0
 * already). Written through, that `scrollTo` lays out the whole page while
 * React commits the first render, before the rows are in (trace-10k: ~20 ms of
 * a cold load). Every later write, to 0 or elsewhere, goes through.
 */
export function scrollSkippingFirstZero<T extends Element>(): (
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<T, Element>,
) => void {
  let first = true;
  return (offset, options, instance) => {
    const skip = first && offset + (options.adjustments ?? 0) === 0;
    first = false;
    if (!skip) elementScroll(offset, options, instance);
  };
}
