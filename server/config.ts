/**
 * Server configuration, read once from the environment. Everything the server
 * does depends on this object, so tests build one by hand instead of touching
 * process.env.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHost, type HostPattern } from './host-guard';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIST_DIR = path.join(REPO_ROOT, 'dist');
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5173;

export interface TrackingServer {
  /** Origin plus base path, no credentials, no trailing slash: what we proxy to. */
  target: string;
  /** The same URL as shown to people (logs, /runlens/info): never holds credentials. */
  displayUri: string;
  /** Authorization header value sent when the browser's request carries none. */
  authorization: string | null;
}

export interface ServerConfig {
  host: string;
  port: number;
  distDir: string;
  /** null: demo workspace (in-process mock backend). */
  tracking: TrackingServer | null;
  /** Verify the tracking server's TLS certificate (MLFLOW_TRACKING_INSECURE_TLS=true turns it off). */
  verifyTls: boolean;
  /** Give up connecting to the tracking server after this long. */
  connectTimeoutMs: number;
  /** Give up on a proxied exchange that stays silent this long. */
  idleTimeoutMs: number;
  /** Demo mode: honour X-Runlens-Demo-Workspace (one private db per id; for parallel e2e tests). */
  demoWorkspaces: boolean;
  /**
   * Host names Runlens answers for besides localhost and the listen address
   * (RUNLENS_ALLOWED_HOSTS); '*' turns the check off. See host-guard.ts.
   */
  allowedHosts: HostPattern[] | '*';
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  return n;
}

function parseMs(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive number of milliseconds, got "${raw}"`);
  return n;
}

function isTrue(raw: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test((raw ?? '').trim());
}

function parseAllowedHosts(raw: string | undefined): HostPattern[] | '*' {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.includes('*')) return '*';
  return entries.map((entry) => {
    const host = parseHost(entry);
    if (!host)
      throw new ConfigError(
        `RUNLENS_ALLOWED_HOSTS: "${entry}" is not a host name, host:port or [IPv6]:port (entries are separated by commas)`,
      );
    return host;
  });
}

/** The URI as it may be shown: its userinfo's password (or a token without a user) replaced by ***. */
export function redactUri(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 0) return raw;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
  const userinfo = raw.slice(scheme.length, at);
  const colon = userinfo.indexOf(':');
  return `${scheme}${colon >= 0 ? `${userinfo.slice(0, colon)}:***` : '***'}${raw.slice(at)}`;
}

function decodeUserinfo(value: string, what: 'user name' | 'password'): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ConfigError(
      `MLFLOW_TRACKING_URI: the ${what} holds a "%" that does not start a %XX escape. ` +
        'Write a literal "%" as %25, or set MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD instead.',
    );
  }
}

/**
 * Parse MLFLOW_TRACKING_URI (http or https, optional base path, optional
 * user:password@) plus MLFLOW_TRACKING_USERNAME/PASSWORD or
 * MLFLOW_TRACKING_TOKEN, as the MLflow client does.
 */
export function parseTrackingUri(raw: string, env: Env = {}): TrackingServer {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(
      `MLFLOW_TRACKING_URI is not a valid URL: "${redactUri(raw.trim())}" (expected e.g. http://127.0.0.1:5000)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `MLFLOW_TRACKING_URI must be an http(s) URL of a tracking server (mlflow server), got "${url.protocol}": ` +
        'file stores and databricks URIs are not supported',
    );
  }
  const username = url.username
    ? decodeUserinfo(url.username, 'user name')
    : (env.MLFLOW_TRACKING_USERNAME ?? '');
  const password = url.password
    ? decodeUserinfo(url.password, 'password')
    : (env.MLFLOW_TRACKING_PASSWORD ?? '');
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const target = url.toString().replace(/\/+$/, '');

  let authorization: string | null = null;
  if (username || password) {
    authorization = 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  } else if (env.MLFLOW_TRACKING_TOKEN) {
    authorization = `Bearer ${env.MLFLOW_TRACKING_TOKEN}`;
  }
  return { target, displayUri: target, authorization };
}

export function readConfig(env: Env = process.env): ServerConfig {
  const uri = env.MLFLOW_TRACKING_URI?.trim();
  return {
    host: env.HOST?.trim() || DEFAULT_HOST,
    port: parsePort(env.PORT, DEFAULT_PORT),
    distDir: env.RUNLENS_DIST_DIR ? path.resolve(env.RUNLENS_DIST_DIR) : DEFAULT_DIST_DIR,
    tracking: uri ? parseTrackingUri(uri, env) : null,
    verifyTls: !isTrue(env.MLFLOW_TRACKING_INSECURE_TLS),
    connectTimeoutMs: parseMs(
      env.RUNLENS_PROXY_CONNECT_TIMEOUT_MS,
      10_000,
      'RUNLENS_PROXY_CONNECT_TIMEOUT_MS',
    ),
    idleTimeoutMs: parseMs(env.RUNLENS_PROXY_TIMEOUT_MS, 120_000, 'RUNLENS_PROXY_TIMEOUT_MS'),
    demoWorkspaces: isTrue(env.RUNLENS_DEMO_WORKSPACES),
    allowedHosts: parseAllowedHosts(env.RUNLENS_ALLOWED_HOSTS),
  };
}

/** Defaults for tests and embedders: demo mode, random port. */
export function makeConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: DEFAULT_HOST,
    port: 0,
    distDir: DEFAULT_DIST_DIR,
    tracking: null,
    verifyTls: true,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 120_000,
    demoWorkspaces: false,
    allowedHosts: [],
    ...overrides,
  };
}
