/** A tiny in-process client over the handlers for tests (no network, msw's getResponse). */
import { getResponse } from 'msw';
import type { Db } from '../db';
import { createHandlers } from './index';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: Record<string, unknown>;
}

export type Call = (
  method: string,
  path: string,
  args?: Record<string, unknown>,
) => Promise<Answer>;

/** GET args go to the query string (lists repeat the key); other methods send JSON. */
export function client(db: Db, origin = 'http://runlens.test'): Call {
  const handlers = createHandlers(db);
  return async (method, path, args = {}) => {
    const url = new URL(path, origin);
    const init: RequestInit = { method };
    if (method === 'GET') {
      for (const [k, v] of Object.entries(args))
        for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    } else {
      init.body = JSON.stringify(args);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const res = await getResponse(handlers, new Request(url, init));
    if (!res) throw new Error(`unhandled ${method} ${path}`);
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let body: Record<string, unknown> = {};
    if (contentType.startsWith('application/json')) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = {};
      }
    }
    return { status: res.status, contentType, text, body };
  };
}
