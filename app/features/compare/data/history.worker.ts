/// <reference lib="webworker" />
/**
 * Fetches and decodes full metric histories off the main thread. A compare
 * view of 100 runs asks for hundreds of 10,000-point histories: parsing their
 * JSON and building a million point objects on the main thread cost frames
 * (and long garbage collections) while the person hovers the charts. The
 * series goes back as three Float64Arrays whose buffers are transferred, not
 * copied. The client (app/api) is the same as everywhere else.
 */
import { errorToWire, getMetricHistory } from '../../../api';
import type { HistoryReply, HistoryRequest } from './history-protocol';
import { seriesFromPoints } from '../model/series';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

scope.onmessage = (e: MessageEvent<HistoryRequest>) => {
  const m = e.data;
  if (m.type === 'abort') {
    running.get(m.id)?.abort();
    return;
  }
  const ctl = new AbortController();
  running.set(m.id, ctl);
  getMetricHistory(m.runId, m.key, ctl.signal)
    .then((points) => {
      const series = seriesFromPoints(points);
      const reply: HistoryReply = { id: m.id, series };
      scope.postMessage(reply, [series.steps.buffer, series.times.buffer, series.values.buffer]);
    })
    .catch((err: unknown) => {
      const reply: HistoryReply = { id: m.id, error: errorToWire(err) };
      scope.postMessage(reply);
    })
    .finally(() => running.delete(m.id));
};
