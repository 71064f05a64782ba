import type { RawSeries } from './model/series';

/** Main thread -> history worker. */
export type HistoryRequest = { type: 'load'; id: number; runId: string; key: string } | { type: 'abort'; id: number };

/** What an ApiError carries across the worker boundary. */
export interface WireApiError {
  status: number;
  errorCode: string;
  message: string;
  details: string;
}

/** History worker -> main thread: the series (its buffers transferred) or the failure. */
export type HistoryReply = { id: number; series: RawSeries } | { id: number; error: WireApiError };
