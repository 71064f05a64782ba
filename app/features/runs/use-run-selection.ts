import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Run } from '../../api';
import type { TableRow } from './model/rows';
import { pruneSelection, selectRange, toggleOne } from './model/selection';

/**
 * Selection by run id: survives refreshes, re-sorts and paging; shift-click
 * selects the range from the last checked row in the order shown; runs that
 * left the result are dropped once every page has arrived.
 */
export function useRunSelection(p: {
  runs: readonly Run[];
  rows: readonly TableRow[];
  fetchedChildren: ReadonlyMap<string, Run[]>;
  complete: boolean;
}) {
  const { runs, rows, fetchedChildren, complete } = p;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<string | null>(null);
  useEffect(() => {
    if (!complete) return;
    setSelected((s) => {
      if (!s.size) return s;
      const present = new Set(runs.map((r) => r.info.id));
      for (const c of fetchedChildren.values()) for (const r of c) present.add(r.info.id);
      const next = pruneSelection(s, present);
      return next.size === s.size ? s : next;
    });
  }, [complete, runs, fetchedChildren]);

  const orderedIds = useMemo(
    () => rows.flatMap((r) => (r.kind === 'run' ? [r.run.info.id] : [])),
    [rows],
  );
  const onCheck = useCallback(
    (id: string, shift: boolean) => {
      const from = anchor.current; // read now: the updater runs later
      setSelected((s) => (shift ? selectRange(s, orderedIds, from, id) : toggleOne(s, id)));
      anchor.current = id;
    },
    [orderedIds],
  );
  const allSelected =
    runs.length > 0 && selected.size >= runs.length && runs.every((r) => selected.has(r.info.id));
  const selectAll = useCallback(() => setSelected(new Set(runs.map((r) => r.info.id))), [runs]);
  const clear = useCallback(() => setSelected(new Set()), []);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const isSelected = useCallback((id: string) => selected.has(id), [selected]);

  return { selected, selectedIds, orderedIds, isSelected, onCheck, allSelected, selectAll, clear };
}
