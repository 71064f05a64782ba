/**
 * The order in which a compare page loads: the sampled first paint of the charts in the
 * viewport, then their full histories (and the sampled series of charts mounted just
 * outside the viewport), then those charts' full histories. Profiling showed the server
 * and the main thread shared by everything at once: the sampled requests of charts below
 * the fold and the first full histories delayed the first paint of the charts in view.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompareLoader } from './compare-loader';

interface LoadOrderState {
  /** Charts in the viewport without a first paint. */
  waitingPaint: ReadonlySet<string>;
  /** Charts in the viewport whose full histories are not all in. */
  waitingFull: ReadonlySet<string>;
  set: (chart: string, paint: boolean, full: boolean) => void;
}

const toggled = (s: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> => {
  if (s.has(key) === on) return s;
  const next = new Set(s);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};

export type LoadOrderStore = StoreApi<LoadOrderState>;

/** One per page (CompareLoader.order): two compare pages never share a load order. */
export const createLoadOrder = (): LoadOrderStore =>
  createStore<LoadOrderState>()((set) => ({
    waitingPaint: new Set(),
    waitingFull: new Set(),
    set: (chart, paint, full) =>
      set((s) => {
        const waitingPaint = toggled(s.waitingPaint, chart, paint);
        const waitingFull = toggled(s.waitingFull, chart, full);
        return waitingPaint === s.waitingPaint && waitingFull === s.waitingFull
          ? s
          : { waitingPaint, waitingFull };
      }),
  }));

export interface LoadTurn {
  /** Sampled first paint may be requested. */
  sampled: boolean;
  /** Full histories may be requested. */
  full: boolean;
}

/**
 * What a chart may load now. A chart in the viewport always asks for its sampled series,
 * and for full histories once every chart in the viewport has painted. A chart mounted
 * just outside it waits for the viewport's first paint (sampled) and full fidelity (full);
 * a chart not mounted near the viewport loads nothing. `measured`: the chart knows whether
 * it is in the viewport; a task later, every chart measured with it has reported
 * (useReportLoad), so the store is complete.
 */
export function useLoadTurn(
  loader: CompareLoader,
  measured: boolean,
  near: boolean,
  visible: boolean,
): LoadTurn {
  const paintDone = useStore(loader.order, (s) => s.waitingPaint.size === 0);
  const fullDone = useStore(loader.order, (s) => s.waitingFull.size === 0);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!measured || settled) return;
    const t = setTimeout(() => setSettled(true), 0);
    return () => clearTimeout(t);
  }, [measured, settled]);
  // Stable objects: the turn is a dependency of the chart's queries.
  return useMemo(
    () =>
      !near
        ? { sampled: false, full: false }
        : visible
          ? { sampled: true, full: paintDone }
          : { sampled: settled && paintDone, full: settled && paintDone && fullDone },
    [near, visible, settled, paintDone, fullDone],
  );
}

/** Reports a chart (by a key unique on the page) to the load order; unregisters on unmount. */
export function useReportLoad(
  loader: CompareLoader,
  chart: string,
  visible: boolean,
  painted: boolean,
  allFull: boolean,
): void {
  const register = useStore(loader.order, (s) => s.set);
  useEffect(() => {
    register(chart, visible && !painted, visible && !allFull);
  }, [register, chart, visible, painted, allFull]);
  useEffect(() => () => register(chart, false, false), [register, chart]);
}
