/**
 * A small HTTP load generator for the server benchmarks: `concurrency`
 * clients, each with its own keep-alive connection, send one request after
 * another until `durationMs` has passed or `maxRequests` were sent. Loopback
 * only. Latency is measured from sending a request to the end of its body.
 */
import http from 'node:http';
import { percentile, round } from '../lib';

export interface LoadTarget {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Answers with a status other than the expected one. */
  badStatus: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Wall time of the run, and every answered request's latency (for mergeLoads). */
  seconds: number;
  latenciesMs: number[];
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** Give up on one request after this long (counted as an error). */
  timeoutMs?: number;
  expectStatus?: number;
}

function assertLoopback(url: URL): void {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`load generator: loopback only, got ${url.hostname}`);
}

export async function runLoad(target: LoadTarget, opts: LoadOptions): Promise<LoadResult> {
  const url = new URL(target.url);
  assertLoopback(url);
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const expectStatus = opts.expectStatus ?? 200;
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let badStatus = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const body = target.body === undefined ? undefined : Buffer.from(target.body);
  const headers: Record<string, string> = { ...target.headers };
  if (body) headers['Content-Length'] = String(body.length);

  const client = async () => {
    // One connection per client, as a browser tab or a wrk connection would use.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (performance.now() < deadline && sent < opts.maxRequests) {
        sent += 1;
        const t0 = performance.now();
        const status = await new Promise<number>((resolve) => {
          const req = http.request(
            url,
            { method: target.method ?? 'GET', headers, agent, timeout: timeoutMs },
            (res) => {
              res.on('data', () => {});
              res.on('end', () => resolve(res.statusCode ?? 0));
              res.on('error', () => resolve(-1));
              res.on('aborted', () => resolve(-1));
            },
          );
          req.on('timeout', () => req.destroy(new Error('timeout')));
          req.on('error', () => resolve(-1));
          req.end(body);
        });
        if (status === -1) errors += 1;
        else {
          if (status !== expectStatus) badStatus += 1;
          latencies.push(performance.now() - t0);
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, errors, badStatus, seconds);
}

function summarize(
  latencies: number[],
  errors: number,
  badStatus: number,
  seconds: number,
): LoadResult {
  return {
    requests: latencies.length + errors,
    errors,
    badStatus,
    requestsPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    maxMs: round(
      latencies.reduce((a, b) => Math.max(a, b), 0),
      1,
    ),
    seconds,
    latenciesMs: latencies,
  };
}

/** Several runs against one target as one: requests over their summed time, latencies pooled. */
export function mergeLoads(runs: LoadResult[]): LoadResult {
  return summarize(
    runs.flatMap((r) => r.latenciesMs),
    runs.reduce((n, r) => n + r.errors, 0),
    runs.reduce((n, r) => n + r.badStatus, 0),
    runs.reduce((n, r) => n + r.seconds, 0),
  );
}
