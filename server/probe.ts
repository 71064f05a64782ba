/**
 * Start-up check of the tracking server: GET <uri>/health, then /version for
 * the version number. Never throws: the UI keeps being served either way and
 * shows its own banner while the server is unreachable.
 */
import http from 'node:http';
import https from 'node:https';
import type { TrackingServer } from './config';
import { describeNetworkError } from './proxy';

export type ProbeResult =
  { ok: true; version: string | null } | { ok: false; status?: number; reason: string };

function get(
  url: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; verifyTls: boolean },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const mod = url.startsWith('https:') ? https : http;
    const req = mod.get(url, { headers, rejectUnauthorized: opts.verifyTls }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs, () => {
      const e = Object.assign(new Error('timed out'), { code: 'RUNLENS_CONNECT_TIMEOUT' });
      req.destroy(e);
    });
    req.on('error', reject);
  });
}

export async function probeTrackingServer(
  tracking: TrackingServer,
  opts: { timeoutMs?: number; verifyTls?: boolean } = {},
): Promise<ProbeResult> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const o = { timeoutMs, verifyTls: opts.verifyTls ?? true };
  const headers: Record<string, string> = tracking.authorization
    ? { Authorization: tracking.authorization }
    : {};
  try {
    const health = await get(`${tracking.target}/health`, headers, o);
    if (health.status === 401 || health.status === 403) {
      return {
        ok: false,
        status: health.status,
        reason: `it answered ${health.status}: check MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD (or credentials in the URI)`,
      };
    }
    const version = await get(`${tracking.target}/version`, headers, o);
    if (version.status === 200 && /^\s*\d+\.\d+/.test(version.body))
      return { ok: true, version: version.body.trim() };
    if (health.status === 200) return { ok: true, version: null };
    return {
      ok: false,
      status: version.status,
      reason: `it answered ${health.status} to /health and ${version.status} to /version: is this an MLflow tracking server (mlflow server)?`,
    };
  } catch (e) {
    return {
      ok: false,
      reason: describeNetworkError(e as Error, {
        connectTimeoutMs: timeoutMs,
        idleTimeoutMs: timeoutMs,
      }),
    };
  }
}
