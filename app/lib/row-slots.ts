/**
 * DOM slots for the rows of a virtualized list. A virtualized list renders a
 * window of rows; when it scrolls, rows leave at one end and others enter at
 * the other. Keyed by row, React removes the rows that left and builds the
 * ones that entered, every cell of them, every frame. Keyed by slot, a row
 * that enters takes the slot (and so the DOM elements) of one that left, and
 * React only updates its text and position. Rendered in window order, the
 * reused elements would still be moved, every frame (see `rowsInDomOrder`).
 *
 * A row still in the window keeps its slot; a row that enters takes a freed
 * slot, the lowest first, or a new one when none is free. So the slots in use
 * are always as many as the rows in the window, whatever its size.
 *
 * `reserved` is a slot that must not change hands: the one holding keyboard
 * focus. If its row leaves, the slot is dropped (React unmounts it and focus
 * leaves with it) rather than handed, focused, to another row.
 */
export function assignSlots(
  prev: ReadonlyMap<number, number>,
  indices: readonly number[],
  reserved = -1,
): Map<number, number> {
  const next = new Map<number, number>();
  const taken = new Set<number>();
  for (const i of indices) {
    const slot = prev.get(i);
    if (slot !== undefined && !next.has(i)) {
      next.set(i, slot);
      taken.add(slot);
    }
  }
  if (next.size === indices.length) return next;
  const free = [...prev.values()]
    .filter((s) => !taken.has(s) && s !== reserved)
    .sort((a, b) => a - b);
  let f = 0;
  let fresh = 0;
  for (const i of indices) {
    if (next.has(i)) continue;
    let slot = free[f];
    if (slot !== undefined) f++;
    else {
      // Every freed slot is taken by now: the lowest number not in use (nor reserved).
      while (taken.has(fresh) || fresh === reserved) fresh++;
      slot = fresh;
    }
    next.set(i, slot);
    taken.add(slot);
  }
  return next;
}

/**
 * The order to render a window's rows in. Rows are placed by their own
 * `top`, so their order in the DOM does not change what is seen; but React
 * keeps the DOM in the order it is given, and a row that enters takes the
 * slot of one that left at the other end: rendered in window order, about
 * as many rows as scroll in each frame would be moved, and a moved element
 * loses its layout and is laid out again as if new. So while the list
 * scrolls, the rows are rendered in slot order, where they never move.
 * Once it rests they go back to window order, which is the order keyboard
 * focus (Tab) and a screen reader follow.
 */
export function rowsInDomOrder<T extends { index: number }>(
  items: readonly T[],
  slots: ReadonlyMap<number, number>,
  scrolling: boolean,
): readonly T[] {
  if (!scrolling) return items;
  const slotOf = (item: T) => slots.get(item.index) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => slotOf(a) - slotOf(b));
}
