/// <reference lib="webworker" />
/** Holds full histories off the main thread and reduces them on request. Only wraps pure functions. */
import { runPipeline } from '../model/pipeline';
import type { EngineMessage } from './bucket-protocol';
import type { RawSeries } from '../model/series';

const store = new Map<string, RawSeries>();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<EngineMessage>) => {
  const m = e.data;
  if (m.type === 'put') store.set(m.key, m.series);
  else if (m.type === 'drop') for (const k of m.keys) store.delete(k);
  else scope.postMessage({ id: m.id, result: runPipeline((k) => store.get(k), m.req) });
};
