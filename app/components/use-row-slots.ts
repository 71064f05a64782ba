import { useLayoutEffect, useRef, type RefObject } from 'react';
import { assignSlots } from '../lib/row-slots';

/** The attribute a row element carries its slot in, so the slot holding focus can be found. */
export const SLOT_ATTRIBUTE = 'data-slot';

/** The slot of the row in `container` that holds keyboard focus, or -1. */
function focusedSlot(container: HTMLElement | null): number {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  if (!container || !active || !container.contains(active)) return -1;
  const row = active.closest(`[${SLOT_ATTRIBUTE}]`);
  return row ? Number(row.getAttribute(SLOT_ATTRIBUTE)) : -1;
}

/**
 * Slots for the rows a virtualized list renders (app/lib/row-slots.ts): key
 * each row by `slots.get(index)` and render the slot as `data-slot`, and a row
 * scrolling into view reuses the DOM of one that scrolled out. The slot of a
 * focused row is never handed to another row, so focus cannot end up on
 * another run's checkbox. The assignment is kept once React commits it, so a
 * render React throws away does not shift it.
 */
export function useRowSlots(
  indices: readonly number[],
  container: RefObject<HTMLElement | null>,
): ReadonlyMap<number, number> {
  const committed = useRef<ReadonlyMap<number, number>>(new Map());
  // Reading the focused element while rendering: it only decides which freed slot a new row takes.
  const slots = assignSlots(committed.current, indices, focusedSlot(container.current));
  useLayoutEffect(() => {
    committed.current = slots;
  });
  return slots;
}
