import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';

/** The run page's scroll boxes (`.section-scroll`) are at most this tall. */
const BOX_HEIGHT = 420;

/**
 * Rows of a table inside a scroll box, rendered only near the view: a run
 * with 500 params and 200 metrics costs what 30 rows do. Rows may grow (a
 * long value unfolded): from the frame after the first paint, each rendered
 * row is measured (`measureRow` is undefined before, so the first paint does
 * not force a layout per row). Spacer rows above and below keep the scroll
 * height. The first render already has rows (the box's height is assumed
 * until it is measured), so nothing waits for an effect.
 */
export function useVirtualRows(count: number, estimateSize: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
    initialRect: { width: 0, height: BOX_HEIGHT },
  });
  const afterPaint = useAfterFirstPaint();
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const top = first ? first.start : 0;
  const bottom = last ? v.getTotalSize() - last.end : 0;
  return {
    scrollRef,
    items,
    top,
    bottom,
    afterPaint,
    measureRow: afterPaint ? v.measureElement : undefined,
  };
}
