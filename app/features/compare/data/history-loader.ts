/**
 * Full metric histories for the compare charts, fetched and decoded in a
 * worker (history.worker.ts) so the main thread only receives typed arrays.
 * Where there is no Worker (jsdom) or it fails to start, the same client call
 * runs here.
 */
import { errorFromWire, getMetricHistory } from '../../../api';
import type { HistoryReply, HistoryRequest } from './history-protocol';
import { seriesFromPoints, type RawSeries } from '../model/series';

interface Pending {
  runId: string;
  key: string;
  signal?: AbortSignal;
  resolve: (s: RawSeries) => void;
  reject: (e: unknown) => void;
}

let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function onMainThread(runId: string, key: string, signal?: AbortSignal): Promise<RawSeries> {
  return getMetricHistory(runId, key, signal).then(seriesFromPoints);
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const w = new Worker(new URL('./history.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<HistoryReply>) => {
      const r = e.data;
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if ('series' in r) p.resolve(r.series);
      else p.reject(errorFromWire(r.error));
    };
    // The worker could not start (a blocked script, a crash): what it was doing runs here instead.
    w.onerror = () => {
      worker = null;
      w.terminate();
      const orphans = [...pending.values()];
      pending.clear();
      for (const p of orphans) onMainThread(p.runId, p.key, p.signal).then(p.resolve, p.reject);
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

export function loadFullSeries(
  runId: string,
  key: string,
  signal?: AbortSignal,
): Promise<RawSeries> {
  const w = startWorker();
  if (!w) return onMainThread(runId, key, signal);
  if (signal?.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  const id = nextId++;
  return new Promise<RawSeries>((resolve, reject) => {
    pending.set(id, { runId, key, signal, resolve, reject });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        worker?.postMessage({ type: 'abort', id } satisfies HistoryRequest);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
    w.postMessage({ type: 'load', id, runId, key } satisfies HistoryRequest);
  });
}
