/**
 * Row selection by run id. A shift-click sets every row between the anchor and
 * the target (in the order shown) to the target's new state.
 */
export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function selectRange(
  selected: ReadonlySet<string>,
  orderedIds: readonly string[],
  anchor: string | null,
  target: string,
): Set<string> {
  const value = !selected.has(target);
  const next = new Set(selected);
  const a = anchor === null ? -1 : orderedIds.indexOf(anchor);
  const b = orderedIds.indexOf(target);
  if (a < 0 || b < 0) {
    if (value) next.add(target);
    else next.delete(target);
    return next;
  }
  const [from, to] = a < b ? [a, b] : [b, a];
  for (const id of orderedIds.slice(from, to + 1)) {
    if (value) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Drop ids that are no longer among the runs (deleted, filtered out). */
export function pruneSelection(
  selected: ReadonlySet<string>,
  present: ReadonlySet<string>,
): Set<string> {
  const next = new Set<string>();
  for (const id of selected) if (present.has(id)) next.add(id);
  return next;
}
