import type { WireApiError } from '../../../api';
import type { RawSeries } from '../model/series';

/** Main thread -> history worker. */
export type HistoryRequest =
  { type: 'load'; id: number; runId: string; key: string } | { type: 'abort'; id: number };

/** History worker -> main thread: the series (its buffers transferred) or the failure. */
export type HistoryReply = { id: number; series: RawSeries } | { id: number; error: WireApiError };
