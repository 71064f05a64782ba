/**
 * A ref callback for a line that scrolls sideways (`.chip-line`): a vertical
 * wheel over it scrolls it sideways, and only that (a native, non-passive
 * listener, so the page does not scroll too); at either end the wheel goes on
 * to the page. `<div ref={wheelSideways}>` (React 19 runs the cleanup it returns).
 */
export function wheelSideways(el: HTMLElement | null): (() => void) | undefined {
  if (!el) return undefined;
  const onWheel = (e: WheelEvent) => {
    if (Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
    const before = el.scrollLeft;
    el.scrollLeft += e.deltaY;
    if (el.scrollLeft !== before) e.preventDefault();
  };
  el.addEventListener('wheel', onWheel, { passive: false });
  return () => el.removeEventListener('wheel', onWheel);
}
