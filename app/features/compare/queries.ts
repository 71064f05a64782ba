import { queryOptions } from '@tanstack/react-query';
import { getMetricHistoryBulkInterval, getRun, searchRuns, type Run } from '../../api';
import { metricKeys, runKeys } from '../../lib/query-keys';
import { loadFullSeries } from './history-loader';
import { emptySeries, seriesFromPoints, type RawSeries } from './model/series';
import { quoteFilterValue } from '../../lib/filter-quote';

/** The server takes at most 100 run ids per bulk-interval call. */
export const BULK_RUNS = 100;

/**
 * First paint asks for about this many points per chart in total, whatever the number of
 * runs: the server's max_results is per run, so 100 runs × 900 points was 5.8 MB of JSON.
 * The server's time and the bytes grow with it (24,000 points: ~3 MB, 100-250 ms of the
 * demo server per chart, served one after another); the min/max pass over full
 * histories follows, so the first paint only needs the shape.
 */
export const FIRST_PAINT_BUDGET = 12_000;

/** Per-run max_results of the first-paint request: clamp(budget / runs, 20, plot pixels). */
export function sampledMaxResults(runs: number, pixels: number): number {
  const perRun = Math.round(FIRST_PAINT_BUDGET / Math.max(1, runs) / 10) * 10;
  // Rounded up to 50 px so a small resize does not change the query key.
  const cap = Math.max(50, Math.ceil(pixels / 50) * 50);
  return Math.min(2500, Math.max(20, Math.min(perRun, cap)));
}

export function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The compared runs, in URL order. One search per 100 ids when the experiments are known, else one get per run. */
export const compareRunsQueryOptions = (runIds: string[], experimentIds: string[], top = 0) =>
  queryOptions({
    queryKey: runKeys.compare({ runIds, experimentIds, top }),
    queryFn: async ({ signal }): Promise<Run[]> => {
      if (!runIds.length && top > 0 && experimentIds.length) {
        const out: Run[] = [];
        let pageToken: string | undefined;
        do {
          const page = await searchRuns(
            { experimentIds, maxResults: Math.min(1000, top - out.length), pageToken },
            signal,
          );
          out.push(...page.items);
          pageToken = page.nextPageToken ?? undefined;
        } while (pageToken && out.length < top);
        return out.slice(0, top);
      }
      let runs: Run[];
      if (experimentIds.length) {
        const pages = await Promise.all(
          chunk(runIds, BULK_RUNS).map((ids) =>
            searchRuns(
              {
                experimentIds,
                filter: `attributes.run_id IN (${ids.map(quoteFilterValue).join(',')})`,
                viewType: 'ALL',
                maxResults: ids.length,
              },
              signal,
            ),
          ),
        );
        runs = pages.flatMap((p) => p.items);
      } else {
        runs = await Promise.all(runIds.map((id) => getRun(id, signal)));
      }
      const byId = new Map(runs.map((r) => [r.info.id, r]));
      return runIds.map((id) => byId.get(id)).filter((r): r is Run => !!r);
    },
    staleTime: 30_000,
  });

export interface SampledParams {
  runIds: string[];
  key: string;
  maxResults: number;
  startStep?: number;
  endStep?: number;
}

/** Server-sampled first paint: evenly spaced points for up to 100 runs in one request. */
export const sampledSeriesQueryOptions = (p: SampledParams) =>
  queryOptions({
    queryKey: metricKeys.sampledSeries(p),
    queryFn: async ({ signal }): Promise<Record<string, RawSeries>> => {
      const points = await getMetricHistoryBulkInterval(p, signal);
      const byRun = new Map<string, typeof points>();
      for (const pt of points) {
        const l = byRun.get(pt.runId);
        if (l) l.push(pt);
        else byRun.set(pt.runId, [pt]);
      }
      const out: Record<string, RawSeries> = {};
      for (const id of p.runIds)
        out[id] = byRun.has(id) ? seriesFromPoints(byRun.get(id)!) : emptySeries();
      return out;
    },
    staleTime: 60_000,
    structuralSharing: false,
  });

/**
 * Full histories are big and many: at most a few in flight, so the small sampled
 * requests of other charts are not queued behind hundreds of them.
 */
const FULL_CONCURRENCY = 4;
let inFlight = 0;
const waiting: (() => void)[] = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (inFlight >= FULL_CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  inFlight++;
  try {
    return await fn();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

export const fullSeriesQueryOptions = (runId: string, key: string) =>
  queryOptions({
    queryKey: metricKeys.columns(runId, key),
    // fetched and decoded in a worker: the main thread receives three typed arrays
    queryFn: ({ signal }) => limited(() => loadFullSeries(runId, key, signal)),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    structuralSharing: false,
  });
