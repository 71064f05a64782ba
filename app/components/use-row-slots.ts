import { useLayoutEffect, useRef } from 'react';
import { assignSlots } from '../lib/row-slots';

/**
 * Slots for the rows a virtualized list renders (row-slots.ts): key each row by
 * `slots.get(index)`, and a row scrolling into view reuses the DOM of one that
 * scrolled out. The assignment is kept once React commits it, so a render
 * React throws away does not shift it.
 */
export function useRowSlots(indices: readonly number[]): ReadonlyMap<number, number> {
  const committed = useRef<ReadonlyMap<number, number>>(new Map());
  const slots = assignSlots(committed.current, indices);
  useLayoutEffect(() => {
    committed.current = slots;
  });
  return slots;
}
