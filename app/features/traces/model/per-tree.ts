import type { TraceData } from '../../../api';
import { criticalPath, type CriticalSection } from './critical-path';
import { rollUpTokenUsage, spanTypeCounts, type TokenUsage } from './stats';
import { buildSpanTree, type SpanTree } from './tree';

/**
 * What the trace page derives from a whole trace, computed once per trace and
 * kept with it. Not in useMemo: React drops the memos of a render it restarts
 * before committing (a query update arriving mid-render does that), and on a
 * 50k-span trace each of these is tens of milliseconds.
 */
function perObject<K extends object, V>(compute: (k: K) => V): (k: K) => V {
  const cache = new WeakMap<K, V>();
  return (k) => {
    if (cache.has(k)) return cache.get(k) as V;
    const v = compute(k);
    cache.set(k, v);
    return v;
  };
}

export const spanTreeOf = perObject((data: TraceData): SpanTree => buildSpanTree(data.spans));

export const tokenUsageOf = perObject((tree: SpanTree): (TokenUsage | null)[] =>
  rollUpTokenUsage(tree),
);

export const spanTypeCountsOf = perObject((tree: SpanTree) => spanTypeCounts(tree.spans));

/** The critical path grouped by span: the sections each row draws. */
export const criticalSectionsOf = perObject((tree: SpanTree): Map<number, CriticalSection[]> => {
  const m = new Map<number, CriticalSection[]>();
  for (const s of criticalPath(tree)) {
    const list = m.get(s.index);
    if (list) list.push(s);
    else m.set(s.index, [s]);
  }
  return m;
});
