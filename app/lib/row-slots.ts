/**
 * DOM slots for the rows of a virtualized list. A virtualized list renders a
 * window of rows; when it scrolls, rows leave at one end and others enter at
 * the other. Keyed by row, React removes the rows that left and builds the
 * ones that entered, every cell of them, every frame. Keyed by slot, a row
 * that enters takes the slot (and so the DOM elements) of one that left, and
 * React only updates its text and position. The rows stay in DOM order
 * (React moves the reused elements: the entering rows when scrolling down,
 * the staying ones when scrolling up, as its keyed diff goes left to right).
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
  const free = [...prev.values()].filter((s) => !taken.has(s) && s !== reserved).sort((a, b) => a - b);
  let f = 0;
  let fresh = 0;
  for (const i of indices) {
    if (next.has(i)) continue;
    let slot: number;
    if (f < free.length) slot = free[f++];
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
